import { readFileSync } from 'node:fs';
import type { SimulatedYears } from './explain-text.js';

/** Splits one CSV line as csv.ts writes it (quoted fields may hold commas and doubled quotes). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * Per arm and year, from a results folder's periods.csv: utilisation (reading / rostered time),
 * the backlog at the year's last period end, and the mean of the periods' mean waits; all
 * averaged over replications.
 */
export function simulatedYears(periodsCsv: string): SimulatedYears {
  const lines = readFileSync(periodsCsv, 'utf8').trim().split('\n');
  const head = splitCsvLine(lines[0]);
  const col = (name: string) => head.indexOf(name);
  const acc = new Map<
    string,
    Map<
      number,
      { reading: number; rostered: number; backlog: Map<number, number>; waits: number[]; lastStart: Map<number, number> }
    >
  >();
  for (const line of lines.slice(1)) {
    const f = splitCsvLine(line);
    const arm = f[col('arm')];
    const rep = Number(f[col('replication')]);
    const start = Number(f[col('period_start_days')]);
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
    y.reading += Number(f[col('reading_min')]) || 0;
    y.rostered += Number(f[col('rostered_min')]) || 0;
    const w = f[col('wait_mean_min')];
    if (w !== '') y.waits.push(Number(w));
    if (!(start < (y.lastStart.get(rep) ?? -1))) {
      y.lastStart.set(rep, start);
      y.backlog.set(rep, Number(f[col('backlog_end')]));
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
