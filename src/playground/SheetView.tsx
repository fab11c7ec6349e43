import { useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CellRef } from '../core/findings';
import type { Grid } from '../core/grid';
import { displayValue } from '../core/values/parse';
import { columnLetter, parseA1 } from '../core/values/address';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';

const MAX_ROWS = 400;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, flexGrow: 1, gap: '4px' },
  tabs: { overflowX: 'auto', flexShrink: 0 },
  scroller: { overflow: 'auto', flexGrow: 1, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: '#fff' },
  table: { borderCollapse: 'collapse', fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  th: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 6px',
    fontWeight: 400,
    color: tokens.colorNeutralForeground3,
    zIndex: 1,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
    color: tokens.colorNeutralForeground3,
    textAlign: 'right',
  },
  td: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: '1px 6px',
    whiteSpace: 'nowrap',
    maxWidth: '220px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    '&[aria-selected="true"]': { outline: '2px solid #107C41', outlineOffset: '-2px', backgroundColor: '#E6F4EA' },
  },
  num: { textAlign: 'right' },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface SheetViewProps {
  grids: readonly Grid[];
  selected: CellRef | null;
  /** Sheets Clerk Desk generated (from the state sheet), marked on their tabs. */
  generated: ReadonlySet<string>;
  lang: Lang;
}

/** The playground's view of the workbook: one tab per visible sheet, a plain grid, the selected cell outlined. */
export function SheetView({ grids, selected, generated, lang }: SheetViewProps) {
  const styles = useStyles();
  const visible = grids.filter((g) => !g.hidden);
  const [active, setActive] = useState<string>(visible[0]?.name ?? '');
  const scroller = useRef<HTMLDivElement>(null);

  // Follow the selection to its sheet.
  useEffect(() => {
    if (selected && visible.some((g) => g.name === selected.sheet)) setActive(selected.sheet);
  }, [selected]);
  const grid = visible.find((g) => g.name === active) ?? visible[0];
  const target = selected && grid && selected.sheet === grid.name ? parseA1(selected.cell) : null;

  useEffect(() => {
    if (!target || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>('[aria-selected="true"]');
    el?.scrollIntoView({ block: 'center', inline: 'center' });
  });

  const body = useMemo(() => {
    if (!grid) return null;
    const rows = Math.max(grid.values.length, target?.row ?? 0);
    const cols = Math.max(1, ...grid.values.slice(0, MAX_ROWS).map((r) => r?.length ?? 0), target?.col ?? 0);
    const shown = Math.min(rows, Math.max(MAX_ROWS, target?.row ?? 0));
    return { rows, cols, shown };
  }, [grid, target]);

  if (!grid || !body) return <Text className={styles.note}>{t(lang, 'excel.pane.playground.noWorkbook')}</Text>;
  return (
    <div className={styles.wrap} data-testid="sheet-view">
      <TabList className={styles.tabs} size="small" selectedValue={grid.name} onTabSelect={(_, d) => setActive(String(d.value))}>
        {visible.map((g) => (
          <Tab key={g.name} value={g.name} data-testid="sheet-tab" data-sheet={g.name}>
            {g.name}
            {generated.has(g.name) && (
              <Badge size="small" appearance="tint" color="success" style={{ marginLeft: 4 }}>
                {t(lang, 'excel.pane.playground.generated')}
              </Badge>
            )}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller} ref={scroller}>
        {body.rows === 0 ? (
          <Text className={styles.note}>{t(lang, 'excel.pane.playground.sheetEmpty')}</Text>
        ) : (
          <table className={styles.table} data-sheet={grid.name} role="grid" aria-label={grid.name}>
            <thead>
              <tr>
                <th className={styles.th} />
                {Array.from({ length: body.cols }, (_, c) => (
                  <th key={c} className={styles.th} scope="col">{columnLetter(c + 1)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: body.shown }, (_, r) => {
                const row = grid.values[r] ?? [];
                return (
                  <tr key={r}>
                    <th className={styles.rowHead} scope="row">{r + 1}</th>
                    {Array.from({ length: body.cols }, (_, c) => {
                      const v = row[c] ?? null;
                      const isSel = !!target && target.row === r + 1 && target.col === c + 1;
                      return (
                        <td
                          key={c}
                          className={`${styles.td} ${typeof v === 'number' ? styles.num : ''}`}
                          data-cell={`${columnLetter(c + 1)}${r + 1}`}
                          aria-selected={isSel ? 'true' : undefined}
                          role="gridcell"
                        >
                          {displayValue(v, grid.formats[r]?.[c] ?? null, grid.date1904)}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      {body.rows > body.shown && (
        <Text size={200} className={styles.note}>{t(lang, 'excel.pane.playground.rowsShown', { shown: body.shown, total: body.rows })}</Text>
      )}
    </div>
  );
}
