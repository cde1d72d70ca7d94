import { stringify } from 'csv-stringify/sync';
import { PERIOD_COLUMNS, PRIORITY_PERIOD_COLUMNS, type RunResult } from '../model/run-result.js';

/**
 * One CSV field as text: numbers with up to 6 significant digits (integers in full), empty for
 * NaN and infinities, null and undefined empty, anything else (text, booleans) as String(v).
 * Quoting is left to {@link csvText}.
 */
export function csvField(v: unknown): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  }
  return String(v ?? '');
}

/**
 * CSV text of a header and its rows (csv-stringify: RFC 4180 quoting of fields holding a comma,
 * a double quote or a line break; "\n" after every row, the last included). Each field goes
 * through {@link csvField}; pass a string to write a number formatted otherwise.
 */
export function csvText(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const records: string[][] = [header.map(csvField)];
  for (const row of rows) records.push(row.map(csvField));
  return stringify(records, { record_delimiter: '\n' });
}

/**
 * periods.csv: one row per arm x replication x period (tidy: R, pandas and spreadsheets read it
 * as it is). Replications are numbered from 1.
 */
export function periodsCsv(runs: RunResult[][]): string {
  return csvText(['arm', 'replication', ...PERIOD_COLUMNS], periodRows(runs));
}

function* periodRows(runs: RunResult[][]): Generator<unknown[]> {
  for (const armRuns of runs) {
    for (const r of armRuns) {
      const n = r.periods.period.length;
      for (let k = 0; k < n; k++) yield [r.arm, r.replication + 1, ...PERIOD_COLUMNS.map((c) => r.periods[c][k])];
    }
  }
}

/** periods_by_priority.csv: one row per arm x replication x period x priority. */
export function priorityPeriodsCsv(runs: RunResult[][]): string {
  return csvText(
    ['arm', 'replication', 'period', 'period_start_days', 'priority', ...PRIORITY_PERIOD_COLUMNS],
    priorityRows(runs),
  );
}

function* priorityRows(runs: RunResult[][]): Generator<unknown[]> {
  for (const armRuns of runs) {
    for (const r of armRuns) {
      const n = r.periods.period.length;
      for (let k = 0; k < n; k++) {
        for (const [p, cols] of Object.entries(r.priorityPeriods)) {
          yield [
            r.arm,
            r.replication + 1,
            k,
            r.periods.period_start_days[k],
            p,
            ...PRIORITY_PERIOD_COLUMNS.map((c) => cols[c][k]),
          ];
        }
      }
    }
  }
}
