import { HOURS_PER_WEEK, WEEK } from '../../engine/index.js';
import { type Estimate, estimate, studentTQuantile } from '../../formulas/confidence-interval.js';
import type { DepartmentConfig } from '../../model/department-config.js';
import { rosterPieces, type ShiftSpec } from '../../model/roster.js';
import type { RunResult } from '../../model/run-result.js';
import type { RunTask } from '../run-task.js';
import type { TaskPool } from '../worker-pool.js';
import { isHourly, type StaffingTarget } from './staffing-target.js';

/** How a trial staffing is simulated. */
export interface EvaluationSettings {
  seed: number;
  /** Simulated weeks after the warm-up, per replication. */
  weeks: number;
  /** Warm-up (minutes). */
  warmup: number;
  /** One-sided confidence level of the lower bounds a target is judged by (0.5 = the mean). */
  confidence: number;
  /** Where the runs run (kept open for the whole search). */
  pool: TaskPool;
}

/** A target as one evaluation measured it. */
export interface TargetMeasure {
  /** Share within target over the run, across replications. */
  overall: Estimate;
  /** Lower confidence bound of `overall`. */
  lower: number;
  /** Per hour of the week, pooled over weeks and replications (by the hour of the report). */
  hourShare: number[];
  hourCount: number[];
  /** Per block of hours (as given), the lower confidence bound across replications (NaN: too few studies). */
  blockLower: number[];
}

export interface StaffingEvaluation {
  targets: TargetMeasure[];
  /** Growth of the unread backlog over the run, as a share of the studies that arrived (mean of replications). */
  backlogGrowth: number;
  runs: number;
}

/** A block needs this many studies (pooled) before it is judged on its own. */
export const MIN_BLOCK_STUDIES = 30;

/**
 * The department to simulate for a staffing: every stream at its volume after `years` of
 * growth and growing no more (a stationary week), no initial backlog, the single reader group
 * on the given roster lines (each a shift: readers change at its start), hourly reporting
 * periods, `weeks` after `warmup`.
 */
export function staffingDepartment(
  base: DepartmentConfig,
  years: number,
  roster: readonly ShiftSpec[],
  weeks: number,
  warmup: number,
): DepartmentConfig {
  const g = base.readers[0];
  return {
    ...base,
    horizon: warmup + weeks * WEEK,
    warmup,
    periodLength: 60,
    streams: base.streams.map((s) => ({ ...s, volume: s.volume * (1 + s.growth) ** years, growth: 0, backlog: 0 })),
    readers: [{ ...g, count: Math.max(1, ...roster.map((s) => s.on)), roster: rosterPieces([...roster]).pieces, growth: 0 }],
  };
}

function lowerBound(e: Estimate, confidence: number): number {
  if (e.n < 2 || confidence <= 0.5) return e.mean;
  return e.mean - studentTQuantile(confidence, e.n - 1) * (e.sd / Math.sqrt(e.n));
}

/** What the runs of one staffing say about each target (the runs in replication order). */
export function measure(
  runs: readonly RunResult[],
  cfg: DepartmentConfig,
  targets: readonly StaffingTarget[],
  blocks: readonly (readonly number[])[],
  confidence: number,
): StaffingEvaluation {
  const warmPeriods = Math.ceil(cfg.warmup / 60 - 1e-9);
  const measures = targets.map((t): TargetMeasure => {
    const met = new Array<number>(HOURS_PER_WEEK).fill(0);
    const count = new Array<number>(HOURS_PER_WEEK).fill(0);
    const blockShares: number[][] = blocks.map(() => []);
    const blockCounts = blocks.map(() => 0);
    for (const run of runs) {
      const pp = run.priorityPeriods[t.name];
      const m = new Array<number>(HOURS_PER_WEEK).fill(0);
      const n = new Array<number>(HOURS_PER_WEEK).fill(0);
      for (let k = warmPeriods; k < pp.reported.length; k++) {
        const reported = pp.reported[k];
        const share = pp.target_met_share[k];
        if (!(reported > 0) || Number.isNaN(share)) continue;
        const h = k % HOURS_PER_WEEK;
        n[h] += reported;
        m[h] += share * reported;
      }
      for (let h = 0; h < HOURS_PER_WEEK; h++) {
        met[h] += m[h];
        count[h] += n[h];
      }
      blocks.forEach((hours, b) => {
        let bm = 0;
        let bn = 0;
        for (const h of hours) {
          bm += m[h];
          bn += n[h];
        }
        blockCounts[b] += bn;
        if (bn > 0) blockShares[b].push(bm / bn);
      });
    }
    const overall = estimate(runs.map((r) => r.stats[`target_met_share.${t.name}`] ?? Number.NaN));
    return {
      overall,
      lower: lowerBound(overall, confidence),
      hourShare: met.map((x, h) => (count[h] > 0 ? x / count[h] : Number.NaN)),
      hourCount: count,
      blockLower: blockShares.map((xs, b) =>
        isHourly(t) && blockCounts[b] >= MIN_BLOCK_STUDIES ? lowerBound(estimate(xs), confidence) : Number.NaN,
      ),
    };
  });
  const growth = runs.map((r) => {
    const arrived = r.stats['studies.arrived'];
    return arrived > 0 ? (r.stats['studies.backlog_end'] - r.stats['studies.backlog_start']) / arrived : 0;
  });
  return { targets: measures, backlogGrowth: growth.reduce((a, b) => a + b, 0) / growth.length, runs: runs.length };
}

/**
 * Simulates several rosters (each for the given replications) in one batch of runs on the
 * worker pool, and measures each. Replication k of every staffing uses the random streams of
 * (seed, k): common random numbers, so that staffings are compared on the same studies.
 */
export async function evaluateStaffings(
  base: DepartmentConfig,
  years: number,
  rosters: readonly (readonly ShiftSpec[])[],
  replications: readonly number[],
  targets: readonly StaffingTarget[],
  blocks: readonly (readonly number[])[],
  settings: EvaluationSettings,
): Promise<StaffingEvaluation[]> {
  const configs = rosters.map((r) => staffingDepartment(base, years, r, settings.weeks, settings.warmup));
  const tasks: RunTask[] = [];
  configs.forEach((department, i) => {
    for (const replication of replications) tasks.push({ department, arm: `staffing ${i}`, seed: settings.seed, replication });
  });
  const results = await settings.pool.run(tasks);
  const R = replications.length;
  return configs.map((cfg, i) => measure(results.slice(i * R, (i + 1) * R), cfg, targets, blocks, settings.confidence));
}
