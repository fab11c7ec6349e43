import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Divider,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { WorkbookHost } from '../core/host';
import type { CellRef } from '../core/findings';
import type { JobId, OptionValues } from '../core/job';
import { JOBS, jobById } from '../core/jobs';
import type { SheetOverride } from '../core/state';
import type { IsoDate } from '../core/values/brand';
import { t, translator, type Lang } from '../core/i18n';
import { periodLines } from '../core/period';
import { PaneEngine, type JobResult, type PaneProgress, type ScanResult } from './engine';
import { defaultValues, todayIso } from './options';
import { LangContext, useT } from './i18n';
import { canRetry, errorText, isCancel } from './errors';
import { SheetList } from './components/SheetList';
import { JobCard } from './components/JobCard';
import { Findings } from './components/Findings';
import { Summary } from './components/Summary';
import { registerRunner, type RibbonOutcome } from '../shared-runtime/bridge';
import type { MissingFeature } from './excel-host';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    padding: '10px 12px 16px',
    minWidth: '280px',
    maxWidth: '640px',
    boxSizing: 'border-box',
    fontFamily: tokens.fontFamilyBase,
  },
  header: { display: 'flex', alignItems: 'center', gap: '6px' },
  title: { flexGrow: 1, fontSize: tokens.fontSizeBase500, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  langs: { display: 'flex', gap: '2px' },
  section: { display: 'flex', flexDirection: 'column', gap: '6px' },
  sectionHead: { display: 'flex', alignItems: 'center', gap: '6px' },
  h2: { flexGrow: 1, fontSize: tokens.fontSizeBase400, fontWeight: 600, margin: 0 },
  jobs: { display: 'flex', flexDirection: 'column', gap: '6px' },
});

export interface PaneProps {
  host: WorkbookHost;
  /** Changes when the workbook behind the host changes (the playground opens another file): the pane re-scans. */
  workbookKey?: string | number;
  initialLang: Lang;
  /** Where the pane runs, for the footer line ("Excel", "playground"). */
  hostLabel?: string;
  /** Register as the ribbon's runner (the shared runtime inside Excel; the playground's ribbon row). */
  registerRibbon?: boolean;
  onLangChange?: (lang: Lang) => void;
  /** Requirement sets this Excel lacks (the Office.js host says which); shown at the top of the pane. */
  missing?: MissingFeature[];
}

/** The values that differ from the defaults (so the rest can keep following the as-of date). */
function changedFrom(defaults: OptionValues, values: OptionValues): OptionValues {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== defaults[k]));
}

type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; text: string; retry?: () => void } | null;

