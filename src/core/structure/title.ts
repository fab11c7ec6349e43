import { cellText, type SheetView } from './sheet-view';

/**
 * The title block: the rows above the header. Each non-empty row becomes one line (its cells joined by a space).
 * A statement's counterparty and period, and the year for dates written without one, usually live here.
 */
export function titleLines(view: SheetView, headerTop: number): string[] {
  const lines: string[] = [];
  for (let r = 1; r < headerTop; r++) {
    const row = view.grid.values[r - 1];
    if (!row) continue;
    const parts: string[] = [];
    for (const v of row) {
      const t = cellText(v);
      if (t) parts.push(t);
    }
    if (parts.length) lines.push(parts.join(' '));
  }
  return lines;
}

const YEAR = /(?<!\d)((?:19|20)\d{2})(?=\s*(?:年|[-./]\s*\d{1,2}(?!\d)|$|\s|[^\d]))/u;

/** The first year (1900–2099) a title line or the sheet name gives: '2026年10月对账单', '对账期间 2026-10-01'. */
export function yearFromTitle(lines: readonly string[], sheetName: string): number | undefined {
  for (const text of [...lines, sheetName]) {
    const m = YEAR.exec(text.normalize('NFKC'));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Company-like names: up to 40 characters ending in a company word. */
const COMPANY = /([\p{Script=Han}A-Za-z0-9()（）&·]{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团公司|公司|集团|工厂|厂|企业|商行|经营部))/u;
/** Labelled counterparty: 客户：xxx, 供应商：xxx, 供方：xxx, 往来单位：xxx, 对方单位：xxx, Customer: xxx. */
const LABELLED = /(?:客户名称|客户|供应商名称|供应商|供方|对方单位|往来单位|单位名称|公司名称|致|to|customer|supplier|vendor)\s*[:：]\s*([^\s:：,，;；]{2,60})/iu;
const STATEMENT_WORD = /对账|对帐|结算单|statement/iu;

/**
 * The counterparty of a statement from its title block: a company named on the line that says 对账单, else a
 * labelled 客户：/供应商： value, else the first company name anywhere in the title.
 */
export function counterpartyFromTitle(lines: readonly string[]): string | undefined {
  const clean = lines.map((l) => l.normalize('NFKC').trim());
  for (const line of clean) {
    if (!STATEMENT_WORD.test(line.replace(/\s+/g, ''))) continue;
    const m = COMPANY.exec(line.replace(/\s+/g, ' ').split(/\s+/).find((part) => COMPANY.test(part)) ?? '');
    if (m) return stripLead(m[1]);
  }
  for (const line of clean) {
    const m = LABELLED.exec(line);
    if (m) return stripLead(m[1]);
  }
  for (const line of clean) {
    for (const part of line.split(/\s+/)) {
      const m = COMPANY.exec(part);
      if (m) return stripLead(m[1]);
    }
  }
  return undefined;
}

/** Drop a leading period or label glued to the name: '2026年10月苏州华工…' keeps the company only. */
function stripLead(name: string): string {
  return name
    .replace(/^.*?(?:\d{4}年)?\d{1,2}月(?:份)?/u, (m) => (/\d/.test(m) ? '' : m))
    .replace(/^(?:致|to)[:：]?/iu, '')
    .trim();
}
