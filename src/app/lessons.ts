// The volume argument in five steps (as README.md tells it): for each, the scenario its controls
// build, the analytic companion's curves, what each simulated run adds, and what the teacher says.
import { explainScenario } from '../experiment/analytic-companion.js';
import type { RunResult } from '../model/run-result.js';
import { CHART_CONFIG, type VegaLiteSpec } from '../report/chart-config.js';
import type { LoadedScenario } from '../scenario/scenario-text.js';
import { bundled } from './bundled.js';
import { SCALE, triageLesson, type WideningOptions, wideningGapLesson } from './lesson-scenarios.js';

export { SCALE };

/** A chart row: series (colour), x, value, and the replication it came from (simulated rows). */
export interface Row {
  series: string;
  x: number | string;
  v: number;
  rep?: number;
}

export interface Control {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  unit: string;
}

export type Values = Record<string, number>;

export interface Lesson {
  id: string;
  title: string;
  /** The sentences a teacher says, in order. */
  say: string[];
  controls: Control[];
  /** Replications the simulation runs. */
  replications: number;
  /** What the simulated curves are and how they were made. */
  caption: string;
  scenario(values: Values): LoadedScenario;
  analytic(loaded: LoadedScenario, values: Values): Row[];
  /** Rows one finished run adds. */
  simulated(run: RunResult, loaded: LoadedScenario, values: Values): Row[];
  spec(series: string[]): VegaLiteSpec;
}

const YEAR_WEEKS = 365 / 7;

/** widening-gap.yaml at one tenth scale, with the controls' values. */
const wideningGap = (v: WideningOptions) => wideningGapLesson(bundled('widening-gap').text, v);

/**
 * One row per `bin` weeks of a run: the ratio of the sums of `top` and `bottom` over the bin
 * (bottom 1: the mean of top), at the bin's middle; a bin cut short by the horizon is left out.
 */
function weeks(
  run: RunResult,
  top: (k: number) => number,
  series: string,
  bin = 1,
  bottom: (k: number) => number = () => 1,
): Row[] {
  const p = run.periods;
  const rows: Row[] = [];
  for (let k0 = 0; k0 + bin <= p.period.length; k0 += bin) {
    let a = 0;
    let b = 0;
    for (let k = k0; k < k0 + bin; k++) {
      a += top(k);
      b += bottom(k);
    }
    const v = a / b;
    const mid = (p.period_start_days[k0] + (bin * 7) / 2) / 365;
    if (Number.isFinite(v)) rows.push({ series, x: Number(mid.toFixed(4)), v, rep: run.replication });
  }
  return rows;
}

/** A line chart: formula dashed, each replication faint, their mean bold. */
function lineSpec(title: string, yTitle: string, series: string[], yFormat = ',.0f'): VegaLiteSpec {
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain: series } };
  const x = { field: 'x', type: 'quantitative', title: 'years from the start', scale: { domain: [0, 10] } };
  const y = { field: 'v', type: 'quantitative', title: yTitle, axis: { format: yFormat, minExtent: 56 } };
  const tooltip = [
    { field: 'series', title: 'curve' },
    { field: 'x', title: 'year', format: '.2f' },
    { field: 'v', title: yTitle, format: yFormat },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title,
    autosize: { type: 'pad', resize: true },
    width: 470,
    height: 290,
    layer: [
      {
        data: { name: 'runs' },
        mark: { type: 'line', strokeWidth: 1, opacity: 0.3 },
        encoding: { x, y, color: { ...color, legend: null }, detail: { field: 'rep' } },
      },
      {
        data: { name: 'mean' },
        mark: { type: 'line', strokeWidth: 2.5 },
        encoding: { x, y, color, tooltip },
      },
      {
        data: { name: 'analytic' },
        mark: { type: 'line', strokeWidth: 2, strokeDash: [6, 4], point: true },
        encoding: { x, y, color, tooltip },
      },
    ],
  };
}

