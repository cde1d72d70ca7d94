import { YEAR } from '../engine/index.js';
import type { DepartmentConfig } from '../model/department-config.js';
import { departmentParts } from '../model/department-parts.js';
import type { LoadedScenario } from '../scenario/load-scenario.js';
import { explainScenario } from './analytic-companion.js';
import { departmentIdentity } from './shared-runs.js';

/**
 * Memory one study in the system takes in a run (its columns in the study store, the worklist
 * and the event calendar), measured by `npm run bench:overload`: 75.6 bytes per waiting study at
 * a backlog of 3.01 million (peak RSS 267 MB); rounded up to 80.
 */
export const BYTES_PER_STUDY = 80;

/** Past these, a run is refused unless forced: hours of work, or more memory than a laptop has. */
export const STUDY_LIMIT = 2e9;
export const MEMORY_LIMIT = 4 * 1024 ** 3;

export interface WorkEstimate {
  /** Studies simulated over every arm and replication (arrivals plus initial backlogs). */
  studies: number;
  /** Studies of one run of the busiest arm. */
  studiesPerRun: number;
  /** Arm-replication runs. */
  runs: number;
  /** Largest number of studies in the system at once in one run (fluid estimate). */
  peakBacklog: number;
  /** Memory of the tasks that go at once (bytes): whole runs, or parts of runs (department-parts.ts). */
  memory: number;
}

/** Studies arriving over `horizon` minutes at `perMinute` growing by `growth` a year: the integral of the rate. */
function arrivals(perMinute: number, growth: number, horizon: number): number {
  if (growth === 0) return perMinute * horizon;
  const years = horizon / YEAR;
  return (perMinute * YEAR * ((1 + growth) ** years - 1)) / Math.log1p(growth);
}

/** Studies one run of the department simulates: arrivals over its horizon plus initial backlogs. */
function studiesOf(d: DepartmentConfig): number {
  return d.streams.reduce((s, st) => s + st.backlog + arrivals(st.volume, st.growth, d.horizon), 0);
}

/**
 * The work a run of `scenarios` (one, or a sweep's variants) would do, before doing it: studies
 * to simulate = arrivals (the rate's integral with growth) + initial backlogs, per arm, times
 * replications; peak memory = the largest backlog the fluid estimate of the analytic companion
 * predicts (never more than the run's studies) x BYTES_PER_STUDY x tasks at once, where a
 * department that falls into parts sharing no readers runs as one task per part, each holding
 * about its share of the studies (the largest part's share is taken).
 *
 * Only runs that are simulated count: a run whose department, seed and replication repeat an
 * earlier run's is reused, not simulated (shared-runs.ts; `reuse: false` counts every run).
 * `seed`: the seed every scenario runs with (default: each scenario's own). `backlog: 'all'`
 * skips the fluid estimate (the analytic companion's, a quarter of a second for a
 * ten-year scenario of five arms) and takes every study of a run as waiting at once: an upper
 * bound of the memory, enough to pass a run well within the limits.
 */
export function estimateWork(
  scenarios: LoadedScenario[],
  options: {
    replications?: number;
    replication?: number;
    seed?: number;
    reuse?: boolean;
    jobs: number;
    backlog?: 'fluid' | 'all';
  },
): WorkEstimate {
  let studies = 0;
  let studiesPerRun = 0;
  let runs = 0;
  let peakBacklog = 0;
  // The largest backlog one task holds, and the tasks (runs, or parts of runs) to simulate.
  let peakPerTask = 0;
  let pieces = 0;
  // Replications already counted per (seed, department): all below `upTo`, and single ones.
  const counted = new Map<string, { upTo: number; singles: Set<number> }>();
  let unshared = 0;
  for (const scenario of scenarios) {
    const reps = options.replication !== undefined ? 1 : (options.replications ?? scenario.resolved.replications);
    const seed = options.seed ?? scenario.resolved.seed;
    let fluid: number[] | null = null;
    if (options.backlog !== 'all') {
      try {
        fluid = explainScenario(scenario).arms.map((a) => Math.max(0, ...a.years.map((y) => y.fluidBacklog)));
      } catch {
        fluid = null; // no estimate: assume every study may wait at once
      }
    }
    scenario.departments.forEach((d, a) => {
      const perRun = studiesOf(d);
      const initial = d.streams.reduce((s, st) => s + st.backlog, 0);
      const f = fluid?.[a];
      const peak = Math.min(perRun, Math.max(initial, f !== undefined && Number.isFinite(f) ? f : perRun));
      const identity = options.reuse === false ? null : departmentIdentity(d);
      const key = `${seed}|${identity ?? `unshared ${unshared++}`}`;
      let seen = counted.get(key);
      if (!seen) {
        seen = { upTo: 0, singles: new Set() };
        counted.set(key, seen);
      }
      // The replications this arm adds that no earlier run of the same department and seed had.
      let added = 0;
      if (options.replication !== undefined) {
        const r = options.replication;
        if (r >= seen.upTo && !seen.singles.has(r)) {
          seen.singles.add(r);
          added = 1;
        }
      } else if (reps > seen.upTo) {
        let singlesAbove = 0;
        for (const r of seen.singles) if (r >= seen.upTo && r < reps) singlesAbove++;
        added = reps - seen.upTo - singlesAbove;
        seen.upTo = reps;
      }
      if (added === 0) return;
      studies += perRun * added;
      studiesPerRun = Math.max(studiesPerRun, perRun);
      peakBacklog = Math.max(peakBacklog, peak);
      runs += added;
      const parts = departmentParts(d);
      const share = parts.length <= 1 ? 1 : Math.max(...parts.map((p) => studiesOf(p.config))) / Math.max(1, studiesOf(d));
      peakPerTask = Math.max(peakPerTask, peak * Math.min(1, share));
      pieces += added * Math.max(1, parts.length);
    });
  }
  const atOnce = Math.max(1, Math.min(options.jobs, pieces));
  return { studies, studiesPerRun, runs, peakBacklog, memory: peakPerTask * BYTES_PER_STUDY * atOnce };
}

/** Why a run is too big (a sentence for the message), or null when it is within the limits. */
export function workTooBig(e: WorkEstimate): string | null {
  const n = (x: number) => (x >= 1e9 ? `${(x / 1e9).toPrecision(3)} billion` : Math.round(x).toLocaleString('en-US'));
  if (!(e.studies <= STUDY_LIMIT))
    return `this run would simulate about ${n(e.studies)} studies (${e.runs} runs of up to ${n(e.studiesPerRun)}), more than the limit of ${n(STUDY_LIMIT)}: it would take hours or days`;
  if (!(e.memory <= MEMORY_LIMIT))
    return `this run would need about ${(e.memory / 1024 ** 3).toPrecision(3)} GB of memory (a backlog of up to ${n(e.peakBacklog)} studies in each run at once), more than the limit of ${MEMORY_LIMIT / 1024 ** 3} GB`;
  return null;
}
