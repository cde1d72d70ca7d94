import { runExperiment } from '../../src/experiment/experiment.js';
import { simulateDepartment } from '../../src/model/department.js';
import type { RunResult } from '../../src/model/run-result.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';

/** The triage tool of the tests: flags bleeds in {@link scenario}'s emergency CT stream (90% sensitive, 95% specific). */
export const BLEED_TRIAGE = {
  name: 'bleed-triage',
  kind: 'triage',
  finding: 'bleed',
  streams: ['ed-ct'],
  sensitivity: 0.9,
  specificity: 0.95,
};

/** A small valid scenario as a raw object, with changes layered on top. */
export function scenario(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'test department',
    horizon: '26w',
    warmup: '2w',
    priorities: [
      { name: 'stat', target: '1h' },
      { name: 'routine', target: '7d' },
    ],
    streams: [
      {
        name: 'ed-ct',
        modality: 'CT',
        priority: 'stat',
        volume: '30/day',
        pattern: 'ed',
        readTime: { dist: 'lognormal', mean: '15m', cv: 0.6 },
        findings: { bleed: '8%' },
      },
      {
        name: 'op-mr',
        modality: 'MR',
        priority: 'routine',
        volume: '25/day',
        pattern: 'office-hours',
        readTime: { dist: 'gamma', mean: '20m', cv: 0.5 },
      },
    ],
    readers: [
      {
        name: 'general',
        count: 5,
        roster: [
          { days: 'Mon-Fri', from: '08:00', to: '18:00', on: 4 },
          { days: 'Sat-Sun', from: '08:00', to: '18:00', on: 2 },
          { days: 'all', from: '18:00', to: '08:00', on: 1 },
        ],
      },
    ],
    ...changes,
  };
}

/** A CT stream of one priority with exponential reads of `mean` (a duration such as '15m'). */
export function ctStream(name: string, priority: string, volume: string, mean: string): Record<string, unknown> {
  return { name, modality: 'CT', priority, volume, readTime: { dist: 'exponential', mean } };
}

/** Runs every arm of a raw scenario in this thread; results [arm][replication]. */
export async function runRaw(raw: Record<string, unknown>, replications = 3): Promise<RunResult[][]> {
  const loaded = validateScenario('test.yaml', raw);
  const r = await runExperiment(loaded, { replications, jobs: 1 });
  return r.runs;
}

/** One run of arm `arm`, replication `rep`. */
export function runOnce(raw: Record<string, unknown>, arm = 0, rep = 0): RunResult {
  const loaded = validateScenario('test.yaml', raw);
  return simulateDepartment(loaded.departments[arm], { seed: 1, replication: rep, arm: loaded.resolved.arms[arm].name });
}
