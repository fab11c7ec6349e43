import type { CellRef, Finding } from '../findings';
import type { MessageKey, Translate } from '../i18n';
import type { Json } from '../job-definition';
import { money, sourceLink } from '../report/build';
import { col, tableBody, type Column } from '../report/columns';
import type { SheetSpec, SummaryLine, TableSpec } from '../sheet-spec';
import { a1 } from '../values/address';
import { asFen } from '../values/brand';
import { formatFen } from '../values/money';
import * as X from './exact';
import type { ContractLine } from './link';
import { isRateInForce, lineStatus, RULES, SEVERITY, type LineCheck, type QuoteCheck, type RuleHit, type Shown } from './rules';

/** Sheets, findings and the JSON section of the quote check, built from its result. */

/** Table names are workbook-wide and language-independent. */
export const LINES_TABLE = 'QuoteCheck_Lines';
export const RULES_TABLE = 'QuoteCheck_Rules';
export const PROBLEMS_TABLE = 'QuoteCheck_Problems';

/** The cells of a hit: its fields that the contract table has, the first being the offending cell. */
export function hitCells(line: ContractLine, hit: RuleHit): CellRef[] {
  const own = hitColumns(line, hit).map((col) => ({ sheet: line.source.sheet, cell: a1(line.source.row, col) }));
  const also = (hit.also ?? []).map((o) => ({ sheet: o.sheet, cell: a1(o.row, line.source.columns[o.field] ?? line.source.columns.contractNo ?? 1) }));
  return [...own, ...also];
}

function hitColumns(line: ContractLine, hit: RuleHit): number[] {
  const cols = [...new Set(hit.fields.map((f) => line.source.columns[f]).filter((c): c is number => c !== undefined))];
  return cols.length ? cols : [line.source.columns.part ?? line.source.columns.contractNo ?? 1];
}

/** Yuan with two decimals, or up to four when the value is a fraction of a fen (a converted price). */
export function formatMoney(fen: X.Ratio): string {
  if (fen.d === 1n) return formatFen(asFen(Number(fen.n)), { symbol: true });
  const yuan = Math.round(X.toNumber(fen) * 100) / 10_000;
  const [int, dec = ''] = Math.abs(yuan).toFixed(4).split('.');
  const decimals = dec.replace(/0+$/, '').padEnd(2, '0');
  return `${yuan < 0 ? '-' : ''}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${decimals}`;
}

const formatRate = (rate: number): string => `${Math.round(rate * 1_000_000) / 10_000}%`;

function shown(s: Shown | undefined): string {
  if (!s) return '';
  if ('money' in s) return formatMoney(s.money);
  if ('rate' in s) return formatRate(s.rate);
  if ('qty' in s) return String(s.qty);
  return s.text;
}

const quoteLabel = (c: LineCheck, t: Translate): string => (c.link ? c.link.group.quoteNo || t('quotes.noNumber') : '');

/** The quote as a finding names it: its number, or the cell of its row when it has none (no language in it). */
function quoteRef(c: LineCheck): string {
  if (!c.link) return '';
  const { group, choice } = c.link;
  return group.quoteNo || `${choice.tier.source.sheet}!${a1(choice.tier.source.row, choice.tier.source.columns.part ?? 1)}`;
}

/** The message of a hit. Its values hold no words of either language, so the pane can show it in either. */
function messageKey(c: LineCheck, hit: RuleHit): MessageKey {
  if (hit.rule === 'price-mismatch' && c.comparison?.basis === 'net') return 'quotes.finding.price-mismatch-net';
  if (hit.rule === 'tax-rate-mismatch' && (hit.show.expected === undefined || (typeof hit.actual === 'number' && !isRateInForce(hit.actual)))) return 'quotes.finding.tax-rate-not-in-force';
  return `quotes.finding.${hit.rule}` as MessageKey;
}

export function hitFinding(c: LineCheck, hit: RuleHit): Finding {
  const l = c.line;
  return {
    severity: SEVERITY[hit.rule],
    code: `quotes-${hit.rule}`,
    message: {
      key: messageKey(c, hit),
      values: {
        contract: l.contractNo || `${l.source.sheet}!${l.source.row}`,
        line: l.lineNo,
        part: l.fields.part ?? '',
        customer: l.customer,
        quote: quoteRef(c),
        expected: shown(hit.show.expected),
        actual: shown(hit.show.actual),
      },
    },
    cells: hitCells(l, hit),
  };
}

export function quotesFindings(check: QuoteCheck): Finding[] {
  return check.lines.flatMap((c) => c.hits.map((h) => hitFinding(c, h)));
}

