/** The engine's clock runs in minutes; these are the lengths of the larger units. */
export const MINUTE = 1;
export const HOUR = 60;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
/** A year is 365 days, as in the scenario format. */
export const YEAR = 365 * DAY;
export const HOURS_PER_WEEK = 168;

/**
 * The minute of the week of time t (minutes), in [0, WEEK): bit for bit the value of
 * ((t % WEEK) + WEEK) % WEEK, without its two floating remainders (library calls in V8). For
 * t >= 0, r = t - floor(t / WEEK)·WEEK is the exact remainder or that minus WEEK (when t / WEEK
 * rounds up to a whole number); both products and differences are exact (Sterbenz). The old
 * formula then added WEEK (rounding r to the spacing of doubles near WEEK) and took the
 * remainder again (exact); the same steps are done here.
 */
export function minuteOfWeek(t: number): number {
  if (!(t >= 0)) return ((t % WEEK) + WEEK) % WEEK;
  let r = t - Math.floor(t / WEEK) * WEEK;
  if (r < 0) r += WEEK;
  const s = r + WEEK;
  return s >= 2 * WEEK ? s - 2 * WEEK : s - WEEK;
}
