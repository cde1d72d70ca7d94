import { PERIOD_COLUMNS, PRIORITY_PERIOD_COLUMNS, type RunResult } from '../model/run-result.js';

/** One CSV field: numbers with up to 6 significant digits, empty for NaN, text quoted when needed. */
export function csvField(v: unknown): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  }
  const s = String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(fields: unknown[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/**
 * periods.csv: one row per arm x replication x period (tidy: R, pandas and spreadsheets read it
 * as it is). Replications are numbered from 1.
 */
export function periodsCsv(runs: RunResult[][]): string {
  let out = csvLine(['arm', 'replication', ...PERIOD_COLUMNS]);
  for (const armRuns of runs) {
    for (const r of armRuns) {
      const n = r.periods.period.length;
      for (let k = 0; k < n; k++) out += csvLine([r.arm, r.replication + 1, ...PERIOD_COLUMNS.map((c) => r.periods[c][k])]);
    }
  }
  return out;
}

/** periods_by_priority.csv: one row per arm x replication x period x priority. */
export function priorityPeriodsCsv(runs: RunResult[][]): string {
  let out = csvLine(['arm', 'replication', 'period', 'period_start_days', 'priority', ...PRIORITY_PERIOD_COLUMNS]);
  for (const armRuns of runs) {
    for (const r of armRuns) {
      const n = r.periods.period.length;
      for (let k = 0; k < n; k++) {
        for (const [p, cols] of Object.entries(r.priorityPeriods)) {
          out += csvLine([
            r.arm,
            r.replication + 1,
            k,
            r.periods.period_start_days[k],
            p,
            ...PRIORITY_PERIOD_COLUMNS.map((c) => cols[c][k]),
          ]);
        }
      }
    }
  }
  return out;
}
