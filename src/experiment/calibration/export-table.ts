import { parse } from 'csv-parse/sync';
import { CalibrationError, clip } from './calibration-error.js';

/** An export as a table of text cells: its header and its data rows with their row numbers. */
export interface ExportTable {
  file: string;
  header: string[];
  rows: string[][];
  /** Spreadsheet row number of each data row (the header is row 1). */
  rowNumbers: number[];
  /** The field separator found: `,`, `;` or a tab. */
  delimiter: string;
}

/** The separator of a header line: the most frequent of tab, `;` and `,` outside quotes (`,` on a tie). */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Parses a CSV or TSV export (csv-parse): `,`, `;` or tab separated, an optional byte-order
 * mark, quoted fields (with separators, quotes and line breaks inside). Throws a
 * CalibrationError for a file that is not a table (a spreadsheet file, binary data, no header,
 * an unclosed quote), naming the line.
 */
export function parseExport(file: string, text: string): ExportTable {
  if (text.startsWith('PK\u0003\u0004'))
    throw new CalibrationError(file, 'expected a CSV or TSV text file, found a spreadsheet (.xlsx): save it as CSV first');
  if (text.includes('\u0000'))
    throw new CalibrationError(file, 'expected a CSV or TSV text file, found binary data (or a UTF-16 file: save it as UTF-8)');
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '')
    throw new CalibrationError(file, 'expected a header row with column names on line 1, found an empty line');
  const delimiter = detectDelimiter(firstLine);
  let records: string[][];
  try {
    records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (e) {
    const err = e as { lines?: number; code?: string };
    const where = err.lines ? ` near line ${err.lines}` : '';
    const what =
      err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field that is never closed' : clip(String((e as Error).message), 80);
    throw new CalibrationError(file, `cannot be read as CSV${where}: ${what}`);
  }
  if (records.length === 0) throw new CalibrationError(file, 'expected a header row and data rows, found nothing');
  const header = records[0].map((h) => h.trim());
  if (header.length < 3)
    throw new CalibrationError(
      file,
      `expected a header of at least 3 columns separated by "," ";" or a tab, found ${header.length} column(s)`,
    );
  const rows = records.slice(1);
  return { file, header, rows, rowNumbers: rows.map((_, i) => i + 2), delimiter };
}
