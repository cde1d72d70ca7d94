import {
  DAY,
  HOUR,
  minuteOfWeek,
  type PeriodSeries,
  QuantileSketch,
  type QuantileSketchState,
  type ServerPool,
  TallyArray,
  YEAR,
} from '../engine/index.js';
import { callCategory } from './ai-tools.js';
import type { DepartmentConfig } from './department-config.js';
import {
  PERIOD_COLUMNS,
  type PeriodColumn,
  PRIORITY_PERIOD_COLUMNS,
  type PriorityPeriodColumn,
  type RunResult,
  type WeekHourTable,
} from './run-result.js';
import { departmentStatistics, type StatisticBindings, type StatisticTemplate, yearsOf } from './statistics-catalogue.js';
import type { StudyStore } from './study-store.js';

/** Relative error of the turnaround percentiles (the quantile sketch's guarantee). */
export const PERCENTILE_RELATIVE_ERROR = 0.005;

/**
 * Everything a run measures, in constant memory per period: waits by category (priority,
 * stream, finding, AI call), turnaround means and percentiles, targets, counts, and the
 * per-period table. Studies that arrived in the warm-up are left out of the statistics about
 * studies; counts of events (arrivals, reports) cover the window after the warm-up. It also
 * closes each period and does the end-of-run accounting (closePeriod, finish), and fills the
 * statistics catalogue (statistics-catalogue.ts) for the run's result.
 */
export class RunMetrics {
  private readonly P: number;
  private readonly S: number;
  private readonly baseFinding: number;
  private readonly baseTool: number;
  readonly waits: TallyArray;
  /** Turnaround sums: 0 = all, 1 + p = priority p. */
  private readonly tats: TallyArray;
  private tatMax = Number.NEGATIVE_INFINITY;
  /**
   * Turnaround sketches of the whole run (0 = all, 1 + p = priority p): made when read
   * (runSketches) from the year sketches and preYearSketch, as a report is added only to its
   * year's sketch. Exact: counts per bucket add.
   */
  private readonly tatSketch: QuantileSketch[];
  /** Per priority: turnarounds of studies that arrived before the first year (when `years` start later). */
  private readonly preYearSketch: QuantileSketch[];
  private readonly periodSketch: QuantileSketch[];
  private readonly targetMet: Float64Array;
  private readonly targetCount: Float64Array;
  /** Per priority: studies unread at the end that were already past their target. */
  private readonly targetMissedUnread: Float64Array;
  // The initial backlog (studies waiting at time 0): reported count, turnaround sum and max.
  private initialReported = 0;
  private initialTatSum = 0;
  private initialTatMax = Number.NaN;
  private initialClearedAt = Number.NaN;
  private readonly initialBacklog: number;
  private readonly missed: Float64Array;
  private readonly streamFindings: number[][];
  private readonly streamTools: number[][];
  private readonly toolFindingMask: number[];
  private readonly toolIsTriage: boolean[];
  private readonly toolIsAutonomous: boolean[];
  private readonly targets: number[];
  private readonly streamPriority: Int32Array;

  // Outcomes of studies that arrived after the warm-up.
  private outcomes = 0;
  private recalled = 0;
  private normals = 0;
  private falseRecalls = 0;
  private positives = 0;
  private detected = 0;

  // Window counters (after the warm-up).
  arrived = 0;
  reportedCount = 0;
  clearedCount = 0;
  humanReads = 0;
  backlogStart = 0;
  /** Images of the studies that arrived in the window (streams that model images). */
  images = 0;
  /** Per external provider: studies sent out in the window, and their cost. */
  readonly outsourcedStudies: Float64Array;
  readonly outsourcedCost: Float64Array;

  /**
   * The simulation clock (its `now`, minutes); the department sets it, so that reports know their
   * arrival time. A field read, not a function call: a double returned from a call is boxed.
   */
  clock: { readonly now: number } = { now: 0 };
  /**
   * The department's study store (it sets it): `waitOnStart`, `waitOnReport` and `reported` take a study's id and read
   * its arrival, stream, findings and calls there, so that no double crosses a call (a double
   * passed to a call V8 does not inline is allocated as a heap number).
   */
  store!: StudyStore;
  /**
   * The wait being added (minutes) and the arrival time (minutes) it goes by in the tables by
   * year and hour of the week: fields, not arguments, for the same reason.
   */
  private waitValue = 0.5;
  private arrivalAt = 0.5;

  // By year of arrival (per priority): targets met and counted, turnaround sums and p90 sketches.
  private readonly yearStarts: number[];
  readonly yearLabels: string[];
  private readonly yMet: Float64Array[];
  private readonly yTarget: Float64Array[];
  private readonly yTatSum: Float64Array[];
  private readonly yTatCount: Float64Array[];
  private readonly ySketch: QuantileSketch[][];
  // By hour of the week of arrival (168 bins, Monday 00:00 first) and priority.
  private readonly hWaitSum: Float64Array[];
  private readonly hWaitCount: Float64Array[];
  private readonly hTatSum: Float64Array[];
  private readonly hTatCount: Float64Array[];
  private readonly hMet: Float64Array[];
  private readonly hTarget: Float64Array[];

  // Per-period columns.
  readonly col: Record<PeriodColumn, Float64Array>;
  readonly pcol: Record<PriorityPeriodColumn, Float64Array>[];
  private readonly periodWaitSum: Float64Array;
  private readonly periodWaitCount: Float64Array;
  private readonly periodTargetCount: Float64Array;
  private readonly pWaitSum: Float64Array[];
  private readonly pWaitCount: Float64Array[];
  private readonly pTargetCount: Float64Array[];
  /** Per period: reader time on shift spent reading (minutes), and the time the period was closed (NaN: not yet). */
  private readonly periodOnShift: Float64Array;
  private readonly closedAt: Float64Array;
  /** Mergeable runs only: per closed period, its turnaround sketches (all, then per priority). */
  private readonly periodSketches: QuantileSketchState[][] = [];
  /** Metrics merging parts (RunMetrics.merging): per period, its sketches over the parts merged so far. */
  private mergedPeriods: (QuantileSketch[] | null)[] | null = null;

