import { DAY, YEAR } from '../engine/index.js';
import { estimate } from '../formulas/confidence-interval.js';
import {
  cobham,
  cobhamMultiServer,
  erlangC,
  fluidBacklog,
  pollaczekKhinchine,
  preemptiveResume,
  preemptiveResumeMultiServer,
  yearsToSaturation,
} from '../formulas/queueing-formulas.js';
import type { RunResult } from '../model/run-result.js';
import { validateScenario } from '../scenario/load-scenario.js';
import { planExperiment, runExperiments } from './experiment.js';
import type { PoolOptions } from './worker-pool.js';

/**
 * The built-in checks of the model against queueing theory (`readsim verify`, and the model's
 * validation tests). Each case is a scenario run through the real model; each check compares
 * a statistic across replications with its closed form. A check passes when the theory lies in
 * the replications' 99.9% Student-t interval (a 95% interval misses one time in twenty by
 * design), or, for approximations, within their stated relative tolerance.
 */
export interface VerificationCase {
  id: string;
  group: string;
  title: string;
  /** What the theory assumes here. */
  assumes: string;
  scenario(quick: boolean): Record<string, unknown>;
  replications(quick: boolean): number;
  checks(): Check[];
}

export interface Check {
  label: string;
  theory: number;
  /** The statistic per replication, from runs[arm][replication]. */
  values(runs: RunResult[][]): number[];
  /** For approximations: pass within this relative error instead of the interval. */
  relativeTolerance?: number;
  /** For exact answers (no randomness involved): every replication equals the theory (to 1e-9). */
  exact?: boolean;
  unit: string;
}

export interface CheckRow {
  case: string;
  group: string;
  title: string;
  check: string;
  unit: string;
  theory: number;
  mean: number;
  ci95: [number, number] | null;
  ci999: [number, number] | null;
  n: number;
  criterion: string;
  pass: boolean;
}

const stat =
  (key: string, arm = 0) =>
  (runs: RunResult[][]) =>
    runs[arm].map((r) => r.stats[key] ?? Number.NaN);
const share =
  (num: string, den: string, arm = 0) =>
  (runs: RunResult[][]) =>
    runs[arm].map((r) => r.stats[num] / r.stats[den]);

interface Department {
  perDay: number;
  read: Record<string, unknown>;
  readers: number;
  efficiency?: number;
  findings?: Record<string, unknown>;
  ai?: Record<string, unknown>[];
  arms?: Record<string, unknown>[];
  worklist?: Record<string, unknown>;
  years: number;
  growth?: string;
  warmup?: string;
}

/** One stream read around the clock by one group: the shape queueing theory speaks about. */
function department(d: Department): Record<string, unknown> {
  return {
    name: 'verification',
    horizon: `${d.years}y`,
    warmup: d.warmup ?? '2w',
    period: 'week',
    streams: [
      {
        name: 'studies',
        volume: `${d.perDay}/day`,
        growth: d.growth ?? '0%/y',
        readTime: d.read,
        ...(d.findings ? { findings: d.findings } : {}),
      },
    ],
    readers: [{ name: 'readers', count: d.readers, ...(d.efficiency ? { efficiency: d.efficiency } : {}) }],
    ...(d.worklist ? { worklist: d.worklist } : {}),
    ...(d.ai ? { ai: d.ai } : {}),
    ...(d.arms ? { arms: d.arms } : {}),
  };
}

const exp = (mean: number) => ({ dist: 'exponential', mean: `${mean}m` });
const perDay = (perMinute: number) => Number((perMinute * DAY).toFixed(6));