const growth: Control = { id: 'growth', label: 'Growth of every stream', min: 0, max: 10, step: 0.5, value: 5, unit: '%/y' };
const headcount: Control = { id: 'headcount', label: 'Radiologists', min: 18, max: 34, step: 1, value: 24, unit: '' };
const efficiency: Control = {
  id: 'efficiency',
  label: 'Share of a shift spent reading',
  min: 30,
  max: 60,
  step: 1,
  value: 45,
  unit: '%',
};

const FORMULA = 'formula (analytic companion)';
const SIMULATED = 'simulation (mean of replications)';
const scaleNote = `Simulated at a tenth of the volume and roster so that it runs in seconds in the browser; counts multiplied back by ${1 / SCALE}.`;

const lesson1: Lesson = {
  id: 'crossing',
  title: '1. When does demand pass capacity?',
  say: [
    'The department reads about 210,000 studies a year with 24 radiologists; today it uses 80% of its reading time, and 9 emergency CTs in 10 are reported within the hour.',
    'Nothing about this year’s numbers warns of what comes.',
    'With about 5% more work a year and no more radiologists, it passes 100% in about five years: ln(1/ρ0)/ln(1+g).',
    'Move the growth, the headcount or the share of a shift spent reading, and watch the crossing move.',
  ],
  controls: [growth, headcount, efficiency],
  replications: 8,
  caption: `Load against capacity: the reading hours the studies need divided by the reading hours the roster gives. Dashed: the formula, year by year; faint: each simulated replication, quarter by quarter; bold: their mean. ${scaleNote}`,
  scenario: (v) => wideningGap({ growth: v.growth, headcount: v.headcount, efficiency: v.efficiency }),
  analytic: (loaded) => explainScenario(loaded).arms[0].years.map((y) => ({ series: FORMULA, x: y.year - 0.5, v: y.rho })),
  simulated: (run) =>
    weeks(
      run,
      (k) => run.periods.workload_min[k],
      SIMULATED,
      13,
      (k) => run.periods.reading_capacity_min[k],
    ),
  spec: (series) => {
    const s = lineSpec('Load / capacity (above 1 the backlog grows)', 'load / capacity', series, '.2f');
    (s.layer as VegaLiteSpec[]).push({
      data: { values: [{ v: 1 }] },
      mark: { type: 'rule', color: '#555', strokeWidth: 1 },
      encoding: { y: { field: 'v', type: 'quantitative' } },
    });
    return s;
  },
};

const lesson2: Lesson = {
  id: 'backlog',
  title: '2. Then the backlog grows without limit',
  say: [
    'Five calm years, then a curve that bends upwards and never turns back.',
    'A queue beyond its capacity does not settle at a new level: every week adds the difference between what arrives and what can be read.',
    'The backlog builds in the outpatient lists first, because urgent work is read first.',
  ],
  controls: [growth, headcount],
  replications: 8,
  caption: `Unreported studies at the end of each week. Dashed: the fluid formula (arrivals minus capacity, added up), at each year's end; faint: each simulated replication; bold: their mean. ${scaleNote}`,
  scenario: (v) => wideningGap({ growth: v.growth, headcount: v.headcount }),
  analytic: (loaded) => [
    { series: FORMULA, x: 0, v: 0 },
    ...explainScenario(loaded).arms[0].years.map((y) => ({ series: FORMULA, x: y.year, v: y.fluidBacklog / SCALE })),
  ],
  simulated: (run) => weeks(run, (k) => run.periods.backlog_end[k] / SCALE, SIMULATED),
  spec: (series) => lineSpec('Backlog: studies waiting for a report', 'studies waiting', series),
};