function Pane({ host, workbookKey, hostLabel, registerRibbon, missing = [] }: Omit<PaneProps, 'initialLang'>) {
  const styles = useStyles();
  const { lang, tr, setLang } = useT();
  const engine = useMemo(() => new PaneEngine(host), [host]);
  const [asOf, setAsOf] = useState<string>(todayIso());
  const [scan, setScan] = useState<ScanResult | null>(null);
  const [scanning, setScanning] = useState(false);
  const [running, setRunning] = useState<JobId | null>(null);
  const [progress, setProgress] = useState<PaneProgress | null>(null);
  const [result, setResult] = useState<JobResult | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // Only what the clerk changed is kept; the rest follows the as-of date (a month option defaults to its month).
  const [edits, setEdits] = useState<Record<string, OptionValues>>({});
  const abort = useRef<AbortController | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;

  const validAsOf = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const valuesOf = (jobId: JobId): OptionValues => {
    const job = jobById(jobId);
    return { ...(job ? defaultValues(job.options, validAsOf ? asOf : todayIso()) : {}), ...(edits[jobId] ?? {}) };
  };

  const rescan = useCallback(async () => {
    setScanning(true);
    try {
      setScan(await engine.scan(langRef.current, (validAsOf ? asOf : todayIso()) as IsoDate));
      // Reading found a run that had stopped midway (issue 21) and finished or undid it: say which.
      const repaired = (host as { repaired?: string }).repaired;
      if (repaired === 'undone' || repaired === 'finished') {
        setNotice({ intent: 'info', text: t(langRef.current, repaired === 'undone' ? 'excel.run.restored' : 'excel.run.finished') });
      }
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(langRef.current, err) });
    } finally {
      setScanning(false);
    }
    // asOf only sets the default year of dates without one; a re-scan on each keystroke is not wanted.
  }, [engine, host]);

  useEffect(() => {
    setResult(null);
    setScan(null);
    void rescan();
  }, [rescan, workbookKey]);

  const runJob = useCallback(
    async (jobId: JobId, options: OptionValues): Promise<RibbonOutcome> => {
      const job = jobById(jobId);
      const l = langRef.current;
      const title = job ? t(l, job.title) : jobId;
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setRunning(jobId);
      setProgress(null);
      setNotice(null);
      try {
        const res = await engine.run(jobId, options, (validAsOf ? asOf : todayIso()) as IsoDate, l, setProgress, controller.signal);
        setResult(res);
        setScan(res.scan);
        // The result line says the period the job used (and an as-of after the data), as the CLI does on stderr.
        const periods = periodLines(res.summary, translator(l));
        const done = t(l, 'excel.pane.notice.done', { job: title, findings: res.findings.length, sheets: res.written.length });
        const message = periods.length ? `${done}${l === 'zh-CN' ? periods.join('；') + '。' : ` ${periods.join('; ')}.`}` : done;
        setNotice({ intent: 'success', text: message });
        return { ok: true, message };
      } catch (err) {
        const cancelled = isCancel(err);
        const message = cancelled ? t(l, 'excel.pane.notice.cancelled', { job: title }) : errorText(l, err);
        const retry = canRetry(err) ? () => void runJobRef.current?.(jobId, options) : undefined;
        setNotice({ intent: cancelled ? 'warning' : 'error', text: message, retry });
        return { ok: false, message };
      } finally {
        if (abort.current === controller) abort.current = null;
        setRunning(null);
        setProgress(null);
      }
    },
    [engine, asOf, validAsOf],
  );

  const runJobRef = useRef<typeof runJob | null>(null);
  runJobRef.current = runJob;

  // The ribbon's one-click buttons run a job with its default options through this pane.
  useEffect(() => {
    if (!registerRibbon) return undefined;
    return registerRunner((jobId) => {
      const job = jobById(jobId);
      return runJob(jobId, job ? defaultValues(job.options, validAsOf ? asOf : todayIso()) : {});
    });
  }, [registerRibbon, runJob, asOf, validAsOf]);

  const select = useCallback(
    (cell: CellRef) => {
      engine.select(cell).catch((err: unknown) => setNotice({ intent: 'error', text: errorText(langRef.current, err) }));
    },
    [engine],
  );

  const saveOverride = useCallback(
    async (sheet: string, override: SheetOverride | null) => {
      setScanning(true);
      try {
        await engine.saveOverride(sheet, override);
        setNotice({ intent: 'success', text: t(langRef.current, 'excel.pane.notice.overrideSaved', { sheet }) });
      } catch (err) {
        setNotice({ intent: 'error', text: errorText(langRef.current, err) });
      } finally {
        setScanning(false);
      }
      await rescan();
    },
    [engine, rescan],
  );

  const busy = running !== null || scanning;

  return (
    <main className={styles.root} lang={lang} data-testid="pane">
      <header className={styles.header}>
        <span className={styles.title}>{tr('common.title')}</span>
        <div className={styles.langs} role="group" aria-label={tr('excel.pane.language')}>
          <ToggleButton size="small" appearance="subtle" checked={lang === 'zh-CN'} onClick={() => setLang('zh-CN')} data-testid="lang-zh">
            中文
          </ToggleButton>
          <ToggleButton size="small" appearance="subtle" checked={lang === 'en-US'} onClick={() => setLang('en-US')} data-testid="lang-en">
            English
          </ToggleButton>
        </div>
      </header>

      {missing.length > 0 && (
        <MessageBar intent={missing.some((m) => m.required) ? 'error' : 'warning'} data-testid="requirements">
          <MessageBarBody>
            {tr(missing.some((m) => m.required) ? 'excel.pane.requirements.required' : 'excel.pane.requirements.optional')}
            <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
              {missing.map((m) => (
                <li key={m.version + m.feature}>{tr('excel.pane.requirements.item', { feature: tr(m.feature), version: m.version })}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {notice && (
        <MessageBar intent={notice.intent} data-testid="notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
          {notice.retry && (
            <MessageBarActions>
              <Button size="small" disabled={running !== null || scanning} onClick={notice.retry} data-testid="retry">
                {tr('excel.run.retry')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="clerk-sheets">
        <div className={styles.sectionHead}>
          <h2 id="clerk-sheets" className={styles.h2}>{tr('excel.pane.sheets.title')}</h2>
          {scanning && <Spinner size="extra-tiny" aria-label={tr('excel.pane.sheets.scanning')} />}
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => void rescan()} data-testid="rescan">
            {tr('excel.pane.sheets.refresh')}
          </Button>
        </div>
        {scan ? (
          <SheetList sheets={scan.sheets} busy={busy} onSaveOverride={saveOverride} />
        ) : (
          <Text size={200}>{tr(scanning ? 'excel.pane.sheets.scanning' : 'excel.pane.sheets.empty')}</Text>
        )}
      </section>

      <Divider />

      <section className={styles.section} aria-labelledby="clerk-jobs">
        <h2 id="clerk-jobs" className={styles.h2}>{tr('excel.pane.jobs.title')}</h2>
        <Field
          label={tr('excel.pane.asOf')}
          size="small"
          validationState={validAsOf ? 'none' : 'error'}
          validationMessage={validAsOf ? undefined : tr('excel.pane.option.invalid')}
        >
          <Input size="small" type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} data-testid="as-of" />
        </Field>
        <div className={styles.jobs}>
          {JOBS.map((job) => (
            <JobCard
              key={job.id}
              job={job}
              values={valuesOf(job.id)}
              onValues={(v) => setEdits({ ...edits, [job.id]: changedFrom(defaultValues(job.options, validAsOf ? asOf : todayIso()), v) })}
              running={running === job.id}
              disabled={busy || !validAsOf}
              progress={running === job.id ? progress : null}
              onRun={() => void runJob(job.id, valuesOf(job.id))}
              onCancel={() => abort.current?.abort()}
            />
          ))}
        </div>
      </section>

      {result && (
        <>
          <Divider />
          <section className={styles.section} aria-labelledby="clerk-result">
            <h2 id="clerk-result" className={styles.h2}>{tr('excel.pane.result.title')}</h2>
            <Summary result={result} onSelect={select} />
            <h2 className={styles.h2}>{tr('excel.pane.findings.title', { count: result.findings.length })}</h2>
            <Findings findings={result.findings} onSelect={select} />
          </section>
        </>
      )}
      {hostLabel && <Text size={100} style={{ color: tokens.colorNeutralForeground4 }}>{tr('excel.pane.footer', { host: hostLabel })}</Text>}
    </main>
  );
}

/** The task pane, in Excel and in the playground alike. */
export function App({ initialLang, onLangChange, ...rest }: PaneProps) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback(
    (l: Lang) => {
      setLangState(l);
      onLangChange?.(l);
    },
    [onLangChange],
  );
  const ctx = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <LangContext.Provider value={ctx}>
        <Pane {...rest} />
      </LangContext.Provider>
    </FluentProvider>
  );
}
