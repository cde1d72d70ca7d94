import { describe, expect, it } from 'vitest';
import { Department } from '../../src/model/department.js';
import { giveBackStudyStore, StudyStore, takeStudyStore } from '../../src/model/study-store.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';
import { BLEED_TRIAGE, scenario } from '../support/scenarios.js';

describe('study store reuse within a thread', () => {
  it('a run on a reused store gives the same results, byte for byte, as on a new one', () => {
    const loaded = validateScenario(
      'reuse.yaml',
      scenario({ horizon: '8w', ai: [BLEED_TRIAGE], arms: [{ name: 'none' }, { name: 'triage', ai: ['bleed-triage'] }] }),
    );
    const run = (arm: number, rep: number) =>
      JSON.stringify(new Department(loaded.departments[arm], { seed: 4, replication: rep, arm: 'a' }).run());
    // Fresh: a store no other run has written (the spare taken away first).
    const fresh = (arm: number, rep: number) => {
      const d = loaded.departments[arm];
      takeStudyStore({ maxReads: 1, findings: d.findings.length, tools: d.tools.length }, 1);
      giveBackStudyStore(new StudyStore({ maxReads: 99 }, 16));
      return run(arm, rep);
    };
    const expected = [fresh(0, 0), fresh(1, 1), fresh(0, 2)];
    // One after the other, each reusing the store the run before wrote (other studies, other arm).
    expect([run(0, 0), run(1, 1), run(0, 2)]).toEqual(expected);
  });

  it('reuses a store of the same shape that is long enough, and only then', () => {
    const shape = { maxReads: 2, findings: 3, tools: 1 };
    const a = new StudyStore(shape, 4096);
    a.alloc();
    a.alloc();
    giveBackStudyStore(a);
    const b = takeStudyStore(shape, 2000);
    expect(b).toBe(a);
    expect(b.live).toBe(0);
    expect(b.alloc()).toBe(0);
    giveBackStudyStore(b);
    expect(takeStudyStore(shape, 8192)).not.toBe(a);
    giveBackStudyStore(a);
    expect(takeStudyStore({ ...shape, findings: 20 }, 100)).not.toBe(a);
    giveBackStudyStore(a);
    expect(takeStudyStore({ ...shape, maxReads: 3 }, 100)).not.toBe(a);
  });
});
