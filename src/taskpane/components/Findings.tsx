import { useState } from 'react';
import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { CellRef, Finding, Severity } from '../../core/findings';
import { useT } from '../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '2px', margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    gap: '6px',
    padding: '4px 6px',
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  icon: { flexShrink: 0, paddingTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0, gap: '2px' },
  message: { wordBreak: 'break-word' },
  cells: { display: 'flex', flexWrap: 'wrap', gap: '2px 8px', fontSize: tokens.fontSizeBase200 },
});

const ICONS: Record<Severity, typeof ErrorCircle16Filled> = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled };
const PAGE = 100;

export const cellLabel = (c: CellRef) => `${c.sheet}!${c.cell}`;

export function Findings({ findings, onSelect }: { findings: Finding[]; onSelect: (cell: CellRef) => void }) {
  const styles = useStyles();
  const { tr } = useT();
  const [shown, setShown] = useState(PAGE);
  if (!findings.length) return <Text size={200}>{tr('excel.pane.findings.none')}</Text>;
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <>
      <ul className={styles.list} aria-label={tr('excel.pane.findings.title')}>
        {sorted.slice(0, shown).map((f, i) => {
          const Icon = ICONS[f.severity];
          const first = f.cells[0];
          const message = tr(f.message.key, f.message.values);
          return (
            <li
              key={i}
              className={styles.item}
              data-testid="finding"
              data-severity={f.severity}
              data-code={f.code}
              tabIndex={first ? 0 : -1}
              role={first ? 'button' : undefined}
              title={first ? tr('excel.pane.findings.select', { cell: cellLabel(first) }) : undefined}
              onClick={() => first && onSelect(first)}
              onKeyDown={(e) => {
                if (first && (e.key === 'Enter' || e.key === ' ')) {
                  e.preventDefault();
                  onSelect(first);
                }
              }}
            >
              <span className={`${styles.icon} ${styles[f.severity]}`} aria-label={tr(`excel.pane.severity.${f.severity}`)} role="img">
                <Icon />
              </span>
              <span className={styles.body}>
                <span className={styles.message}>{message}</span>
                {f.cells.length > 0 && (
                  <span className={styles.cells}>
                    {f.cells.slice(0, 4).map((c, j) => (
                      <Link
                        key={j}
                        as="button"
                        data-testid="finding-cell"
                        onClick={(e) => {
                          e.stopPropagation();
                          onSelect(c);
                        }}
                      >
                        {cellLabel(c)}
                      </Link>
                    ))}
                    {f.cells.length > 4 ? <span>{tr('excel.pane.findings.moreCells', { count: f.cells.length - 4 })}</span> : null}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {sorted.length > shown && (
        <Button size="small" appearance="subtle" onClick={() => setShown(shown + PAGE)}>
          {tr('excel.pane.findings.more', { count: sorted.length - shown })}
        </Button>
      )}
    </>
  );
}
