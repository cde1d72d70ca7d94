import { describe, expect, it } from 'vitest';
import { DAY, EngineError, HOUR, PoissonArrivals, RandomStreams, WEEK, YEAR } from '../../src/engine/index.js';
import { expectWithinSe, standardError } from '../support/tolerance.js';

function countArrivals(p: PoissonArrivals, horizon: number, seed = 1): number[] {
  const rng = new RandomStreams(seed, 0).stream('arrivals');
  const times: number[] = [];
  let t = 0;
  for (;;) {
    t = p.next(t, -Math.log(rng.uniform()), horizon);
    if (t === Number.POSITIVE_INFINITY) break;
    times.push(t);
  }
  return times;
}

/** |observed - expected| within k Poisson standard deviations. */
function expectPoisson(observed: number, expected: number) {
  expectWithinSe(observed, expected, standardError.poissonCount(expected), { what: 'arrivals' });
}

describe('non-homogeneous Poisson arrivals', () => {
  it('a flat rate gives the expected count and exponential gaps', () => {
    const p = new PoissonArrivals(2 / HOUR);
    const times = countArrivals(p, 20 * WEEK);
    expectPoisson(times.length, 2 * 24 * 7 * 20);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const cv = Math.sqrt(gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / gaps.length) / mean;
    // Exponential gaps: by the delta method on (mean of x, mean of x²), whose covariance for
    // Exp(1) is [[1, 4], [4, 20]] / n, with gradient (-2, 1/2) of sqrt(b - a²)/a at (1, 2), the
    // sample cv has variance (4 - 8 + 5) / n = 1/n.
    expectWithinSe(cv, 1, 1 / Math.sqrt(gaps.length), { what: 'cv of the gaps' });
  });

  it('growth compounds per year: the expected count matches the integral of the rate', () => {
    const base = 100 / DAY;
    const p = new PoissonArrivals(base, 0.1);
    const times = countArrivals(p, 5 * YEAR);
    const beta = Math.log(1.1) / YEAR;
    const expected = (base * (Math.exp(beta * 5 * YEAR) - 1)) / beta;
    expect(p.expected(0, 5 * YEAR)).toBeCloseTo(expected, 6);
    expectPoisson(times.length, expected);
    // Year 5 has 1.1^4 times the arrivals of year 1.
    const y1 = times.filter((t) => t < YEAR).length;
    const y5 = times.filter((t) => t >= 4 * YEAR).length;
    expectWithinSe(y5 / y1, 1.1 ** 4, standardError.poissonRatio(y5, y1), { what: 'year 5 / year 1' });
    expect(p.rate(YEAR) / p.rate(0)).toBeCloseTo(1.1, 10);
  });

  it('negative growth shrinks the rate and the process can run dry before the limit', () => {
    const p = new PoissonArrivals(10 / DAY, -0.5);
    const times = countArrivals(p, 10 * YEAR);
    expectPoisson(times.length, p.expected(0, 10 * YEAR));
  });

  it('a weekly pattern puts arrivals in the hours it weights, and keeps the weekly mean', () => {
    // Office hours: Mon-Fri 08:00-18:00 only.
    const w = Array.from({ length: 168 }, (_, h) => (Math.floor(h / 24) < 5 && h % 24 >= 8 && h % 24 < 18 ? 1 : 0));
    const p = new PoissonArrivals(30 / DAY, 0, w);
    const times = countArrivals(p, 30 * WEEK);
    expectPoisson(times.length, 30 * 7 * 30);
    for (const t of times) {
      const hourOfWeek = Math.floor((t % WEEK) / HOUR);
      expect(w[hourOfWeek]).toBe(1);
    }
    expect(p.rate(9 * HOUR)).toBeCloseTo((30 / DAY) * (168 / 50), 12);
    expect(p.rate(20 * HOUR)).toBe(0);
  });

  it('rejects bad parameters with a typed error', () => {
    expect(() => new PoissonArrivals(-1)).toThrow(EngineError);
    expect(() => new PoissonArrivals(1, -1)).toThrow(/above -100%/);
    expect(() => new PoissonArrivals(1, 0, [1, 2])).toThrow(/168 hourly weights, got 2/);
    expect(() => new PoissonArrivals(1, 0, new Array(168).fill(0))).toThrow(/at least one weight/);
    expect(() => new PoissonArrivals(1, 0, [-1, ...new Array(167).fill(1)])).toThrow(/weight 1 must be >= 0/);
  });

  it('a zero rate never arrives', () => {
    expect(new PoissonArrivals(0).next(0, 1, 1e9)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('arrivals as a sequence (advance)', () => {
  it('gives the times next() gives, to the last digit, and Infinity past its limit', () => {
    const weights = Array.from({ length: 168 }, (_, h) => (h % 24 < 8 ? 0.2 : 1 + (h % 5)));
    for (const growth of [0, 0.06]) {
      const byNext = new PoissonArrivals(300 / DAY, growth, weights);
      const bySequence = new PoissonArrivals(300 / DAY, growth, weights);
      const limit = 3 * WEEK;
      bySequence.limit = limit;
      const want = countArrivals(byNext, limit, 7);
      const rng = new RandomStreams(7, 0).stream('arrivals');
      const got: number[] = [];
      for (;;) {
        bySequence.advance(rng);
        if (bySequence.at === Number.POSITIVE_INFINITY) break;
        got.push(bySequence.at);
      }
      expect(want.length).toBeGreaterThan(4000);
      expect(got).toEqual(want);
      // next() between advances leaves the sequence where it was.
      expect(bySequence.at).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it('next() does not move the sequence', () => {
    const p = new PoissonArrivals(10 / HOUR);
    p.limit = DAY;
    const rng = new RandomStreams(3, 0).stream('arrivals');
    p.advance(rng);
    const first = p.at;
    expect(first).toBeGreaterThan(0);
    p.next(5 * HOUR, 0.3, 2 * DAY);
    expect(p.at).toBe(first);
    expect(p.limit).toBe(DAY);
  });
});
