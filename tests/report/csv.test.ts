import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvText } from '../../src/report/csv.js';

/** Reads CSV text back as csv-parse (the library calibration reads exports with) sees it. */
const readBack = (text: string): string[][] => parse(text, { relax_column_count: false });

describe('CSV written by readsim', () => {
  it('reads back field for field, names with commas, quotes, line breaks and unicode included', () => {
    const header = ['arm', 'replication', 'wait_mean_min'];
    const rows = [
      ['with AI, triage', 1, 12.5],
      ['the "fast" arm', 2, 0],
      ['two\nlines', 3, Number.NaN],
      ['carriage\r\nreturn', 4, -1.25],
      ['Ärzte – Röntgen 放射線 🩻', 5, 1e-7],
      ['', 6, 123456789.123],
      [' leading and trailing space ', 7, Infinity],
    ];
    const text = csvText(header, rows);
    expect(readBack(text)).toEqual([header, ...rows.map((r) => r.map(csvField))]);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('"with AI, triage",1,12.5');
    expect(text).toContain('"the ""fast"" arm",2,0\n');
  });

  it('formats numbers with up to 6 significant digits, integers in full, NaN and infinities empty', () => {
    expect(csvField(123456789)).toBe('123456789');
    expect(csvField(123456789.123)).toBe('123457000');
    expect(csvField(0.1 + 0.2)).toBe('0.3');
    expect(csvField(-2.5e-9)).toBe('-2.5e-9');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(-Infinity)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('reads back any text fields (property test)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 2 }), { maxLength: 8 }),
        (rows) => {
          const text = csvText(['a', 'b'], rows);
          expect(readBack(text)).toEqual([['a', 'b'], ...rows]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
