import { estimate } from '../formulas/confidence-interval.js';
import type { PeriodColumn, RunResult } from '../model/run-result.js';

/** One arm's value of a column in one period: mean across replications and its 95% interval. */
export interface PeriodPoint {
  arm: string;
  period: number;
  startDays: number;
  inWarmup: boolean;
  mean: number;
  lo: number;
  hi: number;
}

/** Days period k covers (the last one may be cut short by the horizon). */
export function periodLength(r: RunResult, k: number, horizonDays: number): number {
  const starts = r.periods.period_start_days;
  return (k + 1 < starts.length ? starts[k + 1] : horizonDays) - starts[k];
}

/**
 * Means across replications of a period column, per arm and period (NaN values left out).
 * With `fullDays`, a last period shorter than that is left out: its counts would look like a
 * sudden drop.
 */
export function periodMeans(
  runs: RunResult[][],
  column: PeriodColumn | ((r: RunResult, k: number) => number),
  full?: { fullDays: number; horizonDays: number },
): PeriodPoint[] {
  const out: PeriodPoint[] = [];
  for (const armRuns of runs) {
    if (armRuns.length === 0) continue;
    const first = armRuns[0];
    const n = first.periods.period.length;
    for (let k = 0; k < n; k++) {
      if (full && periodLength(first, k, full.horizonDays) < 0.99 * full.fullDays) continue;
      const values = armRuns.map((r) => (typeof column === 'function' ? column(r, k) : r.periods[column][k]));
      const e = estimate(values, 0.95);
      out.push({
        arm: first.arm,
        period: k,
        startDays: first.periods.period_start_days[k],
        inWarmup: first.periods.in_warmup[k] === 1,
        mean: e.mean,
        lo: e.ci ? e.ci[0] : e.mean,
        hi: e.ci ? e.ci[1] : e.mean,
      });
    }
  }
  return out;
}
