import type { ArmSummary, Statistic, Summary } from '../experiment/summary.js';
import {
  CATALOGUE,
  fillLabel,
  hasRecallOutcomes,
  type Placeholder,
  type StatisticEntry,
  type StatisticTemplate,
  type StatisticUnit,
} from '../model/statistics-catalogue.js';
import type { ResolvedScenario } from '../scenario/resolve.js';
import { toDepartmentConfig } from '../scenario/to-department-config.js';
import { fmt, fmtMinutes, fmtShare } from './format.js';

/** A headline metric: its path in summary.json, a label, and how to show a value of it. */
export interface Headline {
  path: string;
  label: string;
  show: (x: number | null) => string;
}

/** How a value of each unit is shown in a table. */
const SHOW: Record<StatisticUnit, (x: number | null) => string> = {
  studies: (x) => fmt(x, 0),
  reads: (x) => fmt(x, 0),
  images: (x) => fmt(x, 0),
  cost: (x) => fmt(x, 0),
  hours: (x) => fmt(x, 0),
  minutes: fmtMinutes,
  days: (x) => fmt(x, 1),
  share: fmtShare,
  ratio: fmtShare,
  'per 1,000 studies': (x) => fmt(x, 2),
};

/**
 * A headline from the statistics catalogue: a template and the names of its parts give the path,
 * the label and how its values are shown (from the unit). A part left without a name (`<year>`)
 * stays in the path, for the caller to fill.
 */
export function headline(template: StatisticTemplate, names: Partial<Record<Placeholder | 'target', string>> = {}): Headline {
  const entry = CATALOGUE.find((e) => e.path === template) as StatisticEntry;
  const path = template.replace(/<([a-z]+)>/g, (whole, p: string) => names[p as Placeholder] ?? whole);
  return { path, label: fillLabel(entry.label, names), show: SHOW[entry.unit] };
}

/**
 * Does any arm of the scenario report recall outcomes? Asked of each arm's department
 * (hasRecallOutcomes, the model's one answer).
 */
export function scenarioHasRecallOutcomes(s: ResolvedScenario): boolean {
  return s.arms.some((_, i) => hasRecallOutcomes(toDepartmentConfig(s, i)));
}

/** The figures a planner reads first, for this scenario's priorities, findings and tools. */
export function headlines(s: ResolvedScenario): Headline[] {
  const h: Headline[] = [headline('studies.arrived'), headline('studies.backlog_end')];
  for (const p of s.priorities) {
    h.push(headline('wait.by_priority.<priority>', { priority: p.name }));
    h.push(headline('tat.by_priority.<priority>.p90', { priority: p.name }));
    if (p.target !== undefined)
      h.push(headline('target_met_share.<priority>', { priority: p.name, target: targetText(p.target) }));
  }
  // Triage: the studies it is for, and the ones it misses, who pay for the reordering.
  for (const t of s.ai) {
    if (t.kind !== 'triage') continue;
    h.push(headline('wait.by_finding.<finding>.positive', { finding: t.finding }));
    h.push(headline('wait.by_ai_call.<tool>.<call>', { tool: t.name, call: 'FN' }));
  }
  h.push(headline('wait.all'), headline('demand_of_capacity'), headline('reading_of_capacity'), headline('utilisation'));
  if (s.readers.some((g) => g.external !== undefined)) h.push(headline('outsourced.studies'), headline('outsourced.cost'));
  const autonomous = s.ai.some((t) => t.kind === 'autonomous');
  if (autonomous) h.push(headline('studies.cleared_by_ai'));
  // Readers who can miss, or an AI that reads: the model then reports recall outcomes.
  const recalls = scenarioHasRecallOutcomes(s);
  if (recalls) {
    h.push(headline('studies.human_reads'), headline('reading_hours'));
    h.push(headline('outcomes.recall_rate'), headline('outcomes.detection_per_1000'));
  }
  if (recalls || autonomous) {
    for (const f of new Set(s.streams.flatMap((st) => Object.keys(st.findings))))
      h.push(headline('missed_findings.<finding>', { finding: f }));
  }
  return h;
}

/** A target as written in the scenario ("1h"), or in minutes when a number. */
export function targetText(t: string | number): string {
  return typeof t === 'number' ? fmtMinutes(t) : t.replace(/^(\d+(?:\.\d+)?)\s*([a-z]+)$/, '$1 $2');
}

