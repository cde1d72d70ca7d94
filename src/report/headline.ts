import { DAY, YEAR } from '../engine/index.js';
import type { ArmSummary, Statistic, Summary } from '../experiment/summary.js';
import { defaultYears } from '../model/statistics-catalogue.js';
import type { ResolvedScenario } from '../scenario/resolve.js';
import { calendarYears } from '../scenario/to-department-config.js';
import { fmt, fmtMinutes, fmtShare } from './format.js';
import { statAt, targetText, yearLabels } from './summary-table.js';

/** A whole number with thousands separators: "113,776". */
const count = (x: number) => fmt(x, 0);

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function mean(arm: ArmSummary, path: string): number | null {
  const s: Statistic | undefined = statAt(arm, path);
  return s && typeof s.mean === 'number' && Number.isFinite(s.mean) ? s.mean : null;
}

/**
 * Days of each year (by label) that count in the results: from the later of its start and the
 * end of the warm-up, to the earlier of its end and the end of the run.
 */
function yearDays(scenario: ResolvedScenario, summary: Summary): Map<string, number> {
  const horizon = summary.horizon_days * DAY;
  const warmup = summary.warmup_days * DAY;
  const years = scenario.start !== undefined ? calendarYears(scenario.start, horizon) : defaultYears(horizon);
  const days = new Map<string, number>();
  years.forEach((y, i) => {
    const end = Math.min(horizon, i + 1 < years.length ? years[i + 1].from : y.from + YEAR);
    days.set(y.label, Math.max(0, end - Math.max(warmup, y.from)) / DAY);
  });
  return days;
}

/**
 * "year 6", or "2031" when the years are calendar years; a year the results cover only in part
 * (the run starts or ends within it, or the warm-up takes some of it) says so:
 * "the 92 days of 2026 in the run".
 */
function yearNamer(calendar: boolean, days: Map<string, number>): (label: string) => string {
  return (label) => {
    const name = calendar ? label : `year ${label}`;
    const d = days.get(label);
    return d !== undefined && d < 364.5 ? `the ${fmt(d, 0)} day${Math.round(d) === 1 ? '' : 's'} of ${name} in the run` : name;
  };
}

/**
 * The first year whose demand (reading time of the year's arrivals) reaches the roster's reading
 * capacity, with its ratio; null when no year does. Years in the order of `years`.
 */
export function crossingYear(arm: ArmSummary, years: string[]): { year: string; index: number; ratio: number } | null {
  for (let i = 0; i < years.length; i++) {
    const r = mean(arm, `by_year.${years[i]}.demand_of_capacity`);
    if (r !== null && r >= 1) return { year: years[i], index: i, ratio: r };
  }
  return null;
}

/** "+1.3 points", "-0.4 points", "no change": a difference of two shares. */
function points(d: number): string {
  const p = Number((d * 100).toFixed(1));
  if (p === 0) return 'no change';
  return `${p > 0 ? '+' : ''}${fmt(p, 1)} points`;
}

/**
 * The report's opening paragraph, in sentences derived from the results: when demand passes
 * reading capacity in the first arm, its backlog at the end, its share within target per
 * priority (over the run, and in the first and last year), then what each other arm changes
 * (the crossing, the backlog, the most urgent priority's share within target). Paired
 * differences come from summary.differences (the same patients in every arm).
 */
