import { DateTime } from 'luxon';
import { quantile } from 'simple-statistics';
import { studentTQuantile } from '../../formulas/confidence-interval.js';
import { Department } from '../../model/department.js';
import { type LoadedScenario, validateScenario } from '../../scenario/load-scenario.js';
import { parseGrowth, parseRate } from '../../scenario/units.js';
import { CalibrationError } from './calibration-error.js';
import type { ExportStudies } from './export-studies.js';
import { StudyLog } from './study-log.js';

/** One compared figure: observed beside the simulation's 95% prediction interval, and a verdict. */
export interface BacktestLine {
  kind: 'monthly volume' | 'turnaround p50' | 'turnaround p90' | 'turnaround p50 by hour';
  /** What the line is about: a month, a priority, a priority and hours of the day. */
  label: string;
  priority: string | null;
  /** Hours of the day of the request (first hour of a 3-hour block), for the by-hour lines. */
  hour: number | null;
  observed: number;
  simulated: number;
  low: number;
  high: number;
  unit: 'studies' | 'hours';
  inside: boolean;
  advice: string;
}

export interface Backtest {
  lines: BacktestLine[];
  replications: number;
  /** Share of lines inside their interval, and the overall verdict (at least PASS_SHARE inside). */
  insideShare: number;
  pass: boolean;
  /** The simulated window (local dates) and the warm-up before it (days). */
  firstDate: string;
  lastDate: string;
  warmupDays: number;
  notes: string[];
}

/**
 * With 95% intervals about 1 line in 20 falls outside by chance, and a little more because the
 * intervals cover the simulation's randomness, not the uncertainty of the calibrated numbers: the
 * back-test passes when at least 85% of lines are inside.
 */
export const PASS_SHARE = 0.85;
const BLOCK_HOURS = 3;
const MIN_PER_CELL = 20;

export interface BacktestOptions {
  replications: number;
  seed: number;
  /** Weeks simulated before the export's first request, so that the simulated worklist is not empty at its start. */
  warmupWeeks: number;
  zone: string;
}

interface Record_ {
  month: string;
  hour: number;
  priority: number;
  /** Turnaround in minutes, NaN when unreported. */
  tat: number;
}

interface Figures {
  monthly: Map<string, number>;
  p50: number[];
  p90: number[];
  byHour: number[][];
}

function figures(records: readonly Record_[], priorities: number): Figures {
  const monthly = new Map<string, number>();
  const tats: number[][] = Array.from({ length: priorities }, () => []);
  const cells: number[][][] = Array.from({ length: priorities }, () => Array.from({ length: 24 / BLOCK_HOURS }, () => []));
  for (const r of records) {
    monthly.set(r.month, (monthly.get(r.month) ?? 0) + 1);
    if (r.priority < 0 || Number.isNaN(r.tat)) continue;
    tats[r.priority].push(r.tat);
    cells[r.priority][Math.floor(r.hour / BLOCK_HOURS)].push(r.tat);
  }
  const q = (xs: number[], p: number) => (xs.length ? quantile(xs, p) : Number.NaN);
  return {
    monthly,
    p50: tats.map((x) => q(x, 0.5)),
    p90: tats.map((x) => q(x, 0.9)),
    byHour: cells.map((row) => row.map((x) => (x.length >= MIN_PER_CELL ? q(x, 0.5) : Number.NaN))),
  };
}

/** Mean and 95% prediction interval of one more replication: mean ± t(0.975, R-1)·sd·√(1 + 1/R), at least ±2% of the mean. */
function interval(xs: number[]): { mean: number; low: number; high: number } {
  const v = xs.filter((x) => Number.isFinite(x));
  const n = v.length;
  if (n === 0) return { mean: Number.NaN, low: Number.NaN, high: Number.NaN };
  // Plain sums, as estimate() in formulas/confidence-interval.ts (simple-statistics' compensated
  // sums would change the last bits backtest.csv writes).
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  const half = Math.max(n > 1 ? studentTQuantile(0.975, n - 1) * sd * Math.sqrt(1 + 1 / n) : 0, 0.02 * Math.abs(mean));
  return { mean, low: Math.max(0, mean - half), high: mean + half };
}

