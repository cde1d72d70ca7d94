/**
 * A department that falls into parts sharing no readers is simulated part by part and merged:
 * which streams join, that the merge of one part is the run itself byte for byte, that a part's
 * numbers do not depend on the parts beside it, and that the worker pool gives the same result
 * for any number of threads.
 */
import { describe, expect, it } from 'vitest';
import { runTasks } from '../../src/experiment/worker-pool.js';
import { Department, mergeParts, simulateDepartment, simulatePart } from '../../src/model/department.js';
import type { DepartmentConfig } from '../../src/model/department-config.js';
import { departmentParts } from '../../src/model/department-parts.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';
import { BLEED_TRIAGE, scenario } from '../support/scenarios.js';

const ROSTER = [
  { days: 'Mon-Fri', from: '08:00', to: '18:00', on: 3 },
  { days: 'all', from: '18:00', to: '08:00', on: 1 },
];

/** Region A: a CT stream with a finding, a triage tool, an initial backlog; region B: an MR stream. */
function twoRegions(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const base = scenario();
  const [ct, mr] = base.streams as Record<string, unknown>[];
  return scenario({
    horizon: '20w',
    warmup: '2w',
    streams: [
      { ...ct, volume: '40/day', backlog: 30 },
      { ...mr, volume: '20/day', findings: { nodule: '5%' } },
    ],
    readers: [
      { name: 'ct-team', count: 4, modalities: ['CT'], roster: ROSTER },
      { name: 'mr-team', count: 3, modalities: ['MR'], roster: ROSTER },
    ],
    ai: [BLEED_TRIAGE],
    ...changes,
  });
}

function department(raw: Record<string, unknown>, arm = 0): DepartmentConfig {
  return validateScenario('parts.yaml', raw).departments[arm];
}