/** The `quotes` section of the JSON summary; amounts in yuan. */
export type QuotesSection = {
  checked: number;
  ok: number;
  findings: { rule: string; contractNo: string; part: string; sheet: string; row: number; cell: string; expected: Json; actual: Json }[];
};

export function quotesJson(check: QuoteCheck): QuotesSection {
  return {
    checked: check.lines.length,
    ok: check.lines.filter((c) => c.hits.length === 0).length,
    findings: check.lines.flatMap((c) =>
      c.hits.map((h) => ({
        rule: h.rule,
        contractNo: c.line.contractNo,
        part: c.line.fields.part ?? '',
        sheet: c.line.source.sheet,
        row: c.line.source.row,
        cell: hitCells(c.line, h)[0].cell,
        expected: h.expected,
        actual: h.actual,
      })),
    ),
  };
}

/** Yuan for a sheet cell, to four decimals. */
const cellYuan = (fen: X.Ratio): number => Math.round(X.toNumber(fen) * 100) / 10_000;

/** What the lines table shows of a line's price comparison: the basis, the two prices and their difference. */
interface PriceView {
  basis: string | null;
  quoted: number | null;
  contractPrice: number | null;
  difference: number | null;
}

function priceView(c: LineCheck, t: Translate): PriceView {
  const l = c.line;
  if (c.comparison) {
    return {
      basis: t(`quotes.basis.${c.comparison.basis}` as MessageKey),
      quoted: cellYuan(c.comparison.quoted),
      contractPrice: money(c.comparison.contract.fen),
      difference: cellYuan(c.comparison.diff),
    };
  }
  // Nothing to compare (no quote, or no price on one side): show what each side says.
  const tier = c.link?.choice.tier;
  const own = l.prices.withTax ? 'with-tax' : l.prices.net ? 'net' : undefined;
  const tp = tier && (own === 'net' ? tier.prices.net ?? tier.prices.withTax : tier.prices.withTax ?? tier.prices.net);
  return {
    basis: own ? t(`quotes.basis.${own}` as MessageKey) : null,
    quoted: tp ? money(tp.fen) : null,
    contractPrice: money((l.prices.withTax ?? l.prices.net)?.fen),
    difference: null,
  };
}

type LineItem = { c: LineCheck; price: PriceView };

function lineColumns(t: Translate): Column<LineItem>[] {
  return [
    // The link selects the first offending cell, or the contract number of a clean line.
    col('source', t('quotes.col.source'), 'link', 16, ({ c }) =>
      sourceLink(c.line.source.sheet, c.line.source.row, c.hits.length ? hitColumns(c.line, c.hits[0])[0] : c.line.source.columns.contractNo ?? 1),
    ),
    col('contract', t('quotes.col.contract'), 'text', 16, ({ c }) => c.line.contractNo),
    col('line', t('quotes.col.line'), 'integer', 6, ({ c }) => c.line.lineNo),
    col('signDate', t('quotes.col.signDate'), 'date', 11, ({ c }) => c.line.signDate ?? null),
    col('customer', t('quotes.col.customer'), 'text', 24, ({ c }) => c.line.customer),
    col('part', t('quotes.col.part'), 'text', 16, ({ c }) => c.line.fields.part ?? ''),
    col('quantity', t('quotes.col.quantity'), 'quantity', 10, ({ c }) => c.line.fields.quantity ?? null),
    col('quote', t('quotes.col.quote'), 'text', 16, ({ c }) => quoteLabel(c, t) || null),
    col('quoteSource', t('quotes.col.quoteSource'), 'link', 16, ({ c }) => {
      const tier = c.link?.choice.tier;
      return tier ? sourceLink(tier.source.sheet, tier.source.row, tier.source.columns.quoteNo ?? tier.source.columns.part ?? 1) : null;
    }),
    col('basis', t('quotes.col.basis'), 'text', 8, ({ price }) => price.basis),
    col('quotedPrice', t('quotes.col.quotedPrice'), 'money', 12, ({ price }) => price.quoted),
    col('contractPrice', t('quotes.col.contractPrice'), 'money', 12, ({ price }) => price.contractPrice),
    col('difference', t('quotes.col.difference'), 'money', 11, ({ price }) => price.difference),
    col('rules', t('quotes.col.rules'), 'text', 30, ({ c }) => c.hits.map((h) => h.rule).join(', ')),
    col('status', t('quotes.col.status'), 'text', 8, ({ c }) => t(`quotes.status.${lineStatus(c)}` as MessageKey)),
  ];
}

type Hit = { c: LineCheck; h: RuleHit; finding: Finding };