  /**
   * `mergeable`: the run is one part of a department (department-parts.ts). Periods are then
   * recorded but not turned into means and percentiles (the period sketches are kept instead),
   * so that the parts' `state()`s can be merged (`RunMetrics.merging`, `mergePart`) before the statistics are
   * computed.
   */
  constructor(
    private readonly config: DepartmentConfig,
    readonly periodCount: number,
    private readonly mergeable = false,
  ) {
    this.P = config.priorities.length;
    this.S = config.streams.length;
    this.baseFinding = 1 + this.P + this.S;
    this.baseTool = this.baseFinding + 2 * config.findings.length;
    this.waits = new TallyArray(this.baseTool + 4 * config.tools.length);
    this.tats = new TallyArray(1 + this.P);
    const sketch = () => new QuantileSketch(PERCENTILE_RELATIVE_ERROR);
    this.tatSketch = Array.from({ length: 1 + this.P }, sketch);
    this.periodSketch = Array.from({ length: 1 + this.P }, sketch);
    this.preYearSketch = Array.from({ length: this.P }, sketch);
    this.targetMet = new Float64Array(this.P);
    this.targetCount = new Float64Array(this.P);
    this.targetMissedUnread = new Float64Array(this.P);
    this.initialBacklog = config.streams.reduce((n, st) => n + st.backlog, 0);
    this.missed = new Float64Array(config.findings.length);
    this.streamFindings = config.streams.map((s) => s.findings.map((f) => f.finding));
    this.toolFindingMask = config.tools.map((t) => (t.kind === 'triage' ? 1 << t.finding : 0));
    this.toolIsTriage = config.tools.map((t) => t.kind === 'triage');
    this.toolIsAutonomous = config.tools.map((t) => t.kind === 'autonomous');
    this.streamTools = config.streams.map((_, s) =>
      config.tools.flatMap((t, i) => (t.kind !== 'assist' && t.streams.includes(s) ? [i] : [])),
    );
    this.streamPriority = Int32Array.from(config.streams.map((s) => s.priority));
    this.targets = config.priorities.map((p) => (p.target === null ? Number.POSITIVE_INFINITY : p.target));
    const n = periodCount;
    this.col = Object.fromEntries(PERIOD_COLUMNS.map((c) => [c, new Float64Array(n)])) as Record<PeriodColumn, Float64Array>;
    this.pcol = config.priorities.map(
      () =>
        Object.fromEntries(PRIORITY_PERIOD_COLUMNS.map((c) => [c, new Float64Array(n)])) as Record<
          PriorityPeriodColumn,
          Float64Array
        >,
    );
    this.outsourcedStudies = new Float64Array((config.external ?? []).length);
    this.outsourcedCost = new Float64Array((config.external ?? []).length);
    this.periodWaitSum = new Float64Array(n);
    this.periodWaitCount = new Float64Array(n);
    this.periodTargetCount = new Float64Array(n);
    this.pWaitSum = config.priorities.map(() => new Float64Array(n));
    this.pWaitCount = config.priorities.map(() => new Float64Array(n));
    this.pTargetCount = config.priorities.map(() => new Float64Array(n));
    this.periodOnShift = new Float64Array(n);
    this.closedAt = new Float64Array(n).fill(Number.NaN);
    const years = yearsOf(config);
    this.yearStarts = years.map((y) => y.from);
    this.yearLabels = years.map((y) => y.label);
    const perYear = () => this.yearStarts.map(() => new Float64Array(this.P));
    this.yMet = perYear();
    this.yTarget = perYear();
    this.yTatSum = perYear();
    this.yTatCount = perYear();
    this.ySketch = this.yearStarts.map(() => config.priorities.map(() => new QuantileSketch(PERCENTILE_RELATIVE_ERROR)));
    const perHour = () => config.priorities.map(() => new Float64Array(168));
    this.hWaitSum = perHour();
    this.hWaitCount = perHour();
    this.hTatSum = perHour();
    this.hTatCount = perHour();
    this.hMet = perHour();
    this.hTarget = perHour();
  }

  /** Index of the year holding `arrivalAt`; -1 before the first. */
  private yearOfArrival(): number {
    const ys = this.yearStarts;
    const t = this.arrivalAt;
    let i = ys.length - 1;
    while (i >= 0 && ys[i] > t) i--;
    return i;
  }

  /** Hour of the week (0 = Monday 00:00-01:00) of `arrivalAt`. */
  private hourOfArrival(): number {
    return Math.min(167, Math.floor(minuteOfWeek(this.arrivalAt) / HOUR));
  }

  /**
   * The wait of study `id` (arrived after the warm-up) as it starts its first read, in period k:
   * now - its arrival (the department without preemption). Its hour of the week is that of now
   * minus the wait.
   */
  waitOnStart(id: number, k: number): void {
    const s = this.store;
    const now = this.clock.now;
    const w = now - s.arrival[id];
    this.waitValue = w;
    this.arrivalAt = now - w;
    this.addWait(s.stream[id], s.findings[id], s.calls[id], k);
  }

  /**
   * The wait of study `id` (arrived after the warm-up) as it is reported, in period k: its time
   * in the department not being read (now - arrival - time in service), with preemption.
   */
  waitOnReport(id: number, k: number): void {
    const s = this.store;
    const arrival = s.arrival[id];
    this.waitValue = this.clock.now - arrival - s.inService[id];
    this.arrivalAt = arrival;
    this.addWait(s.stream[id], s.findings[id], s.calls[id], k);
  }