describe('department parts', () => {
  it('streams join by modality, by reader group, by external provider; AI tools do not join', () => {
    expect(departmentParts(department(twoRegions())).map((p) => p.streams)).toEqual([[0], [1]]);
    expect(departmentParts(department(twoRegions())).map((p) => p.groups)).toEqual([[0], [1]]);
    // A group that reads both modalities, or every modality, makes one part.
    const both = twoRegions({
      readers: [
        { name: 'ct-team', count: 4, modalities: ['CT'], roster: ROSTER },
        { name: 'mixed', count: 3, modalities: ['CT', 'MR'], roster: ROSTER },
      ],
    });
    expect(departmentParts(department(both))).toHaveLength(1);
    expect(departmentParts(department(scenario()))).toHaveLength(1);
    // An AI tool on both streams keeps them apart (its calls are drawn per study stream).
    const tool = twoRegions({
      ai: [{ name: 't', kind: 'autonomous', streams: ['ed-ct', 'op-mr'], clears: '30%', misses: '1%' }],
    });
    expect(departmentParts(department(tool))).toHaveLength(2);
    expect(departmentParts(department(tool, 0))[1].config.tools[0].streams).toEqual([0]);
    // An external provider that may take both streams joins them; one that takes one does not.
    const provider = (when: string, streams: string[]) =>
      twoRegions({
        readers: [
          ...((twoRegions().readers as unknown[]) ?? []),
          {
            name: 'telerad',
            external: { streams, turnaround: { dist: 'exponential', mean: '1h' }, costPerStudy: 30, when, backlogAbove: 100 },
          },
        ],
      });
    expect(departmentParts(department(provider('always', ['ed-ct', 'op-mr'])))).toHaveLength(1);
    expect(departmentParts(department(provider('always', ['ed-ct'])))).toHaveLength(2);
    expect(departmentParts(department(provider('never', ['ed-ct', 'op-mr'])))).toHaveLength(2);
    // The backlog policy looks at the department's whole backlog.
    expect(departmentParts(department(provider('backlog', ['ed-ct'])))).toHaveLength(1);
    // A part keeps the department's priorities, findings and tools (tool streams re-indexed).
    const [a, b] = departmentParts(department(twoRegions()));
    expect(a.config.findings).toEqual(['bleed', 'nodule']);
    expect(a.config.tools[0].streams).toEqual([0]);
    expect(b.config.tools[0].streams).toEqual([]);
  });

  it('merging the state of a department run as its only part gives its result byte for byte', () => {
    // Region A alone: a finding, a tool, an initial backlog, warm-up, several years' worth of periods.
    const raw = twoRegions({
      horizon: '60w',
      streams: [(twoRegions().streams as unknown[])[0]],
      readers: [
        (twoRegions().readers as unknown[])[0],
        {
          name: 'overflow',
          external: {
            streams: ['ed-ct'],
            turnaround: { dist: 'exponential', mean: '2h' },
            costPerStudy: 30,
            when: 'waited',
            after: '3h',
          },
        },
      ],
    });
    for (const config of validateScenario('a.yaml', {
      ...raw,
      arms: [{ name: 'none' }, { name: 'triage', ai: ['bleed-triage'] }],
    }).departments) {
      const options = { seed: 7, replication: 1, arm: 'x' };
      const direct = new Department(config, options).run();
      const parts = departmentParts(config);
      expect(parts).toHaveLength(1);
      const merged = mergeParts(config, parts, [simulatePart(config, options)], options);
      expect(JSON.stringify(merged)).toBe(JSON.stringify(direct));
      expect(direct.stats['outsourced.studies']).toBeGreaterThan(0);
      expect(direct.stats['initial_backlog.reported']).toBe(30);
    }
  });

  it("a part's numbers do not depend on the part beside it; percentiles merge exactly", () => {
    const config = department(twoRegions());
    const options = { seed: 3, replication: 0, arm: 'a' };
    const split = simulateDepartment(config, options);
    const whole = new Department(config, options).run();
    const [a] = departmentParts(config);
    const alone = simulateDepartment(a.config, options);
    // Region A's own statistics are its statistics alone.
    for (const key of [
      'wait.by_stream.ed-ct',
      'tat.by_priority.stat.p90',
      'target_met_share.stat',
      'initial_backlog.cleared_days',
    ]) {
      expect(split.stats[key]).toBe(alone.stats[key]);
    }
    expect(split.stats['utilisation_by_group.ct-team']).toBe(alone.stats['utilisation_by_group.ct-team']);
    // Against the department run whole: the same studies, so counts and percentiles are equal
    // (sketches merge bucket by bucket) and means agree to rounding.
    for (const [key, value] of Object.entries(whole.stats)) {
      if (Number.isNaN(value)) expect(split.stats[key], key).toBeNaN();
      else if (/\.p\d+$|^studies\.|^count\.|max/.test(key)) expect(split.stats[key], key).toBe(value);
      else expect(split.stats[key], key).toBeCloseTo(value, 9);
    }
    expect(split.periods.tat_p90_min).toEqual(whole.periods.tat_p90_min);
    expect(split.periods.arrivals).toEqual(whole.periods.arrivals);
    expect(split.weekHours).toEqual(whole.weekHours);
  });

  it('the worker pool runs one task per part and gives the same results for 1 and 2 threads', async () => {
    // Over 100,000 studies, so that two jobs really start worker threads.
    const config = department(
      twoRegions({
        horizon: '26w',
        streams: [
          { ...(twoRegions().streams as Record<string, unknown>[])[0], volume: '320/day' },
          { ...(twoRegions().streams as Record<string, unknown>[])[1], volume: '300/day' },
        ],
        readers: [
          { name: 'ct-team', count: 40, modalities: ['CT'], roster: [{ days: 'all', from: '00:00', to: '24:00', on: 20 }] },
          { name: 'mr-team', count: 40, modalities: ['MR'], roster: [{ days: 'all', from: '00:00', to: '24:00', on: 20 }] },
        ],
      }),
    );
    const tasks = [{ department: config, arm: 'a', seed: 5, replication: 0 }];
    const one = await runTasks(tasks, { jobs: 1 });
    const progress: string[] = [];
    const two = await runTasks(tasks, {
      jobs: 2,
      signal: new AbortController().signal,
      onProgress: (done, total, unit) => progress.push(`${done}/${total} ${unit}`),
    });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    // One run in two parts: the progress moves with each part, not once at the end.
    expect(progress).toEqual(['1/2 parts', '2/2 parts']);
    expect(one[0].stats['studies.arrived']).toBeGreaterThan(100_000);
  });
});
