/** The engine's clock runs in minutes; these are the lengths of the larger units. */
export const MINUTE = 1;
export const HOUR = 60;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
/** A year is 365 days, as in the scenario format. */
export const YEAR = 365 * DAY;
export const HOURS_PER_WEEK = 168;
