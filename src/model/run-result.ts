/**
 * What one run (one arm, one replication) produces: flat statistics keyed by their
 * summary.json path, and the per-period table. Plain data, so it crosses worker threads.
 */
export interface RunResult {
  arm: string;
  replication: number;
  /** E.g. "wait.all", "wait.by_priority.stat", "tat.all.p90", "studies.backlog_end". NaN = no observation. */
  stats: Record<string, number>;
  /** One array per column of periods.csv (PERIOD_COLUMNS), one entry per period. */
  periods: Record<PeriodColumn, number[]>;
  /** Per priority, per period. */
  priorityPeriods: Record<string, Record<PriorityPeriodColumn, number[]>>;
}

/** periods.csv columns after arm and replication, in order (times in minutes unless named). */
export const PERIOD_COLUMNS = [
  'period',
  'period_start_days',
  'in_warmup',
  'arrivals',
  'reported',
  'cleared_by_ai',
  'backlog_end',
  'wait_mean_min',
  'tat_p50_min',
  'tat_p90_min',
  'target_met_share',
  'utilisation',
  'overtime_min',
  'human_reads',
  'reading_min',
  'rostered_min',
  'reading_capacity_min',
  'workload_min',
  'headcount',
  'images',
  'outsourced',
  'outsourcing_cost',
] as const;
export type PeriodColumn = (typeof PERIOD_COLUMNS)[number];

/** periods_by_priority.csv columns after arm, replication, period and priority. */
export const PRIORITY_PERIOD_COLUMNS = ['reported', 'wait_mean_min', 'tat_p50_min', 'tat_p90_min', 'target_met_share'] as const;
export type PriorityPeriodColumn = (typeof PRIORITY_PERIOD_COLUMNS)[number];
