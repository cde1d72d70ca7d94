import { expect } from 'vitest';
import { studentTQuantile } from '../../src/formulas/confidence-interval.js';
import { normalQuantile } from '../../src/formulas/normal-quantile.js';

/**
 * Tolerances of the statistical tests, derived from the standard error instead of picked by
 * hand. A check passes when |observed - expected| <= k * SE, with k the two-sided quantile for
 * a stated false-alarm rate: the chance that a correct simulator fails the check on some other
 * seed. The tests run with fixed seeds, so a pass stays a pass; the rate says how much a change
 * of seed or of the order of random draws may break, and the band stays as tight as the
 * sample allows, so a fault of a few standard errors fails.
 */

/** The false-alarm rate per check of the statistical tests (k = 3.89 standard errors). */
export const FALSE_ALARM = 1e-4;

/**
 * k with P(|Z| > k) = falseAlarm: the normal quantile, or the Student-t quantile with `df`
 * degrees of freedom when the standard error is itself estimated from a few batches.
 */
export function seMultiplier(falseAlarm = FALSE_ALARM, df = Number.POSITIVE_INFINITY): number {
  if (!(falseAlarm > 0 && falseAlarm < 1)) throw new RangeError(`false-alarm rate must lie in (0, 1), got ${falseAlarm}`);
  const p = 1 - falseAlarm / 2;
  return Number.isFinite(df) ? studentTQuantile(p, df) : normalQuantile(p);
}

/** Standard errors of the estimates the tests make. */
export const standardError = {
  /** Of the mean of independent values (sample standard deviation / sqrt(n)). */
  mean(values: readonly number[]): number {
    const n = values.length;
    const m = values.reduce((a, b) => a + b, 0) / n;
    const variance = values.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
    return Math.sqrt(variance / n);
  },
  /** Of a Poisson count with this expectation. */
  poissonCount(expected: number): number {
    return Math.sqrt(expected);
  },
  /** Of a share observed among n independent trials, each a success with probability p. */
  proportion(p: number, n: number): number {
    return Math.sqrt((p * (1 - p)) / n);
  },
  /** Of the ratio a/b of two independent Poisson counts (delta method). */
  poissonRatio(a: number, b: number): number {
    return (a / b) * Math.sqrt(1 / a + 1 / b);
  },
};

export interface WithinOptions {
  falseAlarm?: number;
  /** Degrees of freedom of an estimated standard error (batch means); normal when left out. */
  df?: number;
  what?: string;
}

/** Asserts |observed - expected| <= k * se (k from {@link seMultiplier}); se must be positive and finite. */
export function expectWithinSe(observed: number, expected: number, se: number, options: WithinOptions = {}): void {
  const what = options.what ?? 'observed';
  expect(se > 0 && Number.isFinite(se), `${what}: the standard error ${se} gives no band`).toBe(true);
  const k = seMultiplier(options.falseAlarm, options.df);
  const off = Math.abs(observed - expected) / se;
  expect(
    off,
    `${what} ${observed} vs expected ${expected}: ${off.toFixed(2)} standard errors (${se}) off, allowed ${k.toFixed(2)}`,
  ).toBeLessThanOrEqual(k);
}