  /** The wait `waitValue` (minutes) of a study of `stream` that arrived at `arrivalAt`, observed in period k. */
  private addWait(stream: number, findings: number, calls: number, k: number): void {
    const w = this.waitValue;
    const p = this.streamPriority[stream];
    const h = this.hourOfArrival();
    this.hWaitSum[p][h] += w;
    this.hWaitCount[p][h]++;
    // The wait categories' sums and counts (TallyArray), added to in place.
    const sums = this.waits.sums;
    const counts = this.waits.counts;
    sums[0] += w;
    counts[0]++;
    sums[1 + p] += w;
    counts[1 + p]++;
    sums[1 + this.P + stream] += w;
    counts[1 + this.P + stream]++;
    const fs = this.streamFindings[stream];
    for (let i = 0; i < fs.length; i++) {
      const f = fs[i];
      const c = this.baseFinding + 2 * f + ((findings >> f) & 1 ? 0 : 1);
      sums[c] += w;
      counts[c]++;
    }
    const ts = this.streamTools[stream];
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      const positive = ((calls >> t) & 1) === 1;
      const cat = this.toolIsTriage[t]
        ? callCategory(positive, (findings & this.toolFindingMask[t]) !== 0)
        : this.toolIsAutonomous[t]
          ? callCategory(!positive, findings !== 0) // autonomous: "not cleared" is the positive call
          : callCategory(positive, findings !== 0);
      const c = this.baseTool + 4 * t + cat;
      sums[c] += w;
      counts[c]++;
    }
    this.periodWaitSum[k] += w;
    this.periodWaitCount[k]++;
    this.pWaitSum[p][k] += w;
    this.pWaitCount[p][k]++;
  }

  /**
   * Study `id` reported now, in period k, at turnaround now - its arrival, by people or (byAi)
   * cleared by an AI. `countable`: it arrived after the warm-up; `inWindow`: count it among the
   * window's reports.
   */
  reported(id: number, k: number, inWindow: boolean, countable: boolean, byAi: boolean): void {
    const stream = this.store.stream[id];
    const tat = this.clock.now - this.store.arrival[id];
    const p = this.streamPriority[stream];
    const bucket = this.tatSketch[0].bucketOf(tat);
    if (countable) {
      this.arrivalAt = this.clock.now - tat;
      const y = this.yearOfArrival();
      const h = this.hourOfArrival();
      const hasTarget = this.targets[p] !== Number.POSITIVE_INFINITY;
      const met = tat <= this.targets[p] ? 1 : 0;
      this.hTatSum[p][h] += tat;
      this.hTatCount[p][h]++;
      if (hasTarget) {
        this.hTarget[p][h]++;
        this.hMet[p][h] += met;
      }
      if (y >= 0) {
        this.yTatSum[y][p] += tat;
        this.yTatCount[y][p]++;
        this.ySketch[y][p].addAt(bucket, tat);
        if (hasTarget) {
          this.yTarget[y][p]++;
          this.yMet[y][p] += met;
        }
      } else {
        this.preYearSketch[p].addAt(bucket, tat);
      }
      const tatSums = this.tats.sums;
      const tatCounts = this.tats.counts;
      tatSums[0] += tat;
      tatCounts[0]++;
      tatSums[1 + p] += tat;
      tatCounts[1 + p]++;
      if (tat > this.tatMax) this.tatMax = tat;
      // The run's sketches are made from the year sketches when read (runSketches).
      if (this.targets[p] !== Number.POSITIVE_INFINITY) {
        this.targetCount[p]++;
        if (tat <= this.targets[p]) this.targetMet[p]++;
      }
    }
    // The period table describes every report in the period.
    this.periodSketch[1 + p].addAt(bucket, tat);
    if (!byAi) this.pcol[p].reported[k]++;
    if (this.targets[p] !== Number.POSITIVE_INFINITY) {
      this.periodTargetCount[k]++;
      this.pTargetCount[p][k]++;
      if (tat <= this.targets[p]) {
        this.col.target_met_share[k]++;
        this.pcol[p].target_met_share[k]++;
      }
    }
    if (inWindow) this.reportedCount++;
  }

  /**
   * A study of the initial backlog reported at turnaround `tat` (minutes since time 0). These
   * studies are the backlog at the start, not arrivals: they stay out of the statistics of
   * studies and are summed here instead.
   */
  initialBacklogReported(tat: number): void {
    this.initialReported++;
    this.initialTatSum += tat;
    if (!(tat <= this.initialTatMax)) this.initialTatMax = tat;
    if (this.initialReported === this.initialBacklog) this.initialClearedAt = tat;
  }

  /**
   * A study still unread at the end (arrived after the warm-up) aged `age` minutes. One already
   * past its priority's target has missed it whatever happens next, so it counts as a miss in
   * the share within target; a younger one is censored (its outcome is unknown) and left out.
   */
  private unreadAtEnd(stream: number, age: number): void {
    const p = this.streamPriority[stream];
    if (age > this.targets[p]) {
      this.targetCount[p]++;
      this.targetMissedUnread[p]++;
      this.arrivalAt = this.clock.now - age;
      const y = this.yearOfArrival();
      if (y >= 0) this.yTarget[y][p]++;
      this.hTarget[p][this.hourOfArrival()]++;
    }
  }

  /**
   * The outcome of a reported study that arrived after the warm-up: recalled (the reading's
   * verdict was abnormal; nonzero) or not. A study with a finding that nobody recalled (an AI
   * cleared it, or its readers missed it) counts as a missed finding.
   */
  outcome(findings: number, recalled: number): void {
    this.outcomes++;
    if (recalled) this.recalled++;
    if (findings === 0) {
      this.normals++;
      if (recalled) this.falseRecalls++;
      return;
    }
    this.positives++;
    if (recalled) this.detected++;
    else for (let f = 0; f < this.missed.length; f++) if ((findings >> f) & 1) this.missed[f]++;
  }

  // --- period and end-of-run accounting ------------------------------------------------------

  /**
   * Closes period k at time `now` (minutes): the period's counts of time (reading, rostered,
   * capacity, overtime, from the reader groups' monitors), its backlog (`backlog`: studies
   * unreported now) and headcount; then turns its sums into means and its sketches into
   * percentiles.
   */
  closePeriod(k: number, now: number, backlog: number, groups: readonly ReaderGroupTime[]): void {
    const col = this.col;
    this.closedAt[k] = now;
    col.backlog_end[k] = backlog;
    let onShift = 0;
    let rostered = 0;
    let capacity = 0;
    let overtime = 0;
    for (let g = 0; g < groups.length; g++) {
      const t = groups[g];
      t.pool.flushMonitors(now);
      onShift += t.busy.get(k) * t.efficiency;
      rostered += t.capacity.get(k);
      capacity += t.capacity.get(k) * t.efficiency;
      overtime += t.overtime.get(k);
    }
    // Reading: on shift at efficiency e, plus overtime (spent reading only). Utilisation is
    // the share of rostered time spent reading, overtime apart.
    this.periodOnShift[k] = onShift;
    col.reading_min[k] = onShift + overtime;
    col.rostered_min[k] = rostered;
    col.reading_capacity_min[k] = capacity;
    col.overtime_min[k] = overtime;
    if (!this.mergeable) {
      this.completePeriod(k);
      return;
    }
    totalSketch(this.periodSketch);
    this.periodSketches[k] = this.periodSketch.map((sk) => {
      const st = sk.state();
      sk.reset();
      return st;
    });
  }

  /** Period k's columns that are not sums: its number, start, warm-up flag, utilisation, headcount, means and percentiles. */
  private completePeriod(k: number): void {
    const cfg = this.config;
    const col = this.col;
    const start = k * cfg.periodLength;
    const now = this.closedAt[k];
    col.period[k] = k;
    col.period_start_days[k] = start / DAY;
    col.in_warmup[k] = start < cfg.warmup ? 1 : 0;
    const rostered = col.rostered_min[k];
    col.utilisation[k] = rostered > 0 ? this.periodOnShift[k] / rostered : Number.NaN;
    const mid = (start + Math.min(now, start + cfg.periodLength)) / 2;
    col.headcount[k] = cfg.readers.reduce((s, g) => s + g.count * (1 + g.growth) ** (mid / YEAR), 0);
    this.closeMeans(k);
  }

  /** Turns period k's sums into means and its sketches into percentiles. */
  private closeMeans(k: number): void {
    const c = this.col;
    totalSketch(this.periodSketch);
    c.wait_mean_min[k] = this.periodWaitCount[k] > 0 ? this.periodWaitSum[k] / this.periodWaitCount[k] : Number.NaN;
    c.tat_p50_min[k] = this.periodSketch[0].quantile(0.5);
    c.tat_p90_min[k] = this.periodSketch[0].quantile(0.9);
    c.target_met_share[k] = this.periodTargetCount[k] > 0 ? c.target_met_share[k] / this.periodTargetCount[k] : Number.NaN;
    this.periodSketch[0].reset();
    for (let p = 0; p < this.P; p++) {
      const pc = this.pcol[p];
      const sk = this.periodSketch[1 + p];
      pc.wait_mean_min[k] = this.pWaitCount[p][k] > 0 ? this.pWaitSum[p][k] / this.pWaitCount[p][k] : Number.NaN;
      pc.tat_p50_min[k] = sk.quantile(0.5);
      pc.tat_p90_min[k] = sk.quantile(0.9);
      pc.target_met_share[k] = this.pTargetCount[p][k] > 0 ? pc.target_met_share[k] / this.pTargetCount[p][k] : Number.NaN;
      sk.reset();
    }
  }

  /**
   * The end of the run at time `now` (minutes): the reader groups' time over the window, the
   * studies still unread (their age, and the targets they have already missed; `counted`: does
   * a study count in the statistics of studies), then the run's result.
   */
  finish(
    now: number,
    store: StudyStore,
    groups: readonly ReaderGroupTime[],
    counted: (id: number) => boolean,
    arm: string,
    replication: number,
  ): RunResult {
    const e = this.end;
    groups.forEach((t) => {
      t.pool.flushMonitors(now);
      e.groupReading.push(t.pool.busyLevel.integral(now) * t.efficiency);
      e.groupRostered.push(t.pool.capacityLevel.integral(now));
      e.groupOvertime.push(t.pool.overtimeLevel.integral(now));
    });
    let ageSum = 0;
    let ageMax = Number.NaN;
    store.forEachLive((id) => {
      const age = (now - store.arrival[id]) / DAY;
      ageSum += age;
      if (!(age <= ageMax)) ageMax = age;
      // Still unread and already past its target: a missed target, not an unknown one.
      if (counted(id)) this.unreadAtEnd(store.stream[id], now - store.arrival[id]);
    });
    e.live = store.live;
    e.ageSum = ageSum;
    e.ageMax = ageMax;
    return this.result(arm, replication);
  }

  /** What finish() measured at the end of the run: per reader group (in order) its reading, rostered and overtime minutes; the studies unreported and their ages (days). */
  private readonly end: EndOfRun = {
    groupReading: [],
    groupRostered: [],
    groupOvertime: [],
    live: 0,
    ageSum: 0,
    ageMax: Number.NaN,
  };

  /** The end-of-run statistics from what finish() measured. */
  private endStatistics() {
    const e = this.end;
    let onShift = 0;
    let rostered = 0;
    let overtime = 0;
    const byGroup: number[] = [];
    for (let g = 0; g < e.groupReading.length; g++) {
      const r = e.groupReading[g];
      const c = e.groupRostered[g];
      onShift += r;
      rostered += c;
      overtime += e.groupOvertime[g];
      byGroup.push(c > 0 ? r / c : Number.NaN);
    }
    const reading = onShift + overtime;
    const live = e.live;
    return {
      backlogEnd: live,
      utilisation: rostered > 0 ? onShift / rostered : Number.NaN,
      overtimeHours: overtime / 60,
      readingHours: reading / 60,
      rosteredHours: rostered / 60,
      byGroup,
      backlogAgeMeanDays: live > 0 ? e.ageSum / live : Number.NaN,
      backlogAgeMaxDays: e.ageMax,
    };
  }

  // --- the statistics -----------------------------------------------------------------------

  /** The run's statistics (every path of the statistics catalogue that applies, in its order) and tables. */
  private result(arm: string, replication: number): RunResult {
    const cfg = this.config;
    this.runSketches();
    const value = this.statisticValues();
    const s: Record<string, number> = {};
    for (const st of departmentStatistics(cfg)) s[st.path] = value[st.entry.path](st.bindings);
    const periods = Object.fromEntries(Object.entries(this.col).map(([k, v]) => [k, Array.from(v)])) as RunResult['periods'];
    const priorityPeriods: RunResult['priorityPeriods'] = {};
    cfg.priorities.forEach((p, i) => {
      priorityPeriods[p.name] = Object.fromEntries(
        Object.entries(this.pcol[i]).map(([k, v]) => [k, Array.from(v)]),
      ) as RunResult['priorityPeriods'][string];
    });
    const weekHours: WeekHourTable = {};
    cfg.priorities.forEach((pr, i) => {
      weekHours[pr.name] = {
        wait_sum: Array.from(this.hWaitSum[i]),
        wait_count: Array.from(this.hWaitCount[i]),
        tat_sum: Array.from(this.hTatSum[i]),
        tat_count: Array.from(this.hTatCount[i]),
        target_met: Array.from(this.hMet[i]),
        target_count: Array.from(this.hTarget[i]),
      };
    });
    return { arm, replication, stats: s, periods, priorityPeriods, weekHours };
  }

  /**
   * How each statistic of the catalogue is computed from what the run measured, given the
   * names its path stands for (indices: priority p, stream, finding f, tool t, call c,
   * provider x, group g, year y). The type makes this cover the whole catalogue.
   */
  private statisticValues(): Record<StatisticTemplate, (b: StatisticBindings) => number> {
    const W = this.waits;
    const end = this.endStatistics();
    const per = (x: number, n: number) => (n > 0 ? x / n : Number.NaN);
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    const p = (b: StatisticBindings) => b.priority as number;
    const f = (b: StatisticBindings) => b.finding as number;
    const call = (b: StatisticBindings) => this.baseTool + 4 * (b.tool as number) + (b.call as number);
    const window = this.windowCapacity();
    const year = (b: StatisticBindings) => this.yearTotals(b.year as number);
    return {
      'studies.arrived': () => this.arrived,
      'studies.reported': () => this.reportedCount,
      'studies.cleared_by_ai': () => this.clearedCount,
      'studies.backlog_start': () => this.backlogStart,
      'studies.backlog_end': () => end.backlogEnd,
      'studies.human_reads': () => this.humanReads,
      'studies.images': () => this.images,
      'outsourced.studies': () => sum(this.outsourcedStudies),
      'outsourced.cost': () => sum(this.outsourcedCost),
      'outsourced.share': () => (this.arrived > 0 ? sum(this.outsourcedStudies) / this.arrived : Number.NaN),
      'outsourced.by_provider.<provider>.studies': (b) => this.outsourcedStudies[b.provider as number],
      'outsourced.by_provider.<provider>.cost': (b) => this.outsourcedCost[b.provider as number],
      'wait.all': () => W.mean(0),
      'wait.by_priority.<priority>': (b) => W.mean(1 + p(b)),
      'wait.by_stream.<stream>': (b) => W.mean(1 + this.P + (b.stream as number)),
      'wait.by_finding.<finding>.positive': (b) => W.mean(this.baseFinding + 2 * f(b)),
      'wait.by_finding.<finding>.negative': (b) => W.mean(this.baseFinding + 2 * f(b) + 1),
      'wait.by_ai_call.<tool>.<call>': (b) => W.mean(call(b)),
      'count.by_ai_call.<tool>.<call>': (b) => W.counts[call(b)],
      'tat.all.mean': () => this.tats.mean(0),
      'tat.all.p50': () => this.tatSketch[0].quantile(0.5),
      'tat.all.p90': () => this.tatSketch[0].quantile(0.9),
      'tat.all.p95': () => this.tatSketch[0].quantile(0.95),
      'tat.all.max': () => (this.tats.counts[0] > 0 ? this.tatMax : Number.NaN),
      'tat.by_priority.<priority>.mean': (b) => this.tats.mean(1 + p(b)),
      'tat.by_priority.<priority>.p50': (b) => this.tatSketch[1 + p(b)].quantile(0.5),
      'tat.by_priority.<priority>.p90': (b) => this.tatSketch[1 + p(b)].quantile(0.9),
      'tat.by_priority.<priority>.p95': (b) => this.tatSketch[1 + p(b)].quantile(0.95),
      'target_met_share.<priority>': (b) => per(this.targetMet[p(b)], this.targetCount[p(b)]),
      'target_missed_unread.<priority>': (b) => this.targetMissedUnread[p(b)],
      'initial_backlog.reported': () => this.initialReported,
      'initial_backlog.tat_mean': () => per(this.initialTatSum, this.initialReported),
      'initial_backlog.tat_max': () => this.initialTatMax,
      'initial_backlog.cleared_days': () => this.initialClearedAt / (24 * 60),
      utilisation: () => end.utilisation,
      // Reading capacity: rostered time at the groups' efficiency, what the roster can read.
      reading_capacity_hours: () => window.capacity / 60,
      reading_of_capacity: () => (window.capacity > 0 ? (60 * end.readingHours) / window.capacity : Number.NaN),
      demand_of_capacity: () => (window.capacity > 0 ? window.workload / window.capacity : Number.NaN),
      overtime_hours: () => end.overtimeHours,
      reading_hours: () => end.readingHours,
      rostered_hours: () => end.rosteredHours,
      'utilisation_by_group.<group>': (b) => end.byGroup[b.group as number],
      'missed_findings.<finding>': (b) => this.missed[f(b)],
      'outcomes.recalled': () => this.recalled,
      'outcomes.recall_rate': () => per(this.recalled, this.outcomes),
      'outcomes.false_positive_rate': () => per(this.falseRecalls, this.normals),
      'outcomes.detected': () => this.detected,
      'outcomes.detection_per_1000': () => per(1000 * this.detected, this.outcomes),
      'outcomes.sensitivity': () => per(this.detected, this.positives),
      'outcomes.ppv_of_recall': () => per(this.detected, this.recalled),
      'by_year.<year>.studies.arrived': (b) => year(b).arrivals,
      'by_year.<year>.studies.reported': (b) => year(b).reported,
      'by_year.<year>.studies.cleared_by_ai': (b) => year(b).cleared,
      'by_year.<year>.studies.backlog_end': (b) => year(b).backlog,
      'by_year.<year>.demand_of_capacity': (b) => (year(b).capacity > 0 ? year(b).workload / year(b).capacity : Number.NaN),
      'by_year.<year>.reading_of_capacity': (b) => (year(b).capacity > 0 ? year(b).reading / year(b).capacity : Number.NaN),
      'by_year.<year>.reading_of_rostered': (b) => (year(b).rostered > 0 ? year(b).reading / year(b).rostered : Number.NaN),
      'by_year.<year>.tat.by_priority.<priority>.mean': (b) => {
        const n = this.yTatCount[b.year as number][p(b)];
        return n > 0 ? this.yTatSum[b.year as number][p(b)] / n : Number.NaN;
      },
      'by_year.<year>.tat.by_priority.<priority>.p90': (b) => this.ySketch[b.year as number][p(b)].quantile(0.9),
      'by_year.<year>.tat.all.mean': (b) => {
        let tatSum = 0;
        let tatCount = 0;
        for (let i = 0; i < this.P; i++) {
          tatSum += this.yTatSum[b.year as number][i];
          tatCount += this.yTatCount[b.year as number][i];
        }
        return tatCount > 0 ? tatSum / tatCount : Number.NaN;
      },
      'by_year.<year>.target_met_share.<priority>': (b) =>
        per(this.yMet[b.year as number][p(b)], this.yTarget[b.year as number][p(b)]),
      'backlog_age_end.mean_days': () => end.backlogAgeMeanDays,
      'backlog_age_end.max_days': () => end.backlogAgeMaxDays,
    };
  }

  /**
   * Makes the run's turnaround sketches (tatSketch: per priority, then all) from the year
   * sketches and preYearSketch: every report counted in the run's statistics is in exactly one
   * of them.
   */
  private runSketches(): void {
    for (let p = 0; p < this.P; p++) {
      const run = this.tatSketch[1 + p];
      run.reset();
      run.mergeSketch(this.preYearSketch[p]);
      for (let y = 0; y < this.ySketch.length; y++) run.mergeSketch(this.ySketch[y][p]);
    }
    totalSketch(this.tatSketch);
  }

  // --- merging the parts of a department ---------------------------------------------------

  /**
   * Everything this run accumulated, as plain data (typed arrays, numbers): what a part of a
   * department (a mergeable run) sends back for `RunMetrics.mergePart`. Shares the arrays: read it
   * after finish(), and do not use the metrics afterwards.
   */
  state(): MetricsState {
    return {
      streams: this.S,
      waitSums: this.waits.sums,
      waitCounts: this.waits.counts,
      tatSums: this.tats.sums,
      tatCounts: this.tats.counts,
      tatMax: this.tatMax,
      preYearSketch: this.preYearSketch.map((sk) => sk.state()),
      targetMet: this.targetMet,
      targetCount: this.targetCount,
      targetMissedUnread: this.targetMissedUnread,
      initial: {
        backlog: this.initialBacklog,
        reported: this.initialReported,
        tatSum: this.initialTatSum,
        tatMax: this.initialTatMax,
        clearedAt: this.initialClearedAt,
      },
      missed: this.missed,
      counts: {
        outcomes: this.outcomes,
        recalled: this.recalled,
        normals: this.normals,
        falseRecalls: this.falseRecalls,
        positives: this.positives,
        detected: this.detected,
        arrived: this.arrived,
        reported: this.reportedCount,
        cleared: this.clearedCount,
        humanReads: this.humanReads,
        backlogStart: this.backlogStart,
        images: this.images,
      },
      outsourcedStudies: this.outsourcedStudies,
      outsourcedCost: this.outsourcedCost,
      yMet: this.yMet,
      yTarget: this.yTarget,
      yTatSum: this.yTatSum,
      yTatCount: this.yTatCount,
      ySketch: this.ySketch.map((y) => y.map((sk) => sk.state())),
      hours: [this.hWaitSum, this.hWaitCount, this.hTatSum, this.hTatCount, this.hMet, this.hTarget],
      col: this.col,
      pcol: this.pcol,
      periodSums: [this.periodWaitSum, this.periodWaitCount, this.periodTargetCount, this.periodOnShift],
      priorityPeriodSums: [this.pWaitSum, this.pWaitCount, this.pTargetCount],
      closedAt: this.closedAt,
      periodSketches: this.periodSketches,
      end: this.end,
    };
  }

  /**
   * Empty metrics to merge parts' states into, one part at a time (`mergePart`, in the parts'
   * order: sums of doubles depend on it), so that a part's state can be dropped once merged;
   * then `mergedResult`.
   */
  static merging(config: DepartmentConfig, periodCount: number): RunMetrics {
    const m = new RunMetrics(config, periodCount);
    const groups = config.readers.length;
    const e = m.end;
    e.groupReading = new Array<number>(groups).fill(0);
    e.groupRostered = new Array<number>(groups).fill(0);
    e.groupOvertime = new Array<number>(groups).fill(0);
    m.initialClearedAt = config.streams.some((s) => s.backlog > 0) ? 0 : Number.NaN;
    m.mergedPeriods = new Array(periodCount).fill(null);
    return m;
  }

  /**
   * Adds one part's state (a mergeable run of a part config department-parts.ts makes) to
   * metrics made by `merging`, parts in their order; the part maps its stream and reader-group
   * indices to the department's.
   */
  mergePart(part: MergedPart): void {
    const periods = this.mergedPeriods;
    if (periods === null) throw new Error('mergePart: metrics not made by RunMetrics.merging');
    const st = part.state;
    const e = this.end;
    this.absorb(st, part.streams);
    part.groups.forEach((g, i) => {
      e.groupReading[g] = st.end.groupReading[i];
      e.groupRostered[g] = st.end.groupRostered[i];
      e.groupOvertime[g] = st.end.groupOvertime[i];
    });
    e.live += st.end.live;
    e.ageSum += st.end.ageSum;
    e.ageMax = nanMax(e.ageMax, st.end.ageMax);
    // The initial backlog is cleared when every part's is.
    if (st.initial.backlog > 0) this.initialClearedAt = Math.max(this.initialClearedAt, st.initial.clearedAt);
    // Each period's turnaround sketches over the parts so far (completed in mergedResult).
    for (let k = 0; k < this.periodCount; k++) {
      const sketches = st.periodSketches[k];
      if (!sketches) continue;
      let merged = periods[k];
      if (merged === null) {
        merged = sketches.map(() => new QuantileSketch(PERCENTILE_RELATIVE_ERROR));
        periods[k] = merged;
      }
      for (let i = 0; i < sketches.length; i++) merged[i].merge(sketches[i]);
    }
  }

  /** The department's result from the parts merged so far (metrics made by `merging`). */
  mergedResult(arm: string, replication: number): RunResult {
    const periods = this.mergedPeriods;
    if (periods === null) throw new Error('mergedResult: metrics not made by RunMetrics.merging');
    for (let k = 0; k < this.periodCount; k++) {
      if (Number.isNaN(this.closedAt[k])) continue;
      // completePeriod turns the period's sketches into percentiles and empties them.
      const merged = periods[k];
      if (merged) for (let i = 0; i < merged.length; i++) this.periodSketch[i].mergeSketch(merged[i]);
      periods[k] = null;
      this.completePeriod(k);
    }
    return this.result(arm, replication);
  }

  /** Adds one part's state (its stream s is this department's streams[s]); periods closed by the part are merged but not completed. */
  private absorb(st: MetricsState, streams: readonly number[]): void {
    const P = this.P;
    // Wait categories: all and priorities, then streams (mapped), then findings and tools (same layout after the streams).
    const partBase = 1 + P + st.streams;
    for (let i = 0; i < st.waitSums.length; i++) {
      const j = i < 1 + P ? i : i < partBase ? 1 + P + streams[i - 1 - P] : this.baseFinding + (i - partBase);
      this.waits.sums[j] += st.waitSums[i];
      this.waits.counts[j] += st.waitCounts[i];
    }
    addInto(this.tats.sums, st.tatSums);
    addInto(this.tats.counts, st.tatCounts);
    if (st.tatMax > this.tatMax) this.tatMax = st.tatMax;
    for (let p = 0; p < P; p++) this.preYearSketch[p].merge(st.preYearSketch[p]);
    addInto(this.targetMet, st.targetMet);
    addInto(this.targetCount, st.targetCount);
    addInto(this.targetMissedUnread, st.targetMissedUnread);
    this.initialReported += st.initial.reported;
    this.initialTatSum += st.initial.tatSum;
    this.initialTatMax = nanMax(this.initialTatMax, st.initial.tatMax);
    addInto(this.missed, st.missed);
    const c = st.counts;
    this.outcomes += c.outcomes;
    this.recalled += c.recalled;
    this.normals += c.normals;
    this.falseRecalls += c.falseRecalls;
    this.positives += c.positives;
    this.detected += c.detected;
    this.arrived += c.arrived;
    this.reportedCount += c.reported;
    this.clearedCount += c.cleared;
    this.humanReads += c.humanReads;
    this.backlogStart += c.backlogStart;
    this.images += c.images;
    addInto(this.outsourcedStudies, st.outsourcedStudies);
    addInto(this.outsourcedCost, st.outsourcedCost);
    for (let y = 0; y < this.yearStarts.length; y++) {
      addInto(this.yMet[y], st.yMet[y]);
      addInto(this.yTarget[y], st.yTarget[y]);
      addInto(this.yTatSum[y], st.yTatSum[y]);
      addInto(this.yTatCount[y], st.yTatCount[y]);
      for (let p = 0; p < P; p++) this.ySketch[y][p].merge(st.ySketch[y][p]);
    }
    const hours = [this.hWaitSum, this.hWaitCount, this.hTatSum, this.hTatCount, this.hMet, this.hTarget];
    hours.forEach((h, i) => {
      for (let p = 0; p < P; p++) addInto(h[p], st.hours[i][p]);
    });
    // Period columns that are sums (target_met_share holds the count met until the period is completed).
    for (const name of SUMMED_PERIOD_COLUMNS) addInto(this.col[name], st.col[name]);
    for (let p = 0; p < P; p++) {
      addInto(this.pcol[p].reported, st.pcol[p].reported);
      addInto(this.pcol[p].target_met_share, st.pcol[p].target_met_share);
      addInto(this.pWaitSum[p], st.priorityPeriodSums[0][p]);
      addInto(this.pWaitCount[p], st.priorityPeriodSums[1][p]);
      addInto(this.pTargetCount[p], st.priorityPeriodSums[2][p]);
    }
    addInto(this.periodWaitSum, st.periodSums[0]);
    addInto(this.periodWaitCount, st.periodSums[1]);
    addInto(this.periodTargetCount, st.periodSums[2]);
    addInto(this.periodOnShift, st.periodSums[3]);
    for (let k = 0; k < this.periodCount; k++) if (!Number.isNaN(st.closedAt[k])) this.closedAt[k] = st.closedAt[k];
  }

  /** Reading capacity and the arrivals' reading work (minutes) over the periods after the warm-up. */
  private windowCapacity(): { capacity: number; workload: number } {
    let capacity = 0;
    let workload = 0;
    for (let k = 0; k < this.periodCount; k++) {
      if (this.col.in_warmup[k]) continue;
      capacity += this.col.reading_capacity_min[k];
      workload += this.col.workload_min[k];
    }
    return { capacity, workload };
  }

  /**
   * Year y's totals over the periods that start in it (minutes for times): arrivals, reports,
   * studies cleared by AI, reading, capacity, workload, rostered time, and the backlog at the
   * end of its last period.
   */
  private yearTotals(y: number) {
    const cfg = this.config;
    const c = this.col;
    const ends = [...this.yearStarts.slice(1), Number.POSITIVE_INFINITY];
    const t = { arrivals: 0, reported: 0, cleared: 0, reading: 0, capacity: 0, workload: 0, rostered: 0, backlog: Number.NaN };
    for (let k = 0; k < this.periodCount; k++) {
      const start = k * cfg.periodLength;
      if (start < this.yearStarts[y] || start >= ends[y]) continue;
      t.arrivals += c.arrivals[k];
      t.reported += c.reported[k];
      t.cleared += c.cleared_by_ai[k];
      t.reading += c.reading_min[k];
      t.capacity += c.reading_capacity_min[k];
      t.workload += c.workload_min[k];
      t.rostered += c.rostered_min[k];
      t.backlog = c.backlog_end[k];
    }
    return t;
  }
}