/**
 * The problems first, as a clerk would read them out: one sentence per problem with the expected and the actual
 * figure, errors before warnings, and the rule code in a column of its own for filtering.
 */
function problemsTable(check: QuoteCheck, t: Translate): TableSpec {
  const hits: Hit[] = check.lines.flatMap((c) => c.hits.map((h) => ({ c, h, finding: hitFinding(c, h) })));
  const rank = (sev: string) => (sev === 'error' ? 0 : sev === 'warning' ? 1 : 2);
  hits.sort((a, b) => rank(a.finding.severity) - rank(b.finding.severity));
  return {
    name: PROBLEMS_TABLE,
    caption: t('documents.quotes.caption.problems', { n: hits.length }),
    ...tableBody<Hit>(
      [
        col('source', t('quotes.col.source'), 'link', undefined, ({ c, h }) => sourceLink(c.line.source.sheet, c.line.source.row, hitColumns(c.line, h)[0])),
        col('severity', t('documents.quotes.col.severity'), 'text', undefined, ({ h }) => t(`quotes.status.${SEVERITY[h.rule]}` as MessageKey)),
        col('problem', t('documents.quotes.col.problem'), 'text', undefined, ({ finding }) => t(finding.message.key, finding.message.values), { wrapAt: 60 }),
        col('rule', t('documents.quotes.col.rule'), 'text', undefined, ({ h }) => h.rule),
      ],
      hits,
    ),
    highlights: [
      { column: 'severity', equals: t('quotes.status.error'), tone: 'bad' },
      { column: 'severity', equals: t('quotes.status.warning'), tone: 'warn' },
    ],
  };
}

export function quotesSheet(check: QuoteCheck, t: Translate): SheetSpec {
  const findings = RULES.reduce((s, r) => s + check.counts[r], 0);
  const ok = check.lines.filter((c) => c.hits.length === 0).length;
  const ruleLines: SummaryLine[] = RULES.map((r) => ({
    label: t('quotes.summary.rule', { name: t(`quotes.rule.${r}` as MessageKey), code: r }),
    value: check.counts[r],
    type: 'integer',
    tone: check.counts[r] === 0 ? 'good' : SEVERITY[r] === 'error' ? 'bad' : 'warn',
  }));
  return {
    name: t('quotes.sheet'),
    purpose: 'quotes',
    title: [
      t('quotes.heading'),
      t('quotes.line.counts', { checked: check.lines.length, ok, findings }),
      t('quotes.line.linking'),
      t('quotes.line.tolerance', { tolerance: check.tolerance }),
    ],
    summary: [
      { label: t('quotes.summary.checked'), value: check.lines.length, type: 'integer' },
      { label: t('quotes.summary.ok'), value: ok, type: 'integer', tone: ok === check.lines.length ? 'good' : 'warn' },
      ...ruleLines,
      { label: t('quotes.summary.atStake'), value: money(check.atStake), type: 'money', tone: check.atStake === 0 ? 'good' : 'bad' },
      { label: t('quotes.summary.atStakeOver'), value: money(check.atStakeOver), type: 'money', tone: check.atStakeOver === 0 ? 'good' : 'warn' },
      { label: t('quotes.summary.atStakeUnder'), value: money(check.atStakeUnder), type: 'money', tone: check.atStakeUnder === 0 ? 'good' : 'bad' },
    ],
    tables: [
      problemsTable(check, t),
      {
        name: LINES_TABLE,
        caption: t('quotes.caption.lines'),
        ...tableBody(lineColumns(t), check.lines.map((c) => ({ c, price: priceView(c, t) }))),
        highlights: [
          { column: 'status', equals: t('quotes.status.error'), tone: 'bad' },
          { column: 'status', equals: t('quotes.status.warning'), tone: 'warn' },
          { column: 'status', equals: t('quotes.status.ok'), tone: 'good' },
        ],
      },
      {
        name: RULES_TABLE,
        caption: t('quotes.caption.rules'),
        ...tableBody<(typeof RULES)[number]>(
          [
            col('code', t('quotes.col.code'), 'text', 24, (r) => r),
            col('name', t('quotes.col.name'), 'text', 18, (r) => t(`quotes.rule.${r}` as MessageKey)),
            col('severity', t('quotes.col.severity'), 'text', 8, (r) => t(`quotes.status.${SEVERITY[r]}` as MessageKey)),
            col('count', t('quotes.col.count'), 'integer', 6, (r) => check.counts[r]),
            col('description', t('quotes.col.description'), 'text', 60, (r) => t(`quotes.desc.${r}` as MessageKey)),
          ],
          RULES,
        ),
      },
    ],
  };
}
