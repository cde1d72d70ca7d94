import { DAY } from '../engine/index.js';
import type { RunResult } from '../model/run-result.js';
import { isCompared, type StatisticTree, statisticRange } from '../model/statistics-catalogue.js';
import type { LoadedScenario } from '../scenario/scenario-text.js';
import { estimate } from './confidence-interval.js';

/** A statistic across replications: mean and Student-t 95% interval (null when n < 2). */
export interface Statistic {
  mean: number | null;
  ci95: [number, number] | null;
  n: number;
}

export interface Difference {
  arm: string;
  vs: string;
  metric: string;
  mean: number | null;
  ci95: [number, number] | null;
  n: number;
}

/**
 * One arm in summary.json: its name and its statistics, nested by their paths, each a
 * Statistic. The type is derived from the statistics catalogue (src/model/statistics-catalogue.ts).
 */
export type ArmSummary = { name: string } & StatisticTree<Statistic>;

/** summary.json: the headline results (times in minutes unless a name says otherwise). */
export interface Summary {
  scenario: string;
  seed: number;
  replications: number;
  horizon_days: number;
  warmup_days: number;
  period: string;
  arms: ArmSummary[];
  differences: Difference[];
}

/** Six significant digits: enough for any statistic here, and a readable file. */
export function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}

/**
 * A statistic's mean and interval across replications. `range`: the values the statistic can
 * take; the interval's bounds are clipped to it (no negative backlog, no share above 1).
 */
export function statistic(values: number[], range: [number, number] = [-Infinity, Infinity]): Statistic {
  const e = estimate(values, 0.95);
  const clip = (x: number) => Math.min(range[1], Math.max(range[0], x));
  return {
    mean: Number.isNaN(e.mean) ? null : round(e.mean),
    ci95: e.ci ? [round(clip(e.ci[0])), round(clip(e.ci[1]))] : null,
    n: e.n,
  };
}

/**
 * The values a statistic of summary.json can take (from the statistics catalogue): shares lie in
 * [0, 1]; counts, times and ratios of times are never negative.
 */
export function possibleRange(metric: string): [number, number] {
  return statisticRange(metric);
}

/** Puts `value` at a dotted path in a nested object. */
function setNested(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (let i = 0; i < parts.length - 1; i++) {
    if (typeof node[parts[i]] !== 'object' || node[parts[i]] === null) node[parts[i]] = {};
    node = node[parts[i]] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** The statistic names of a set of runs, in first-seen order. */
export function metricNames(runs: RunResult[]): string[] {
  const names = new Set<string>();
  for (const r of runs) for (const k of Object.keys(r.stats)) names.add(k);
  return [...names];
}

/**
 * Builds summary.json from the runs, indexed [arm][replication]. Arms after the first are
 * compared with the first by differences paired on the replication (common random numbers
 * make the pairs share their patients, so the differences are much tighter than the arms).
 */
export function summarise(loaded: LoadedScenario, runs: RunResult[][], seed: number): Summary {
  const r = loaded.resolved;
  const arms: ArmSummary[] = runs.map((armRuns, a) => {
    // Filled below with every statistic of the runs: the paths of the catalogue (RunMetrics fills them).
    const arm: Record<string, unknown> = { name: r.arms[a].name };
    for (const metric of metricNames(armRuns)) {
      setNested(
        arm,
        metric,
        statistic(
          armRuns.map((run) => run.stats[metric] ?? Number.NaN),
          possibleRange(metric),
        ),
      );
    }
    return arm as ArmSummary;
  });
  const differences: Difference[] = [];
  const base = runs[0];
  for (let a = 1; a < runs.length; a++) {
    for (const metric of metricNames(runs[a])) {
      if (!isCompared(metric)) continue;
      const diffs = runs[a].map((run, i) => (run.stats[metric] ?? Number.NaN) - (base[i]?.stats[metric] ?? Number.NaN));
      const s = statistic(diffs);
      differences.push({ arm: r.arms[a].name, vs: r.arms[0].name, metric, ...s });
    }
  }
  return {
    scenario: r.name,
    seed,
    replications: runs[0]?.length ?? 0,
    horizon_days: round(loaded.departments[0].horizon / DAY),
    warmup_days: round(loaded.departments[0].warmup / DAY),
    period: r.period,
    arms,
    differences,
  };
}

/** summary.json's text, as `readsim run` writes it and the browser app offers it (the same bytes). */
export function summaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
