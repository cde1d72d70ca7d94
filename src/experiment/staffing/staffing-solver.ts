import { CapacityCalendar, HOURS_PER_WEEK, YEAR } from '../../engine/index.js';
import type { Estimate } from '../../formulas/confidence-interval.js';
import type { DepartmentConfig } from '../../model/department-config.js';
import { openTaskPool, type PoolOptions } from '../worker-pool.js';
import { hourlyLoad } from './hourly-load.js';
import { initialStaffing } from './initial-staffing.js';
import { hourlyShifts, rosterShifts } from './roster-shifts.js';
import { coverWithShifts, staffingOf } from './shift-cover.js';
import { type ShiftTemplate, templateHours, templateWeeklyHours } from './shift-templates.js';
import { type EvaluationSettings, evaluateStaffings, type StaffingEvaluation } from './staffing-evaluation.js';
import { isHourly, type StaffingTarget } from './staffing-target.js';

export interface StaffingOptions {
  targets: StaffingTarget[];
  /** Years of the horizon to staff (1 = the first year); the volume is that year's end. */
  years: number[];
  templates: readonly ShiftTemplate[];
  seed: number;
  /** Replications per trial staffing during the search (default 4). */
  searchReplications?: number;
  /** Replications of the final check of the found roster (default 8). */
  finalReplications?: number;
  /** Simulated weeks per replication after the warm-up (default 26). */
  weeks?: number;
  /** Warm-up (minutes; default: the department's, at least two weeks). */
  warmup?: number;
  /** One-sided confidence of the lower bounds targets are judged by (default 0.9). */
  confidence?: number;
  /** The first guess keeps the week's reading load under this share of capacity (default 0.9). */
  maxUtilisation?: number;
  /** Contracted rostered hours a week per reader (default: today's roster hours / today's headcount). */
  contractedHours?: number;
  /** Share of contracted time a reader is available, after leave and sickness (default 1 with the derived hours). */
  availability?: number;
  /** ISA iterations at most (default 6). */
  maxIterations?: number;
  pool?: PoolOptions;
  /** Progress in words ("year 3: iteration 2"). */
  onStage?: (message: string) => void;
}

export interface TargetResult {
  priority: string;
  within: number;
  goal: number;
  /** Share within target in the final check, across its replications (95% interval). */
  share: Estimate;
  /** One-sided lower bound at the stated confidence; met when >= goal. */
  lower: number;
  met: boolean;
}

export interface YearStaffing {
  year: number;
  /** Readers to employ: rostered hours / (contracted hours x availability), and no fewer than the most on at once. */
  headcount: number;
  /** The group's headcount in that year as the scenario has it. */
  currentHeadcount: number;
  rosteredHours: number;
  currentRosteredHours: number;
  /** Readers on each template (template order). */
  counts: number[];
  /** Readers on duty per hour of the week: the found roster, the scenario's, the first guess, and the ISA's requirement. */
  staffing: number[];
  current: number[];
  initial: number[];
  required: number[];
  /** Offered load per hour of the week (readers). */
  load: number[];
  targets: TargetResult[];
  backlogGrowth: number;
  iterations: number;
  simulationRuns: number;
}

export interface StaffingResult {
  group: string;
  templates: readonly ShiftTemplate[];
  contractedHours: number;
  availability: number;
  confidence: number;
  weeks: number;
  searchReplications: number;
  finalReplications: number;
  years: YearStaffing[];
  simulationRuns: number;
}

/** Thrown for a department the solver cannot staff (stated in words). */
export class StaffingError extends Error {
  override readonly name = 'StaffingError';
}

/** Backlog growth over the run above this share of arrivals counts as "not every study is read". */
export const BACKLOG_GROWTH_LIMIT = 0.01;

/** Hours grouped by the set of templates that cover them: the blocks a target is judged on. */
export function coverBlocks(templates: readonly ShiftTemplate[]): number[][] {
  const signature = new Array<string>(HOURS_PER_WEEK).fill('');
  templates.forEach((t, i) => {
    for (const h of templateHours(t)) signature[h] += `${i},`;
  });
  const byKey = new Map<string, number[]>();
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    if (signature[h] === '') continue;
    const list = byKey.get(signature[h]) ?? [];
    list.push(h);
    byKey.set(signature[h], list);
  }
  return [...byKey.values()];
}

