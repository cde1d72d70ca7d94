import { describe, expect, it } from 'vitest';
import {
  type Distribution,
  type DistributionSpec,
  EngineError,
  makeDistribution,
  RandomStreams,
  squaredCv,
} from '../../src/engine/index.js';
import { estimate } from '../../src/formulas/confidence-interval.js';
import { expectWithinSe, standardError } from '../support/tolerance.js';

/** Mean and cv of n draws, with the mean's 99.9% interval over 20 batches and the batches' cvs. */
function moments(d: Distribution, n = 200_000) {
  const rng = new RandomStreams(3, 0).stream(`dist/${d.kind}`);
  const batches = 20;
  const per = n / batches;
  const batchMeans: number[] = [];
  const batchCvs: number[] = [];
  let s = 0;
  let s2 = 0;
  for (let b = 0; b < batches; b++) {
    let bs = 0;
    let bs2 = 0;
    for (let i = 0; i < per; i++) {
      const x = d.sample(rng);
      bs += x;
      bs2 += x * x;
    }
    s += bs;
    s2 += bs2;
    batchMeans.push(bs / per);
    const bm = bs / per;
    batchCvs.push(Math.sqrt(bs2 / per - bm * bm) / bm);
  }
  const mean = s / n;
  const variance = s2 / n - mean * mean;
  return { mean, cv: Math.sqrt(variance) / mean, meanEstimate: estimate(batchMeans, 0.999), batchCvs };
}

const CASES: [DistributionSpec, number, number][] = [
  // spec, expected mean, expected cv
  [{ dist: 'exponential', mean: 16 }, 16, 1],
  [{ dist: 'deterministic', mean: 16 }, 16, 0],
  [{ dist: 'lognormal', mean: 16, cv: 0.6 }, 16, 0.6],
  [{ dist: 'gamma', mean: 16, cv: 0.6 }, 16, 0.6],
  [{ dist: 'gamma', mean: 2, cv: 1.5 }, 2, 1.5],
  [{ dist: 'loglogistic', mean: 16, cv: 0.5 }, 16, 0.5],
  [{ dist: 'triangular', min: 5, mode: 10, max: 30 }, 15, Math.sqrt((25 + 100 + 900 - 50 - 150 - 300) / 18) / 15],
  [{ dist: 'uniform', min: 4, max: 8 }, 6, 4 / Math.sqrt(12) / 6],
  [{ dist: 'empirical', values: [1, 2, 3, 10] }, 4, Math.sqrt((9 + 4 + 1 + 36) / 4) / 4],
];

describe('distributions', () => {
  for (const [spec, mean, cv] of CASES) {
    it(`${spec.dist} ${JSON.stringify(spec)} has the mean and cv it was given`, () => {
      const d = makeDistribution(spec);
      expect(d.mean).toBeCloseTo(mean, 10);
      expect(Math.sqrt(squaredCv(d))).toBeCloseTo(cv, 10);
      const m = moments(d);
      if (cv === 0) expect(m.mean).toBe(mean);
      else {
        // The sample mean's 99.9% interval must cover the declared mean.
        const ci = m.meanEstimate.ci as [number, number];
        expect(mean).toBeGreaterThanOrEqual(ci[0]);
        expect(mean).toBeLessThanOrEqual(ci[1]);
        // The cv within k standard errors, the error estimated from the 20 batches' cvs
        // (heavy tails make it large, and the band follows).
        expectWithinSe(m.cv, cv, standardError.mean(m.batchCvs), { df: m.batchCvs.length - 1, what: 'cv' });
      }
    });
  }

  it('lognormal draws are positive and use one uniform each (streams stay aligned)', () => {
    const a = new RandomStreams(1, 0).stream('x');
    const b = new RandomStreams(1, 0).stream('x');
    const d = makeDistribution({ dist: 'lognormal', mean: 10, cv: 2 });
    for (let i = 0; i < 1000; i++) {
      const x = d.sample(a);
      expect(x).toBeGreaterThan(0);
      b.uniform();
    }
    expect(a.uniform()).toBe(b.uniform());
  });

  it('rejects bad parameters with a typed error that says what was wrong', () => {
    const bad: [DistributionSpec, RegExp][] = [
      [{ dist: 'exponential', mean: -1 }, /exponential mean must be > 0, got -1/],
      [{ dist: 'lognormal', mean: 10, cv: -0.1 }, /lognormal cv must be >= 0, got -0.1/],
      [{ dist: 'gamma', mean: 0, cv: 1 }, /gamma mean must be > 0/],
      [{ dist: 'loglogistic', mean: 5, cv: Number.NaN }, /log-logistic cv must be a finite number/],
      [{ dist: 'triangular', min: 5, mode: 2, max: 9 }, /min <= mode <= max/],
      [{ dist: 'uniform', min: 3, max: 1 }, /min <= max/],
      [{ dist: 'empirical', values: [] }, /at least one value/],
      [{ dist: 'weibull', mean: 1 } as unknown as DistributionSpec, /unknown distribution "weibull"/],
    ];
    for (const [spec, msg] of bad) {
      expect(() => makeDistribution(spec)).toThrow(EngineError);
      expect(() => makeDistribution(spec)).toThrow(msg);
    }
  });
});

describe('random streams', () => {
  it('the same (seed, replication, name) gives the same sequence', () => {
    const a = new RandomStreams(5, 2).stream('arrivals/ct');
    const b = new RandomStreams(5, 2).stream('arrivals/ct');
    for (let i = 0; i < 100; i++) expect(a.uniform()).toBe(b.uniform());
  });

  it('names, replications and seeds give different, uncorrelated sequences', () => {
    const base = new RandomStreams(5, 2);
    const xs = [base.stream('a'), base.stream('b'), new RandomStreams(5, 3).stream('a'), new RandomStreams(6, 2).stream('a')];
    const n = 20_000;
    const draws = xs.map((s) => Array.from({ length: n }, () => s.uniform()));
    for (let i = 1; i < draws.length; i++) {
      let sxy = 0;
      for (let k = 0; k < n; k++) sxy += (draws[0][k] - 0.5) * (draws[i][k] - 0.5);
      const corr = sxy / n / (1 / 12);
      // r within k standard errors (1/sqrt(n)) of zero.
      expectWithinSe(corr, 0, 1 / Math.sqrt(n), { what: `correlation of stream ${i} with stream 0` });
    }
  });

  it('creating another stream does not shift the draws of an existing one', () => {
    const s1 = new RandomStreams(1, 0);
    const only = s1.stream('readTimes');
    const first = Array.from({ length: 10 }, () => only.uniform());
    const s2 = new RandomStreams(1, 0);
    s2.stream('ai/new-tool').uniform();
    const again = s2.stream('readTimes');
    expect(Array.from({ length: 10 }, () => again.uniform())).toEqual(first);
  });

  it('draws lie strictly between 0 and 1', () => {
    const s = new RandomStreams(9, 0).stream('u');
    let outside = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const u = s.uniform();
      if (!(u > 0 && u < 1)) outside++;
    }
    expect(outside).toBe(0);
  });

  it('rejects a seed that is not a whole number', () => {
    expect(() => new RandomStreams(1.5, 0)).toThrow(EngineError);
    expect(() => new RandomStreams(1, -1)).toThrow(/replication/);
  });
});
