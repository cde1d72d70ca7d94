import type { RunResult, WeekHourTable } from '../model/run-result.js';
import { csvText } from './csv.js';

type WeekHourColumn = keyof WeekHourTable[string];

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** One cell of the hour-of-week table: an arm, a priority ("all" for every study) and an hour of arrival. */
export interface WeekHourCell {
  arm: string;
  priority: string;
  /** 0 = Monday ... 6 = Sunday. */
  weekday: number;
  /** Hour of the day, 0-23. */
  hour: number;
  /** Studies reported that arrived in this hour of the week (after the warm-up), over all replications. */
  studies: number;
  wait_mean_min: number;
  tat_mean_min: number;
  /** Reported within target, of those reported or already past their target at the end; NaN without a target. */
  target_met_share: number;
}

/**
 * Waits and turnarounds by the hour of the week the studies arrived in (Monday 00:00 is time 0
 * of the simulation), pooled over replications: per arm, one block for all studies and one per
 * priority. Runs indexed [arm][replication]; runs without the table give none.
 */
export function weekHourCells(runs: RunResult[][]): WeekHourCell[] {
  const cells: WeekHourCell[] = [];
  for (const armRuns of runs) {
    const first = armRuns[0];
    if (!first?.weekHours) continue;
    const priorities = Object.keys(first.weekHours);
    const sumOf = (names: string[], key: WeekHourColumn, h: number) =>
      armRuns.reduce((s, r) => s + names.reduce((t, p) => t + (r.weekHours?.[p]?.[key][h] ?? 0), 0), 0);
    for (const group of ['all', ...priorities]) {
      const names = group === 'all' ? priorities : [group];
      for (let h = 0; h < 168; h++) {
        const waitN = sumOf(names, 'wait_count', h);
        const tatN = sumOf(names, 'tat_count', h);
        const targetN = sumOf(names, 'target_count', h);
        cells.push({
          arm: first.arm,
          priority: group,
          weekday: Math.floor(h / 24),
          hour: h % 24,
          studies: tatN,
          wait_mean_min: waitN > 0 ? sumOf(names, 'wait_sum', h) / waitN : Number.NaN,
          tat_mean_min: tatN > 0 ? sumOf(names, 'tat_sum', h) / tatN : Number.NaN,
          target_met_share: targetN > 0 ? sumOf(names, 'target_met', h) / targetN : Number.NaN,
        });
      }
    }
  }
  return cells;
}

/** by_hour_of_week.csv: one row per arm x priority (and "all") x hour of the week of arrival. */
export function weekHoursCsv(runs: RunResult[][]): string {
  return csvText(
    ['arm', 'priority', 'weekday', 'hour', 'studies', 'wait_mean_min', 'tat_mean_min', 'target_met_share'],
    weekHourCells(runs).map((c) => [
      c.arm,
      c.priority,
      WEEKDAYS[c.weekday],
      c.hour,
      c.studies,
      c.wait_mean_min,
      c.tat_mean_min,
      c.target_met_share,
    ]),
  );
}
