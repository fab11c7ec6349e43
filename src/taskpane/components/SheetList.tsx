import { useState } from 'react';
import { Badge, Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TABLE_KINDS, type TableKind } from '../../core/tables/kinds';
import { SCHEMAS } from '../../core/tables/schemas';
import type { SheetOverride } from '../../core/state';
import { columnLetter } from '../../core/values/address';
import type { SheetInfo } from '../engine';
import { fieldLabel, kindLabel, useT } from '../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '3px', margin: 0, padding: 0, listStyleType: 'none' },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '2px 2px 2px 8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  line: { display: 'flex', alignItems: 'center', gap: '6px', minWidth: 0 },
  adjust: { minWidth: 'auto', paddingLeft: '6px', paddingRight: '6px', whiteSpace: 'nowrap', flexShrink: 0 },
  nowrap: { whiteSpace: 'nowrap', flexShrink: 0 },
  name: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: 600 },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  editor: { display: 'flex', flexDirection: 'column', gap: '6px', paddingTop: '4px' },
  fields: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: '4px 6px', alignItems: 'center' },
  fieldName: { fontSize: tokens.fontSizeBase200, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  buttons: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
});

/** Sheets listed before "show all": the jobs stay in view in a 320 px pane. */
const COMPACT = 6;

function confidenceColor(c: number): 'success' | 'warning' | 'danger' {
  return c >= 0.8 ? 'success' : c >= 0.5 ? 'warning' : 'danger';
}

interface EditorProps {
  info: SheetInfo;
  busy: boolean;
  onSave: (override: SheetOverride | null) => void;
  onClose: () => void;
}

const AUTO = '__auto';
const NONE = '__none';

function OverrideEditor({ info, busy, onSave, onClose }: EditorProps) {
  const styles = useStyles();
  const { lang, tr } = useT();
  const d = info.detection;
  const [kind, setKind] = useState<string>(info.override?.kind ?? AUTO);
  const [headerRow, setHeaderRow] = useState<string>(info.override?.headerRow ? String(info.override.headerRow) : '');
  const [columns, setColumns] = useState<Record<string, number | null>>(info.override?.columns ?? {});
  const effectiveKind: TableKind | null = kind === AUTO ? d.kind : kind === 'ignore' ? null : (kind as TableKind);
  const fields = effectiveKind ? SCHEMAS[effectiveKind].fields : [];
  const width = Math.max(info.headers.length, 1);
  const columnChoice = (col: number) => {
    const h = info.headers[col - 1];
    return h ? `${columnLetter(col)} · ${h}` : columnLetter(col);
  };

  /** `C` → 3, `AB` → 28. */
  const columnNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

  const save = () => {
    const override: SheetOverride = {};
    if (kind !== AUTO) override.kind = kind as TableKind | 'ignore';
    const hr = Number(headerRow);
    if (headerRow.trim() && Number.isInteger(hr) && hr > 0) override.headerRow = hr;
    // Column choices only make sense for the kind they were made for.
    if (Object.keys(columns).length && effectiveKind && (kind === AUTO ? true : kind !== 'ignore')) override.columns = columns;
    onSave(Object.keys(override).length ? override : null);
  };

  return (
    <div className={styles.editor} data-testid={`override-${d.sheet}`}>
      <Field label={tr('excel.pane.sheets.kind')} size="small">
        <Select size="small" value={kind} onChange={(_, v) => { setKind(v.value); setColumns({}); }}>
          <option value={AUTO}>{tr('excel.pane.sheets.auto', { value: kindLabel(lang, d.kind) })}</option>
          {TABLE_KINDS.map((k) => (
            <option key={k} value={k}>{kindLabel(lang, k)}</option>
          ))}
          <option value="ignore">{kindLabel(lang, 'ignore')}</option>
        </Select>
      </Field>
      <Field label={tr('excel.pane.sheets.headerRow')} size="small">
        <Input
          size="small"
          type="number"
          min={1}
          value={headerRow}
          placeholder={String(d.headerRows[d.headerRows.length - 1] ?? '')}
          onChange={(_, v) => setHeaderRow(v.value)}
        />
      </Field>
      {fields.length > 0 && (
        <>
          <Text size={200} weight="semibold">{tr('excel.pane.sheets.mapping')}</Text>
          <div className={styles.fields}>
            {fields.map((f) => {
              const current = columns[f.field];
              const value = current === undefined ? AUTO : current === null ? NONE : String(current);
              const detected = d.columns[f.field];
              return (
                <div key={f.field} style={{ display: 'contents' }}>
                  <span className={styles.fieldName} title={f.field}>
                    {fieldLabel(lang, effectiveKind as TableKind, f.field)}
                    {f.required ? ' *' : ''}
                  </span>
                  <Select
                    size="small"
                    aria-label={fieldLabel(lang, effectiveKind as TableKind, f.field)}
                    value={value}
                    onChange={(_, v) => {
                      const next = { ...columns };
                      if (v.value === AUTO) delete next[f.field];
                      else next[f.field] = v.value === NONE ? null : Number(v.value);
                      setColumns(next);
                    }}
                  >
                    <option value={AUTO}>{tr('excel.pane.sheets.auto', { value: detected ? columnChoice(columnNumber(detected)) : '—' })}</option>
                    <option value={NONE}>{tr('excel.pane.sheets.unmapped')}</option>
                    {Array.from({ length: width }, (_, i) => (
                      <option key={i} value={String(i + 1)}>{columnChoice(i + 1)}</option>
                    ))}
                  </Select>
                </div>
              );
            })}
          </div>
        </>
      )}
      <div className={styles.buttons}>
        <Button size="small" appearance="primary" disabled={busy} onClick={save}>{tr('excel.pane.sheets.save')}</Button>
        {info.override && (
          <Button size="small" disabled={busy} onClick={() => onSave(null)}>{tr('excel.pane.sheets.reset')}</Button>
        )}
        <Button size="small" appearance="subtle" onClick={onClose}>{tr('excel.pane.cancel')}</Button>
      </div>
    </div>
  );
}