// Triage: prevalence 20%, sensitivity 0.9, specificity 0.9: a quarter of studies are flagged.
const PREV = 0.2;
const SE = 0.9;
const SP = 0.9;
const FLAGGED = PREV * SE + (1 - PREV) * (1 - SP);
const triage = (action: string) => [
  { name: 'triage', kind: 'triage', finding: 'bleed', sensitivity: SE, specificity: SP, action },
];
const triageFindings = { bleed: PREV };
/** Checks of the waits a triage arm produces: per AI call and for the studies with the finding. */
function triageChecks(w1: number, w2: number, arm = 0): Check[] {
  return [
    { label: 'wait of flagged studies, true positives', theory: w1, values: stat('wait.by_ai_call.triage.TP', arm), unit: 'min' },
    {
      label: 'wait of flagged studies, false positives',
      theory: w1,
      values: stat('wait.by_ai_call.triage.FP', arm),
      unit: 'min',
    },
    {
      label: 'wait of unflagged studies, true negatives',
      theory: w2,
      values: stat('wait.by_ai_call.triage.TN', arm),
      unit: 'min',
    },
    {
      label: 'wait of studies with the finding: Se·W(flagged) + (1-Se)·W(unflagged)',
      theory: SE * w1 + (1 - SE) * w2,
      values: stat('wait.by_finding.bleed.positive', arm),
      unit: 'min',
    },
  ];
}

const mm1 = { lambda: 0.08, read: 10 }; // one reader, utilisation 0.8, Erlang C wait 40 min
const mm3 = { lambda: (0.85 * 3) / 12, read: 12 }; // three readers, utilisation 0.85

/** The triage department: one reader (M/M/1 above) or three (M/M/3), with the triage tool in its arms. */
function triageDepartment(
  readers: 1 | 3,
  quick: boolean,
  options: { action?: string; preemption?: string; arms?: Record<string, unknown>[] } = {},
) {
  const q = readers === 1 ? mm1 : mm3;
  return department({
    perDay: perDay(q.lambda),
    read: exp(q.read),
    readers,
    findings: triageFindings,
    ai: triage(options.action ?? 'reorder'),
    arms: options.arms ?? [{ name: 'triage', ai: ['triage'] }],
    ...(options.preemption ? { worklist: { preemption: options.preemption } } : {}),
    years: readers === 1 ? (quick ? 1 : 4) : quick ? 0.4 : 1.5,
  });
}

/** Flagged and unflagged arrival rates of the triage department. */
const classes = (lambda: number) => [FLAGGED * lambda, (1 - FLAGGED) * lambda];

/** One reader on a daily shift (or the shifts given), a backlog and no arrivals: counted by hand. */
function rosterDepartment(o: {
  backlog: number;
  read: string;
  shifts: { from: string; to: string }[];
  efficiency?: number;
  arms?: Record<string, unknown>[];
  perDay?: number;
  days?: number;
}): Record<string, unknown> {
  return {
    name: 'verification: roster',
    horizon: `${o.days ?? 7}d`,
    warmup: 0,
    period: 'day',
    streams: [
      { name: 'studies', volume: `${o.perDay ?? 0}/day`, backlog: o.backlog, readTime: { dist: 'deterministic', mean: o.read } },
    ],
    readers: [
      {
        name: 'reader',
        count: 1,
        efficiency: o.efficiency ?? 1,
        roster: o.shifts.map((s) => ({ days: 'all', from: s.from, to: s.to, on: 1 })),
        shiftEnd: 'finish',
      },
    ],
    arms: o.arms ?? [{ name: 'finish' }, { name: 'handover', readers: { reader: { shiftEnd: 'handover' } } }],
  };
}

/**
 * Rosters and shift changes: answers that follow from the rules by hand, with no randomness,
 * run through the real model (so any run of them must match to the last digit).
 */
