import type { Finding, Severity } from './findings';
import type { JobContext, JobId } from './job-definition';
import type { MessageKey } from './i18n';
import type { OutValue, SheetSpec } from './sheet-spec';
import { column, safeSheetName, safeTableName, sourceLink, uniqueName } from './report/build';
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
  const rows: OutValue[][] = [];
  for (const g of groups) {
    for (const severity of SEVERITIES) {
      for (const f of g.findings) {
        if (f.severity !== severity) continue;
        const [first, ...more] = f.cells;
        const at = first ? parseA1(first.cell) : null;
        rows.push([
          g.title,
          severityLabel(f.severity),
          t(f.message.key, f.message.values),
          first ? sourceLink(first.sheet, at?.row ?? 1, at?.col ?? 1, `${first.sheet}!${first.cell}`) : null,
          more.length ? more.map((c) => `${c.sheet}!${c.cell}`).join('，') : null,
        ]);
      }
    }
  }
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
        columns: [
          column('job', t('run.col.job'), 'text', 10),
          column('severity', t('run.col.severity'), 'text', 8),
          column('message', t('run.col.message'), 'text', 60),
          column('cell', t('run.col.cell'), 'link', 20),
          column('more', t('run.col.moreCells'), 'text', 24),
        ],
        rows,
        highlights: SEVERITIES.map((s) => ({ column: 'severity', equals: severityLabel(s), tone: TONE[s] })),
      },
    ],
  };
}
