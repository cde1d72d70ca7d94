import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalibrationError } from '../../src/experiment/calibration/calibration-error.js';
import { mapColumns } from '../../src/experiment/calibration/column-mapping.js';
import { type ExportOptions, REASONS, REMARKS, readStudies } from '../../src/experiment/calibration/export-studies.js';
import { parseExport } from '../../src/experiment/calibration/export-table.js';

const dir = join(import.meta.dirname, 'messy');

function read(file: string, options: Partial<ExportOptions> = {}) {
  const table = parseExport(file, readFileSync(join(dir, file), 'utf8'));
  const mapping = mapColumns(file, table.header, {});
  return readStudies(table, mapping, { zone: 'UTC', mapping: {}, ...options });
}

/** One defect per file: the row it should exclude (row 5: after the header and three good rows), for which reason. */
const EXCLUSIONS: [string, string, Partial<ExportOptions>?][] = [
  ['missing-request-time.csv', REASONS.requestMissing],
  ['unparseable-request-time.csv', REASONS.requestBad],
  ['unparseable-report-time.csv', REASONS.reportBad],
  ['report-before-request.csv', REASONS.reportBefore],
  ['duplicate-accession.csv', REASONS.duplicate],
  ['missing-modality.csv', REASONS.modality],
  ['wrong-number-of-fields.csv', REASONS.fields],
  ['outside-period.csv', REASONS.outside, { from: Date.parse('2026-01-01T00:00:00Z') }],
];

describe('a corpus of messy exports, one defect each', () => {
  for (const [file, reason, options] of EXCLUSIONS) {
    it(`${file}: row 5 excluded as "${reason}", every row accounted for`, () => {
      const d = read(file, options);
      expect(d.accounting.read).toBe(4);
      expect(d.accounting.used).toBe(3);
      expect(d.accounting.excluded).toHaveLength(1);
      expect(d.accounting.excluded[0].reason.startsWith(reason)).toBe(true);
      expect(d.accounting.excluded[0].firstRows).toEqual([5]);
    });
  }

  it('unreported.csv: a row without a report time is kept (volume, backlog) with a remark', () => {
    const d = read('unreported.csv');
    expect(d.accounting.used).toBe(4);
    expect(d.accounting.remarks.find((r) => r.reason === REMARKS.unreported)?.firstRows).toEqual([5]);
  });

  it('a byte-order mark, ";" separators and a quoted field holding a ";"', () => {
    const d = read('bom-semicolon-quoted.csv');
    expect(d.accounting.used).toBe(3);
    expect(d.accounting.excluded).toEqual([]);
    expect(d.readerCount).toBe(2);
  });

  it('tab-separated with Excel serial dates (46083.375 = 2026-03-02 09:00)', () => {
    const d = read('tab-excel-serial.tsv');
    expect(d.accounting.used).toBe(2);
    expect(new Date(d.studies[0].requested).toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(((d.studies[0].reported as number) - d.studies[0].requested) / 60000).toBeCloseTo(25, 0);
  });

  it('a stated date format (--date-format dd/MM/yyyy HH:mm)', () => {
    expect(read('stated-date-format.csv').accounting.excluded[0]?.reason).toBe(REASONS.requestBad);
    const d = read('stated-date-format.csv', { dateFormat: 'dd/MM/yyyy HH:mm' });
    expect(d.accounting.used).toBe(1);
    expect(new Date(d.studies[0].requested).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('no modality column: one message naming the file, the field and the columns found', () => {
    const text = readFileSync(join(dir, 'no-modality-column.csv'), 'utf8');
    const table = parseExport('no-modality-column.csv', text);
    expect(() => mapColumns('no-modality-column.csv', table.header, {})).toThrow(CalibrationError);
    expect(() => mapColumns('no-modality-column.csv', table.header, {})).toThrow(
      /^no-modality-column\.csv: no column found for modality .*"Accession".*--column modality=/,
    );
    // A given name that is not in the header is an error too.
    expect(() => mapColumns('x.csv', table.header, { modality: 'Mod' })).toThrow(
      /modality = "Mod", but the header has no such column/,
    );
  });

  it('an unclosed quote: a message naming the file and the line, without the row', () => {
    const text = readFileSync(join(dir, 'unclosed-quote.csv'), 'utf8');
    let message = '';
    try {
      parseExport('unclosed-quote.csv', text);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^unclosed-quote\.csv: cannot be read as CSV near line \d+: a quoted field that is never closed$/);
    expect(message).not.toContain('A1004');
  });
});
