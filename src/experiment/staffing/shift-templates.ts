import { DAY, HOURS_PER_WEEK } from '../../engine/index.js';
import { DAY_NAMES } from '../../scenario/units.js';

/**
 * A shift a reader may be rostered on: the same hours on each of `days` (0 = Monday). A shift
 * that runs past midnight belongs to the day it starts. Times are whole hours (minutes from
 * midnight, multiples of 60) because the staffing solver works hour by hour.
 */
export interface ShiftTemplate {
  name: string;
  days: number[];
  /** Start, minutes after midnight (a multiple of 60). */
  from: number;
  /** Length in minutes (a multiple of 60, 60 to 1440). */
  length: number;
}

/**
 * The default templates: the usual radiology pattern of a weekday day, a weekday evening,
 * a weekday night, and weekend days and nights. They cover every hour of the week once.
 */
export const DEFAULT_SHIFT_TEMPLATES: readonly ShiftTemplate[] = [
  { name: 'weekday day', days: [0, 1, 2, 3, 4], from: 8 * 60, length: 10 * 60 },
  { name: 'weekday evening', days: [0, 1, 2, 3, 4], from: 18 * 60, length: 4 * 60 },
  { name: 'weekday night', days: [0, 1, 2, 3, 4], from: 22 * 60, length: 10 * 60 },
  { name: 'weekend day', days: [5, 6], from: 8 * 60, length: 12 * 60 },
  { name: 'weekend night', days: [5, 6], from: 20 * 60, length: 12 * 60 },
];

/** Hours of the week (0 = Monday 00-01) a template covers, in week order. */
export function templateHours(t: ShiftTemplate): number[] {
  const hours: number[] = [];
  for (const d of t.days) {
    const first = (d * DAY + t.from) / 60;
    for (let k = 0; k < t.length / 60; k++) hours.push((first + k) % HOURS_PER_WEEK);
  }
  return hours.sort((a, b) => a - b);
}

/** Rostered hours a week of one reader on a template. */
export function templateWeeklyHours(t: ShiftTemplate): number {
  return (t.days.length * t.length) / 60;
}

/** "08:00" for 480 minutes ("24:00" for a full day). */
export function clockText(minutes: number): string {
  const m = ((minutes % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Day numbers as the scenario format writes them: runs of three or more as "Mon-Fri", else "Mon,Wed". */
export function daysText(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return 'Mon-Sun';
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 1) parts.push(`${DAY_NAMES[sorted[i]]}-${DAY_NAMES[sorted[j]]}`);
    else parts.push(DAY_NAMES[sorted[i]]);
    i = j + 1;
  }
  return parts.join(',');
}
