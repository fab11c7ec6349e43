/** Generated sheet names Excel accepts (issue 13, item 9): ≤ 31 UTF-16 code units, none of []:*?/\, unique. */
import fc from 'fast-check';
import { safeSheetName, uniqueName } from '../../src/core/report/build';

const isLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

test('an emoji counts two, as Excel counts, and is never cut in half', () => {
  const name = safeSheetName('🏭'.repeat(20));
  expect(name.length).toBe(30); // 15 emoji: a 16th would make 32
  expect(isLoneSurrogate(name)).toBe(false);
  expect(safeSheetName(`账龄分析${'😀'.repeat(14)}`)).toBe(`账龄分析${'😀'.repeat(13)}`);
});

test('any text gives a name Excel accepts, and re-used names are made unique case-insensitively within 31 units', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'A', '账', '龄', '🏭', '[', ']', ':', '*', '?', '/', '\\', "'", ' ', '😀'), maxLength: 60 }), { minLength: 1, maxLength: 12 }), (wanted) => {
      const taken = new Set<string>(['Sheet1', '出货']);
      const made = wanted.map((w) => uniqueName(safeSheetName(w), taken, 31));
      for (const n of made) {
        expect(n.length).toBeGreaterThan(0);
        expect(n.length).toBeLessThanOrEqual(31);
        expect(n).not.toMatch(/[[\]:*?/\\]/);
        expect(n.startsWith("'") || n.endsWith("'")).toBe(false);
        expect(isLoneSurrogate(n)).toBe(false);
      }
      const lower = [...made, 'sheet1', '出货'].map((n) => n.toLowerCase());
      expect(new Set(lower).size).toBe(lower.length);
    }),
  );
});
