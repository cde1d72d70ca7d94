import { YEAR } from '../engine/index.js';
import type { LoadedScenario } from '../scenario/load-scenario.js';
import { explainScenario } from './analytic-companion.js';

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
  /** Memory of the runs that go at once (bytes). */
  memory: number;
}

/** Studies arriving over `horizon` minutes at `perMinute` growing by `growth` a year: the integral of the rate. */
function arrivals(perMinute: number, growth: number, horizon: number): number {
  if (growth === 0) return perMinute * horizon;
  const years = horizon / YEAR;
  return (perMinute * YEAR * ((1 + growth) ** years - 1)) / Math.log1p(growth);
}

/**
 * The work a run of `scenarios` (one, or a sweep's variants) would do, before doing it: studies
 * to simulate = arrivals (the rate's integral with growth) + initial backlogs, per arm, times
 * replications; peak memory = the largest backlog the fluid estimate of the analytic companion
 * predicts (never more than the run's studies) x BYTES_PER_STUDY x runs at once.
 */
export function estimateWork(
  scenarios: LoadedScenario[],
  options: { replications?: number; replication?: number; jobs: number },
): WorkEstimate {
  let studies = 0;
  let studiesPerRun = 0;
  let runs = 0;
  let peakBacklog = 0;
  for (const scenario of scenarios) {
    const reps = options.replication !== undefined ? 1 : (options.replications ?? scenario.resolved.replications);
    let fluid: number[] | null = null;
    try {
      fluid = explainScenario(scenario).arms.map((a) => Math.max(0, ...a.years.map((y) => y.fluidBacklog)));
    } catch {
      fluid = null; // no estimate: assume every study may wait at once
    }
    scenario.departments.forEach((d, a) => {
      const perRun = d.streams.reduce((s, st) => s + st.backlog + arrivals(st.volume, st.growth, d.horizon), 0);
      const initial = d.streams.reduce((s, st) => s + st.backlog, 0);
      const f = fluid?.[a];
      const peak = Math.min(perRun, Math.max(initial, f !== undefined && Number.isFinite(f) ? f : perRun));
      studies += perRun * reps;
      studiesPerRun = Math.max(studiesPerRun, perRun);
      peakBacklog = Math.max(peakBacklog, peak);
      runs += reps;
    });
  }
  const atOnce = Math.max(1, Math.min(options.jobs, runs));
  return { studies, studiesPerRun, runs, peakBacklog, memory: peakBacklog * BYTES_PER_STUDY * atOnce };
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