function advice(kind: BacktestLine['kind'], label: string, high: boolean): string {
  if (kind === 'monthly volume')
    return high
      ? `more studies in ${label} than simulated: check the growth, or a busy season the model does not have (volume, growth)`
      : `fewer studies in ${label} than simulated: check the growth, holidays or a quiet season (volume, growth)`;
  const hours = kind === 'turnaround p50 by hour' ? ` for requests at ${label}` : '';
  return high
    ? `real turnaround is longer${hours}: the model reads faster than the department; check the roster in those hours, lower efficiency, or longer reading times (other duties, work the export does not show)`
    : `real turnaround is shorter${hours}: the model is slower than the department; check the roster (more readers on), efficiency, reading times, or the order of the worklist`;
}

/**
 * Runs a calibrated scenario over an export's period and compares it with the export: monthly
 * volumes, turnaround p50 and p90 per priority, and turnaround p50 by 3-hour block of the
 * request's time of day. The simulation starts `warmupWeeks` before the first request (from an
 * empty department) with each stream's volume taken back along its growth from the scenario's
 * start; every replication's studies are recorded (StudyLog) and reduced exactly as the
 * export's rows are. Each line's interval is the 95% prediction interval of one more
 * replication; a line is inside when the observed value lies in it.
 */
export function runBacktest(scenario: LoadedScenario, data: ExportStudies, options: BacktestOptions): Backtest {
  const notes: string[] = [];
  const studies = data.studies;
  if (studies.length === 0) throw new CalibrationError(scenario.file, 'the export has no usable row to compare with');
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const s of studies) {
    first = Math.min(first, s.requested);
    last = Math.max(last, s.requested);
  }
  const zone = options.zone;
  const wallMs = (ms: number) => {
    const t = DateTime.fromMillis(ms, { zone });
    return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  };
  const firstLocal = DateTime.fromMillis(first, { zone });
  const monday = firstLocal.startOf('day').minus({ days: firstLocal.weekday - 1 + 7 * options.warmupWeeks });
  const startDate = monday.toFormat('yyyy-MM-dd');
  const startWall = Date.parse(`${startDate}T00:00:00Z`);
  const windowFrom = (wallMs(first) - startWall) / 60000;
  const windowTo = (wallMs(last) - startWall) / 60000;

  // The scenario over the export's period: first arm, volumes taken back to the new start.
  const r = scenario.resolved;
  const scenarioStart = r.start ? Date.parse(`${r.start}T00:00:00Z`) : wallMs(last);
  const yearsBack = (scenarioStart - startWall) / (365 * 86_400_000);
  const raw = JSON.parse(JSON.stringify(r)) as Record<string, unknown> & { streams: Record<string, unknown>[] };
  raw.start = startDate;
  raw.horizon = Math.ceil(windowTo) + 1;
  raw.warmup = 0;
  raw.arms = r.arms.slice(0, 1);
  for (const s of raw.streams) {
    const perDay = parseRate(s.volume as string) * 1440;
    const g = parseGrowth(s.growth as string);
    s.volume = `${(perDay * (1 + g) ** -yearsBack).toPrecision(8)}/day`;
    s.backlog = 0;
  }
  const over = validateScenario(`${scenario.file} (over the export's period)`, raw);
  const config = over.departments[0];
  const names = config.priorities.map((p) => p.name);
  const levelToScenario = data.levels.map((l) => names.indexOf(l.name));
  data.levels.forEach((l, i) => {
    if (levelToScenario[i] < 0)
      notes.push(`export priority "${l.name}" is not in the scenario: its studies count in volumes only`);
  });

  // Observed figures.
  const observed = figures(
    studies.map((s) => ({
      month: s.month,
      hour: s.hourOfWeek % 24,
      priority: levelToScenario[s.priority],
      tat: s.reported === null ? Number.NaN : (s.reported - s.requested) / 60000,
    })),
    names.length,
  );
  // Full months of the export.
  const firstDate = firstLocal.toFormat('yyyy-MM-dd');
  const lastDate = DateTime.fromMillis(last, { zone }).toFormat('yyyy-MM-dd');
  const months = [...observed.monthly.keys()].sort().filter((m) => {
    const start = DateTime.fromISO(`${m}-01`, { zone: 'UTC' });
    return start.toFormat('yyyy-MM-dd') >= firstDate && start.endOf('month').toFormat('yyyy-MM-dd') <= lastDate;
  });

  // Simulated figures, one set per replication.
  const sims: Figures[] = [];
  for (let k = 0; k < options.replications; k++) {
    const log = new StudyLog();
    new Department(config, { seed: options.seed, replication: k, trace: log }).run();
    const recs: Record_[] = [];
    for (let i = 0; i < log.size; i++) {
      const t = log.arrival[i];
      if (t < windowFrom || t > windowTo) continue;
      const d = new Date(startWall + t * 60000);
      recs.push({
        month: d.toISOString().slice(0, 7),
        hour: d.getUTCHours(),
        priority: config.streams[log.stream[i]].priority,
        tat: log.reportedAt[i] - t,
      });
    }
    sims.push(figures(recs, names.length));
  }

  const lines: BacktestLine[] = [];
  const push = (
    kind: BacktestLine['kind'],
    label: string,
    priority: string | null,
    hour: number | null,
    obs: number,
    simValues: number[],
    unit: BacktestLine['unit'],
  ) => {
    if (!Number.isFinite(obs)) return;
    const scale = unit === 'hours' ? 1 / 60 : 1;
    const iv = interval(simValues);
    if (!Number.isFinite(iv.mean)) return;
    const inside = obs >= iv.low && obs <= iv.high;
    lines.push({
      kind,
      label,
      priority,
      hour,
      observed: obs * scale,
      simulated: iv.mean * scale,
      low: iv.low * scale,
      high: iv.high * scale,
      unit,
      inside,
      advice: inside ? '' : advice(kind, label, obs > iv.high),
    });
  };
  for (const m of months)
    push(
      'monthly volume',
      m,
      null,
      null,
      observed.monthly.get(m) ?? 0,
      sims.map((s) => s.monthly.get(m) ?? 0),
      'studies',
    );
  names.forEach((p, i) => {
    push(
      'turnaround p50',
      p,
      p,
      null,
      observed.p50[i],
      sims.map((s) => s.p50[i]),
      'hours',
    );
    push(
      'turnaround p90',
      p,
      p,
      null,
      observed.p90[i],
      sims.map((s) => s.p90[i]),
      'hours',
    );
  });
  names.forEach((p, i) => {
    for (let b = 0; b < 24 / BLOCK_HOURS; b++) {
      const from = String(b * BLOCK_HOURS).padStart(2, '0');
      const to = String((b + 1) * BLOCK_HOURS).padStart(2, '0');
      push(
        'turnaround p50 by hour',
        `${p} ${from}-${to}h`,
        p,
        b * BLOCK_HOURS,
        observed.byHour[i][b],
        sims.map((s) => s.byHour[i][b]),
        'hours',
      );
    }
  });
  const insideShare = lines.length ? lines.filter((l) => l.inside).length / lines.length : 0;
  return {
    lines,
    replications: options.replications,
    insideShare,
    pass: lines.length > 0 && insideShare >= PASS_SHARE,
    firstDate,
    lastDate,
    warmupDays: 7 * options.warmupWeeks + (firstLocal.weekday - 1),
    notes,
  };
}
