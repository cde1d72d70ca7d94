import { DAY, HOUR, MINUTE, WEEK, YEAR } from '../engine/index.js';

/**
 * The value forms of the scenario format (durations, rates, shares, growth, days, clock times)
 * and their parsers into model units: minutes, studies per minute, fractions.
 * Each form also has a regular expression (for the JSON Schema) and a phrase saying what is
 * expected (for error messages).
 */

const DURATION_UNITS: Record<string, number> = { s: MINUTE / 60, m: MINUTE, h: HOUR, d: DAY, w: WEEK, y: YEAR };
export const DURATION_RE = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(s|m|h|d|w|y)\s*$/;
export const DURATION_EXPECTED = 'a duration such as 90s, 16m, 1.5h, 7d, 4w or 10y (a bare number is minutes)';

const RATE_UNITS: Record<string, number> = {
  min: MINUTE,
  m: MINUTE,
  h: HOUR,
  hour: HOUR,
  d: DAY,
  day: DAY,
  w: WEEK,
  week: WEEK,
  y: YEAR,
  year: YEAR,
};
export const RATE_RE = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*\/\s*(min|m|h|hour|d|day|w|week|y|year)\s*$/;
export const RATE_EXPECTED = 'a rate such as 40/day, 3/h, 1200/w or 50000/y';

export const SHARE_RE = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*%\s*$/;
export const SHARE_EXPECTED = 'a share such as 6.3% or 0.063, between 0 and 1';

export const GROWTH_RE = /^\s*([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*%\s*(?:\/\s*(?:y|year))?\s*$/;
export const GROWTH_EXPECTED = 'a yearly growth such as 5%/y, -2%/y or 0.05 (above -100%)';

export const CLOCK_RE = /^\s*([01]?\d|2[0-4]):([0-5]\d)\s*$/;
export const CLOCK_EXPECTED = 'a time of day such as "08:00" (quote it in YAML)';

export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const DAY_ITEM = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:\\s*-\\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun))?';
export const DAYS_RE = new RegExp(`^\\s*(?:all|${DAY_ITEM}(?:\\s*,\\s*${DAY_ITEM})*)\\s*$`);
export const DAYS_EXPECTED = 'days such as Mon-Fri, Sat-Sun, Mon,Wed,Fri or all';

/** A parse failure: `expected` says what the form is; the caller adds where and what was found. */
export class UnitError extends Error {}

/** Longest text a message quotes from the input; longer values are cut and their length given. */
const QUOTE_LIMIT = 60;

/**
 * A value as a message quotes it: text in quotes, cut to a readable length ("aaaa..." (5,000,000
 * characters)), lists and mappings by kind, numbers as written.
 */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    if (value.length <= QUOTE_LIMIT) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, QUOTE_LIMIT - 20))}... (${value.length.toLocaleString('en-US')} characters)`;
  }
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const describe = describeFound;

/** Minutes. */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') {
    if (!(value >= 0) || !Number.isFinite(value)) throw new UnitError(`expected ${DURATION_EXPECTED}, found ${describe(value)}`);
    return value;
  }
  const m = DURATION_RE.exec(value);
  if (!m) throw new UnitError(`expected ${DURATION_EXPECTED}, found ${describe(value)}`);
  return Number(m[1]) * DURATION_UNITS[m[2]];
}

/** Studies per minute. */
export function parseRate(value: number | string): number {
  const m = typeof value === 'string' ? RATE_RE.exec(value) : null;
  if (!m) throw new UnitError(`expected ${RATE_EXPECTED}, found ${describe(value)}`);
  return Number(m[1]) / RATE_UNITS[m[2]];
}

/** A fraction in [0, 1]. */
export function parseShare(value: number | string): number {
  let x: number;
  if (typeof value === 'number') x = value;
  else {
    const m = SHARE_RE.exec(value);
    if (!m) throw new UnitError(`expected ${SHARE_EXPECTED}, found ${describe(value)}`);
    x = Number(m[1]) / 100;
  }
  if (!(x >= 0 && x <= 1)) {
    // A bare 89 is almost certainly 89 %.
    const hint = typeof value === 'number' && value > 1 && value <= 100 ? ` (did you mean ${value}%?)` : '';
    throw new UnitError(`expected ${SHARE_EXPECTED}, found ${describe(value)}${hint}`);
  }
  return x;
}

/** Yearly growth as a fraction (> -1). */
export function parseGrowth(value: number | string): number {
  let x: number;
  if (typeof value === 'number') {
    x = value;
    // growth: 8 is 800 %/y: almost certainly a slip for 8 %/y.
    if (x > 1 && Number.isFinite(x))
      throw new UnitError(
        `a bare ${value} is a growth of ${+(value * 100).toPrecision(6)}%/y, which is probably a slip: write ${value}%/y, or ${+(value * 100).toPrecision(6)}%/y if you mean it`,
      );
  } else {
    const m = GROWTH_RE.exec(value);
    if (!m) throw new UnitError(`expected ${GROWTH_EXPECTED}, found ${describe(value)}`);
    x = Number(m[1]) / 100;
  }
  if (!(x > -1) || !Number.isFinite(x)) throw new UnitError(`expected ${GROWTH_EXPECTED}, found ${describe(value)}`);
  return x;
}

/** Minutes after midnight (0 to 1440). */
export function parseClock(value: string): number {
  const m = typeof value === 'string' ? CLOCK_RE.exec(value) : null;
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || minutes > 24 * 60) throw new UnitError(`expected ${CLOCK_EXPECTED}, found ${describe(value)}`);
  return minutes;
}

/** Day numbers, Monday = 0, in week order without repeats. */
export function parseDays(value: string): number[] {
  if (typeof value !== 'string' || !DAYS_RE.test(value))
    throw new UnitError(`expected ${DAYS_EXPECTED}, found ${describe(value)}`);
  if (value.trim() === 'all') return [0, 1, 2, 3, 4, 5, 6];
  const days = new Set<number>();
  for (const part of value.split(',')) {
    const [a, b] = part.split('-').map((s) => DAY_NAMES.indexOf(s.trim() as (typeof DAY_NAMES)[number]));
    if (b === undefined) days.add(a);
    else
      for (let d = a; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === b) break;
      }
  }
  return [...days].sort((x, y) => x - y);
}

/** Period names of the scenario format and their lengths in minutes (a month is a twelfth of a year). */
export const PERIODS = { day: DAY, week: WEEK, month: YEAR / 12, quarter: YEAR / 4, year: YEAR } as const;
export type PeriodName = keyof typeof PERIODS;