/** One reader group's time monitors, as the department set them up: its pool, per-period time series and efficiency. */
export interface ReaderGroupTime {
  pool: ServerPool;
  /** Per period: time on shift spent reading, rostered time, overtime (minutes). */
  busy: PeriodSeries;
  capacity: PeriodSeries;
  overtime: PeriodSeries;
  efficiency: number;
}

/** What RunMetrics.finish() measured at the end of a run, before the statistics. */
interface EndOfRun {
  groupReading: number[];
  groupRostered: number[];
  groupOvertime: number[];
  live: number;
  ageSum: number;
  ageMax: number;
}

/**
 * One run's accumulated metrics as plain data (RunMetrics.state): tallies, turnaround sketches,
 * by year, by hour of the week, the period columns and their sums, and the end of the run. It
 * crosses worker threads; RunMetrics.mergePart adds several up.
 */
export interface MetricsState {
  /** Streams of the part (the wait categories' layout depends on it). */
  streams: number;
  waitSums: Float64Array;
  waitCounts: Float64Array;
  tatSums: Float64Array;
  tatCounts: Float64Array;
  tatMax: number;
  /** Per priority: the turnaround sketch of studies that arrived before the first year (the run's sketches are made from these and ySketch). */
  preYearSketch: QuantileSketchState[];
  targetMet: Float64Array;
  targetCount: Float64Array;
  targetMissedUnread: Float64Array;
  initial: { backlog: number; reported: number; tatSum: number; tatMax: number; clearedAt: number };
  missed: Float64Array;
  /** The run's counters (studies with an outcome, recalled, ..., cleared by AI, images): added up over parts. */
  counts: MetricsCounts;
  outsourcedStudies: Float64Array;
  outsourcedCost: Float64Array;
  yMet: Float64Array[];
  yTarget: Float64Array[];
  yTatSum: Float64Array[];
  yTatCount: Float64Array[];
  ySketch: QuantileSketchState[][];
  /** By hour of the week, per priority: wait sum and count, turnaround sum and count, targets met and counted. */
  hours: Float64Array[][];
  col: Record<PeriodColumn, Float64Array>;
  pcol: Record<PriorityPeriodColumn, Float64Array>[];
  /** Per period: wait sum and count, reports with a target, reader time on shift spent reading. */
  periodSums: Float64Array[];
  /** Per priority and period: wait sum and count, reports with a target. */
  priorityPeriodSums: Float64Array[][];
  closedAt: Float64Array;
  /** Per closed period: the turnaround sketches (all, then per priority). */
  periodSketches: QuantileSketchState[][];
  end: EndOfRun;
}

