/**
 * The playground: the task pane outside Excel, against a workbook held in the browser (opened from a .xlsx file,
 * or the bundled sample), with a simple view of the sheets — what the pane writes and selects is visible there.
 * `?sample=1` loads the sample on start; `?lang=en-US` starts in English; `?host=memory` picks the simple
 * in-memory host instead of the default: the real Office.js host (src/excel) on the Office.js simulation;
 * `?theme=dark` shows the pane in Office's dark theme.
 */
import { createRoot } from 'react-dom/client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Text,
  Toolbar,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { t, langFromLocale, type Lang } from '../core/i18n';
import { JOBS } from '../core/job-registry';
import { readState } from '../core/state';
import type { Grid } from '../core/grid';
import type { WorkbookHost } from '../core/host';
import { MemoryHost, type MemorySnapshot } from './memory-host';
import { SimHost } from './sim-host';
import { viaMicrosoftClient } from './microsoft-client';
import { readXlsx } from './xlsx-read';
import { SheetView } from './SheetView';
import { runFromRibbon } from '../commands/handlers';
import { themeFor } from '../taskpane/theme';

const SAMPLE_URL = 'assets/sample/clerk-sample.xlsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100%', boxSizing: 'border-box' },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '8px',
    padding: '6px 12px',
    backgroundColor: '#1F6E5A',
    color: '#fff',
  },
  brand: { fontWeight: 600, fontSize: tokens.fontSizeBase400, marginRight: '12px' },
  ribbon: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '4px',
    padding: '4px 12px',
    backgroundColor: '#fff',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: { display: 'flex', flexGrow: 1, minHeight: 0, gap: '8px', padding: '8px' },
  pane: {
    width: '320px',
    boxSizing: 'border-box',
    flexShrink: 0,
    overflowY: 'auto',
    backgroundColor: '#fff',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  sheets: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  file: { color: '#fff', fontSize: tokens.fontSizeBase200 },
});

/** A host the sheet view can watch. */
type ViewableHost = WorkbookHost & { snapshot(): MemorySnapshot; subscribe(l: (s: MemorySnapshot) => void): () => void };
type HostKind = 'sim' | 'client' | 'memory';
const HOSTS: Record<HostKind, (grids: readonly Grid[]) => ViewableHost> = {
  sim: (grids) => new SimHost(grids),
  client: (grids) => new SimHost(grids, viaMicrosoftClient),
  memory: (grids) => new MemoryHost(grids),
};

interface Book {
  host: ViewableHost;
  kind: HostKind;
  grids: Grid[];
  name: string;
  key: number;
}

/** `?theme=dark`: the pane as it looks in Excel's dark themes (in Excel it follows Office.context.officeTheme). */
const paneTheme = themeFor(new URLSearchParams(location.search).get('theme') === 'dark' ? '#262626' : '#ffffff');

const initialHost = (): HostKind => {
  const q = new URLSearchParams(location.search).get('host');
  return q === 'memory' || q === 'client' ? q : 'sim';
};

function initialLang(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  return q ? langFromLocale(q) : 'zh-CN';
}