export interface SheetListProps {
  sheets: SheetInfo[];
  busy: boolean;
  onSaveOverride: (sheet: string, override: SheetOverride | null) => Promise<void>;
}

export function SheetList({ sheets, busy, onSaveOverride }: SheetListProps) {
  const styles = useStyles();
  const { lang, tr } = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  if (!sheets.length) return <Text className={styles.meta}>{tr('excel.pane.sheets.empty')}</Text>;
  const shown = showAll || sheets.length <= COMPACT ? sheets : sheets.slice(0, COMPACT);
  return (
    <>
      <ul className={styles.list} aria-label={tr('excel.pane.sheets.title')}>
        {shown.map((info) => {
          const d = info.detection;
          const header = d.headerRows.length ? tr('excel.pane.sheets.headerAt', { row: d.headerRows.join('–') }) : tr('excel.pane.sheets.noHeader');
          return (
            <li key={d.sheet} className={styles.row} data-testid="sheet-row" data-sheet={d.sheet} data-kind={d.kind ?? ''}>
              <div className={styles.line}>
                <span className={styles.name} title={`${d.sheet} · ${header}`}>{d.sheet}</span>
                <Badge appearance="tint" color={d.kind ? 'brand' : 'subtle'} size="small" className={styles.nowrap} data-testid="sheet-kind">
                  {!d.kind && info.override?.kind === 'ignore' ? tr('pane.sheet.ignored') : kindLabel(lang, d.kind)}
                </Badge>
                {d.kind && (
                  <Badge
                    appearance="outline"
                    color={confidenceColor(d.confidence)}
                    size="small"
                    className={styles.nowrap}
                    title={tr('excel.pane.sheets.confidence')}
                  >
                    {Math.round(d.confidence * 100)}%
                  </Badge>
                )}
                <Button
                  size="small"
                  appearance="subtle"
                  className={styles.adjust}
                  aria-label={tr('pane.sheet.adjustAria', { sheet: d.sheet })}
                  aria-expanded={editing === d.sheet}
                  onClick={() => setEditing(editing === d.sheet ? null : d.sheet)}
                >
                  {tr('excel.pane.sheets.edit')}
                </Button>
              </div>
              {(d.overridden || !d.headerRows.length) && (
                <span className={styles.meta}>
                  {header}
                  {d.overridden ? ` · ${tr('excel.pane.sheets.overridden')}` : ''}
                </span>
              )}
              {d.alternatives.length > 0 && (
                <span className={styles.meta}>
                  {tr('excel.pane.sheets.alternatives', {
                    kinds: d.alternatives.map((a) => `${kindLabel(lang, a.kind)} ${Math.round(a.confidence * 100)}%`).join('、'),
                  })}
                </span>
              )}
              {d.guessed && d.guessed.length > 0 && d.kind && (
                // Columns read by a guess: the clerk checks these first (their letter and the header text she wrote).
                <span className={styles.warn} data-testid="sheet-guessed">
                  {tr('pane.sheet.guessed', {
                    columns: d.guessed.map((g) => tr('pane.sheet.guessedColumn', { column: g.column, header: g.header, field: fieldLabel(lang, d.kind as TableKind, g.field) })).join(lang === 'zh-CN' ? '；' : '; '),
                  })}
                </span>
              )}
              {d.missingRequired.length > 0 && d.kind && (
                <span className={styles.warn}>
                  {tr('excel.pane.sheets.missing', { fields: d.missingRequired.map((f) => fieldLabel(lang, d.kind as TableKind, f)).join('、') })}
                </span>
              )}
              {editing === d.sheet && (
                <OverrideEditor
                  info={info}
                  busy={busy}
                  onClose={() => setEditing(null)}
                  onSave={(o) => {
                    void onSaveOverride(d.sheet, o).then(() => setEditing(null));
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      {sheets.length > COMPACT && (
        <Button size="small" appearance="subtle" onClick={() => setShowAll(!showAll)} data-testid="sheets-toggle">
          {showAll ? tr('excel.pane.sheets.showLess') : tr('excel.pane.sheets.showAll', { count: sheets.length })}
        </Button>
      )}
    </>
  );
}
