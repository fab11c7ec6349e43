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
  ProgressBar,
  Spinner,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { PaneTheme } from './theme';
import type { WorkbookHost } from '../core/host';
import type { CellRef } from '../core/findings';
import type { JobId, OptionValues } from '../core/job-definition';
import { JOBS, jobById } from '../core/job-registry';
import type { SheetOverride } from '../core/state';
import type { IsoDate } from '../core/values/brand';
import { t, translator, type Lang, type MessageKey, type MessageValues } from '../core/i18n';
import { periodLines } from '../core/period';
import { PaneEngine, type JobResult, type PaneProgress, type RunTarget, type ScanResult } from './engine';
import { figuresOf } from '../core/figures';
import { mainSheetOf, mergedOptions } from './run-all';
import { defaultValues, isValid, todayIso } from './options';
import { LangContext, useT } from './i18n';
import { canRetry, errorText, isCancel } from './errors';
import { SheetList } from './components/SheetList';
import { JobCard } from './components/JobCard';
import { StatementFiles, statementFiles, type PickedStatement } from './components/StatementFiles';
import { Findings } from './components/Findings';
import { Summary, shownOutcomes } from './components/Summary';
import { OurCompany } from './components/OurCompany';
import type { CompanySettings } from '../core/report/company';
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
  header: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: '6px' },
  intro: { color: tokens.colorNeutralForeground2 },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: '4px 8px',
    marginTop: '8px',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase100,
  },
  brand: { fontWeight: 600 },
  langs: { display: 'flex', gap: '2px' },
  section: { display: 'flex', flexDirection: 'column', gap: '6px' },
  sectionHead: { display: 'flex', alignItems: 'center', gap: '6px' },
  h2: { flexGrow: 1, fontSize: tokens.fontSizeBase400, fontWeight: 600, margin: 0 },
  jobs: { display: 'flex', flexDirection: 'column', gap: '6px' },
  runAll: { display: 'flex', flexDirection: 'column', gap: '4px' },
  progress: { display: 'flex', alignItems: 'center', gap: '6px' },
  phase: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // Read by screen readers, not shown: the outcome of each run is announced here.
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** A press that came while another run was going: it waits for its turn and then resolves the ribbon's promise. */
interface Queued {
  target: RunTarget;
  options: OptionValues;
  resolve: (outcome: RibbonOutcome) => void;
}

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
  /** Office's theme around the pane (Office.context.officeTheme); the pane follows it, dark included. */
  theme?: PaneTheme;
}

/** The values that differ from the defaults (so the rest can keep following the as-of date). */
function changedFrom(defaults: OptionValues, values: OptionValues): OptionValues {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== defaults[k]));
}

/**
 * What the message bar says: a catalog message (re-rendered when the clerk switches language) or a host's own text;
 * the period the job used, as the CLI says it on stderr; a retry after a failure that may pass the next time.
 */
type Notice = {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string | { key: MessageKey; values?: MessageValues; job?: RunTarget; running?: RunTarget };
  period?: string;
  retry?: () => void;
} | null;

