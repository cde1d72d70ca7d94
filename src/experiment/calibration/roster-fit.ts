import { quantile } from 'simple-statistics';
import { type DataSpan, hourIndex } from './data-span.js';
import type { ExportStudy } from './export-studies.js';

const HOUR_MS = 3_600_000;

/** Readers on duty in each hour of the week, how that was found, and the efficiency estimate. */
export interface RosterFit {
  /** 168 values, Monday 00-01 first. */
  on: number[];
  method: string;
  /** Headcount: readers seen in the last 4 weeks of the data (at least the most ever on at once). */
  count: number;
  efficiency: number;
  efficiencyMethod: string;
  /** Hours in which the worklist was never empty (the efficiency's base). */
  busyHours: number;
}

/** The quantile over the weeks of the data that "readers on" in an hour of the week is taken at. */
export const ROSTER_QUANTILE = 0.9;
/** Busy hours needed before efficiency is estimated (else 1, an assumption). */
export const MIN_BUSY_HOURS = 50;

/**
 * The roster seen in an export. A reader is on in an hour when they started a read in it (their
 * report-start time, or without one the report time). For each hour of the week, readers on =
 * the 90th percentile over the weeks of the data of the number of distinct readers on in that
 * hour: not the mean, because a reader on duty with nothing to read leaves no trace.
 *
 * Efficiency (share of rostered time spent reading) needs report-start times: over the hours in
 * which studies were waiting at every moment (the worklist never ran dry, so readers could
 * have read all hour), the reading minutes of the readers on, over 60 minutes per
 * reader on. An estimate: it counts reads' start-to-sign time as reading.
 */
export function fitRoster(
  studies: readonly ExportStudy[],
  span: DataSpan,
  capOf: (modality: string) => number,
): RosterFit | null {
  const nh = span.hourOfWeek.length;
  const withReader = studies.filter((s) => s.reader >= 0 && (s.reportStart ?? s.reported) !== null);
  if (withReader.length === 0) return null;
  const readerCount = Math.max(...withReader.map((s) => s.reader)) + 1;
  // Readers on: (hour, reader) pairs from read starts.
  const onSet = new Set<number>();
  for (const s of withReader) {
    const h = hourIndex(span, (s.reportStart ?? s.reported) as number);
    if (h >= 0 && h < nh) onSet.add(h * readerCount + s.reader);
  }
  const perHour = new Uint16Array(nh);
  for (const key of onSet) perHour[Math.floor(key / readerCount)]++;
  const byHow: number[][] = Array.from({ length: 168 }, () => []);
  for (let h = 0; h < nh; h++) byHow[span.hourOfWeek[h]].push(perHour[h]);
  const on = byHow.map((xs) => (xs.length ? Math.round(quantile(xs, ROSTER_QUANTILE) * 10) / 10 : 0));
  const lastMonth = span.last - 28 * 24 * HOUR_MS;
  const recent = new Set(withReader.filter((s) => s.requested >= lastMonth).map((s) => s.reader));
  const count = Math.max(Math.ceil(Math.max(...on)), recent.size, 1);
  const method = `90th percentile over the weeks of the distinct readers who started a read (${studies.some((s) => s.reportStart !== null) ? 'report-start time' : 'report time: no start times'}) in each hour of the week`;

  // Efficiency: reading minutes per (hour, reader) from start-to-sign intervals.
  const timed = withReader.filter(
    (s) => s.reportStart !== null && s.reported !== null && (s.reported - s.reportStart) / 60000 <= capOf(s.modality),
  );
  let efficiency = 1;
  let efficiencyMethod = 'assumption: 1 (no report-start times to estimate it from)';
  let busyHours = 0;
  if (timed.length > 0) {
    const minutes = new Map<number, number>();
    for (const s of timed) {
      const a = s.reportStart as number;
      const b = s.reported as number;
      for (let h = hourIndex(span, a); h <= hourIndex(span, b); h++) {
        if (h < 0 || h >= nh) continue;
        const lo = Math.max(a, span.hour0 + h * HOUR_MS);
        const hi = Math.min(b, span.hour0 + (h + 1) * HOUR_MS);
        if (hi > lo) minutes.set(h * readerCount + s.reader, (minutes.get(h * readerCount + s.reader) ?? 0) + (hi - lo) / 60000);
      }
    }
    // The fewest studies waiting at any moment of each hour: requested minus started (a study never started stays waiting).
    const events: [number, number][] = [];
    for (const s of studies) {
      events.push([s.requested, 1]);
      const st = s.reportStart ?? s.reported;
      if (st !== null) events.push([st, -1]);
    }
    events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const fewest = new Int32Array(nh).fill(-1);
    fewest[0] = 0;
    let waiting = 0;
    let cur = 0;
    for (const [t, d] of events) {
      const eh = hourIndex(span, t);
      while (cur < nh && cur < eh) {
        if (waiting < fewest[cur]) fewest[cur] = waiting;
        cur++;
        if (cur < nh) fewest[cur] = waiting;
      }
      waiting += d;
      if (eh >= 0 && eh < nh && waiting < fewest[eh]) fewest[eh] = waiting;
    }
    let read = 0;
    let present = 0;
    for (let h = 0; h < nh; h++) {
      if (!(fewest[h] > 0)) continue;
      let here = 0;
      for (let r = 0; r < readerCount; r++) {
        if (!onSet.has(h * readerCount + r)) continue;
        here++;
        read += Math.min(60, minutes.get(h * readerCount + r) ?? 0);
      }
      if (here > 0) busyHours++;
      present += here * 60;
    }
    if (busyHours >= MIN_BUSY_HOURS && present > 0) {
      efficiency = Math.min(1, Math.max(0.05, Math.round((read / present) * 100) / 100));
      efficiencyMethod = `estimate: reading minutes / minutes of readers on, over ${busyHours} hours in which the worklist never ran dry`;
    } else {
      efficiencyMethod = `assumption: 1 (only ${busyHours} hours in which the worklist never ran dry; ${MIN_BUSY_HOURS} needed to estimate it)`;
    }
  }
  return { on, method, count, efficiency, efficiencyMethod, busyHours };
}

