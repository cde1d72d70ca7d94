import { describe, expect, it } from 'vitest';
import { PeriodSeries, QuantileSketch, RandomStreams, Tally, TimeWeightedLevel } from '../../src/engine/index.js';

describe('monitors', () => {
  it('a tally gives count, mean, variance, min and max', () => {
    const t = new Tally();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) t.add(x);
    expect(t.count).toBe(8);
    expect(t.mean).toBe(5);
    expect(t.variance).toBeCloseTo(32 / 7, 12);
    expect([t.min, t.max]).toEqual([2, 9]);
  });

  it('a time-weighted level integrates exactly, per period too, and restarts at warm-up', () => {
    const periods = new PeriodSeries(10);
    const w = new TimeWeightedLevel(0, 0, periods);
    w.update(5, 2); // 0 on [0,5)
    w.update(15, 4); // 2 on [5,15)
    w.update(22, 0); // 4 on [15,22)
    w.flush(30);
    expect(w.integral(30)).toBe(2 * 10 + 4 * 7);
    expect(w.mean(30)).toBeCloseTo(48 / 30, 12);
    expect(periods.toArray()).toEqual([10, 10 + 20, 8]);
    w.reset(30);
    w.update(40, 1);
    expect(w.integral(50)).toBe(10);
    expect(w.max).toBe(1);
  });

  it('a period series splits spans across boundaries', () => {
    const s = new PeriodSeries(7);
    s.addSpan(5, 16, 2);
    s.add(20.5, 1);
    expect(s.toArray()).toEqual([4, 14, 4 + 1]);
    expect(s.periodOf(14)).toBe(2);
  });

  it('a quantile sketch is within its stated relative error of the exact quantile', () => {
    const rng = new RandomStreams(1, 0).stream('sketch');
    const sk = new QuantileSketch(0.01);
    const xs: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const x = Math.exp(3 + 2 * (rng.uniform() - 0.5) * 4);
      xs.push(x);
      sk.add(x);
    }
    xs.sort((a, b) => a - b);
    for (const q of [0.01, 0.1, 0.5, 0.9, 0.95, 0.99]) {
      const exact = xs[Math.floor(q * (xs.length - 1))];
      const got = sk.quantile(q);
      expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(0.0100001);
    }
    expect(sk.quantile(1)).toBe(xs[xs.length - 1]);
    expect(sk.quantile(0)).toBe(xs[0]);
  });

  it('a quantile sketch counts tiny values as zero and empties on reset', () => {
    const sk = new QuantileSketch(0.01, 1e-3);
    for (let i = 0; i < 60; i++) sk.add(0);
    for (let i = 0; i < 40; i++) sk.add(100);
    expect(sk.quantile(0.5)).toBe(0);
    expect(Math.abs(sk.quantile(0.9) - 100) / 100).toBeLessThanOrEqual(0.01);
    sk.reset();
    expect(sk.count).toBe(0);
    expect(Number.isNaN(sk.quantile(0.5))).toBe(true);
    sk.add(5);
    expect(Math.abs(sk.quantile(0.5) - 5) / 5).toBeLessThanOrEqual(0.01);
  });

  it('quantile sketches merge exactly: the merge of parts is the sketch of all the data', () => {
    const u = new RandomStreams(4, 0).stream('sketch-merge');
    const all = new QuantileSketch(0.005);
    const parts = [new QuantileSketch(0.005), new QuantileSketch(0.005), new QuantileSketch(0.005)];
    for (let i = 0; i < 30_000; i++) {
      // Values over several decades, some below the sketch's minimum (zeros), one part far above the others.
      const part = i % 3;
      const x = part === 2 ? 1000 * -Math.log(u.uniform()) : i % 97 === 0 ? 1e-4 : -Math.log(u.uniform()) * 20;
      all.add(x);
      parts[part].add(x);
    }
    const merged = new QuantileSketch(0.005);
    for (const p of parts) merged.merge(p.state());
    merged.merge(new QuantileSketch(0.005).state()); // an empty part changes nothing
    expect(merged.count).toBe(all.count);
    for (const q of [0, 0.001, 0.1, 0.5, 0.9, 0.95, 0.999, 1]) expect(merged.quantile(q)).toBe(all.quantile(q));
    expect(merged.state()).toEqual(all.state());
    expect(() => new QuantileSketch(0.01).merge(all.state())).toThrow(/different parameters/);
  });
});