/** Period columns that are sums over the parts of a department (target_met_share: the count met, before the period is completed). */
const SUMMED_PERIOD_COLUMNS: readonly PeriodColumn[] = [
  'arrivals',
  'reported',
  'cleared_by_ai',
  'backlog_end',
  'target_met_share',
  'overtime_min',
  'human_reads',
  'reading_min',
  'rostered_min',
  'reading_capacity_min',
  'workload_min',
  'images',
  'outsourced',
  'outsourcing_cost',
];

function addInto(to: Float64Array, from: Float64Array): void {
  for (let i = 0; i < to.length; i++) to[i] += from[i];
}

/** The larger of two numbers, NaN counting as none. */
function nanMax(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  return b > a ? b : a;
}

/**
 * Sets sketches[0] (all priorities) to the sum of sketches[1..]: a report is added only to its
 * priority's sketch, and the sum is made when the total is read. Exact (counts per bucket add),
 * so every percentile is the one a sketch fed every report gives.
 */
function totalSketch(sketches: readonly QuantileSketch[]): void {
  const all = sketches[0];
  all.reset();
  for (let i = 1; i < sketches.length; i++) all.mergeSketch(sketches[i]);
}

/** A part's metrics state and where its streams and reader groups are in the department. */
export interface MergedPart {
  state: MetricsState;
  streams: readonly number[];
  groups: readonly number[];
}

/** The counters of a run, added up over parts. */
export interface MetricsCounts {
  outcomes: number;
  recalled: number;
  normals: number;
  falseRecalls: number;
  positives: number;
  detected: number;
  arrived: number;
  reported: number;
  cleared: number;
  humanReads: number;
  backlogStart: number;
  images: number;
}