export function headlineSentences(scenario: ResolvedScenario, summary: Summary): string[] {
  const arms = summary.arms;
  if (arms.length === 0) return [];
  const base = arms[0];
  const years = yearLabels(summary);
  const calendar = scenario.start !== undefined;
  const yearName = yearNamer(calendar, yearDays(scenario, summary));
  const out: string[] = [];

  // When demand passes capacity.
  const crossing = crossingYear(base, years);
  const firstRatio = years.length ? mean(base, `by_year.${years[0]}.demand_of_capacity`) : null;
  const lastRatio = years.length ? mean(base, `by_year.${years[years.length - 1]}.demand_of_capacity`) : null;
  const overall = mean(base, 'demand_of_capacity');
  if (crossing && crossing.index === 0)
    out.push(
      `In \u201c${base.name}\u201d, demand is above what the roster can read from the first ${calendar ? 'year' : 'simulated year'} on (${fmtShare(crossing.ratio)} of reading capacity in ${yearName(crossing.year)}).`,
    );
  else if (crossing)
    out.push(
      `In \u201c${base.name}\u201d, demand passes what the roster can read in ${yearName(crossing.year)} (${fmtShare(crossing.ratio)} of reading capacity, from ${fmtShare(firstRatio)} in ${yearName(years[0])}); from then on the backlog grows every week.`,
    );
  else if (years.length > 1)
    out.push(
      `In \u201c${base.name}\u201d, demand stays below what the roster can read in every year of the run (${fmtShare(firstRatio)} of reading capacity in ${yearName(years[0])}, ${fmtShare(lastRatio)} in ${yearName(years[years.length - 1])}).`,
    );
  else if (overall !== null) out.push(`In \u201c${base.name}\u201d, demand is ${fmtShare(overall)} of what the roster can read.`);

  // The backlog at the end.
  const backlog = mean(base, 'studies.backlog_end');
  if (backlog !== null)
    out.push(
      `At the end of the run (${fmt(summary.horizon_days / 365, 1)} years) ${count(backlog)} ${Math.round(backlog) === 1 ? 'study is' : 'studies are'} waiting to be reported.`,
    );

  // Share within target per priority.
  const targeted = scenario.priorities.filter((p) => p.target !== undefined);
  const shares = (path: (p: string) => string) =>
    targeted.map((p) => ({ p, v: mean(base, path(p.name)) })).filter((x) => x.v !== null) as {
      p: (typeof targeted)[number];
      v: number;
    }[];
  const run = shares((p) => `target_met_share.${p}`);
  if (run.length) {
    let text = `Over the run, ${list(run.map(({ p, v }) => `${fmtShare(v)} of ${p.name} studies`))} are reported within their target${run.length > 1 ? 's' : ''} (${list(run.map(({ p }) => `${p.name} ${targetText(p.target as string | number)}`))})`;
    if (years.length > 1) {
      const first = shares((p) => `by_year.${years[0]}.target_met_share.${p}`);
      const last = shares((p) => `by_year.${years[years.length - 1]}.target_met_share.${p}`);
      if (first.length === run.length && last.length === run.length)
        text += `: ${list(first.map(({ v }) => fmtShare(v)))} in ${yearName(years[0])}, ${list(last.map(({ v }) => fmtShare(v)))} in ${yearName(years[years.length - 1])}`;
    }
    out.push(`${text}.`);
  }

  // What each other arm buys, against the first, on the same patients.
  const top = targeted[0];
  for (const arm of arms.slice(1)) {
    const parts: string[] = [];
    const c = crossingYear(arm, years);
    if (years.length > 1 && (crossing || c)) {
      if (crossing && c) {
        const shift = c.index - crossing.index;
        parts.push(
          `demand passes capacity in ${yearName(c.year)}${shift === 0 ? ' as well' : ` (${Math.abs(shift)} year${Math.abs(shift) === 1 ? '' : 's'} ${shift > 0 ? 'later' : 'earlier'})`}`,
        );
      } else if (crossing) parts.push('demand stays below capacity in every year of the run');
      else if (c) parts.push(`demand passes capacity in ${yearName(c.year)}`);
    }
    const b = mean(arm, 'studies.backlog_end');
    const db = summary.differences.find((d) => d.arm === arm.name && d.metric === 'studies.backlog_end');
    if (b !== null) {
      const diff =
        db && db.mean !== null && Math.round(db.mean) !== 0
          ? ` (${count(Math.abs(db.mean))} ${db.mean < 0 ? 'fewer' : 'more'}${db.ci95 && (db.ci95[0] > 0 || db.ci95[1] < 0) ? '' : ', within the noise of the replications'})`
          : '';
      parts.push(`the backlog at the end is ${count(b)}${diff}`);
    }
    if (top) {
      const s = mean(arm, `target_met_share.${top.name}`);
      const s0 = mean(base, `target_met_share.${top.name}`);
      if (s !== null && s0 !== null)
        parts.push(
          `${fmtShare(s)} of ${top.name} studies are within ${targetText(top.target as string | number)} (${points(s - s0)})`,
        );
    }
    // Triage moves waiting between studies: the flagged finding's wait, and that of those it misses.
    const armInScenario = scenario.arms.find((a) => a.name === arm.name);
    for (const t of scenario.ai) {
      if (t.kind !== 'triage' || !armInScenario?.ai.includes(t.name)) continue;
      const w = mean(arm, `wait.by_finding.${t.finding}.positive`);
      const w0 = mean(base, `wait.by_finding.${t.finding}.positive`);
      const fn = mean(arm, `wait.by_ai_call.${t.name}.FN`);
      const fn0 = mean(base, `wait.by_ai_call.${t.name}.FN`);
      if (w !== null && w0 !== null)
        parts.push(
          `studies with ${t.finding} wait ${fmtMinutes(w)} on average (${fmtMinutes(w0)} without ${t.name})${fn !== null && fn0 !== null ? `, those ${t.name} misses ${fmtMinutes(fn)} (${fmtMinutes(fn0)})` : ''}`,
        );
    }
    if (parts.length) out.push(`With \u201c${arm.name}\u201d, ${list(parts)}.`);
  }
  return out;
}
