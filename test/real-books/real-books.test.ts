/**
 * The clerk's real workbooks (../shared/real-books/books/, third-party files never copied into the project):
 * every sheet must read as a clerk reads it (readings.ts), with no options.
 */
import { READINGS } from './readings';
import { assertBooksPresent, readBook, scoreBook, type SheetScore } from './score';

describe('real workbooks', () => {
  beforeAll(() => assertBooksPresent());

  const all: SheetScore[] = [];
  for (const book of READINGS) {
    test(book.file, async () => {
      const scores = scoreBook(await readBook(book.file), book);
      all.push(...scores);
      const wrong = scores.filter((s) => !s.right).map((s) => `${s.sheet}: ${s.problems.join('; ')}`);
      expect(wrong).toEqual([]);
    });
  }

  test('every sheet and every main column read right', () => {
    const sheets = READINGS.reduce((n, b) => n + b.sheets.length, 0);
    expect(all).toHaveLength(sheets);
    const right = all.filter((s) => s.right).length;
    const columns = all.reduce((n, s) => n + s.columnsTotal, 0);
    const columnsRight = all.reduce((n, s) => n + s.columnsRight, 0);
    expect({ sheets: `${right}/${sheets}`, columns: `${columnsRight}/${columns}` }).toEqual({ sheets: `${sheets}/${sheets}`, columns: `${columns}/${columns}` });
  });
});
