import { describe, expect, it } from 'vitest';
import { leavesCoreForCharts, WARMUP_STUDIES } from '../../src/cli/commands/run-scenario.js';
import type { RunTask } from '../../src/experiment/run-task.js';

/** A task of `studies` studies: one stream of a study a minute over that many minutes. */
const task = (studies: number): RunTask =>
  ({
    department: { streams: [{ volume: 1 }], horizon: studies },
    arm: 'a',
    seed: 1,
    replication: 0,
  }) as unknown as RunTask;

describe('the chart thread warms up', () => {
  const long = [task(WARMUP_STUDIES / 2), task(WARMUP_STUDIES / 2)];
  it('in a long run that leaves a core idle', () => {
    expect(leavesCoreForCharts(long, 1, 0.2, 2)).toBe(true);
    expect(leavesCoreForCharts([task(WARMUP_STUDIES)], undefined, 0.2, 2)).toBe(true);
    expect(leavesCoreForCharts(long, 2, 1.2, 4)).toBe(true);
  });
  it('not in a short run, nor when the run or other programs keep every core busy', () => {
    expect(leavesCoreForCharts([task(WARMUP_STUDIES - 1)], 1, 0, 2)).toBe(false);
    expect(leavesCoreForCharts(long, 2, 0, 2)).toBe(false);
    expect(leavesCoreForCharts(long, undefined, 0, 2)).toBe(false);
    expect(leavesCoreForCharts(long, 1, 0.6, 2)).toBe(false);
    expect(leavesCoreForCharts(long, 1, 0, 1)).toBe(false);
  });
});
