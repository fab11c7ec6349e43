import type { Finding, Severity } from './findings';
import type { JobContext, JobId } from './job-definition';
import type { MessageKey } from './i18n';
import type { SheetSpec } from './sheet-spec';
import { safeSheetName, safeTableName, sourceLink, uniqueName } from './report/build';
import { col, tableBody } from './report/columns';
import { parseA1 } from './values/address';

/** The findings of one job in a run, in the order the job reported them. */
export interface JobFindings {
  job: JobId;
  /** The job's title, in the clerk's language. */
  title: string;
  findings: Finding[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const TONE = { error: 'bad', warning: 'warn', info: 'info' } as const;
const SUMMARY_KEY: Record<Severity, MessageKey> = { error: 'run.summary.errors', warning: 'run.summary.warnings', info: 'run.summary.infos' };

/**
 * The one 问题清单 of a run: every finding of every job that ran (the cells structure could not read among them),
 * grouped by job in run order, errors first within a job, each with a link to the first cell it is about.
 */
export function findingsSheet(groups: readonly JobFindings[], ctx: Pick<JobContext, 't' | 'asOf'>, takenSheets: Set<string>): SheetSpec {
  const { t } = ctx;
  const severityLabel = (s: Severity) => t(`run.severity.${s}` as MessageKey);
  // By job in run order, then by severity, each job's findings of one severity in the order it reported them.
  const items = groups.flatMap((g) => SEVERITIES.flatMap((severity) => g.findings.filter((f) => f.severity === severity).map((f) => ({ g, f }))));
  const all = groups.flatMap((g) => g.findings);
  return {
    name: uniqueName(safeSheetName(t('run.sheet.findings')), takenSheets, 31),
    purpose: 'findings',
    title: [t('run.heading.findings'), t('run.line.findings', { jobs: groups.map((g) => g.title).join(t('run.listSeparator')), asOf: ctx.asOf })],
    summary: SEVERITIES.map((s) => {
      const n = all.filter((f) => f.severity === s).length;
      return { label: t(SUMMARY_KEY[s]), value: n, type: 'integer' as const, tone: n ? TONE[s] : ('good' as const) };
    }),
    tables: [
      {
        name: safeTableName(t('run.tableName.findings')),
        ...tableBody<{ g: JobFindings; f: Finding }>(
          [
            col('job', t('run.col.job'), 'text', 10, ({ g }) => g.title),
            col('severity', t('run.col.severity'), 'text', 8, ({ f }) => severityLabel(f.severity)),
            col('message', t('run.col.message'), 'text', 60, ({ f }) => t(f.message.key, f.message.values)),
            col('cell', t('run.col.cell'), 'link', 20, ({ f }) => {
              const first = f.cells[0];
              const at = first ? parseA1(first.cell) : null;
              return first ? sourceLink(first.sheet, at?.row ?? 1, at?.col ?? 1, `${first.sheet}!${first.cell}`) : null;
            }),
            col('more', t('run.col.moreCells'), 'text', 24, ({ f }) => (f.cells.length > 1 ? f.cells.slice(1).map((c) => `${c.sheet}!${c.cell}`).join('，') : null)),
          ],
          items,
        ),
        highlights: SEVERITIES.map((s) => ({ column: 'severity', equals: severityLabel(s), tone: TONE[s] })),
      },
    ],
  };
}
