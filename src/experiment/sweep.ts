import { type LoadedScenario, type LoadOptions, loadScenario } from '../scenario/load-scenario.js';
import { type ExperimentOptions, type ExperimentResult, planExperiment, runExperiments } from './experiment.js';
import type { PoolOptions } from './worker-pool.js';

/** One varied parameter: a dotted path (as for --set) and its values, as written. */
export interface SweepAxis {
  path: string;
  values: string[];
}

/** `PATH=V1,V2,...` -> an axis, or null when the text is not of that form. */
export function parseVary(text: string): SweepAxis | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  const values = text
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  return values.length ? { path: text.slice(0, eq).trim(), values } : null;
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
    scenario: loadScenario(file, { set: [...(options.set ?? []), ...Object.entries(settings).map(([p, v]) => `${p}=${v}`)] }),
  }));
}

/**
 * Runs the grid of variants, all on one worker pool. Every variant uses the same seed, so the
 * variants see the same patients and the curve across them is smooth (common random numbers).
 */
export async function runSweep(
  variants: SweepVariant[],
  axes: SweepAxis[],
  options: Omit<ExperimentOptions, keyof PoolOptions> & PoolOptions = {},
): Promise<SweepResult> {
  const plans = variants.map((v) => planExperiment(v.scenario, options));
  const results = await runExperiments(plans, options);
  return { axes, variants, results };
}
