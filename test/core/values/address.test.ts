/** The one column-letter conversion every layer uses (core, the Office.js host, the playground). */
import fc from 'fast-check';
import { a1, columnLetter, columnNumber, parseA1 } from '../../../src/core/values/address';

test('hand-worked columns: the single letters, the first two-letter and three-letter columns, and the last column', () => {
  const known: [number, string][] = [
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ];
  expect(known.map(([n]) => columnLetter(n))).toEqual(known.map(([, s]) => s));
  expect(known.map(([, s]) => columnNumber(s))).toEqual(known.map(([n]) => n));
  expect(columnNumber('xfd')).toBe(16384);
  expect(a1(7, 28)).toBe('AB7');
  expect(parseA1('$AB$7')).toEqual({ row: 7, col: 28 });
});

test('letters and numbers round-trip over every Excel column', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetter(n)) === n && /^[A-Z]{1,3}$/.test(columnLetter(n))));
});