const lesson3: Lesson = {
  id: 'per-radiologist',
  title: '3. The work per radiologist',
  say: [
    'The red line is the studies per radiologist per working day, rising with the volume because the headcount is fixed.',
    'The green line is what one radiologist’s rostered reading time can report, falling slowly as the mix shifts to CT and MRI.',
    'Where they cross, the backlog of step 2 begins.',
  ],
  controls: [headcount, efficiency],
  replications: 8,
  caption: `Studies per radiologist per working day (a year of 261 working days). Dashed: the formulas, per year; bold: the simulated arrivals, mean of the replications. ${scaleNote}`,
  scenario: (v) => wideningGap({ headcount: v.headcount, efficiency: v.efficiency }),
  analytic: (loaded) => {
    const arm = explainScenario(loaded).arms[0];
    const days = 261;
    return arm.years.flatMap((y) => [
      { series: 'studies per radiologist per day', x: y.year - 0.5, v: y.studies / SCALE / arm.headcount / days },
      {
        series: 'what one radiologist can report per day',
        x: y.year - 0.5,
        v: (y.capacityHours * y.studies) / y.loadHours / SCALE / arm.headcount / days,
      },
    ]);
  },
  simulated: (run) =>
    weeks(
      run,
      (k) => (run.periods.arrivals[k] / SCALE / run.periods.headcount[k]) * (YEAR_WEEKS / 261),
      'studies per radiologist per day',
      13,
      () => 13,
    ),
  spec: (series) => lineSpec('Studies per radiologist per working day', 'studies per radiologist per day', series, ',.1f'),
};

const lesson4: Lesson = {
  id: 'answers',
  title: '4. What each answer buys',
  say: [
    'Faster reads on every study buy years; two more radiologists buy fewer; an AI that reports normal plain films alone buys little, because a plain film takes a minute and a CT a quarter of an hour.',
    'None of them stops the curve: with demand growing and capacity fixed, every answer only moves the crossing.',
  ],
  controls: [
    { id: 'assist', label: 'AI assistance: reading time', min: 70, max: 120, step: 1, value: 90, unit: '% of today' },
    { id: 'autonomous', label: 'Normal X-rays the AI reports alone', min: 0, max: 90, step: 1, value: 47, unit: '%' },
    { id: 'extra', label: 'More radiologists', min: 0, max: 6, step: 1, value: 2, unit: '' },
  ],
  replications: 4,
  caption: `Backlog per answer, each arm on the same simulated patients. Dashed: the fluid formula per arm at each year's end; bold: the simulated mean. ${scaleNote}`,
  scenario: (v) =>
    wideningGap({
      arms: [
        { name: 'without AI' },
        { name: 'reading assistance', ai: ['reading-assist'], tools: { 'reading-assist': { readTimeFactor: v.assist / 100 } } },
        { name: 'autonomous normal X-rays', ai: ['xr-autonormal'], tools: { 'xr-autonormal': { clears: v.autonomous / 100 } } },
        { name: 'more radiologists', readers: { radiologists: { count: 24 + v.extra } } },
      ],
    }),
  analytic: (loaded) =>
    explainScenario(loaded).arms.flatMap((a) => [
      { series: a.arm, x: 0, v: 0 },
      ...a.years.map((y) => ({ series: a.arm, x: y.year, v: y.fluidBacklog / SCALE })),
    ]),
  simulated: (run) => weeks(run, (k) => run.periods.backlog_end[k] / SCALE, run.arm),
  spec: (series) => lineSpec('Backlog per answer: studies waiting for a report', 'studies waiting', series),
};

const GROUPS: [string, string][] = [
  ['flagged bleeds', 'TP'],
  ['false alarms', 'FP'],
  ['missed bleeds', 'FN'],
  ['unflagged, no bleed', 'TN'],
];

