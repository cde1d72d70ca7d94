import type { DepartmentConfig } from '../model/department-config.js';
import { departmentStatistics, findStatistic, reportedYears, yearsOf } from '../model/statistics-catalogue.js';
import { type LoadedScenario, type LoadOptions, loadScenario } from '../scenario/load-scenario.js';
import { suggest } from '../scenario/scenario-error.js';
import {
  type ExperimentOptions,
  type ExperimentResult,
  type PlanBatch,
  planBatch,
  planExperiment,
  runBatch,
} from './experiment.js';
import { statistic } from './summary.js';
import type { PoolOptions } from './worker-pool.js';

/** One varied parameter: a dotted path (as for --set) and its values, as written. */
export interface SweepAxis {
  path: string;
  values: string[];
}

/**
 * A range `FROM..TO` (whole steps) or `FROM..TO..STEP` as its values, or null when `text` is not
 * a range. At most 1,000 values.
 */
export function expandRange(text: string): string[] | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)\s*(?:\.\.\s*(\d+(?:\.\d+)?))?\s*$/.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  const step = m[3] === undefined ? 1 : Number(m[3]);
  if (!(step > 0) || to < from || (to - from) / step > 1000) return null;
  const decimals = Math.max(...[m[1], m[2], m[3] ?? '1'].map((x) => (x.split('.')[1] ?? '').length));
  const values: string[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) values.push((from + i * step).toFixed(decimals));
  return values;
}

/**
 * `PATH=V1,V2,...` -> an axis, or null when the text is not of that form. A value may be a range,
 * `12..18` (every whole number) or `0.8..1..0.05`.
 */
export function parseVary(text: string): SweepAxis | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  const values = text
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
    .flatMap((v) => expandRange(v) ?? [v]);
  return values.length ? { path: text.slice(0, eq).trim(), values } : null;
}

/** Does every value of the axis read as a whole number (a headcount): the chart's axis then has whole ticks. */
export function isIntegerAxis(axis: SweepAxis): boolean {
  return axis.values.every((v) => /^\s*-?\d+\s*$/.test(v));
}

/** A paired difference between neighbouring variants of a one-axis sweep. */
export interface NeighbourDifference {
  from: string;
  to: string;
  arm: string;
  metric: string;
  mean: number | null;
  ci95: [number, number] | null;
  n: number;
}

/**
 * For a one-axis sweep: the metric of each variant minus the previous one's, per arm, paired by
 * replication (every variant runs on the same seed, so replication k sees the same patients:
 * the pairs' differences show whether 13 against 14 readers is more than noise).
 */
export function neighbourDifferences(sweep: SweepResult, metric: string): NeighbourDifference[] {
  if (sweep.axes.length !== 1) return [];
  const path = sweep.axes[0].path;
  const out: NeighbourDifference[] = [];
  for (let v = 1; v < sweep.results.length; v++) {
    const prev = sweep.results[v - 1];
    const cur = sweep.results[v];
    cur.runs.forEach((armRuns, a) => {
      const diffs = armRuns.map((run, i) => (run.stats[metric] ?? Number.NaN) - (prev.runs[a]?.[i]?.stats[metric] ?? Number.NaN));
      out.push({
        from: sweep.variants[v - 1].settings[path],
        to: sweep.variants[v].settings[path],
        arm: cur.summary.arms[a].name,
        metric,
        ...statistic(diffs),
      });
    });
  }
  return out;
}

export interface SweepVariant {
  /** The value of each axis, by path, as written. */
  settings: Record<string, string>;
  scenario: LoadedScenario;
}

export interface SweepResult {
  axes: SweepAxis[];
  variants: SweepVariant[];
  results: ExperimentResult[];
  /** Arm-replication runs over every variant. */
  runs: number;
  /** Of those, runs not simulated: their arm, seed and replication resolve exactly as in a run simulated before them. */
  reused: number;
}

/** Every combination of the axes' values, first axis slowest. */
export function grid(axes: SweepAxis[]): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const axis of axes) combos = combos.flatMap((c) => axis.values.map((v) => ({ ...c, [axis.path]: v })));
  return combos;
}

/** Loads every variant first (so a bad value fails before anything runs). */
export function sweepVariants(file: string, axes: SweepAxis[], options: LoadOptions = {}): SweepVariant[] {
  return grid(axes).map((settings) => ({
    settings,
    scenario: loadScenario(file, {
      ...options,
      set: [...(options.set ?? []), ...Object.entries(settings).map(([p, v]) => `${p}=${v}`)],
    }),
  }));
}

/**
 * Runs the grid of variants, all on one worker pool. Every variant uses the same seed, so the
 * variants see the same patients and the curve across them is smooth (common random numbers).
 *
 * An arm whose department a variant leaves exactly as an earlier variant (or arm) has it — the
 * variant changes another arm, or a field the arm sets to its own value, or two values resolve
 * to the same department — is simulated once per replication and its results reused: the same
 * results as simulating it again (planBatch, shared-runs.ts). `reuse: false` simulates every run.
 * Progress counts the runs simulated.
 */
export async function runSweep(
  variants: SweepVariant[],
  axes: SweepAxis[],
  options: Omit<ExperimentOptions, keyof PoolOptions> & PoolOptions = {},
): Promise<SweepResult> {
  const batch = planSweep(variants, options);
  const results = await runBatch(batch, options);
  return { axes, variants, results, runs: batch.runs, reused: batch.reused };
}

/** The sweep's runs as one batch (planBatch): what runSweep simulates, before it runs (for its progress and work estimate). */
export function planSweep(variants: SweepVariant[], options: Omit<ExperimentOptions, keyof PoolOptions> = {}): PlanBatch {
  return planBatch(variants.map((v) => planExperiment(v.scenario, options)));
}

/**
 * Checks a statistic's name (`--metric`) against the statistics catalogue for a scenario's
 * departments (one per arm), without running anything: null when some arm reports it, else one
 * line saying why not, with the close names that are valid.
 */
export function checkMetric(metric: string, departments: readonly DepartmentConfig[]): string | null {
  const known = [...new Set(departments.flatMap((d) => departmentStatistics(d).map((s) => s.path)))];
  if (known.includes(metric)) return null;
  const found = findStatistic(metric);
  const year = found?.names.year;
  if (year !== undefined && departments.length > 0) {
    const d = departments[0];
    const years = reportedYears(d).map((i) => yearsOf(d)[i].label);
    if (!years.includes(year)) return `--metric ${metric}: the run has no year ${year} (its years: ${years.join(', ')})`;
  }
  const close: string[] = [];
  for (let rest = known; close.length < 5; ) {
    const next = suggest(metric, rest);
    if (next === null) break;
    close.push(next);
    rest = rest.filter((k) => k !== next);
  }
  // Then names that hold the word ("backlog" -> studies.backlog_end, ...).
  const word = metric.toLowerCase();
  for (const k of known) if (close.length < 5 && !close.includes(k) && k.toLowerCase().includes(word)) close.push(k);
  const why = found ? 'not a statistic of this scenario' : 'not a statistic readsim reports';
  const hint = close.length
    ? ` (did you mean ${close[0]}?${close.length > 1 ? ` Other close names: ${close.slice(1).join(', ')}` : ''})`
    : ` (its statistics include ${known.slice(0, 4).join(', ')}, ...)`;
  return `--metric ${metric}: ${why}${hint}; docs/results.md lists every statistic`;
}