function Playground() {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [book, setBook] = useState<Book | null>(null);
  const [kind, setKind] = useState<HostKind>(initialHost);
  const [snap, setSnap] = useState<MemorySnapshot | null>(null);
  const [message, setMessage] = useState<{ intent: 'info' | 'error' | 'success'; text: string } | null>(null);
  const keyRef = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const open = useCallback(
    async (name: string, load: () => Promise<ArrayBuffer>) => {
      setMessage({ intent: 'info', text: t(lang, 'excel.pane.playground.loading', { name }) });
      try {
        const grids = await readXlsx(await load());
        const host = HOSTS[kind](grids);
        keyRef.current += 1;
        setBook({ host, kind, grids, name, key: keyRef.current });
        setSnap(host.snapshot());
        setMessage({ intent: 'success', text: t(lang, 'excel.pane.playground.loaded', { name, sheets: grids.length }) });
      } catch (err) {
        setMessage({ intent: 'error', text: t(lang, 'excel.pane.playground.loadFailed', { name, detail: err instanceof Error ? err.message : String(err) }) });
      }
    },
    [lang, kind],
  );

  /** Switch hosts: the workbook as it was opened, behind the other host. */
  const switchHost = useCallback(
    (next: HostKind) => {
      setKind(next);
      if (!book) return;
      const host = HOSTS[next](book.grids);
      keyRef.current += 1;
      setBook({ ...book, host, kind: next, key: keyRef.current });
      setSnap(host.snapshot());
    },
    [book],
  );

  const loadSample = useCallback(
    () =>
      open('clerk-sample.xlsx', async () => {
        const res = await fetch(SAMPLE_URL);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.arrayBuffer();
      }),
    [open],
  );

  useEffect(() => {
    if (new URLSearchParams(location.search).get('sample')) void loadSample();
  }, []);

  useEffect(() => (book ? book.host.subscribe(setSnap) : undefined), [book]);

  const generated = useMemo(() => new Set(snap ? readState(snap.grids).owned.map((o) => o.sheet) : []), [snap]);

  return (
    <div className={styles.page}>
      <div className={styles.bar}>
        <span className={styles.brand}>{t(lang, 'excel.pane.playground.title')}</span>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          data-testid="file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void open(f.name, () => f.arrayBuffer());
            e.target.value = '';
          }}
        />
        <Button size="small" onClick={() => fileInput.current?.click()}>{t(lang, 'excel.pane.playground.open')}</Button>
        <Button size="small" onClick={() => void loadSample()} data-testid="load-sample">{t(lang, 'excel.pane.playground.sample')}</Button>
        <label className={styles.file}>
          {t(lang, 'excel.pane.playground.host')}{' '}
          <select value={kind} onChange={(e) => switchHost(e.target.value as HostKind)} data-testid="host-select">
            <option value="sim">{t(lang, 'excel.pane.playground.host.sim')}</option>
            <option value="client">{t(lang, 'excel.pane.playground.host.client')}</option>
            <option value="memory">{t(lang, 'excel.pane.playground.host.memory')}</option>
          </select>
        </label>
        {book && <span className={styles.file} data-testid="book-name">{book.name}</span>}
      </div>
      <Toolbar className={styles.ribbon} size="small" aria-label={t(lang, 'excel.pane.playground.ribbon')}>
        <Text size={200} weight="semibold" style={{ marginRight: 8 }}>{t(lang, 'excel.ribbon.tab')}</Text>
        {JOBS.map((job) => (
          <Button
            key={job.id}
            size="small"
            appearance="subtle"
            disabled={!book}
            data-testid={`ribbon-${job.id}`}
            onClick={() => void runFromRibbon(job.id, async () => undefined)}
          >
            {t(lang, job.title)}
          </Button>
        ))}
        <Button size="small" appearance="subtle" disabled={!book} data-testid="ribbon-all" onClick={() => void runFromRibbon('all', async () => undefined)}>
          {t(lang, 'pane.runAll')}
        </Button>
      </Toolbar>
      {message && (
        <MessageBar intent={message.intent} style={{ margin: '8px 8px 0' }} data-testid="playground-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.main}>
        <div className={styles.pane} data-testid="pane-frame">
          {book ? (
            <App host={book.host} workbookKey={book.key} initialLang={lang} onLangChange={setLang} hostLabel={t(lang, `excel.pane.playground.host.${book.kind}`)} theme={paneTheme} registerRibbon />
          ) : (
            <Text style={{ display: 'block', padding: 12 }}>{t(lang, 'excel.pane.playground.noWorkbook')}</Text>
          )}
        </div>
        <div className={styles.sheets}>
          {snap && <SheetView grids={snap.grids} selected={snap.selected} generated={generated} lang={lang} />}
        </div>
      </div>
    </div>
  );
}

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <Playground />
    </FluentProvider>,
  );
}
