import { useRef, useState } from 'react';
import { Button, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Grid } from '../../core/grid';
import type { StatementFile } from '../../core/reconcile/statement-file';
// The dependency-free in-browser reader (DecompressionStream + DOMParser): the file never leaves her machine.
import { readXlsx } from '../../playground/xlsx-read';
import { useT } from '../i18n';

/** A statement workbook she picked: every sheet it has, and the ones she wants reconciled (all, to begin with). */
export interface PickedStatement {
  label: string;
  grids: Grid[];
  chosen: string[];
}

/** What the run gets: each file with its chosen sheets; a file with none chosen is left out. */
export function statementFiles(picked: readonly PickedStatement[]): StatementFile[] {
  return picked
    .map((p) => ({ label: p.label, grids: p.grids.filter((g) => p.chosen.includes(g.name)) }))
    .filter((f) => f.grids.length > 0);
}

const labelOf = (fileName: string) => fileName.replace(/\.[^.]+$/, '');

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '6px 10px', border: `1px dashed ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  hint: { color: tokens.colorNeutralForeground3 },
  file: { display: 'flex', flexDirection: 'column', gap: '2px' },
  head: { display: 'flex', alignItems: 'center', gap: '6px' },
  name: { flexGrow: 1, fontWeight: 600, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1 },
  hidden: { display: 'none' },
});

/** The reconcile job's file picker for their 对账单 workbooks: read in the browser, sheets chosen, never written. */
export function StatementFiles({ picked, onChange, disabled }: { picked: PickedStatement[]; onChange: (next: PickedStatement[]) => void; disabled: boolean }) {
  const styles = useStyles();
  const { tr } = useT();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

  const read = async (files: FileList | null) => {
    let next = [...picked];
    for (const file of Array.from(files ?? [])) {
      setStatus({ error: false, text: tr('pane.statements.reading', { name: file.name }) });
      try {
        const grids = (await readXlsx(await file.arrayBuffer())).filter((g) => !g.hidden);
        const label = labelOf(file.name);
        // Picking the same file again replaces it (she may have been sent a corrected one).
        next = [...next.filter((p) => p.label !== label), { label, grids, chosen: grids.map((g) => g.name) }];
        setStatus(null);
      } catch (err) {
        setStatus({ error: true, text: tr('pane.statements.unreadable', { name: file.name, detail: err instanceof Error ? err.message : String(err) }) });
      }
    }
    onChange(next);
    if (input.current) input.current.value = '';
  };

  const toggle = (label: string, sheet: string, on: boolean) =>
    onChange(picked.map((p) => (p.label !== label ? p : { ...p, chosen: on ? [...p.chosen, sheet] : p.chosen.filter((s) => s !== sheet) })));

  return (
    <div className={styles.box} data-testid="statement-files">
      <Text size={200} weight="semibold">{tr('pane.statements.title')}</Text>
      <Text size={200} className={styles.hint}>{tr('pane.statements.hint')}</Text>
      {picked.map((p) => (
        <div key={p.label} className={styles.file} data-testid="statement-file" data-file={p.label}>
          <div className={styles.head}>
            <Text size={200} className={styles.name}>{p.label}</Text>
            <Button size="small" appearance="subtle" disabled={disabled} aria-label={tr('pane.statements.removeAria', { name: p.label })} onClick={() => onChange(picked.filter((q) => q !== p))}>
              {tr('pane.statements.remove')}
            </Button>
          </div>
          <div role="group" aria-label={tr('pane.statements.sheetsOf', { name: p.label })}>
            {p.grids.map((g) => (
              <Checkbox key={g.name} size="medium" label={g.name} checked={p.chosen.includes(g.name)} disabled={disabled} data-testid="statement-sheet" data-sheet={g.name} onChange={(_, d) => toggle(p.label, g.name, d.checked === true)} />
            ))}
          </div>
          {p.chosen.length === 0 && <Text size={200} className={styles.hint}>{tr('pane.statements.noneChosen')}</Text>}
        </div>
      ))}
      {status && (
        <Text size={200} className={status.error ? styles.error : styles.hint} role={status.error ? 'alert' : undefined} data-testid="statement-status">
          {status.text}
        </Text>
      )}
      <input ref={input} type="file" accept=".xlsx,.xlsm" multiple className={styles.hidden} data-testid="statement-input" onChange={(e) => void read(e.target.files)} />
      <Button size="small" disabled={disabled} onClick={() => input.current?.click()}>{tr('pane.statements.pick')}</Button>
    </div>
  );
}
