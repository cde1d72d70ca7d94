import { DateTime } from 'luxon';

const HOUR_MS = 3_600_000;

/**
 * The hours an export covers, each with its local hour of the week and month: the exposure
 * that counts are divided by (a month's rate is its count over the hours it had, weighted by
 * the stream's hour-of-week pattern). Hours are whole UTC hours, which are whole local hours
 * in every zone whose offset is a whole number of hours.
 */
export interface DataSpan {
  /** First and last request (ms). */
  first: number;
  last: number;
  /** Start of the first hour (ms). */
  hour0: number;
  /** Per hour from hour0: local hour of the week (0 = Monday 00:00) and month index. */
  hourOfWeek: Uint8Array;
  monthOfHour: Uint16Array;
  /** Months in order ("2026-01"). */
  months: string[];
  /** Years from `first` to the middle of each hour. */
  yearsAt: Float64Array;
  zone: string;
}

export function dataSpan(first: number, last: number, zone: string): DataSpan {
  const hour0 = Math.floor(first / HOUR_MS) * HOUR_MS;
  const n = Math.max(1, Math.ceil((last - hour0) / HOUR_MS));
  const hourOfWeek = new Uint8Array(n);
  const monthOfHour = new Uint16Array(n);
  const yearsAt = new Float64Array(n);
  const months: string[] = [];
  let t = DateTime.fromMillis(hour0, { zone });
  for (let i = 0; i < n; i++) {
    hourOfWeek[i] = (t.weekday - 1) * 24 + t.hour;
    const m = t.toFormat('yyyy-MM');
    if (months[months.length - 1] !== m) months.push(m);
    monthOfHour[i] = months.length - 1;
    yearsAt[i] = (hour0 + (i + 0.5) * HOUR_MS - first) / (365 * 24 * HOUR_MS);
    t = t.plus({ hours: 1 });
  }
  return { first, last, hour0, hourOfWeek, monthOfHour, months, yearsAt, zone };
}

/** Index of the hour holding instant `ms` (may be out of range at the ends). */
export function hourIndex(span: DataSpan, ms: number): number {
  return Math.floor((ms - span.hour0) / HOUR_MS);
}

/** How many times each hour of the week occurs in the span. */
export function hourOfWeekExposure(span: DataSpan): number[] {
  const e = new Array<number>(168).fill(0);
  for (let i = 0; i < span.hourOfWeek.length; i++) e[span.hourOfWeek[i]]++;
  return e;
}
