import { QuantileSketch, TallyArray } from '../engine/index.js';
import { CALL_NAMES, callCategory } from './ai-tools.js';
import type { DepartmentConfig } from './department-config.js';
import {
  PERIOD_COLUMNS,
  type PeriodColumn,
  PRIORITY_PERIOD_COLUMNS,
  type PriorityPeriodColumn,
  type RunResult,
} from './run-result.js';
import { hasHumanAccuracy } from './study-stream.js';

/** Relative error of the turnaround percentiles (the quantile sketch's guarantee). */
export const PERCENTILE_RELATIVE_ERROR = 0.005;

/**
 * Everything a run measures, in constant memory per period: waits by category (priority,
 * stream, finding, AI call), turnaround means and percentiles, targets, counts, and the
 * per-period table. Studies that arrived in the warm-up are left out of the statistics about
 * studies; counts of events (arrivals, reports) cover the window after the warm-up.
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
  private readonly tatSketch: QuantileSketch[];
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
  /** Recall outcomes are reported when a stream models readers' accuracy or an AI reads. */
  private readonly modelsReading: boolean;

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

  // Per-period columns.
  readonly col: Record<PeriodColumn, Float64Array>;
  readonly pcol: Record<PriorityPeriodColumn, Float64Array>[];
  private readonly periodWaitSum: Float64Array;
  private readonly periodWaitCount: Float64Array;
  private readonly periodTargetCount: Float64Array;
  private readonly pWaitSum: Float64Array[];
  private readonly pWaitCount: Float64Array[];
  private readonly pTargetCount: Float64Array[];

  constructor(
    private readonly config: DepartmentConfig,
    readonly periodCount: number,
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
    this.modelsReading = config.streams.some(hasHumanAccuracy) || config.tools.some((t) => t.kind === 'second-reader');
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
  }

  /** A study's wait (arrived after the warm-up), observed in period k. */
  wait(stream: number, findings: number, calls: number, w: number, k: number): void {
    const p = this.streamPriority[stream];
    const T = this.waits;
    T.add(0, w);
    T.add(1 + p, w);
    T.add(1 + this.P + stream, w);
    const fs = this.streamFindings[stream];
    for (let i = 0; i < fs.length; i++) {
      const f = fs[i];
      T.add(this.baseFinding + 2 * f + ((findings >> f) & 1 ? 0 : 1), w);
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
      T.add(this.baseTool + 4 * t + cat, w);
    }
    this.periodWaitSum[k] += w;
    this.periodWaitCount[k]++;
    this.pWaitSum[p][k] += w;
    this.pWaitCount[p][k]++;
  }

  /**
   * A study reported at turnaround `tat` in period k, by people or (byAi) cleared by an AI.
   * `countable`: it arrived after the warm-up; `inWindow`: count it among the window's reports.
   */
  reported(stream: number, tat: number, k: number, inWindow: boolean, countable: boolean, byAi: boolean): void {
    const p = this.streamPriority[stream];
    const bucket = this.tatSketch[0].bucketOf(tat);
    if (countable) {
      this.tats.add(0, tat);
      this.tats.add(1 + p, tat);
      if (tat > this.tatMax) this.tatMax = tat;
      this.tatSketch[0].addAt(bucket, tat);
      this.tatSketch[1 + p].addAt(bucket, tat);
      if (this.targets[p] !== Number.POSITIVE_INFINITY) {
        this.targetCount[p]++;
        if (tat <= this.targets[p]) this.targetMet[p]++;
      }
    }
    // The period table describes every report in the period.
    this.periodSketch[0].addAt(bucket, tat);
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
  unreadAtEnd(stream: number, age: number): void {
    const p = this.streamPriority[stream];
    if (age > this.targets[p]) {
      this.targetCount[p]++;
      this.targetMissedUnread[p]++;
    }
  }

  /**
   * The outcome of a reported study that arrived after the warm-up: flagged (recalled) or not.
   * A study with a finding that nobody flagged (an AI cleared it, or its readers missed it)
   * counts as a missed finding.
   */
  outcome(findings: number, flagged: number): void {
    this.outcomes++;
    if (flagged) this.recalled++;
    if (findings === 0) {
      this.normals++;
      if (flagged) this.falseRecalls++;
      return;
    }
    this.positives++;
    if (flagged) this.detected++;
    else for (let f = 0; f < this.missed.length; f++) if ((findings >> f) & 1) this.missed[f]++;
  }

  /** Closes period k: turns sums into means and sketches into percentiles. */
  closePeriod(k: number): void {
    const c = this.col;
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

  /** The run's flat statistics (keys as in summary.json) and tables. */
  result(
    arm: string,
    replication: number,
    extra: {
      backlogEnd: number;
      utilisation: number;
      overtimeHours: number;
      readingHours: number;
      rosteredHours: number;
      byGroup: Record<string, number>;
      backlogAgeMeanDays: number;
      backlogAgeMaxDays: number;
    },
  ): RunResult {
    const cfg = this.config;
    const s: Record<string, number> = {};
    s['studies.arrived'] = this.arrived;
    s['studies.reported'] = this.reportedCount;
    s['studies.cleared_by_ai'] = this.clearedCount;
    s['studies.backlog_start'] = this.backlogStart;
    s['studies.backlog_end'] = extra.backlogEnd;
    s['studies.human_reads'] = this.humanReads;
    if (cfg.streams.some((st) => st.images)) s['studies.images'] = this.images;
    const providers = cfg.external ?? [];
    if (providers.length > 0) {
      s['outsourced.studies'] = this.outsourcedStudies.reduce((a, b) => a + b, 0);
      s['outsourced.cost'] = this.outsourcedCost.reduce((a, b) => a + b, 0);
      s['outsourced.share'] = this.arrived > 0 ? s['outsourced.studies'] / this.arrived : Number.NaN;
      providers.forEach((x, i) => {
        s[`outsourced.by_provider.${x.name}.studies`] = this.outsourcedStudies[i];
        s[`outsourced.by_provider.${x.name}.cost`] = this.outsourcedCost[i];
      });
    }
    const W = this.waits;
    s['wait.all'] = W.mean(0);
    cfg.priorities.forEach((p, i) => {
      s[`wait.by_priority.${p.name}`] = W.mean(1 + i);
    });
    cfg.streams.forEach((st, i) => {
      s[`wait.by_stream.${st.name}`] = W.mean(1 + this.P + i);
    });
    cfg.findings.forEach((f, i) => {
      s[`wait.by_finding.${f}.positive`] = W.mean(this.baseFinding + 2 * i);
      s[`wait.by_finding.${f}.negative`] = W.mean(this.baseFinding + 2 * i + 1);
    });
    cfg.tools.forEach((t, i) => {
      if (t.kind === 'assist') return;
      CALL_NAMES.forEach((name, cat) => {
        s[`wait.by_ai_call.${t.name}.${name}`] = W.mean(this.baseTool + 4 * i + cat);
        s[`count.by_ai_call.${t.name}.${name}`] = W.counts[this.baseTool + 4 * i + cat];
      });
    });
    const tatStats = (prefix: string, idx: number) => {
      s[`${prefix}.mean`] = this.tats.mean(idx);
      s[`${prefix}.p50`] = this.tatSketch[idx].quantile(0.5);
      s[`${prefix}.p90`] = this.tatSketch[idx].quantile(0.9);
      s[`${prefix}.p95`] = this.tatSketch[idx].quantile(0.95);
    };
    tatStats('tat.all', 0);
    s['tat.all.max'] = this.tats.counts[0] > 0 ? this.tatMax : Number.NaN;
    cfg.priorities.forEach((p, i) => {
      tatStats(`tat.by_priority.${p.name}`, 1 + i);
    });
    cfg.priorities.forEach((p, i) => {
      if (p.target !== null) {
        s[`target_met_share.${p.name}`] = this.targetCount[i] > 0 ? this.targetMet[i] / this.targetCount[i] : Number.NaN;
        s[`target_missed_unread.${p.name}`] = this.targetMissedUnread[i];
      }
    });
    if (this.initialBacklog > 0) {
      s['initial_backlog.reported'] = this.initialReported;
      s['initial_backlog.tat_mean'] = this.initialReported > 0 ? this.initialTatSum / this.initialReported : Number.NaN;
      s['initial_backlog.tat_max'] = this.initialTatMax;
      s['initial_backlog.cleared_days'] = this.initialClearedAt / (24 * 60);
    }
    s.utilisation = extra.utilisation;
    s.overtime_hours = extra.overtimeHours;
    s.reading_hours = extra.readingHours;
    s.rostered_hours = extra.rosteredHours;
    for (const [g, u] of Object.entries(extra.byGroup)) s[`utilisation_by_group.${g}`] = u;
    cfg.findings.forEach((f, i) => {
      s[`missed_findings.${f}`] = this.missed[i];
    });
    if (this.modelsReading) {
      const per = (x: number, n: number) => (n > 0 ? x / n : Number.NaN);
      s['outcomes.recalled'] = this.recalled;
      s['outcomes.recall_rate'] = per(this.recalled, this.outcomes);
      s['outcomes.false_positive_rate'] = per(this.falseRecalls, this.normals);
      s['outcomes.detected'] = this.detected;
      s['outcomes.detection_per_1000'] = per(1000 * this.detected, this.outcomes);
      s['outcomes.sensitivity'] = per(this.detected, this.positives);
      s['outcomes.ppv_of_recall'] = per(this.detected, this.recalled);
    }
    s['backlog_age_end.mean_days'] = extra.backlogAgeMeanDays;
    s['backlog_age_end.max_days'] = extra.backlogAgeMaxDays;
    const periods = Object.fromEntries(Object.entries(this.col).map(([k, v]) => [k, Array.from(v)])) as RunResult['periods'];
    const priorityPeriods: RunResult['priorityPeriods'] = {};
    cfg.priorities.forEach((p, i) => {
      priorityPeriods[p.name] = Object.fromEntries(
        Object.entries(this.pcol[i]).map(([k, v]) => [k, Array.from(v)]),
      ) as RunResult['priorityPeriods'][string];
    });
    return { arm, replication, stats: s, periods, priorityPeriods };
  }
}
