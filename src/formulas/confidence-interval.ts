import { normalQuantile } from './normal-quantile.js';

/**
 * Student-t quantile: the t with P(T <= t) = p for `df` degrees of freedom (Hill 1970,
 * algorithm 396, as R's qt uses it; accurate to about 1e-6 for the levels used here).
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`t quantile needs 0 < p < 1, got ${p}`);
  if (!(df >= 1)) throw new RangeError(`t quantile needs df >= 1, got ${df}`);
  if (p === 0.5) return 0;
  const upper = p > 0.5;
  const twoTailed = 2 * (upper ? 1 - p : p);
  const t = hillTwoTailed(twoTailed, df);
  return upper ? t : -t;
}

function hillTwoTailed(P: number, n: number): number {
  if (n === 1) return Math.cos((P * Math.PI) / 2) / Math.sin((P * Math.PI) / 2);
  if (n === 2) return Math.sqrt(2 / (P * (2 - P)) - 2);
  const a = 1 / (n - 0.5);
  const b = 48 / (a * a);
  let c = (((20700 * a) / b - 98) * a - 16) * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * n;
  let x = d * P;
  let y = x ** (2 / n);
  if (y > 0.05 + a) {
    x = normalQuantile(P / 2);
    y = x * x;
    if (n < 5) c += 0.3 * (n - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = a * y * y;
    y = y > 0.002 ? Math.exp(y) - 1 : 0.5 * y * y + y;
  } else {
    y = ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1) * ((n + 1) / (n + 2)) + 1 / y;
  }
  return Math.sqrt(n * y);
}

export interface Estimate {
  mean: number;
  /** Student-t interval at the chosen level; null when n < 2. */
  ci: [number, number] | null;
  n: number;
  /** Sample standard deviation across replications (NaN when n < 2). */
  sd: number;
}

/**
 * Mean and Student-t confidence interval of independent replications' values. NaN values
 * (a statistic with no observations in a replication) are left out.
 */
export function estimate(values: readonly number[], level = 0.95): Estimate {
  const xs = values.filter((v) => !Number.isNaN(v));
  const n = xs.length;
  if (n === 0) return { mean: Number.NaN, ci: null, n: 0, sd: Number.NaN };
  // Plain left-to-right sums, not simple-statistics' mean and sampleStandardDeviation: its
  // compensated summation changes the last bits of about a third of the means (checked on
  // random samples), and summary.json and the verify rows must stay byte-identical.
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, ci: null, n, sd: Number.NaN };
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { mean, ci: [mean - half, mean + half], n, sd };
}

/** True when `value` lies inside the interval (a point estimate with no interval must match exactly). */
export function covers(e: Estimate, value: number): boolean {
  if (e.ci === null) return e.mean === value;
  return value >= e.ci[0] && value <= e.ci[1];
}
