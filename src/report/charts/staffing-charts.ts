import type { StaffingResult, YearStaffing } from '../../experiment/staffing/staffing-solver.js';
import type { VegaLiteSpec } from '../render-chart.js';

/** A chart of the staffing output: file name, title, caption and Vega-Lite spec. */
export interface StaffingChart {
  name: string;
  title: string;
  caption: string;
  spec: VegaLiteSpec;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Readers on duty by hour of the week: the found roster against today's, with the offered load. */
export function readersByHourChart(y: YearStaffing, group: string): StaffingChart {
  const series: [string, number[]][] = [
    ['found roster', y.staffing],
    ["today's roster", y.current],
    ['offered load (readers kept busy)', y.load],
  ];
  const values = series.flatMap(([name, xs]) =>
    // A last point at hour 168 closes the week's last step.
    [...xs, xs[xs.length - 1]].map((v, h) => ({ series: name, hour: h, readers: Math.round(v * 100) / 100 })),
  );
  const title = `Readers needed by hour of the week, year ${y.year}`;
  return {
    name: `readers-by-hour-year-${y.year}`,
    title,
    caption: `Readers (${group}) on duty in each hour of the week (Monday 00:00 at the left) in year ${y.year}: the roster the solver found to meet the targets, today's roster from the scenario, and the offered load (the mean number of readers the arriving reads keep busy, efficiency included). Where the roster is above the load, the spare readers keep waits short; where it is below (busy weekday hours), the lower priorities' studies wait for quieter hours, which the targets allow.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: { text: title, subtitle: 'readers on duty, Monday 00:00 to Sunday 24:00' },
      width: 760,
      height: 260,
      data: { values },
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
      encoding: {
        x: {
          field: 'hour',
          type: 'quantitative',
          title: 'hour of the week',
          scale: { domain: [0, 168], nice: false },
          axis: {
            values: DAYS.map((_, d) => d * 24 + 12),
            labelExpr: `[${DAYS.map((d) => `'${d}'`).join(',')}][floor(datum.value / 24)]`,
            grid: false,
          },
        },
        y: { field: 'readers', type: 'quantitative', title: 'readers on duty' },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          scale: { domain: series.map((s) => s[0]), range: ['#1f77b4', '#7f7f7f', '#d62728'] },
          legend: { symbolType: 'stroke', symbolStrokeWidth: 3, labelLimit: 320 },
        },
        strokeDash: {
          field: 'series',
          type: 'nominal',
          legend: null,
          scale: {
            domain: series.map((s) => s[0]),
            range: [
              [1, 0],
              [6, 3],
              [2, 2],
            ],
          },
        },
      },
    },
  };
}

/** Headcount needed per year against the scenario's headcount: the hiring plan. */
export function headcountChart(r: StaffingResult): StaffingChart {
  const values = r.years.flatMap((y) => [
    { year: y.year, series: 'headcount needed', readers: y.headcount },
    { year: y.year, series: "the scenario's headcount", readers: Math.round(y.currentHeadcount * 100) / 100 },
  ]);
  const top = Math.ceil(Math.max(...values.map((v) => v.readers)) * 1.15);
  const y = { field: 'readers', type: 'quantitative', scale: { domain: [0, top] } };
  const title = 'Headcount needed per year against the fixed headcount';
  return {
    name: 'headcount-by-year',
    title,
    caption: `Readers (${r.group}) to employ in each year so that the found roster can be staffed (rostered hours a week / (${r.contractedHours.toFixed(1)} contracted hours x ${r.availability} availability), and no fewer than the most on duty at once), against the headcount the scenario keeps. The volume argument as a hiring plan: the gap is the readers to hire.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: { text: title, subtitle: 'bars: headcount needed to meet the targets; red line: the headcount the scenario keeps' },
      width: Math.max(420, 60 * r.years.length),
      height: 260,
      data: { values },
      layer: [
        {
          transform: [{ filter: "datum.series == 'headcount needed'" }],
          mark: { type: 'bar', color: '#1f77b4', width: { band: 0.7 } },
          encoding: {
            x: { field: 'year', type: 'ordinal', title: 'year', axis: { labelAngle: 0 } },
            y: { ...y, title: 'readers (headcount)' },
          },
        },
        {
          transform: [{ filter: "datum.series == 'headcount needed'" }],
          mark: { type: 'text', dy: -8, dx: 14, fontSize: 12 },
          encoding: {
            x: { field: 'year', type: 'ordinal' },
            y,
            text: { field: 'readers', type: 'quantitative' },
          },
        },
        {
          transform: [{ filter: "datum.series != 'headcount needed'" }],
          mark: { type: 'line', color: '#d62728', strokeWidth: 3, point: true },
          encoding: {
            x: { field: 'year', type: 'ordinal' },
            y,
          },
        },
      ],
    },
  };
}
