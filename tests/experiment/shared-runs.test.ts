/** Which runs repeat another exactly, and what a reused run's result is. */
import { describe, expect, it } from 'vitest';
import { departmentIdentity, shareRuns } from '../../src/experiment/shared-runs.js';
import { simulateDepartment } from '../../src/model/department.js';
import type { DepartmentConfig } from '../../src/model/department-config.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';
import { scenario } from '../support/scenarios.js';

const department = (changes: Record<string, unknown> = {}): DepartmentConfig =>
  validateScenario('test.yaml', scenario({ horizon: '3w', warmup: '0d', ...changes })).departments[0];

describe('shared runs', () => {
  it("an arm's name does not enter its random streams: two arms of one department differ only in the name", () => {
    // shareRuns reuses a run under another arm's name on this ground: should the arm ever enter
    // the seed, this fails, and the arm must enter the runs' key (shared-runs.ts).
    const d = department();
    const a = simulateDepartment(d, { seed: 7, replication: 1, arm: 'a' });
    const b = simulateDepartment(d, { seed: 7, replication: 1, arm: 'b' });
    expect(b.arm).toBe('b');
    expect(JSON.stringify({ ...b, arm: 'a' })).toBe(JSON.stringify(a));
    // ... while the replication does enter them.
    const c = simulateDepartment(d, { seed: 7, replication: 2, arm: 'a' });
    expect(c.stats['wait.all']).not.toBe(a.stats['wait.all']);
  });

  it('a department and a copy of it have one identity; any change to what runs, another', () => {
    const d = department();
    expect(departmentIdentity(structuredClone(d))).toBe(departmentIdentity(d));
    const changed = structuredClone(d);
    changed.readers[0].roster[0].value += 1e-12;
    expect(departmentIdentity(changed)).not.toBe(departmentIdentity(d));
    const renamed = structuredClone(d);
    renamed.streams[1].name = 'op-mr2';
    expect(departmentIdentity(renamed)).not.toBe(departmentIdentity(d));
    // Values JSON would write alike are told apart.
    const withCap = (weeklyCap: number) => ({ ...d, external: [{ weeklyCap }] }) as unknown as DepartmentConfig;
    const ids = [Infinity, -Infinity, Number.NaN, 0, -0].map((x) => departmentIdentity(withCap(x)));
    expect(new Set(ids).size).toBe(5);
    // What is not plain data is never shared.
    expect(departmentIdentity({ ...d, streams: new Map() } as unknown as DepartmentConfig)).toBeNull();
  });

  it('repeated runs are simulated once, in first-seen order; their results carry their own arm and replication', () => {
    const d = department();
    const e = department({ readers: [{ name: 'general', count: 6 }] });
    const runs = [
      { department: d, arm: 'x', seed: 1, replication: 0 },
      { department: structuredClone(d), arm: 'y', seed: 1, replication: 0 },
      { department: e, arm: 'z', seed: 1, replication: 0 },
      { department: d, arm: 'x', seed: 2, replication: 0 },
      { department: d, arm: 'x', seed: 1, replication: 1 },
      { department: d, arm: 'w', seed: 1, replication: 1 },
    ];
    const shared = shareRuns(runs);
    expect(shared.tasks).toEqual([runs[0], runs[2], runs[3], runs[4]]);
    expect(shared.source).toEqual([0, 0, 1, 2, 3, 3]);
    expect(shared.reused).toBe(2);
    const results = shared.tasks.map((t) => ({ arm: t.arm, replication: t.replication, stats: { seed: t.seed } }));
    const all = shared.expand(results as never);
    expect(all.map((r) => [r.arm, r.replication, r.stats.seed])).toEqual([
      ['x', 0, 1],
      ['y', 0, 1],
      ['z', 0, 1],
      ['x', 0, 2],
      ['x', 1, 1],
      ['w', 1, 1],
    ]);
    // Switched off: every run is a task.
    expect(shareRuns(runs, false).tasks).toEqual(runs);
  });
});
