import { readFileSync, writeFileSync } from 'fs';
import { SCHEMAS } from '../../src/core/tables/schemas';
import { TABLE_KINDS } from '../../src/core/tables/kinds';
import type { FieldSchema } from '../../src/core/tables/schema-types';
import { OTHER_HEADER_WORDS, OTHER_KINDS } from '../../src/core/structure/other-kinds';

/**
 * docs/structure.md's "Kinds and fields" section, made from the schemas so that a word added to the vocabulary
 * shows in the doc (test/core/tables/schemas.test.ts keeps the doc equal to this).
 * Run `node bin/run-ts.js scripts/docs/kinds-section.ts --write` after changing src/core/tables/schemas.ts.
 */

const TITLES: Record<string, string> = {
  customers: '客户档案', quotes: '报价', contracts: '合同', shipments: '出货清单', statements: '对账单', invoices: '发票',
  receipts: '回款', property: '客户财产', propertyCounts: '财产盘点', returns: '退货', samples: '样品',
};

function typeText(f: FieldSchema): string {
  let t: string = f.type;
  if (f.type === 'enum') t = `enum: ${(f.options ?? []).map((o) => o.value).join(', ')}`;
  if (f.allowNegative === false) t += ' ≥ 0';
  if (f.key) t += ', key';
  return t;
}

export function kindsSection(): string {
  const out: string[] = [
    '## Kinds and fields',
    '',
    'Field identifiers are stable English names; they appear in the JSON and in the other jobs. Header words are',
    'matched after normalisation; add words in `src/core/tables/schemas.ts` (how: docs/vocabulary.md). Weak words',
    'name the field only when a column with a stronger claim to them is there too. This section is made from the',
    'schemas by `scripts/docs/kinds-section.ts`.',
  ];
  for (const kind of TABLE_KINDS) {
    const s = SCHEMAS[kind];
    out.push('', `### \`${kind}\` — ${TITLES[kind] ?? kind}`, '', `Title words: ${s.titleWords.join(' / ')}`, '', '| field | type | req. | header words |', '|---|---|:-:|---|');
    for (const f of s.fields) {
      const weak = f.weakHeaders?.length ? ` (weak: ${f.weakHeaders.join(' / ')})` : '';
      out.push(`| \`${f.field}\` | ${typeText(f)} | ${f.required ? '✓' : ''} | ${f.headers.join(' / ')}${weak} |`);
    }
  }
  out.push('', '### Sheets that are none of these', '', 'A sheet name or title whose head noun is one of these words gets no table; the nearest kind is offered as a', 'low-confidence alternative (`src/core/structure/other-kinds.ts`).', '', '| sheet | title words |', '|---|---|');
  for (const o of OTHER_KINDS) out.push(`| ${o.kind} | ${o.titleWords.join(' / ')} |`);
  out.push('', 'On a sheet whose columns name no customer, one of these header words means the same:', '', '| sheet | header words |', '|---|---|');
  for (const o of OTHER_HEADER_WORDS) out.push(`| ${o.kind} | ${o.words.join(' / ')} |`);
  return `${out.join('\n')}\n`;
}

/** The doc with its section replaced by a fresh one. */
export function withKindsSection(doc: string): string {
  const start = doc.indexOf('## Kinds and fields');
  const end = doc.indexOf('\n## ', start + 1);
  if (start < 0) return doc;
  return doc.slice(0, start) + kindsSection() + (end < 0 ? '' : doc.slice(end));
}

if (require.main === module) {
  // Run from the repository root.
  const path = 'docs/structure.md';
  if (process.argv.includes('--write')) writeFileSync(path, withKindsSection(readFileSync(path, 'utf8')));
  else process.stdout.write(kindsSection());
}
