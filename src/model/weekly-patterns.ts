import { HOURS_PER_WEEK } from '../engine/index.js';

/**
 * Hour-of-week arrival shapes (168 weights, Monday 00-01 first). They are illustrative shapes
 * from the cited descriptions, not fitted data: replace them with a department's own hourly
 * counts from the RIS where available.
 */
export type PatternName = 'flat' | 'office-hours' | 'ed' | 'inpatient';

export const PATTERN_NAMES: readonly PatternName[] = ['flat', 'office-hours', 'ed', 'inpatient'];

/** ED arrivals by hour of day: bimodal, peaks 10:00-13:00 and 19:00-20:00, lowest 03:00-05:00 (Karas-1977). */
const ED_HOURS = [
  0.55, 0.45, 0.38, 0.33, 0.32, 0.36, 0.5, 0.75, 1.05, 1.3, 1.45, 1.5, 1.48, 1.38, 1.32, 1.3, 1.3, 1.35, 1.42, 1.48, 1.35, 1.1,
  0.85, 0.68,
];

function build(weight: (day: number, hour: number) => number): number[] {
  const w: number[] = [];
  for (let h = 0; h < HOURS_PER_WEEK; h++) w.push(weight(Math.floor(h / 24), h % 24));
  return w;
}

export function weeklyPattern(name: PatternName): number[] {
  switch (name) {
    case 'flat':
      return build(() => 1);
    case 'office-hours':
      // Outpatient and GP lists: weekdays 08:00-18:00, a few evening lists to 20:00, Saturday mornings.
      return build((d, h) => {
        if (d < 5) return h >= 8 && h < 18 ? 1 : h >= 18 && h < 20 ? 0.3 : 0;
        if (d === 5) return h >= 8 && h < 13 ? 0.3 : 0;
        return 0;
      });
    case 'ed':
      // The ED's day shape every day, a little busier at the weekend (Karas-1977).
      return build((d, h) => ED_HOURS[h] * (d >= 5 ? 1.08 : 1));
    case 'inpatient':
      // Ward requests: mostly weekday working hours, a third of the load out of hours (Peters-1997).
      return build((d, h) => {
        const day = h >= 8 && h < 18;
        if (d < 5) return day ? 1.6 : h >= 18 && h < 22 ? 0.7 : 0.35;
        return day ? 0.8 : 0.3;
      });
  }
}