const lesson5: Lesson = {
  id: 'triage',
  title: '5. Triage buys no capacity',
  say: [
    'An AI that flags suspected bleeds on head CT and moves them up the worklist cuts the wait of the flagged studies, true and false.',
    'The mean wait over all studies does not move: the unflagged studies wait longer, the bleeds the AI misses among them.',
    'A flag shown without reordering changes nothing at all. That is Kleinrock’s conservation law.',
  ],
  controls: [
    { id: 'sensitivity', label: 'AI sensitivity', min: 50, max: 100, step: 1, value: 89, unit: '%' },
    { id: 'specificity', label: 'AI specificity', min: 50, max: 100, step: 1, value: 96, unit: '%' },
  ],
  replications: 8,
  caption:
    'Mean wait before a radiologist opens the study (emergency and inpatient head CT, outpatient MRI; one year). Bars: simulated, mean of the replications. Dashed: the formula’s mean wait over all studies (a steady-state queue, without the weekly rhythm of arrivals and rosters, so lower than the simulation), the same whatever the worklist order: triage moves waiting, it does not remove it.',
  scenario: (v) => triageLesson(bundled('ed-head-ct-triage').text, v.sensitivity / 100, v.specificity / 100),
  analytic: (loaded) =>
    explainScenario(loaded).arms.map((a) => ({ series: a.arm, x: 'all studies', v: a.years[0].waitEstimate ?? Number.NaN })),
  simulated: (run) => [
    ...GROUPS.map(([label, call]) => ({
      series: run.arm,
      x: label,
      v: run.stats[`wait.by_ai_call.ich-triage.${call}`],
      rep: run.replication,
    })),
    { series: run.arm, x: 'all studies', v: run.stats['wait.all'], rep: run.replication },
  ],
  spec: (series) => {
    const groups = [...GROUPS.map((g) => g[0]), 'all studies'];
    const color = { field: 'series', type: 'nominal', title: 'arm', scale: { domain: series } };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      config: CHART_CONFIG,
      title: 'Mean wait by what the AI said (minutes)',
      autosize: { type: 'pad', resize: true },
      width: 470,
      height: 290,
      layer: [
        {
          data: { name: 'mean' },
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'x', type: 'nominal', title: null, sort: groups, axis: { labelAngle: -20, labelLimit: 160 } },
            xOffset: { field: 'series', sort: series },
            y: { field: 'v', type: 'quantitative', title: 'mean wait (minutes)' },
            color,
            tooltip: [
              { field: 'series', title: 'arm' },
              { field: 'x', title: 'studies' },
              { field: 'v', title: 'mean wait (min)', format: '.1f' },
            ],
          },
        },
        {
          data: { name: 'analytic' },
          mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 2, color: '#333' },
          encoding: {
            y: { aggregate: 'mean', field: 'v', type: 'quantitative' },
            tooltip: [{ aggregate: 'mean', field: 'v', title: 'formula: mean wait, all studies (min)', format: '.1f' }],
          },
        },
        {
          data: { name: 'analytic' },
          mark: { type: 'text', align: 'left', dx: 4, dy: -7, fontSize: 12, color: '#333' },
          encoding: {
            y: { aggregate: 'mean', field: 'v', type: 'quantitative' },
            x: { value: 2 },
            text: { value: 'formula, all studies (steady state, no weekly rhythm)' },
          },
        },
        { data: { name: 'runs' }, mark: { type: 'point', opacity: 0 }, encoding: {} },
      ],
    };
  },
};

export const LESSONS: Lesson[] = [lesson1, lesson2, lesson3, lesson4, lesson5];

/** The mean over replications of rows that share series and x. */
export function meanRows(rows: Row[]): Row[] {
  const acc = new Map<string, { row: Row; sum: number; n: number }>();
  for (const r of rows) {
    if (!Number.isFinite(r.v)) continue;
    const key = `${r.series}\u0000${r.x}`;
    const a = acc.get(key);
    if (a) {
      a.sum += r.v;
      a.n++;
    } else acc.set(key, { row: { series: r.series, x: r.x, v: 0 }, sum: r.v, n: 1 });
  }
  return [...acc.values()].map((a) => ({ ...a.row, v: a.sum / a.n }));
}
