import { linearRegression } from 'simple-statistics';
import { studentTQuantile } from '../../formulas/confidence-interval.js';
import type { DataSpan } from './data-span.js';

/** A stream's volume and growth, from its monthly counts. Rates in studies per day. */
export interface VolumeFit {
  /** Rate at the end of the data, with its 95% interval. */
  perDay: number;
  perDayInterval: [number, number];
  /** Compound growth per year (0.05 = 5%/y), with its 95% interval; null when not fitted. */
  growth: number | null;
  growthInterval: [number, number] | null;
  /** Months used in the regression. */
  monthsUsed: number;
  /** Every month: its count and exposure (pattern-weighted days). */
  monthly: { month: string; count: number; days: number }[];
  method: string;
}

/** Months with fewer pattern-weighted days than this are left out of the regression (part months at the ends). */
export const MIN_MONTH_DAYS = 14;

/**
 * Growth as the slope of a log-linear regression of monthly rates on time, rate_m =
 * count_m / exposure_m, where exposure_m sums the stream's hour-of-week weights (mean 1) over
 * the month's hours in the data: a month with more weekdays is not mistaken for growth. The
 * slope b gives growth e^b - 1 per year; its interval is b ± t(0.975, n-2)·se(b), and the rate at
 * the end of the data is the regression's fitted value there with its interval (ordinary least
 * squares; simple-statistics for the line). With fewer than 3 usable months, no growth is
 * fitted: the volume is the mean rate, with a Poisson interval.
 *
 * @param times request instants (ms) of the stream's studies
 * @param weights the stream's 168 hour-of-week weights (mean 1)
 */
export function fitVolume(times: readonly number[], span: DataSpan, weights: readonly number[]): VolumeFit {
  const nm = span.months.length;
  const days = new Array<number>(nm).fill(0);
  const tw = new Array<number>(nm).fill(0);
  for (let i = 0; i < span.hourOfWeek.length; i++) {
    const w = weights[span.hourOfWeek[i]] / 24;
    days[span.monthOfHour[i]] += w;
    tw[span.monthOfHour[i]] += w * span.yearsAt[i];
  }
  const counts = new Array<number>(nm).fill(0);
  for (const t of times) {
    const i = Math.min(span.hourOfWeek.length - 1, Math.max(0, Math.floor((t - span.hour0) / 3_600_000)));
    counts[span.monthOfHour[i]]++;
  }
  const monthly = span.months.map((month, m) => ({ month, count: counts[m], days: days[m] }));
  const pts: [number, number][] = [];
  for (let m = 0; m < nm; m++) if (days[m] >= MIN_MONTH_DAYS) pts.push([tw[m] / days[m], Math.log((counts[m] + 0.5) / days[m])]);
  const totalDays = days.reduce((a, b) => a + b, 0);
  const total = times.length;
  if (pts.length < 3 || total === 0) {
    const perDay = total / Math.max(totalDays, 1e-9);
    const half = (1.96 * Math.sqrt(Math.max(total, 1))) / Math.max(totalDays, 1e-9);
    return {
      perDay,
      perDayInterval: [Math.max(0, perDay - half), perDay + half],
      growth: null,
      growthInterval: null,
      monthsUsed: pts.length,
      monthly,
      method: `mean rate over the data (${pts.length} full month(s): too few to fit growth)`,
    };
  }
  const { m: b, b: a } = linearRegression(pts);
  const n = pts.length;
  const xbar = pts.reduce((s, p) => s + p[0], 0) / n;
  const sxx = pts.reduce((s, p) => s + (p[0] - xbar) ** 2, 0);
  const sse = pts.reduce((s, p) => s + (p[1] - (a + b * p[0])) ** 2, 0);
  const s2 = sse / (n - 2);
  const t = studentTQuantile(0.975, n - 2);
  const seB = Math.sqrt(s2 / sxx);
  const tEnd = (span.last - span.first) / (365 * 24 * 3_600_000);
  const yEnd = a + b * tEnd;
  const seFit = Math.sqrt(s2 * (1 / n + (tEnd - xbar) ** 2 / sxx));
  return {
    perDay: Math.exp(yEnd),
    perDayInterval: [Math.exp(yEnd - t * seFit), Math.exp(yEnd + t * seFit)],
    growth: Math.exp(b) - 1,
    growthInterval: [Math.exp(b - t * seB) - 1, Math.exp(b + t * seB) - 1],
    monthsUsed: n,
    monthly,
    method: `log-linear regression of ${n} monthly rates`,
  };
}
