import { describe, expect, it } from 'vitest';
import { covers, estimate, studentTQuantile } from '../../src/formulas/confidence-interval.js';
import { normalQuantile } from '../../src/formulas/normal-quantile.js';

// Published two-sided critical values of Student's t (e.g. NIST/SEMATECH e-Handbook of
// Statistical Methods, table 1.3.6.7.2), to 3 decimals: every `verify` verdict and every
// confidence interval of summary.json rests on these.
const T_TABLE: [df: number, p975: number, p995: number][] = [
  [1, 12.706, 63.657],
  [2, 4.303, 9.925],
  [3, 3.182, 5.841],
  [5, 2.571, 4.032],
  [9, 2.262, 3.25],
  [10, 2.228, 3.169],
  [19, 2.093, 2.861],
  [30, 2.042, 2.75],
  [120, 1.98, 2.617],
];

describe('Student-t quantile', () => {
  for (const [df, p975, p995] of T_TABLE) {
    it(`df ${df}: t(0.975) = ${p975}, t(0.995) = ${p995}`, () => {
      expect(Math.abs(studentTQuantile(0.975, df) - p975)).toBeLessThan(5e-4);
      expect(Math.abs(studentTQuantile(0.995, df) - p995)).toBeLessThan(5e-4);
    });
  }

  it('is symmetric about 0 and tends to the normal quantile', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-studentTQuantile(0.975, 10), 12);
    expect(Math.abs(studentTQuantile(0.975, 100_000) - 1.959964)).toBeLessThan(1e-4);
  });

  it('refuses a probability outside (0, 1) and fewer than 1 degree of freedom', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(/0 < p < 1/);
    expect(() => studentTQuantile(0, 5)).toThrow(/0 < p < 1/);
    expect(() => studentTQuantile(0.9, 0.5)).toThrow(/df >= 1/);
  });
});

describe('normal quantile', () => {
  it('matches the published values to 6 decimals', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
    expect(normalQuantile(1 - 5e-5)).toBeCloseTo(3.890592, 5);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('confidence interval of replications', () => {
  it('is mean ± t(0.975, n-1) · sd/√n', () => {
    const e = estimate([1, 2, 3, 4, 5]);
    // mean 3, sd √2.5, t(0.975, 4) = 2.776445
    expect(e.mean).toBe(3);
    expect(e.n).toBe(5);
    expect(e.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    const half = 2.776445 * Math.sqrt(2.5 / 5);
    expect(e.ci?.[0]).toBeCloseTo(3 - half, 5);
    expect(e.ci?.[1]).toBeCloseTo(3 + half, 5);
  });

  it('widens with the level and leaves NaN values out', () => {
    const xs = [10, 12, Number.NaN, 11, 15];
    const e95 = estimate(xs, 0.95);
    const e99 = estimate(xs, 0.99);
    expect(e95.n).toBe(4);
    expect(e95.mean).toBe(12);
    const w = (e: typeof e95) => (e.ci as [number, number])[1] - (e.ci as [number, number])[0];
    expect(w(e99) / w(e95)).toBeCloseTo(studentTQuantile(0.995, 3) / studentTQuantile(0.975, 3), 12);
  });

  it('has no interval below two values, and then covers only its own mean', () => {
    expect(estimate([])).toMatchObject({ n: 0, ci: null });
    expect(Number.isNaN(estimate([]).mean)).toBe(true);
    const one = estimate([7]);
    expect(one).toMatchObject({ mean: 7, n: 1, ci: null });
    expect(covers(one, 7)).toBe(true);
    expect(covers(one, 7.0001)).toBe(false);
    const e = estimate([1, 2, 3]);
    const [lo, hi] = e.ci as [number, number];
    expect(covers(e, lo)).toBe(true);
    expect(covers(e, hi)).toBe(true);
    expect(covers(e, hi + 1e-9)).toBe(false);
  });
});