/** The year labels of a summary, in order ("1", "2", ... or calendar years). */
export function yearLabels(summary: Summary): string[] {
  const by = summary.arms[0]?.by_year as Record<string, unknown> | undefined;
  return by ? Object.keys(by).sort((a, b) => Number(a) - Number(b)) : [];
}

/**
 * The statistics shown by year (paths with `<year>` open): the backlog, demand against capacity,
 * the shares within target, the top priority's p90.
 */
export function yearHeadlines(s: ResolvedScenario): Headline[] {
  const h: Headline[] = [headline('by_year.<year>.studies.backlog_end'), headline('by_year.<year>.demand_of_capacity')];
  for (const p of s.priorities) {
    if (p.target !== undefined)
      h.push(headline('by_year.<year>.target_met_share.<priority>', { priority: p.name, target: targetText(p.target) }));
  }
  const top = s.priorities[0];
  if (top) h.push(headline('by_year.<year>.tat.by_priority.<priority>.p90', { priority: top.name }));
  return h;
}

/**
 * By year: one row per year and arm, one column per statistic of yearHeadlines
 * ("by_year.<year>.…" in summary.json). Empty when the runs have no years.
 */
export function yearTable(summary: Summary, scenario: ResolvedScenario, withInterval = false): string[][] {
  const years = yearLabels(summary);
  if (years.length === 0) return [];
  const hs = yearHeadlines(scenario);
  const rows: string[][] = [['year', 'arm', ...hs.map((h) => h.label)]];
  for (const y of years)
    summary.arms.forEach((a, i) => {
      rows.push([
        i === 0 ? y : '',
        a.name,
        ...hs.map((h) => showStatistic(h, statAt(a, h.path.replace('<year>', y)), withInterval)),
      ]);
    });
  return rows;
}

export function statAt(arm: ArmSummary, path: string): Statistic | undefined {
  let node: unknown = arm;
  for (const p of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[p];
  return node as Statistic | undefined;
}

/** "42 min [39 min, 45 min]" */
export function showStatistic(h: Headline, s: Statistic | undefined, withInterval: boolean): string {
  if (!s) return '-';
  const v = h.show(s.mean);
  return withInterval && s.ci95 ? `${v} [${h.show(s.ci95[0])}, ${h.show(s.ci95[1])}]` : v;
}

/** Rows: one per headline metric; columns: the arms. */
export function armTable(summary: Summary, scenario: ResolvedScenario, withInterval = false): string[][] {
  const rows: string[][] = [['', ...summary.arms.map((a) => a.name)]];
  for (const h of headlines(scenario))
    rows.push([h.label, ...summary.arms.map((a) => showStatistic(h, statAt(a, h.path), withInterval))]);
  return rows;
}

/** Rows: one per headline metric and arm after the first: the paired difference with its interval. */
export function differenceTable(summary: Summary, scenario: ResolvedScenario): string[][] {
  if (summary.arms.length < 2) return [];
  const rows: string[][] = [['', ...summary.arms.slice(1).map((a) => `${a.name} - ${summary.arms[0].name}`)]];
  for (const h of headlines(scenario)) {
    if (h.path === 'studies.arrived') continue; // the same patients in every arm
    const cells = summary.arms.slice(1).map((a) => {
      const d = summary.differences.find((x) => x.arm === a.name && x.metric === h.path);
      if (!d || d.mean === null) return '-';
      const show = (x: number) => {
        // A difference that rounds to zero shows as 0, without a sign.
        const text = h.show(x);
        const zero = Number.parseFloat(text.replace(/,/g, '')) === 0;
        if (zero) return text.replace(/^-/, '');
        return x > 0 ? `+${text}` : text;
      };
      return d.ci95 ? `${show(d.mean)} [${show(d.ci95[0])}, ${show(d.ci95[1])}]` : show(d.mean);
    });
    rows.push([h.label, ...cells]);
  }
  return rows;
}

/** A plain text table with padded columns: the first `left` columns left-aligned, the others right. */
export function textTable(rows: string[][], left = 1): string {
  if (rows.length === 0) return '';
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c < left ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