export interface Verdict {
  ok: boolean;
  /** Blocks where an hourly target fails. */
  failingBlocks: number[];
  /** A target judged over the whole run fails, or the backlog grows. */
  failingOverall: boolean;
}

/** Whether an evaluation meets every target (each block and the whole run) and reads every study. */
export function judge(ev: StaffingEvaluation, targets: readonly StaffingTarget[]): Verdict {
  const failingBlocks = new Set<number>();
  let failingOverall = ev.backlogGrowth > BACKLOG_GROWTH_LIMIT;
  targets.forEach((t, i) => {
    const m = ev.targets[i];
    if (!(m.lower >= t.goal)) failingOverall = true;
    m.blockLower.forEach((x, b) => {
      if (!Number.isNaN(x) && x < t.goal) failingBlocks.add(b);
    });
  });
  return { ok: !failingOverall && failingBlocks.size === 0, failingBlocks: [...failingBlocks], failingOverall };
}

function currentStaffing(cfg: DepartmentConfig, years: number): number[] {
  const g = cfg.readers[0];
  const cal = new CapacityCalendar(g.roster, g.growth);
  return Array.from({ length: HOURS_PER_WEEK }, (_, h) => cal.valueAt(h * 60 + 30) * (1 + g.growth) ** years);
}

/**
 * Finds, for each requested year, the smallest weekly roster of the department's reader group
 * that meets every target:
 * 1. offered load per hour of the week, lagged (hourlyLoad), and a first staffing by the
 *    pointwise-stationary Erlang-C approximation (initialStaffing);
 * 2. the iterative staffing algorithm (Feldman, Mandelbaum, Massey and Whitt 2008): simulate the
 *    staffing, measure each hour's share within target, add a reader to each hour that misses,
 *    repeat until no hour misses (targets over 4 h and the backlog are judged over the run and
 *    add readers where the load is highest against the staffing);
 * 3. cover the hourly requirement with shift templates at the fewest rostered hours (HiGHS);
 * 4. check the roster by simulation, block of hours by block (hours covered by the same
 *    templates), at the stated confidence; add a reader to a shift of a failing block until it
 *    passes, then take readers off shifts while it still passes (the one that saves most hours
 *    first), so that removing a reader from any shift breaks a target;
 * 5. a final check of the found roster on replications the search never saw.
 * Runs are deterministic for a seed: the same seed gives the same answer for any number of threads.
 */
export async function solveStaffing(cfg: DepartmentConfig, options: StaffingOptions): Promise<StaffingResult> {
  if (cfg.readers.length !== 1)
    throw new StaffingError(
      `the staffing solver rosters one reader group; this department has ${cfg.readers.length} (${cfg.readers.map((g) => g.name).join(', ')})`,
    );
  const g = cfg.readers[0];
  const weeks = options.weeks ?? 26;
  const confidence = options.confidence ?? 0.9;
  const today = currentStaffing(cfg, 0);
  const todayHours = today.reduce((a, b) => a + b, 0);
  const contractedHours = options.contractedHours ?? (g.count > 0 ? todayHours / g.count : 40);
  const availability = options.availability ?? 1;
  const settings: EvaluationSettings = {
    seed: options.seed,
    weeks,
    warmup: options.warmup ?? Math.max(cfg.warmup, 2 * 7 * 1440),
    confidence,
    pool: openTaskPool({ ...options.pool, onProgress: undefined }),
  };
  try {
    return await solveYears(cfg, options, settings, contractedHours, availability);
  } finally {
    await settings.pool.close();
  }
}

