import type { ArmSummary, Statistic, Summary } from '../experiment/summary.js';
import type { ResolvedScenario } from '../scenario/resolve.js';
import { fmt, fmtMinutes, fmtShare } from './format.js';

/** A headline metric: its path in summary.json, a label, and how to show a value of it. */
export interface Headline {
  path: string;
  label: string;
  show: (x: number | null) => string;
}

/** The figures a planner reads first, for this scenario's priorities, findings and tools. */
export function headlines(s: ResolvedScenario, summary: Summary): Headline[] {
  const count = (x: number | null) => fmt(x, 0);
  const h: Headline[] = [
    { path: 'studies.arrived', label: 'studies arrived', show: count },
    { path: 'studies.backlog_end', label: 'backlog at end', show: count },
  ];
  for (const p of s.priorities) {
    h.push({ path: `wait.by_priority.${p.name}`, label: `mean wait ${p.name}`, show: fmtMinutes });
    h.push({ path: `tat.by_priority.${p.name}.p90`, label: `p90 TAT ${p.name}`, show: fmtMinutes });
  }
  // Triage: the studies it is for, and the ones it misses, who pay for the reordering.
  for (const t of s.ai) {
    if (t.kind !== 'triage') continue;
    h.push({ path: `wait.by_finding.${t.finding}.positive`, label: `mean wait, with ${t.finding}`, show: fmtMinutes });
    h.push({ path: `wait.by_ai_call.${t.name}.FN`, label: `mean wait, ${t.finding} missed by ${t.name}`, show: fmtMinutes });
  }
  h.push({ path: 'wait.all', label: 'mean wait, all studies', show: fmtMinutes });
  h.push({ path: 'utilisation', label: 'utilisation', show: fmtShare });
  if (s.readers.some((g) => g.external !== undefined)) {
    h.push({ path: 'outsourced.studies', label: 'studies outsourced', show: count });
    h.push({ path: 'outsourced.cost', label: 'outsourcing cost', show: count });
  }
  if (s.ai.some((t) => t.kind === 'autonomous')) h.push({ path: 'studies.cleared_by_ai', label: 'cleared by AI', show: count });
  // Readers who can miss, or an AI that reads: the model then reports recall outcomes.
  const modelsReading = summary.arms.some((a) => statAt(a, 'outcomes.recall_rate') !== undefined);
  if (modelsReading) {
    h.push({ path: 'studies.human_reads', label: 'human reads', show: count });
    h.push({ path: 'reading_hours', label: 'reading hours', show: count });
    h.push({ path: 'outcomes.recall_rate', label: 'recall rate', show: fmtShare });
    h.push({ path: 'outcomes.detection_per_1000', label: 'detected per 1,000', show: (x) => fmt(x, 2) });
  }
  if (modelsReading || s.ai.some((t) => t.kind === 'autonomous')) {
    for (const f of new Set(s.streams.flatMap((st) => Object.keys(st.findings))))
      h.push({ path: `missed_findings.${f}`, label: `missed ${f}`, show: count });
  }
  return h;
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
  for (const h of headlines(scenario, summary))
    rows.push([h.label, ...summary.arms.map((a) => showStatistic(h, statAt(a, h.path), withInterval))]);
  return rows;
}

/** Rows: one per headline metric and arm after the first: the paired difference with its interval. */
export function differenceTable(summary: Summary, scenario: ResolvedScenario): string[][] {
  if (summary.arms.length < 2) return [];
  const rows: string[][] = [['', ...summary.arms.slice(1).map((a) => `${a.name} - ${summary.arms[0].name}`)]];
  for (const h of headlines(scenario, summary)) {
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

/** A plain text table with padded columns. */
export function textTable(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}
