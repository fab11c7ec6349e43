import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Badge, Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CompanySettings, ResolvedCompany } from '../../core/report/company';
import { useT } from '../i18n';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '6px' },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: 600, margin: 0 },
  summary: { display: 'flex', alignItems: 'center', gap: '6px', minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', fontWeight: 600 },
  nowrap: { whiteSpace: 'nowrap', flexShrink: 0 },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  form: { display: 'flex', flexDirection: 'column', gap: '6px' },
  buttons: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
  picks: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
  actions: { flexWrap: 'wrap' },
});

/** The details besides the name, in the order of the form (all optional). */
const DETAILS = ['taxNo', 'address', 'contact', 'preparer'] as const;
type FieldName = 'name' | (typeof DETAILS)[number];
type Draft = Record<FieldName, string>;

const draftOf = (s: CompanySettings | undefined): Draft => ({
  name: s?.name ?? '',
  taxNo: s?.taxNo ?? '',
  address: s?.address ?? '',
  contact: s?.contact ?? '',
  preparer: s?.preparer ?? '',
});

/** What the form saves: trimmed, and only the details she filled in. */
export function settingsOf(draft: Draft): CompanySettings | null {
  const name = draft.name.trim();
  if (!name) return null;
  const out: CompanySettings = { name };
  for (const k of DETAILS) {
    const v = draft[k].trim();
    if (v) out[k] = v;
  }
  return out;
}

/**
 * Where our company stands for this workbook: set by the clerk (saved in the state sheet, or typed for this run),
 * read from her titles (a guess to confirm), or unknown (her titles name none, or several).
 */
export type CompanyStatus = 'set' | 'titles' | 'none';
export const companyStatus = (company: ResolvedCompany | undefined): CompanyStatus =>
  !company ? 'none' : company.source === 'titles' ? 'titles' : 'set';

export interface OurCompanyProps {
  /** Our company as a run takes it now (ScanResult.company). */
  company?: ResolvedCompany;
  /** The companies her own sheets' titles name (several: they disagree). */
  titleCompanies: readonly string[];
  /** The workbook has sheets of hers: only then does a missing name matter enough to say so. */
  hasSheets: boolean;
  busy: boolean;
  /** Store the settings in the workbook; resolves once written (the pane re-scans). */
  onSave: (settings: CompanySettings) => Promise<void>;
  /** Open the form at first (a test, or a state the pane wants to show). */
  initiallyEditing?: boolean;
}

/**
 * Our company, for the documents we send: the name on every 对账确认函 and page header. Asks once when the name was
 * only read from her titles, says so when no name is known (the letters must name both companies), and keeps the
 * settings in the state sheet so the next run and the CLI take the same name.
 */
