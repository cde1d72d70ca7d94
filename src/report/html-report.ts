import { Eta } from 'eta/core';
import { dump } from 'js-yaml';
import type { Summary } from '../experiment/summary.js';
import { describeArm } from '../scenario/describe-arm.js';
import type { ResolvedScenario } from '../scenario/resolve.js';
import { assumptions } from './assumptions.js';
import { armColours, type Chart } from './charts/chart-context.js';
import { headlineSentences } from './headline.js';
import { REPORT_TEMPLATE, TABLE_TEMPLATE } from './report-template.js';
import { armTable, differenceTable, yearTable } from './summary-table.js';

/** A table for the template: its class, header, and rows whose cells may carry an interval. */
export interface TableView {
  cls: string;
  head: string[];
  rows: { label: string; cells: { value: string; interval: string | null }[] }[];
}

/** What the report template shows (REPORT_TEMPLATE's `it`): text only, escaped by the template. */
export interface ReportView {
  name: string;
  meta: string;
  headline: string[];
  description: string;
  sources: string[];
  arms: { name: string; change: string; colour: string }[];
  summary: TableView;
  firstArm: string;
  differences: TableView | null;
  years: TableView | null;
  yearsText: string;
  charts: { name: string; title: string; caption: string; src: string }[];
  assumptions: { title: string; text: string }[];
  yaml: string;
  yamlLines: number;
}

/**
 * Rows of text (the first row the header, the first column the row labels) as a TableView. A
 * cell "42 min [39 min, 45 min]" is split into its value and its interval, which the template
 * puts under the value.
 */
export function tableView(rows: string[][], cls: string): TableView | null {
  if (rows.length === 0) return null;
  const [head, ...body] = rows;
  return {
    cls,
    head,
    rows: body.map(([label, ...cells]) => ({
      label,
      cells: cells.map((c) => {
        const m = /^(.*\S) (\[[^[\]]*\])$/.exec(c);
        return m ? { value: m[1], interval: m[2] } : { value: c, interval: null };
      }),
    })),
  };
}

export interface ReportInput {
  scenario: ResolvedScenario;
  summary: Summary;
  charts: { chart: Chart; svg: string }[];
}

/** The view of one report: every text the page shows, derived from the scenario run and its results. */
export function reportView({ scenario: s, summary, charts }: ReportInput): ReportView {
  const colours = armColours(s);
  const years = yearTable(summary, s);
  const yaml = dump(s, { lineWidth: 120 });
  return {
    name: s.name,
    meta: `readsim report: ${summary.replications} replication(s), seed ${summary.seed}, ${summary.horizon_days} days simulated (warm-up ${summary.warmup_days} days), reported per ${s.period}.`,
    headline: headlineSentences(s, summary),
    description: s.description ?? '',
    sources: s.sources,
    arms: s.arms.map((a, i) => ({ name: a.name, change: describeArm(s, i), colour: colours[i] })),
    summary: tableView(armTable(summary, s, true), 'summary') as TableView,
    firstArm: summary.arms[0]?.name ?? '',
    differences: tableView(differenceTable(summary, s), 'differences'),
    years: years.length > 2 ? tableView(years, 'years') : null,
    yearsText: `Each ${s.start ? 'calendar' : 'simulated'} year of the run: studies by the year they arrived in; the backlog at the end of the year\u2019s last ${s.period}; demand is the reading time of the year\u2019s arrivals against what the roster can read at its efficiency.`,
    charts: charts.map(({ chart, svg }) => ({
      name: chart.name,
      title: chart.title,
      caption: chart.caption,
      src: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
    })),
    assumptions: assumptions(s),
    yaml,
    yamlLines: yaml.split('\n').length - 1,
  };
}

/** Eta with escaping of every `<%= %>`; the table partial is loaded once as "@table". */
const eta = new Eta({ autoEscape: true, autoTrim: false, useWith: false, varName: 'it' });
eta.loadTemplate('@table', TABLE_TEMPLATE);
const page = eta.compile(REPORT_TEMPLATE);

/**
 * report.html: one self-contained page (no network, no script): the scenario, a headline in
 * sentences, the summary, the charts with their captions, what the model assumes, and the
 * resolved scenario (folded). Rendered by an auto-escaping template (report-template.ts), so
 * text from the scenario is always shown, never run; charts are SVG images in data URIs.
 */
export function htmlReport(input: ReportInput): string {
  return eta.render(page, reportView(input));
}