function Pane({ host, workbookKey, hostLabel, registerRibbon, missing = [] }: Omit<PaneProps, 'initialLang' | 'theme'>) {
  const styles = useStyles();
  const { lang, tr, setLang } = useT();
  const engine = useMemo(() => new PaneEngine(host), [host]);
  const [asOf, setAsOf] = useState<string>(todayIso());
  const [scan, setScan] = useState<ScanResult | null>(null);
  const [scanning, setScanning] = useState(false);
  const [running, setRunning] = useState<RunTarget | null>(null);
  const [progress, setProgress] = useState<PaneProgress | null>(null);
  const [result, setResult] = useState<JobResult | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // Only what the clerk changed is kept; the rest follows the as-of date (a month option defaults to its month).
  const [edits, setEdits] = useState<Record<string, OptionValues>>({});
  const abort = useRef<AbortController | null>(null);
  // Their statement files (issue 15), for every run that reconciles, the ribbon's included.
  const [statements, setStatements] = useState<PickedStatement[]>([]);
  const statementsRef = useRef<PickedStatement[]>([]);
  statementsRef.current = statements;
  const runningRef = useRef<RunTarget | null>(null);
  const queue = useRef<Queued[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const resultHeading = useRef<HTMLHeadingElement | null>(null);
  const [focusResult, setFocusResult] = useState(0);
  const langRef = useRef(lang);
  langRef.current = lang;
  // Our company as saved in the workbook: every run (the ribbon's too) passes its name, as the CLI's --company does.
  const companyRef = useRef<string | undefined>(undefined);
  companyRef.current = scan?.state.company?.name;

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
    setStatements([]);
    void rescan();
  }, [rescan, workbookKey]);

  const titleOf = (l: Lang, target: RunTarget) => (target === 'all' ? t(l, 'pane.runAll') : t(l, jobById(target)?.title ?? 'cli.title'));

  const execute = useCallback(
    async (target: RunTarget, options: OptionValues): Promise<RibbonOutcome> => {
      const l = langRef.current;
      const title = titleOf(l, target);
      const controller = new AbortController();
      abort.current = controller;
      runningRef.current = target;
      setRunning(target);
      setProgress(null);
      setNotice(null);
      try {
        const theirs = target === 'reconcile' || target === 'all' ? statementFiles(statementsRef.current) : [];
        const company = companyRef.current;
        const withCompany = company && options.company === undefined ? { ...options, company } : options;
        const res = await engine.run(target, withCompany, (validAsOf ? asOf : todayIso()) as IsoDate, l, setProgress, controller.signal, theirs);
        setResult(res);
        setScan(res.scan);
        // Bring the answer forward: its sheet in the workbook, its figures in the pane, and a sentence for the ear.
        const main = mainSheetOf(res);
        if (main) await engine.select({ sheet: main, cell: 'A1' }).catch(() => undefined);
        const figures = shownOutcomes(res)
          .slice(0, 1)
          .flatMap((o) => figuresOf(o, res.summary, l))
          .map((f) => t(l, 'pane.announce.figure', { label: f.label, value: f.value }))
          .join('');
        const message =
          target === 'all'
            ? t(l, 'pane.announce.allDone', { jobs: res.outcomes.length - 1, findings: res.findings.length })
            : t(l, main ? 'pane.announce.done' : 'pane.announce.doneNoSheet', { job: title, figures, sheet: main ?? '' });
        // The result line says the period the job used (and an as-of after the data), as the CLI does on stderr.
        const periods = periodLines(res.summary, translator(l));
        const period = periods.length ? (l === 'zh-CN' ? `${periods.join('；')}。` : `${periods.join('; ')}.`) : undefined;
        setNotice({ intent: 'success', text: { key: 'excel.pane.notice.done', values: { findings: res.findings.length, sheets: res.written.length }, job: target }, period });
        setAnnouncement(period ? `${message} ${period}` : message);
        setFocusResult((n) => n + 1);
        return { ok: true, message };
      } catch (err) {
        const cancelled = isCancel(err);
        const message = cancelled ? t(l, 'excel.pane.notice.cancelled', { job: title }) : errorText(l, err);
        const retry = !cancelled && canRetry(err) ? () => void runJobRef.current?.(target, options) : undefined;
        setNotice({ intent: cancelled ? 'warning' : 'error', text: cancelled ? { key: 'excel.pane.notice.cancelled', job: target } : message, retry });
        setAnnouncement(message);
        return { ok: false, message };
      } finally {
        if (abort.current === controller) abort.current = null;
        runningRef.current = null;
        setRunning(null);
        setProgress(null);
      }
    },
    [engine, asOf, validAsOf],
  );

  // A press while a run is going never cancels it: the job waits its turn (once), and the clerk is told so.
  const runJob = useCallback(
    async (target: RunTarget, options: OptionValues): Promise<RibbonOutcome> => {
      const l = langRef.current;
      const current = runningRef.current;
      if (current !== null) {
        if (current === target || queue.current.some((q) => q.target === target)) {
          const message = t(l, 'pane.queue.busy', { running: titleOf(l, current) });
          setAnnouncement(message);
          return { ok: false, message };
        }
        const message = t(l, 'pane.queue.queued', { job: titleOf(l, target), running: titleOf(l, current) });
        setNotice({ intent: 'info', text: { key: 'pane.queue.queued', job: target, running: current } });
        setAnnouncement(message);
        return new Promise<RibbonOutcome>((resolve) => queue.current.push({ target, options, resolve }));
      }
      const outcome = await execute(target, options);
      // Then whatever was pressed meanwhile, in order.
      for (let next = queue.current.shift(); next; next = queue.current.shift()) {
        const done = await execute(next.target, next.options);
        next.resolve(done);
      }
      return outcome;
    },
    [execute],
  );

  // After a run: the pane scrolls to the result and the keyboard focus lands on its heading.
  useEffect(() => {
    if (!focusResult) return;
    const h = resultHeading.current;
    if (!h) return;
    h.scrollIntoView?.({ block: 'start' });
    h.focus({ preventScroll: true });
  }, [focusResult]);
  const runJobRef = useRef<typeof runJob | null>(null);
  runJobRef.current = runJob;

  // The ribbon's one-click buttons run a job with its default options through this pane.
  useEffect(() => {
    if (!registerRibbon) return undefined;
    return registerRunner((target) => runJob(target, mergedOptions(target, validAsOf ? asOf : todayIso(), {})));
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
        setNotice({ intent: 'success', text: { key: 'excel.pane.notice.overrideSaved', values: { sheet } } });
      } catch (err) {
        setNotice({ intent: 'error', text: errorText(langRef.current, err) });
      } finally {
        setScanning(false);
      }
      await rescan();
    },
    [engine, rescan],
  );

  const saveCompany = useCallback(
    async (settings: CompanySettings) => {
      setScanning(true);
      try {
        await engine.saveCompany(settings);
        const text = t(langRef.current, 'pane.company.saved', { name: settings.name });
        setNotice({ intent: 'success', text: { key: 'pane.company.saved', values: { name: settings.name } } });
        setAnnouncement(text);
      } catch (err) {
        setNotice({ intent: 'error', text: errorText(langRef.current, err) });
        throw err;
      } finally {
        setScanning(false);
        await rescan();
      }
    },
    [engine, rescan],
  );

  const busy = running !== null || scanning;
  // Job names are filled in at render, so that a language switch changes the whole sentence.
  const noticeText = (n: Exclude<NonNullable<Notice>['text'], string>) =>
    tr(n.key, { ...(n.values ?? {}), ...(n.job ? { job: titleOf(lang, n.job) } : {}), ...(n.running ? { running: titleOf(lang, n.running) } : {}) });
  const allValid = JOBS.every((job) => job.options.every((o) => isValid(o, valuesOf(job.id)[o.name])));

  return (
    <main className={styles.root} lang={lang} data-testid="pane">
      <header className={styles.header}>
        <div className={styles.langs} role="group" aria-label={tr('excel.pane.language')}>
          <ToggleButton size="small" appearance="subtle" checked={lang === 'zh-CN'} onClick={() => setLang('zh-CN')} data-testid="lang-zh">
            中文
          </ToggleButton>
          <ToggleButton size="small" appearance="subtle" checked={lang === 'en-US'} onClick={() => setLang('en-US')} data-testid="lang-en">
            English
          </ToggleButton>
        </div>
      </header>
      {!result && scan && scan.state.owned.length === 0 && (
        <Text size={200} className={styles.intro} data-testid="intro">{tr('pane.intro')}</Text>
      )}

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
          <MessageBarBody>
            {typeof notice.text === 'string' ? notice.text : noticeText(notice.text)}
            {notice.period ? ` ${notice.period}` : ''}
          </MessageBarBody>
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

      {scan && (
        <>
          <Divider />
          <OurCompany company={scan.company} titleCompanies={scan.titleCompanies} hasSheets={scan.sheets.length > 0} busy={busy} onSave={saveCompany} />
        </>
      )}

      <Divider />

      <section className={styles.section} aria-labelledby="clerk-jobs">
        <div className={styles.sectionHead}>
          <h2 id="clerk-jobs" className={styles.h2}>{tr('excel.pane.jobs.title')}</h2>
          <Button
            size="small"
            appearance="primary"
            disabled={busy || !validAsOf || !allValid}
            onClick={() => void runJob('all', mergedOptions('all', validAsOf ? asOf : todayIso(), edits))}
            aria-label={tr('pane.runAll.aria')}
            data-testid="run-all"
          >
            {tr('pane.runAll')}
          </Button>
        </div>
        {running === 'all' && (
          <div className={styles.progress} data-testid="run-all-progress">
            <ProgressBar value={progress ? progress.fraction : undefined} thickness="large" aria-label={tr('excel.pane.progress')} style={{ flexGrow: 1 }} />
            <span className={styles.phase}>{progress ? tr(`excel.pane.phase.${progress.phase}`) : ''}</span>
            <Button size="small" onClick={() => abort.current?.abort()} data-testid="cancel">{tr('excel.pane.cancel')}</Button>
          </div>
        )}
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
              extra={job.id === 'reconcile' ? <StatementFiles picked={statements} onChange={setStatements} disabled={busy} /> : undefined}
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
            <Summary ref={resultHeading} result={result} onSelect={select} />
            <h2 className={styles.h2}>{tr('excel.pane.findings.title', { count: result.findings.length })}</h2>
            <Findings
              key={`${result.jobId}-${focusResult}`}
              groups={result.outcomes.map((o) => ({ job: o.job, findings: o.findings }))}
              expandStructure={result.jobId === 'structure'}
              onSelect={select}
            />
          </section>
        </>
      )}
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.live} data-testid="announce">
        {announcement}
      </div>
      <footer className={styles.footer} data-testid="brand">
        <span className={styles.brand}>{tr('common.title')}</span>
        {hostLabel && <span>{tr('excel.pane.footer', { host: hostLabel })}</span>}
      </footer>
    </main>
  );
}

/** The task pane, in Excel and in the playground alike. */
export function App({ initialLang, onLangChange, theme = 'light', ...rest }: PaneProps) {
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
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={lang} style={{ minHeight: '100%' }} data-theme={theme}>
      <LangContext.Provider value={ctx}>
        <Pane {...rest} />
      </LangContext.Provider>
    </FluentProvider>
  );
}