const ROSTER_CASES: VerificationCase[] = [
  {
    id: 'roster-count',
    group: 'Rosters and shift changes (exact)',
    title: '30 studies waiting, one reader 08:00-18:00, reads of exactly 60 min: 10 reports a day, the last at 18:00',
    assumes:
      'a read that ends exactly at the shift end is complete before the shift changes; both shift-end rules then give the same days',
    scenario: () => rosterDepartment({ backlog: 30, read: '60m', shifts: [{ from: '08:00', to: '18:00' }] }),
    replications: () => 2,
    checks: () =>
      [0, 1].flatMap((arm) => {
        const name = arm === 0 ? 'finish' : 'handover';
        return [
          {
            label: `${name}: reports on days 1-3`,
            theory: 30,
            values: (runs: RunResult[][]) => runs[arm].map((r) => r.periods.reported.slice(0, 3).reduce((a, b) => a + b, 0)),
            exact: true,
            unit: 'studies',
          },
          {
            label: `${name}: reports on day 2`,
            theory: 10,
            values: (runs: RunResult[][]) => runs[arm].map((r) => r.periods.reported[1]),
            exact: true,
            unit: 'studies',
          },
          {
            label: `${name}: mean turnaround of the backlog (13.5, 37.5, 61.5 h a day)`,
            theory: 37.5 * 60,
            values: stat('initial_backlog.tat_mean', arm),
            exact: true,
            unit: 'min',
          },
          { label: `${name}: overtime`, theory: 0, values: stat('overtime_hours', arm), exact: true, unit: 'h' },
        ];
      }),
  },
  {
    id: 'roster-overtime',
    group: 'Rosters and shift changes (exact)',
    title:
      'one reader 08:00-18:00 at efficiency 0.5, reads of 35 min of work (70 min of roster): the read in hand at 18:00 has 15 min of work left',
    assumes: 'an outgoing reader finishes the read in hand at reading speed; the non-reading share ends with the shift',
    scenario: () =>
      rosterDepartment({
        backlog: 200,
        read: '35m',
        efficiency: 0.5,
        shifts: [{ from: '08:00', to: '18:00' }],
        arms: [{ name: 'finish' }],
      }),
    replications: () => 2,
    checks: () => [
      // 600 min of roster a day: reads start at 08:00, 09:10, ..., 17:20 (9 of them); the last has
      // 40 of 70 roster-minutes done at 18:00, so 30 x 0.5 = 15 min of work left: 7 days x 15 min.
      { label: 'overtime in a week', theory: (7 * 15) / 60, values: stat('overtime_hours'), exact: true, unit: 'h' },
      {
        label: 'reading = rostered x efficiency + overtime',
        theory: (7 * 600 * 0.5 + 7 * 15) / 60,
        values: stat('reading_hours'),
        exact: true,
        unit: 'h',
      },
    ],
  },
  {
    id: 'roster-handover',
    group: 'Rosters and shift changes (exact)',
    title: 'day and evening shifts (08:00-18:00, 18:00-22:00) over a backlog: with handover, work is conserved',
    assumes:
      'a read handed over keeps its remaining work; while studies wait, the readers on shift read all shift and nothing is lost or read twice',
    scenario: () =>
      rosterDepartment({
        backlog: 200,
        read: '45m',
        shifts: [
          { from: '08:00', to: '18:00' },
          { from: '18:00', to: '22:00' },
        ],
        arms: [{ name: 'handover', readers: { reader: { shiftEnd: 'handover' } } }],
      }),
    replications: () => 2,
    checks: () => [
      { label: 'reading = rostered time (14 h a day)', theory: 7 * 14, values: stat('reading_hours'), exact: true, unit: 'h' },
      {
        label: 'studies reported (whole reads in 98 h of reading)',
        theory: Math.floor((7 * 14 * 60) / 45),
        values: stat('studies.reported'),
        exact: true,
        unit: 'studies',
      },
      { label: 'overtime', theory: 0, values: stat('overtime_hours'), exact: true, unit: 'h' },
    ],
  },
  {
    id: 'roster-escalation',
    group: 'Rosters and shift changes (exact)',
    title: 'an escalation timer that cannot be reached within the horizon changes nothing',
    assumes: 'each priority ages on its own timer: adding one for another level leaves every other level as it was',
    scenario: () => ({
      name: 'verification: escalation',
      horizon: '8w',
      warmup: '1w',
      period: 'week',
      priorities: [{ name: 'stat', target: '1h' }, { name: 'urgent' }, { name: 'routine' }],
      streams: [
        { name: 'stat', priority: 'stat', volume: '30/day', readTime: { dist: 'exponential', mean: '12m' } },
        { name: 'urgent', priority: 'urgent', volume: '20/day', readTime: { dist: 'exponential', mean: '15m' } },
        { name: 'routine', priority: 'routine', volume: '30/day', readTime: { dist: 'exponential', mean: '15m' } },
      ],
      readers: [{ name: 'readers', count: 1 }],
      worklist: { escalateAfter: { routine: '6h' } },
      arms: [
        { name: 'routine timer' },
        { name: 'plus an unreachable urgent timer', worklist: { escalateAfter: { routine: '6h', urgent: '1y' } } },
      ],
    }),
    replications: (q) => (q ? 2 : 5),
    checks: () =>
      ['wait.all', 'wait.by_priority.stat', 'wait.by_priority.routine', 'tat.by_priority.routine.p90'].map((key) => ({
        label: `difference in ${key}`,
        theory: 0,
        values: (runs: RunResult[][]) => runs[1].map((r, i) => r.stats[key] - runs[0][i].stats[key]),
        exact: true,
        unit: 'min',
      })),
  },
];

