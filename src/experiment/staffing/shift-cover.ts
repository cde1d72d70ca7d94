import { HOURS_PER_WEEK } from '../../engine/index.js';
import { type ShiftTemplate, templateHours, templateWeeklyHours } from './shift-templates.js';

/** The shift cover: readers starting each template, and the readers on duty each hour. */
export interface ShiftCover {
  /** Readers on each template (same order as the templates). */
  counts: number[];
  /** Readers on duty per hour of the week (168). */
  staffing: number[];
  /** Rostered reader-hours a week. */
  rosteredHours: number;
}

/** Thrown when the templates leave an hour that needs readers uncovered. */
export class ShiftCoverError extends Error {
  override readonly name = 'ShiftCoverError';
}

/** Readers on duty per hour of the week for given template counts. */
export function staffingOf(templates: readonly ShiftTemplate[], counts: readonly number[]): number[] {
  const staff = new Array<number>(HOURS_PER_WEEK).fill(0);
  templates.forEach((t, i) => {
    for (const h of templateHours(t)) staff[h] += counts[i];
  });
  return staff;
}

type Highs = { solve(problem: string, options?: Record<string, unknown>): HighsResult };
interface HighsResult {
  Status: string;
  Columns: Record<string, { Primal: number }>;
}

let highsPromise: Promise<Highs> | null = null;

/** HiGHS (Huangfu and Hall 2018) compiled to WebAssembly, loaded once. */
function highs(): Promise<Highs> {
  if (!highsPromise) highsPromise = import('highs').then((m) => (m.default as unknown as () => Promise<Highs>)());
  return highsPromise;
}

/**
 * Covers an hourly requirement with shifts at the fewest rostered hours: the set-covering
 * integer programme of Dantzig (1954), minimise Σ x_t · hours_t subject to Σ_{t covers h} x_t >= r_h
 * for every hour h, x_t whole and >= 0, solved exactly by HiGHS. Throws ShiftCoverError naming
 * the first hour that needs readers but no template covers.
 */
export async function coverWithShifts(templates: readonly ShiftTemplate[], required: readonly number[]): Promise<ShiftCover> {
  const covering: number[][] = Array.from({ length: HOURS_PER_WEEK }, () => []);
  templates.forEach((t, i) => {
    for (const h of templateHours(t)) covering[h].push(i);
  });
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    if (required[h] > 0 && covering[h].length === 0) {
      const day = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][Math.floor(h / 24)];
      throw new ShiftCoverError(
        `no shift template covers ${day} ${String(h % 24).padStart(2, '0')}:00-${String((h % 24) + 1).padStart(2, '0')}:00, which needs ${required[h]} reader(s)`,
      );
    }
  }
  const objective = templates.map((t, i) => `${templateWeeklyHours(t)} x${i}`).join(' + ');
  const rows: string[] = [];
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    if (required[h] <= 0) continue;
    rows.push(` h${h}: ${covering[h].map((i) => `x${i}`).join(' + ')} >= ${required[h]}`);
  }
  const vars = templates.map((_, i) => `x${i}`);
  const lp = [
    'Minimize',
    ` hours: ${objective}`,
    'Subject To',
    ...(rows.length > 0 ? rows : [` h0: ${vars[0]} >= 0`]),
    'Bounds',
    ...vars.map((v) => ` ${v} >= 0`),
    'Generals',
    ` ${vars.join(' ')}`,
    'End',
  ].join('\n');
  const result = (await highs()).solve(lp, { output_flag: false, mip_rel_gap: 0, random_seed: 0 });
  if (result.Status !== 'Optimal') throw new Error(`the shift cover could not be solved: HiGHS says ${result.Status}`);
  const counts = vars.map((v) => Math.round(result.Columns[v]?.Primal ?? 0));
  const rosteredHours = templates.reduce((s, t, i) => s + counts[i] * templateWeeklyHours(t), 0);
  return { counts, staffing: staffingOf(templates, counts), rosteredHours };
}
