import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { SimulatedYears } from './explain-text.js';

/**
 * Per arm and year, from a results folder's periods.csv: utilisation (reading / rostered time),
 * the backlog at the year's last period end, and the mean of the periods' mean waits; all
 * averaged over replications.
 */
export function simulatedYears(periodsCsv: string): SimulatedYears {
  const rows: Record<string, string>[] = parse(readFileSync(periodsCsv, 'utf8'), { columns: true, skip_empty_lines: true });
  const acc = new Map<
    string,
    Map<
      number,
      { reading: number; rostered: number; backlog: Map<number, number>; waits: number[]; lastStart: Map<number, number> }
    >
  >();
  for (const f of rows) {
    const arm = f.arm;
    const rep = Number(f.replication);
    const start = Number(f.period_start_days);
    const year = Math.floor(start / 365 + 1e-9) + 1;
    if (!acc.has(arm)) acc.set(arm, new Map());
    const byYear = acc.get(arm) as Map<
      number,
      { reading: number; rostered: number; backlog: Map<number, number>; waits: number[]; lastStart: Map<number, number> }
    >;
    if (!byYear.has(year)) byYear.set(year, { reading: 0, rostered: 0, backlog: new Map(), waits: [], lastStart: new Map() });
    const y = byYear.get(year) as {
      reading: number;
      rostered: number;
      backlog: Map<number, number>;
      waits: number[];
      lastStart: Map<number, number>;
    };
    y.reading += Number(f.reading_min) || 0;
    y.rostered += Number(f.rostered_min) || 0;
    const w = f.wait_mean_min;
    if (w !== '') y.waits.push(Number(w));
    if (!(start < (y.lastStart.get(rep) ?? -1))) {
      y.lastStart.set(rep, start);
      y.backlog.set(rep, Number(f.backlog_end));
    }
  }
  const out: SimulatedYears = {};
  for (const [arm, byYear] of acc) {
    out[arm] = [...byYear.entries()].map(([year, y]) => {
      const backlogs = [...y.backlog.values()];
      return {
        year,
        utilisation: y.rostered > 0 ? y.reading / y.rostered : Number.NaN,
        backlogEnd: backlogs.reduce((a, b) => a + b, 0) / backlogs.length,
        meanWait: y.waits.length ? y.waits.reduce((a, b) => a + b, 0) / y.waits.length : Number.NaN,
      };
    });
  }
  return out;
}
