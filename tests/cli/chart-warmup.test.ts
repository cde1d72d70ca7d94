import { cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { coreFreeForCharts, leavesCoreForCharts, WARMUP_STUDIES } from '../../src/cli/commands/chart-warmup.js';
import { watchOtherProgramsLoad } from '../../src/cli/commands/other-programs-load.js';
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

describe('the chart thread warms up near the end of a run on every core', () => {
  const long = [task(WARMUP_STUDIES / 2), task(WARMUP_STUDIES / 2)];
  it('when the run has freed a core and other programs leave it idle', () => {
    expect(coreFreeForCharts(long, 1, 0, 2)).toBe(true);
    expect(coreFreeForCharts(long, 3, 0.2, 4)).toBe(true);
  });
  it('not in a short run, nor when other programs use the core the run freed', () => {
    expect(coreFreeForCharts([task(WARMUP_STUDIES - 1)], 1, 0, 2)).toBe(false);
    expect(coreFreeForCharts(long, 1, 0.6, 2)).toBe(false);
    expect(coreFreeForCharts(long, 2, 0, 2)).toBe(false);
  });
});

describe('runTasks tells when a core is free', () => {
  it('once, when fewer tasks are left than threads, and with how many still run', async () => {
    const { runTasks } = await import('../../src/experiment/worker-pool.js');
    const { parseScenarioText, validateScenario } = await import('../../src/scenario/load-scenario.js');
    const text = `name: probe
horizon: 10d
streams:
  - { name: s1, volume: 6000/day, readTime: { dist: exponential, mean: 10m } }
readers:
  - { name: r, count: 60 }
`;
    const department = validateScenario('x.yaml', parseScenarioText('x.yaml', text)).departments[0];
    const tasks: RunTask[] = [0, 1, 2].map((k) => ({ department, arm: 'a', seed: 1, replication: k }));
    const calls: number[] = [];
    const controller = new AbortController();
    await runTasks(tasks, { jobs: 2, signal: controller.signal, onCoreFree: (running) => calls.push(running) });
    expect(calls).toEqual([1]);
    // One thread: no core is freed before the end.
    const none: number[] = [];
    await runTasks(tasks, { jobs: 1, signal: controller.signal, onCoreFree: (running) => none.push(running) });
    expect(none).toEqual([]);
  });
});

describe('the load of other programs', () => {
  it('is read from the cores’ busy time less this process’s own, and never negative', async () => {
    const otherLoad = watchOtherProgramsLoad();
    // This process keeps one core busy for a fifth of a second: its own time is not counted.
    const until = Date.now() + 200;
    let spin = 0;
    while (Date.now() < until) spin++;
    expect(spin).toBeGreaterThan(0);
    const load = otherLoad();
    expect(Number.isFinite(load)).toBe(true);
    expect(load).toBeGreaterThanOrEqual(0);
    // At most the machine's cores (plus the clock ticks' rounding).
    expect(load).toBeLessThanOrEqual(cpus().length + 0.5);
  });
});
