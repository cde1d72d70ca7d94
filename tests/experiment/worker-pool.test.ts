/** The worker pool when tasks fail: the first failure is thrown, the others are stopped, nothing crashes. */
import { describe, expect, it } from 'vitest';
import type { RunTask } from '../../src/experiment/run-task.js';
import { runTasks } from '../../src/experiment/worker-pool.js';
import { parseScenarioText, validateScenario } from '../../src/scenario/load-scenario.js';

const SMALL = `name: probe
horizon: 1w
streams:
  - { name: s1, volume: 40/day, readTime: { dist: exponential, mean: 10m } }
readers:
  - { name: r, count: 5 }
`;

describe('worker pool failures', () => {
  it('two tasks failing together reject the run with the first failure, in worker threads', async () => {
    const good = validateScenario('x.yaml', parseScenarioText('x.yaml', SMALL)).departments[0];
    // A department the model refuses (validation would never let this through).
    const broken = { ...good, streams: good.streams.map((s) => ({ ...s, pattern: new Array(168).fill(0) })) };
    const tasks: RunTask[] = [0, 1, 2, 3].map((k) => ({ department: k < 2 ? broken : good, arm: 'a', seed: 1, replication: k }));
    const controller = new AbortController();
    await expect(runTasks(tasks, { jobs: 2, signal: controller.signal })).rejects.toThrow(/weekly pattern/);
    // The pool is gone and a new run works.
    const ok = await runTasks(tasks.slice(2), { jobs: 2, signal: controller.signal });
    expect(ok).toHaveLength(2);
  });
});