export const VERIFICATION_CASES: VerificationCase[] = [
  {
    id: 'erlang-c-1',
    group: 'Erlang C',
    title: 'one reader, exponential reads of 10 min, utilisation 0.8 (M/M/1)',
    assumes: 'Poisson arrivals, exponential reading times, first come first served, one reader always on',
    scenario: (q) => department({ perDay: perDay(mm1.lambda), read: exp(mm1.read), readers: 1, years: q ? 1 : 4 }),
    replications: (q) => (q ? 5 : 20),
    checks: () => [
      { label: 'mean wait', theory: erlangC(mm1.lambda, 1 / mm1.read, 1).wait, values: stat('wait.all'), unit: 'min' },
      { label: 'utilisation', theory: 0.8, values: stat('utilisation'), unit: '' },
    ],
  },
  {
    id: 'erlang-c-3',
    group: 'Erlang C',
    title: 'three readers, exponential reads of 12 min, utilisation 0.85 (M/M/3)',
    assumes: 'Poisson arrivals, exponential reading times, first come first served, three readers always on',
    scenario: (q) => department({ perDay: perDay((0.85 * 3) / 12), read: exp(12), readers: 3, years: q ? 0.4 : 1.5 }),
    replications: (q) => (q ? 5 : 20),
    checks: () => [
      { label: 'mean wait', theory: erlangC((0.85 * 3) / 12, 1 / 12, 3).wait, values: stat('wait.all'), unit: 'min' },
    ],
  },
  {
    id: 'erlang-c-6',
    group: 'Erlang C',
    title: 'six readers, 25 studies an hour of 12 min (the growth table, year 0)',
    assumes: 'Poisson arrivals, exponential reading times, first come first served, six readers always on',
    scenario: (q) => department({ perDay: 600, read: exp(12), readers: 6, years: q ? 0.25 : 1 }),
    replications: (q) => (q ? 5 : 20),
    checks: () => [{ label: 'mean wait', theory: erlangC(25 / 60, 1 / 12, 6).wait, values: stat('wait.all'), unit: 'min' }],
  },
  {
    id: 'efficiency',
    group: 'Erlang C',
    title: 'two readers at efficiency 0.5: each 10-min read holds a reader 20 min',
    assumes: 'efficiency e is realised as reads taking 1/e of their reading time of rostered time (M/M/2 with mean 20 min)',
    scenario: (q) => department({ perDay: perDay(0.08), read: exp(10), readers: 2, efficiency: 0.5, years: q ? 1 : 3 }),
    replications: (q) => (q ? 5 : 20),
    checks: () => [
      { label: 'mean wait', theory: erlangC(0.08, 1 / 20, 2).wait, values: stat('wait.all'), unit: 'min' },
      { label: 'utilisation (reading time / rostered time) = 0.8 x 0.5', theory: 0.4, values: stat('utilisation'), unit: '' },
    ],
  },
  {
    id: 'pk-lognormal',
    group: 'Pollaczek-Khinchine',
    title: 'one reader, lognormal reads of 10 min with cv 0.6, utilisation 0.8 (M/G/1)',
    assumes: 'Poisson arrivals, any reading-time distribution, first come first served, one reader',
    scenario: (q) =>
      department({ perDay: perDay(0.08), read: { dist: 'lognormal', mean: '10m', cv: 0.6 }, readers: 1, years: q ? 1 : 4 }),
    replications: (q) => (q ? 5 : 20),
    checks: () => [{ label: 'mean wait', theory: pollaczekKhinchine(0.08, 10, 0.36), values: stat('wait.all'), unit: 'min' }],
  },
  {
    id: 'pk-deterministic',
    group: 'Pollaczek-Khinchine',
    title: 'one reader, fixed reads of 10 min, utilisation 0.8 (M/D/1)',
    assumes: 'Poisson arrivals, every read exactly 10 min, first come first served, one reader',
    scenario: (q) =>
      department({ perDay: perDay(0.08), read: { dist: 'deterministic', mean: '10m' }, readers: 1, years: q ? 1 : 4 }),
    replications: (q) => (q ? 5 : 20),
    checks: () => [
      { label: 'mean wait (half of M/M/1)', theory: pollaczekKhinchine(0.08, 10, 0), values: stat('wait.all'), unit: 'min' },
    ],
  },
  {
    id: 'triage-resume-1',
    group: 'Preemptive-resume priority',
    title: 'triage reorders 26% of studies (prevalence 20%, Se 0.9, Sp 0.9); flagged reads interrupt others; one reader',
    assumes: 'flagged studies form a higher class that preempts reads of the lower class, which resume later',
    scenario: (q) => triageDepartment(1, q, { preemption: 'resume' }),
    replications: (q) => (q ? 5 : 20),
    checks: () => {
      const [w1, w2] = preemptiveResume(classes(mm1.lambda).map((rate) => ({ rate, meanService: mm1.read, scv: 1 })));
      return triageChecks(w1, w2);
    },
  },
  {
    id: 'triage-resume-3',
    group: 'Preemptive-resume priority',
    title: 'the same triage with three readers at utilisation 0.85',
    assumes: 'M/M/c with one reading rate: the flagged class does not see the unflagged one',
    scenario: (q) => triageDepartment(3, q, { preemption: 'resume' }),
    replications: (q) => (q ? 5 : 20),
    checks: () => {
      const [w1, w2] = preemptiveResumeMultiServer(classes(mm3.lambda), 1 / mm3.read, 3);
      // The flagged wait is tiny (0.1 min): checked for its level, the rest against the interval.
      return triageChecks(w1, w2).filter((c) => !c.label.includes('positives'));
    },
  },
  {
    id: 'triage-cobham-1',
    group: 'Non-preemptive priority (Cobham)',
    title: 'triage reorders, no interruption, one reader',
    assumes: 'flagged studies go first when a reader next starts a study; reads in hand finish',
    scenario: (q) => triageDepartment(1, q),
    replications: (q) => (q ? 5 : 20),
    checks: () => {
      const [w1, w2] = cobham(classes(mm1.lambda).map((rate) => ({ rate, meanService: mm1.read, scv: 1 })));
      return triageChecks(w1, w2);
    },
  },
  {
    id: 'triage-cobham-3',
    group: 'Non-preemptive priority (Cobham)',
    title: 'triage reorders, no interruption, three readers at utilisation 0.85',
    assumes: 'M/M/c, one reading rate for both classes',
    scenario: (q) => triageDepartment(3, q),
    replications: (q) => (q ? 5 : 20),
    checks: () => {
      const [w1, w2] = cobhamMultiServer(classes(mm3.lambda), 1 / mm3.read, 3);
      return triageChecks(w1, w2);
    },
  },
  {
    id: 'triage-flag-only',
    group: 'Triage without reordering',
    title: 'flag only: the flag is shown, the worklist order is unchanged',
    assumes: "a flag that does not change who is read next changes no wait (O'Neill 2021 saw the same)",
    scenario: (q) => triageDepartment(1, q, { action: 'flag', arms: [{ name: 'flag only', ai: ['triage'] }] }),
    replications: (q) => (q ? 5 : 20),
    checks: () => {
      const w = erlangC(mm1.lambda, 1 / mm1.read, 1).wait;
      return triageChecks(w, w);
    },
  },
  {
    id: 'conservation',
    group: 'Conservation law (Kleinrock)',
    title: 'triage buys no capacity: with equal reading times the mean wait over all studies stays the fifo wait',
    assumes: 'non-preemptive, work-conserving order; reading times do not depend on the flag',
    scenario: (q) =>
      triageDepartment(1, q, {
        arms: [
          { name: 'fifo', ai: [] },
          { name: 'triage', ai: ['triage'] },
        ],
      }),
    replications: (q) => (q ? 5 : 20),
    checks: () => [
      {
        label: 'mean wait, all studies, with triage',
        theory: erlangC(mm1.lambda, 1 / mm1.read, 1).wait,
        values: stat('wait.all', 1),
        unit: 'min',
      },
      {
        label: 'paired difference triage - fifo in mean wait (same patients)',
        theory: 0,
        values: (runs) => runs[1].map((r, i) => r.stats['wait.all'] - runs[0][i].stats['wait.all']),
        unit: 'min',
      },
    ],
  },
  {
    id: 'assist',
    group: 'Reading assistance (section 2)',
    title: 'reads 10% shorter with AI at one reader (utilisation 0.8 to 0.72)',
    assumes: 'the AI scales every read by the same factor; M/M/1',
    scenario: (q) =>
      department({
        perDay: perDay(mm1.lambda),
        read: exp(mm1.read),
        readers: 1,
        ai: [{ name: 'assist', kind: 'assist', readTimeFactor: 0.9 }],
        arms: [{ name: 'assist', ai: ['assist'] }],
        years: q ? 1 : 4,
      }),
    replications: (q) => (q ? 5 : 20),
    checks: () => [
      { label: 'mean wait', theory: erlangC(mm1.lambda, 1 / 9, 1).wait, values: stat('wait.all'), unit: 'min' },
      { label: 'utilisation', theory: 0.72, values: stat('utilisation'), unit: '' },
    ],
  },
  {
    id: 'autonomous',
    group: 'Autonomous reporting (section 2)',
    title: 'AI clears 10% of arrivals (all normal here) at one reader',
    assumes: 'cleared studies never reach the worklist: the reader sees a Poisson stream 10% thinner',
    scenario: (q) =>
      department({
        perDay: perDay(mm1.lambda),
        read: exp(mm1.read),
        readers: 1,
        ai: [{ name: 'autonormal', kind: 'autonomous', clears: 0.1 }],
        arms: [{ name: 'autonomous', ai: ['autonormal'] }],
        years: q ? 1 : 4,
      }),
    replications: (q) => (q ? 5 : 20),
    checks: () => [
      {
        label: 'mean wait of the studies read',
        theory: erlangC(0.9 * mm1.lambda, 1 / mm1.read, 1).wait,
        values: stat('wait.all'),
        unit: 'min',
      },
      { label: 'utilisation', theory: 0.72, values: stat('utilisation'), unit: '' },
      { label: 'share of studies cleared', theory: 0.1, values: share('studies.cleared_by_ai', 'studies.arrived'), unit: '' },
    ],
  },
  {
    id: 'outsourced-share',
    group: 'Outsourcing (issue 16)',
    title: 'an external provider takes 30% of arrivals (6 h turnaround) from one reader at utilisation 0.8',
    assumes:
      'the provider takes each study with chance 0.3 on arrival, so the reader sees a Poisson stream 30% thinner: an M/M/1 department with (1-s) of the load; outsourced studies are reported exactly 6 h after arrival',
    scenario: (q) => ({
      ...department({ perDay: perDay(mm1.lambda), read: exp(mm1.read), readers: 1, years: q ? 1 : 4 }),
      readers: [
        { name: 'readers', count: 1 },
        { name: 'telerad', external: { turnaround: { dist: 'deterministic', mean: '6h' }, share: 0.3, costPerStudy: 40 } },
      ],
    }),
    replications: (q) => (q ? 5 : 20),
    checks: () => {
      const wait = erlangC(0.7 * mm1.lambda, 1 / mm1.read, 1).wait;
      return [
        { label: 'mean wait of the studies read in-house', theory: wait, values: stat('wait.all'), unit: 'min' },
        { label: 'utilisation', theory: 0.56, values: stat('utilisation'), unit: '' },
        { label: 'share of studies outsourced', theory: 0.3, values: share('outsourced.studies', 'studies.arrived'), unit: '' },
        {
          label: 'mean turnaround: 0.7 x (wait + 10 min) + 0.3 x 360 min',
          theory: 0.7 * (wait + mm1.read) + 0.3 * 360,
          values: stat('tat.all.mean'),
          unit: 'min',
        },
        { label: 'cost per outsourced study', theory: 40, values: share('outsourced.cost', 'outsourced.studies'), unit: '' },
      ];
    },
  },
  {
    id: 'work-growth',
    group: 'Work per study grows (issue 16)',
    title: 'flat volume, reading work per study +20%/y: the reading work offered over 2 years',
    assumes:
      'each read is the time-0 draw x 1.2^(t/year) for a study arriving at t, so the work offered is lambda x mean x year x (1.2^2 - 1) / ln(1.2); the crossing (ln(1/rho0)/ln(1+g) for rho0 = 0.5: 3.8 years) is checked exactly in the tests',
    scenario: () => ({
      ...department({ perDay: perDay(0.05), read: exp(10), readers: 1, years: 2, warmup: '0d' }),
      streams: [{ name: 'studies', volume: `${perDay(0.05)}/day`, readTime: { ...exp(10), growth: '20%/y' } }],
    }),
    replications: (q) => (q ? 5 : 20),
    checks: () => [
      {
        label: 'reading work offered in 2 years',
        theory: (0.05 * 10 * YEAR * (1.2 ** ((104 * 7 * DAY) / YEAR) - 1)) / Math.log(1.2),
        values: (runs) => runs[0].map((r) => r.periods.workload_min.slice(0, 104).reduce((a, b) => a + b, 0)),
        unit: 'min',
      },
    ],
  },
  {
    id: 'growth',
    group: 'Growth at a fixed headcount',
    title: 'demand +40%/y from utilisation 0.8 at 4 readers: crossing in ln(1/0.8)/ln(1.4) = 0.66 y, then the fluid backlog',
    assumes:
      "after the crossing the backlog grows as the integral of (arrival rate - reading capacity); a fluid approximation that ignores the randomness near the crossing (a few hundred studies here), so checked within 5% (plus the simulation's own sampling error) once the backlog is large",
    scenario: () => department({ perDay: perDay(0.32), read: exp(10), readers: 4, growth: '40%/y', years: 2, warmup: '0d' }),
    replications: (q) => (q ? 3 : 10),
    checks: () => {
      const at = (years: number) => (runs: RunResult[][]) =>
        runs[0].map((r) => {
          // Backlog at the end of the week that ends nearest to the time asked.
          const k = Math.round((years * YEAR) / (7 * DAY)) - 1;
          return r.periods.backlog_end[k];
        });
      const fluid = (years: number) => fluidBacklog(0.32, 0.4, 0.4, Math.round((years * YEAR) / (7 * DAY)) * 7 * DAY, YEAR);
      // Before the crossing the backlog is a stationary queue of a few studies; it first passes
      // 1,000 studies when the fluid backlog does, some weeks after the crossing itself.
      const threshold = 1000;
      // Our own bisection, not simple-statistics' bisect: that stops at a tolerance and returns a
      // midpoint, which changes the last digits of this theory value in the verify rows.
      let lo = 0;
      let hi = 2 * YEAR;
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (fluidBacklog(0.32, 0.4, 0.4, mid, YEAR) < threshold) lo = mid;
        else hi = mid;
      }
      const firstPass = (runs: RunResult[][]) =>
        runs[0].map((r) => {
          const k = r.periods.backlog_end.findIndex((b) => b > threshold);
          return k < 0 ? Number.NaN : (r.periods.period_start_days[k] + 7) / 365;
        });
      return [
        {
          label: `years until the backlog passes ${threshold} studies (crossing at ${yearsToSaturation(0.8, 0.4).toFixed(2)} y)`,
          theory: lo / YEAR,
          values: firstPass,
          relativeTolerance: 0.05,
          unit: 'years',
        },
        { label: 'backlog after 1.5 years', theory: fluid(1.5), values: at(1.5), relativeTolerance: 0.05, unit: 'studies' },
        { label: 'backlog after 2 years', theory: fluid(2), values: at(2), relativeTolerance: 0.05, unit: 'studies' },
      ];
    },
  },
  ...ROSTER_CASES,
];

