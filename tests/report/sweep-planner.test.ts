/** Sweeps in a planner's terms: ranges, whole-number axes, arm subsets, clipped intervals, neighbouring differences. */
import { describe, expect, it } from 'vitest';
import { possibleRange, statistic } from '../../src/experiment/summary.js';
import { expandRange, isIntegerAxis, neighbourDifferences, parseVary, type SweepResult } from '../../src/experiment/sweep.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';
import { scenario } from '../support/scenarios.js';

describe('sweep axes', () => {
  it('ranges expand to their values', () => {
    expect(expandRange('12..15')).toEqual(['12', '13', '14', '15']);
    expect(expandRange('0.8..1..0.1')).toEqual(['0.8', '0.9', '1.0']);
    expect(expandRange('5..3')).toBeNull();
    expect(expandRange('12')).toBeNull();
    expect(parseVary('readers.general.count=4,6..8')).toEqual({ path: 'readers.general.count', values: ['4', '6', '7', '8'] });
  });

  it('an axis of whole numbers is an integer axis', () => {
    expect(isIntegerAxis({ path: 'x', values: ['12', '13'] })).toBe(true);
    expect(isIntegerAxis({ path: 'x', values: ['0.8', '1'] })).toBe(false);
  });
});

describe('intervals and differences', () => {
  it('interval bounds are clipped to what the statistic can take', () => {
    expect(possibleRange('target_met_share.stat')).toEqual([0, 1]);
    expect(possibleRange('by_year.3.target_met_share.stat')).toEqual([0, 1]);
    expect(possibleRange('studies.backlog_end')).toEqual([0, Infinity]);
    const share = statistic([0.99, 1, 1, 0.97], possibleRange('target_met_share.stat'));
    expect(share.ci95?.[1]).toBe(1);
    const backlog = statistic([0, 0, 0, 40], possibleRange('studies.backlog_end'));
    expect(backlog.ci95?.[0]).toBe(0);
    // Without a range the interval is the plain Student-t one.
    expect(statistic([0, 0, 0, 40]).ci95?.[0]).toBeLessThan(0);
  });

  it('neighbouring variants are compared pair by pair, on the same replications', () => {
    const run = (arm: string, replication: number, v: number) => ({
      arm,
      replication,
      stats: { m: v },
      periods: {} as never,
      priorityPeriods: {},
    });
    const result = (values: number[]) => ({
      runs: [values.map((v, i) => run('a', i, v))],
      summary: { arms: [{ name: 'a' }] },
    });
    const sweep = {
      axes: [{ path: 'readers.general.count', values: ['13', '14'] }],
      variants: [{ settings: { 'readers.general.count': '13' } }, { settings: { 'readers.general.count': '14' } }],
      // Replications differ a lot from each other, but 14 is always 1 better than 13.
      results: [result([10, 50, 90]), result([11, 51, 91])],
    } as unknown as SweepResult;
    const [d] = neighbourDifferences(sweep, 'm');
    expect(d).toMatchObject({ from: '13', to: '14', arm: 'a', mean: 1, ci95: [1, 1], n: 3 });
  });
});

describe('--arms', () => {
  const arms = [
    { name: 'base' },
    { name: 'more', readers: { general: { count: 6 } } },
    { name: 'fewer', readers: { general: { count: 4 } } },
  ];
  it('runs a subset in the order given', () => {
    const l = validateScenario('t.yaml', scenario({ arms }), { arms: ['fewer', 'base'] });
    expect(l.resolved.arms.map((a) => a.name)).toEqual(['fewer', 'base']);
    expect(l.departments).toHaveLength(2);
  });
  it('an unknown arm is refused with the names there are', () => {
    expect(() => validateScenario('t.yaml', scenario({ arms }), { arms: ['most'] })).toThrow(
      /--arms: no arm named "most" \(the arms are: base; more; fewer\)/,
    );
  });
});