/**
 * A roster from the offered load when the export names no readers: readers on in hour h =
 * offered load / 0.8 (to 0.1, at least 1), an assumption (80% of reading time used).
 *
 * @param loadPerHour offered load per hour of the week (reading minutes arriving per minute)
 */
export function rosterFromLoad(loadPerHour: readonly number[]): RosterFit {
  const on = loadPerHour.map((a) => Math.max(1, Math.ceil((a / 0.8) * 10) / 10));
  return {
    on,
    method: 'assumption: no reader column; readers on = offered load / 0.8 in each hour of the week',
    count: Math.ceil(Math.max(...on)),
    efficiency: 1,
    efficiencyMethod: 'assumption: 1 (no reader column)',
    busyHours: 0,
  };
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Roster entries of the scenario format from 168 hourly values: runs of equal values, days with the same day grouped. */
export function rosterEntries(on: readonly number[]): { days: string; from: string; to: string; on: number }[] {
  const profiles = DAY_NAMES.map((_, d) => on.slice(d * 24, d * 24 + 24));
  const groups: { days: number[]; profile: number[] }[] = [];
  profiles.forEach((p, d) => {
    const g = groups.find((x) => x.profile.every((v, i) => v === p[i]));
    if (g) g.days.push(d);
    else groups.push({ days: [d], profile: p });
  });
  const clock = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  const out: { days: string; from: string; to: string; on: number }[] = [];
  for (const g of groups) {
    const days = daysText(g.days);
    let h = 0;
    while (h < 24) {
      const v = g.profile[h];
      let e = h + 1;
      while (e < 24 && g.profile[e] === v) e++;
      if (v > 0) out.push({ days, from: clock(h), to: clock(e), on: v });
      h = e;
    }
  }
  return out;
}

function daysText(days: number[]): string {
  if (days.length === 7) return 'all';
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1] + 1);
  if (contiguous && days.length > 2) return `${DAY_NAMES[days[0]]}-${DAY_NAMES[days[days.length - 1]]}`;
  return days.map((d) => DAY_NAMES[d]).join(',');
}