export interface VerifyOptions extends PoolOptions {
  quick?: boolean;
  /** Master seed of the checks (default 2026). */
  seed?: number;
  /** Case ids to run (default: all). */
  only?: string[];
}

/** Runs the cases and returns one row per check. */
export async function runVerification(options: VerifyOptions = {}): Promise<CheckRow[]> {
  const quick = options.quick ?? false;
  const cases = VERIFICATION_CASES.filter((c) => !options.only || options.only.includes(c.id));
  const rows: CheckRow[] = [];
  // All cases on one pool: the workers start once and stay busy. Each case has its own seed:
  // cases with the same stream names would otherwise share samples and err together.
  const base = options.seed ?? 2026;
  const plans = cases.map((c) =>
    planExperiment(validateScenario(`verify:${c.id}`, c.scenario(quick)), {
      replications: c.replications(quick),
      seed: base + VERIFICATION_CASES.indexOf(c),
    }),
  );
  const results = await runExperiments(plans, options);
  for (const [i, c] of cases.entries()) {
    const result = results[i];
    for (const check of c.checks()) {
      const values = check.values(result.runs);
      const e95 = estimate(values, 0.95);
      const e999 = estimate(values, 0.999);
      // Approximations: within their tolerance of the theory, give or take the simulation's own
      // sampling error (the 99.9% half-width).
      const halfWidth = e999.ci ? (e999.ci[1] - e999.ci[0]) / 2 : 0;
      const pass = check.exact
        ? values.every((v) => Math.abs(v - check.theory) <= 1e-9 * Math.max(1, Math.abs(check.theory)))
        : check.relativeTolerance !== undefined
          ? Math.abs(e95.mean - check.theory) <= check.relativeTolerance * Math.abs(check.theory) + halfWidth
          : e999.ci !== null && check.theory >= e999.ci[0] && check.theory <= e999.ci[1];
      rows.push({
        case: c.id,
        group: c.group,
        title: c.title,
        check: check.label,
        unit: check.unit,
        theory: check.theory,
        mean: e95.mean,
        ci95: e95.ci,
        ci999: e999.ci,
        n: e95.n,
        criterion: check.exact
          ? 'exact, every replication'
          : check.relativeTolerance !== undefined
            ? `within ${check.relativeTolerance * 100}% + 99.9% CI`
            : 'in 99.9% CI',
        pass,
      });
    }
  }
  return rows;
}
