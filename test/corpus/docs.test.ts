/** docs/robustness.md lists exactly the corpus CORPUS builds: file, expectation and description, row for row. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { CORPUS } from '../../scripts/corpus/build';

test('the corpus table in docs/robustness.md is CORPUS, in order', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'robustness.md'), 'utf8');
  const rows = doc
    .split('\n')
    .filter((l) => /^\| `[^`]+\.xlsx` \|/.test(l))
    .map((l) => {
      const cells = l.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim().replace(/\\\|/g, '|'));
      return { file: cells[0].replace(/`/g, ''), expect: cells[1], about: cells[2] };
    });
  expect(rows).toEqual(CORPUS.map((e) => ({ file: e.file, expect: e.expect, about: e.about })));
  // The promised minimum, and every category the issue names is there.
  expect(rows.length).toBeGreaterThanOrEqual(40);
  for (const f of ['merged-header-blocks', 'subtotals-mid-table', 'header-on-row-30', 'duplicate-headers', 'empty-header-cells', 'all-text-numbers', 'formula-errors', 'long-cells-32767', 'emoji-rtl', 'dates-before-1900', 'serial-60', 'hidden-rows-cols', 'protected-sheet', 'zero-data-rows', 'max-rows-1048576', 'max-cols-16384', 'xls-renamed', 'csv-renamed', 'zip-not-workbook', 'password-protected', 'has-our-sheet-names', 'formula-injection']) {
    expect(rows.map((r) => r.file)).toContain(`${f}.xlsx`);
  }
});