export function OurCompany({ company, titleCompanies, hasSheets, busy, onSave, initiallyEditing = false }: OurCompanyProps) {
  const styles = useStyles();
  const { lang, tr } = useT();
  const status = companyStatus(company);
  const [editing, setEditing] = useState(initiallyEditing);
  const [draft, setDraft] = useState<Draft>(() => draftOf(company?.settings));
  const [tried, setTried] = useState(false);
  const nameInput = useRef<HTMLInputElement | null>(null);
  const [focusName, setFocusName] = useState(0);
  // Where the keyboard goes when the form closes or the question is answered: Change (of the prompt, or of the saved name).
  const changeButton = useRef<HTMLButtonElement | null>(null);
  const [focusChange, setFocusChange] = useState(0);
  // With no name at all the field is offered at once; otherwise it opens on Change.
  const formShown = editing || status === 'none';
  const cancellable = status !== 'none';

  // A new scan (another workbook, a save) brings its own values into a closed form.
  const key = `${company?.source ?? ''}|${JSON.stringify(company?.settings ?? {})}`;
  useEffect(() => {
    if (!editing) setDraft(draftOf(company?.settings));
    // Only a change of what the workbook holds resets the draft, never the clerk's typing.
  }, [key]);

  useEffect(() => {
    if (focusName) nameInput.current?.focus();
  }, [focusName]);

  useEffect(() => {
    if (focusChange && !editing) changeButton.current?.focus();
  }, [focusChange, editing]);

  const open = () => {
    setDraft(draftOf(company?.settings));
    setTried(false);
    setEditing(true);
    setFocusName((n) => n + 1);
  };
  const close = () => {
    setEditing(false);
    setTried(false);
    setFocusChange((n) => n + 1);
  };
  const save = (e?: FormEvent) => {
    e?.preventDefault();
    const settings = settingsOf(draft);
    setTried(true);
    if (!settings) {
      setFocusName((n) => n + 1);
      return;
    }
    void onSave(settings).then(close, () => undefined);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && cancellable) {
      e.stopPropagation();
      close();
    }
  };

  const nameMissing = tried && !draft.name.trim();
  const list = titleCompanies.join(lang === 'zh-CN' ? '、' : ', ');

  return (
    <section className={styles.section} aria-labelledby="clerk-company" data-testid="company" data-status={status}>
      <h2 id="clerk-company" className={styles.h2}>
        {tr('pane.company.title')}
      </h2>

      {status === 'titles' && company && !editing && (
        <MessageBar intent="info" layout="multiline" data-testid="company-prompt">
          <MessageBarBody>{tr('pane.company.fromTitles', { name: company.settings.name })}</MessageBarBody>
          <MessageBarActions className={styles.actions}>
            <Button
              size="small"
              appearance="primary"
              disabled={busy}
              aria-label={tr('pane.company.confirmAria', { name: company.settings.name })}
              onClick={() => void onSave({ name: company.settings.name }).then(() => setFocusChange((n) => n + 1), () => undefined)}
              data-testid="company-confirm"
            >
              {tr('pane.company.confirm')}
            </Button>
            <Button size="small" ref={changeButton} disabled={busy} aria-label={tr('pane.company.changeAria')} onClick={open} data-testid="company-change">
              {tr('pane.company.change')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {status === 'none' && hasSheets && (
        <MessageBar intent="warning" layout="multiline" data-testid="company-missing">
          <MessageBarBody>{titleCompanies.length > 1 ? tr('pane.company.disagree', { names: list }) : tr('pane.company.none')}</MessageBarBody>
        </MessageBar>
      )}

      {status === 'set' && company && !editing && (
        <>
          <div className={styles.summary}>
            <span className={styles.name} data-testid="company-name">{company.settings.name}</span>
            <Badge appearance="tint" color="success" size="small" className={styles.nowrap}>{tr('pane.company.savedBadge')}</Badge>
            <Button size="small" appearance="subtle" className={styles.nowrap} ref={changeButton} disabled={busy} aria-label={tr('pane.company.changeAria')} onClick={open} data-testid="company-change">
              {tr('pane.company.change')}
            </Button>
          </div>
          {DETAILS.map((k) =>
            company.settings[k] ? (
              <Text key={k} className={styles.meta}>{`${tr(`pane.company.field.${k}`)}${lang === 'zh-CN' ? '：' : ': '}${company.settings[k]}`}</Text>
            ) : null,
          )}
          <Text className={styles.meta}>{tr('pane.company.savedHint')}</Text>
        </>
      )}

      {formShown && (
        <form className={styles.form} onSubmit={save} onKeyDown={onKeyDown} data-testid="company-form" noValidate>
          <Field
            label={tr('pane.company.field.name')}
            size="small"
            required
            validationState={nameMissing ? 'error' : 'none'}
            validationMessage={nameMissing ? tr('pane.company.nameRequired') : undefined}
          >
            <Input
              size="small"
              ref={nameInput}
              value={draft.name}
              onChange={(_, d) => setDraft({ ...draft, name: d.value })}
              autoComplete="organization"
              data-testid="company-field-name"
            />
          </Field>
          {status === 'none' && titleCompanies.length > 1 && (
            <div className={styles.picks}>
              {titleCompanies.map((n) => (
                <Button key={n} size="small" appearance="transparent" onClick={() => setDraft({ ...draft, name: n })} data-testid="company-pick">
                  {tr('pane.company.use', { name: n })}
                </Button>
              ))}
            </div>
          )}
          <Text className={styles.meta}>{tr('pane.company.optional')}</Text>
          {DETAILS.map((k) => (
            <Field key={k} label={tr(`pane.company.field.${k}`)} size="small">
              <Input size="small" value={draft[k]} onChange={(_, d) => setDraft({ ...draft, [k]: d.value })} data-testid={`company-field-${k}`} />
            </Field>
          ))}
          <div className={styles.buttons}>
            <Button size="small" appearance="primary" type="submit" disabled={busy} data-testid="company-save">
              {tr('pane.company.save')}
            </Button>
            {cancellable && (
              <Button size="small" appearance="subtle" onClick={close} data-testid="company-cancel">
                {tr('excel.pane.cancel')}
              </Button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