async function solveYears(
  cfg: DepartmentConfig,
  options: StaffingOptions,
  settings: EvaluationSettings,
  contractedHours: number,
  availability: number,
): Promise<StaffingResult> {
  const g = cfg.readers[0];
  const templates = options.templates;
  const targets = options.targets;
  const searchReplications = options.searchReplications ?? 4;
  const finalReplications = options.finalReplications ?? 8;
  const weeks = settings.weeks;
  const confidence = settings.confidence;
  const maxUtilisation = options.maxUtilisation ?? 0.9;
  const maxIterations = options.maxIterations ?? 6;
  const blocks = coverBlocks(templates);
  const searchReps = Array.from({ length: searchReplications }, (_, i) => i);
  // The final check uses replications the search never saw.
  const finalReps = Array.from({ length: finalReplications }, (_, i) => 1000 + i);
  const byPriority = cfg.worklist.order === 'priority';
  const hourlyTargets = targets.some(isHourly);
  const years: YearStaffing[] = [];
  let totalRuns = 0;

  for (const year of options.years) {
    const stage = (m: string) => options.onStage?.(`year ${year}: ${m}`);
    let runs = 0;
    // Trial rosters: an hourly staffing runs as hourly shifts; template counts as the roster lines the output writes.
    const evaluate = async (staffings: number[][], reps = searchReps) => {
      const out = await evaluateStaffings(cfg, year, staffings.map(hourlyShifts), reps, targets, blocks, settings);
      runs += staffings.length * reps.length;
      return out;
    };
    const evaluateCounts = async (list: number[][], reps = searchReps) => {
      const out = await evaluateStaffings(
        cfg,
        year,
        list.map((c) => rosterShifts(templates, c)),
        reps,
        targets,
        blocks,
        settings,
      );
      runs += list.length * reps.length;
      return out;
    };
    const load = hourlyLoad(cfg, year, g.efficiency);
    const minimum = hourlyTargets ? 1 : 0;
    const initial = initialStaffing(load, targets, byPriority, maxUtilisation, minimum);

    // 2. The iterative staffing algorithm, hour by hour.
    const required = [...initial];
    let iterations = 0;
    for (; iterations < maxIterations; iterations++) {
      stage(`iterative staffing, round ${iterations + 1}`);
      const [ev] = await evaluate([required]);
      let changed = false;
      targets.forEach((t, i) => {
        if (!isHourly(t)) return;
        const m = ev.targets[i];
        for (let h = 0; h < HOURS_PER_WEEK; h++) {
          // Noise guard: an hour misses when its share is below the goal by more than 1.28
          // binomial standard errors (the block checks after the cover hold the real line).
          const n = m.hourCount[h];
          if (n >= 20 && m.hourShare[h] + 1.28 * Math.sqrt((t.goal * (1 - t.goal)) / n) < t.goal) {
            required[h]++;
            changed = true;
          }
        }
      });
      const overallFails =
        ev.backlogGrowth > BACKLOG_GROWTH_LIMIT || targets.some((t, i) => !isHourly(t) && ev.targets[i].overall.mean < t.goal);
      if (overallFails) {
        // Capacity over days: add a reader to the ten hours with the highest load per reader.
        const order = Array.from({ length: HOURS_PER_WEEK }, (_, h) => h).sort(
          (a, b) => load.total[b] / required[b] - load.total[a] / required[a] || a - b,
        );
        for (const h of order.slice(0, 10)) required[h]++;
        changed = true;
      }
      if (!changed) break;
    }

    // 3. The shift cover.
    stage('shift cover');
    let counts = (await coverWithShifts(templates, required)).counts;

    // 4. Check by blocks; repair, then trim.
    const hoursOf = templates.map((t) => new Set(templateHours(t)));
    const minimumHolds = (c: number[]) => staffingOf(templates, c).every((x) => x >= minimum);
    stage('checking the roster');
    let [ev] = await evaluateCounts([counts]);
    let verdict = judge(ev, targets);
    for (let repair = 0; !verdict.ok && repair < 30; repair++) {
      let best = -1;
      let bestScore = -1;
      templates.forEach((_, i) => {
        let score = 0;
        for (const b of verdict.failingBlocks) if (hoursOf[i].has(blocks[b][0])) score += blocks[b].length;
        // Failures over the run: weigh a template by the load it would serve.
        if (verdict.failingOverall)
          for (const h of hoursOf[i]) score += load.total[h] / Math.max(1, staffingOf(templates, counts)[h]);
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      });
      counts = counts.map((c, i) => (i === best ? c + 1 : c));
      stage(`adding a reader to ${templates[best].name}`);
      [ev] = await evaluateCounts([counts]);
      verdict = judge(ev, targets);
    }
    if (!verdict.ok) throw new StaffingError(`year ${year}: no roster found within 30 added shifts; are the targets reachable?`);
    // Trim: take d readers off a shift while the roster passes; d starts at a quarter of the
    // shift's readers and halves on a failure; a shift is done when one reader fewer fails.
    const step = counts.map((c) => Math.max(1, Math.floor(c / 4)));
    const done = counts.map((c) => c === 0);
    const less = (c: number[], i: number, d: number) => c.map((x, j) => (j === i ? x - d : x));
    for (;;) {
      const candidates = templates
        .map((_, i) => i)
        .filter((i) => {
          if (done[i]) return false;
          step[i] = Math.min(step[i], counts[i]);
          if (step[i] > 0 && minimumHolds(less(counts, i, step[i]))) return true;
          if (step[i] > 1) {
            step[i] = 1;
            if (minimumHolds(less(counts, i, 1))) return true;
          }
          done[i] = true;
          return false;
        });
      if (candidates.length === 0) break;
      stage('taking readers off shifts');
      const trials = candidates.map((i) => less(counts, i, step[i]));
      const evs = await evaluateCounts(trials);
      const passing: number[] = [];
      candidates.forEach((i, k) => {
        if (judge(evs[k], targets).ok) passing.push(k);
        else if (step[i] === 1) done[i] = true;
        else step[i] = Math.max(1, Math.floor(step[i] / 2));
      });
      if (passing.length === 0) continue;
      // Several shifts can lose readers: try them together first (fewer rounds).
      if (passing.length > 1) {
        const joint = counts.map((c, j) => {
          const k = passing.find((x) => candidates[x] === j);
          return k === undefined ? c : c - step[j];
        });
        if (minimumHolds(joint)) {
          const [e] = await evaluateCounts([joint]);
          if (judge(e, targets).ok) {
            counts = joint;
            continue;
          }
        }
      }
      // Else the single removal that saves the most hours.
      const saved = (k: number) => step[candidates[k]] * templateWeeklyHours(templates[candidates[k]]);
      let pick = passing[0];
      for (const k of passing) if (saved(k) > saved(pick)) pick = k;
      counts = trials[pick];
    }

    // 5. The final check, on fresh replications.
    stage('final check');
    const staffing = staffingOf(templates, counts);
    const [final] = await evaluateCounts([counts], finalReps);
    const rosteredHours = templates.reduce((s, t, i) => s + counts[i] * templateWeeklyHours(t), 0);
    const headcount = Math.max(Math.ceil(rosteredHours / (contractedHours * availability) - 1e-9), Math.max(...staffing));
    const current = currentStaffing(cfg, year);
    years.push({
      year,
      headcount,
      currentHeadcount: g.count * (1 + g.growth) ** year,
      rosteredHours,
      currentRosteredHours: current.reduce((a, b) => a + b, 0),
      counts,
      staffing,
      current,
      initial,
      required,
      load: load.total,
      targets: targets.map((t, i) => {
        const m = final.targets[i];
        return { priority: t.name, within: t.within, goal: t.goal, share: m.overall, lower: m.lower, met: m.lower >= t.goal };
      }),
      backlogGrowth: final.backlogGrowth,
      iterations: iterations + 1,
      simulationRuns: runs,
    });
    totalRuns += runs;
  }
  return {
    group: g.name,
    templates,
    contractedHours,
    availability,
    confidence,
    weeks,
    searchReplications,
    finalReplications,
    years,
    simulationRuns: totalRuns,
  };
}

/** Years of a department's horizon (1..n). */
export function horizonYears(cfg: DepartmentConfig): number[] {
  return Array.from({ length: Math.max(1, Math.ceil(cfg.horizon / YEAR - 1e-9)) }, (_, i) => i + 1);
}
