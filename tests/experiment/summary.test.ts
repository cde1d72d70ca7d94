import { describe, expect, it } from 'vitest';
import { possibleRange, round, statistic, summarise, summaryJson } from '../../src/experiment/summary.js';
import { studentTQuantile } from '../../src/formulas/confidence-interval.js';
import type { RunResult } from '../../src/model/run-result.js';
import type { LoadedScenario } from '../../src/scenario/scenario-text.js';

describe('summary building', () => {
  it('rounds to six significant digits and keeps non-finite values', () => {
    expect(round(123.456789)).toBe(123.457);
    expect(round(0.000123456789)).toBe(0.000123457);
    expect(round(1234567)).toBe(1234570);
    expect(round(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(round(Number.NaN))).toBe(true);
  });

  it('a statistic is the mean and the Student-t 95% interval, rounded, clipped to its range', () => {
    const s = statistic([0.9, 1.0, 1.0]);
    const half = studentTQuantile(0.975, 2) * Math.sqrt(((0.9 - 29 / 30) ** 2 + 2 * (1 / 30) ** 2) / 2 / 3);
    expect(s).toEqual({ mean: round(29 / 30), ci95: [round(29 / 30 - half), round(29 / 30 + half)], n: 3 });
    const share = statistic([0.9, 1.0, 1.0], [0, 1]);
    expect(share.ci95?.[1]).toBe(1);
    expect(statistic([Number.NaN, Number.NaN])).toEqual({ mean: null, ci95: null, n: 0 });
    expect(statistic([4])).toEqual({ mean: 4, ci95: null, n: 1 });
  });

  it('shares lie in [0, 1]; counts and times are never negative (the statistics catalogue)', () => {
    expect(possibleRange('target_met_share.stat')).toEqual([0, 1]);
    expect(possibleRange('utilisation')).toEqual([0, 1]);
    expect(possibleRange('wait.all')).toEqual([0, Infinity]);
    expect(possibleRange('studies.backlog_end')).toEqual([0, Infinity]);
  });

  it('nests the statistics by their dotted names and pairs the arms by replication', () => {
    const run = (arm: string, replication: number, stats: Record<string, number>) =>
      ({ arm, replication, stats }) as unknown as RunResult;
    const loaded = {
      resolved: { name: 'toy', period: 'week', arms: [{ name: 'base' }, { name: 'more' }] },
      departments: [{ horizon: 14 * 1440, warmup: 1440 }],
    } as unknown as LoadedScenario;
    const runs = [
      [
        run('base', 0, { 'wait.all': 10, 'count.by_ai_call.t.TP': 5 }),
        run('base', 1, { 'wait.all': 20, 'count.by_ai_call.t.TP': 6 }),
      ],
      [
        run('more', 0, { 'wait.all': 7, 'count.by_ai_call.t.TP': 5 }),
        run('more', 1, { 'wait.all': 15, 'count.by_ai_call.t.TP': 6 }),
      ],
    ];
    const s = summarise(loaded, runs, 42);
    expect(s).toMatchObject({ scenario: 'toy', seed: 42, replications: 2, horizon_days: 14, warmup_days: 1, period: 'week' });
    expect(s.arms[0]).toMatchObject({
      name: 'base',
      wait: { all: { mean: 15, n: 2 } },
      count: { by_ai_call: { t: { TP: { mean: 5.5 } } } },
    });
    // Paired differences: -3 and -5, mean -4; counts of AI calls are not compared.
    expect(s.differences).toHaveLength(1);
    expect(s.differences[0]).toMatchObject({ arm: 'more', vs: 'base', metric: 'wait.all', mean: -4, n: 2 });
    const half = studentTQuantile(0.975, 1) * (Math.SQRT2 / Math.sqrt(2));
    expect(s.differences[0].ci95).toEqual([round(-4 - half), round(-4 + half)]);
    expect(summaryJson(s).endsWith('}\n')).toBe(true);
    expect(JSON.parse(summaryJson(s))).toEqual(s);
  });
});
