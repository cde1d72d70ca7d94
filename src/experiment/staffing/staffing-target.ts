/** A turnaround target to staff for: `goal` of a priority's studies reported within `within` minutes. */
export interface StaffingTarget {
  /** Index into the department's priorities. */
  priority: number;
  /** The priority's name, for messages and output. */
  name: string;
  /** Turnaround limit (minutes). */
  within: number;
  /** Share to reach, 0-1. */
  goal: number;
}

/**
 * Targets up to this turnaround (minutes) are judged hour by hour: a study's turnaround then
 * depends on the readers on duty around its arrival. Longer targets depend on the capacity over
 * days and are judged over the whole run.
 */
export const HOURLY_TARGET_LIMIT = 4 * 60;

export function isHourly(t: StaffingTarget): boolean {
  return t.within <= HOURLY_TARGET_LIMIT;
}
