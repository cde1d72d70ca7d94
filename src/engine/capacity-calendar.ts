import { EngineError, requireFinite, requireNonNegative } from './errors.js';
import { WEEK, YEAR } from './time-units.js';

/** One piece of a weekly calendar: `value` from `start` to `end`, minutes from Monday 00:00. */
export interface CalendarPiece {
  start: number;
  end: number;
  value: number;
}

/**
 * A weekly, piecewise-constant capacity (a roster, in simmer's schedule sense), optionally
 * growing by a yearly factor. Values may be fractional (a roster scaled by headcount growth);
 * `realise` turns them into whole servers by carrying the remainder from one piece to the
 * next, so that the long-run capacity is exact (Bresenham-style dithering, capped at the
 * nominal value rounded up).
 */
export class CapacityCalendar {
  /** Breakpoints within the week, ascending, starting at 0; `values[i]` holds from `starts[i]`. */
  readonly starts: Float64Array;
  readonly values: Float64Array;
  private readonly beta: number;

  constructor(
    pieces: readonly CalendarPiece[],
    readonly growth = 0,
  ) {
    requireFinite('capacity growth', growth);
    if (growth <= -1) throw new EngineError(`capacity growth must be above -100% a year, got ${growth}`);
    this.beta = Math.log1p(growth) / YEAR;
    const sorted = [...pieces].sort((a, b) => a.start - b.start);
    const starts: number[] = [];
    const values: number[] = [];
    let cursor = 0;
    for (const p of sorted) {
      requireNonNegative('calendar value', p.value);
      if (!(p.start >= 0 && p.end <= WEEK && p.start < p.end)) {
        throw new EngineError(`calendar piece ${p.start}-${p.end} must lie within one week (0-${WEEK} minutes) and not be empty`);
      }
      if (p.start < cursor) throw new EngineError(`calendar pieces overlap at minute ${p.start} of the week`);
      if (p.start > cursor) {
        starts.push(cursor);
        values.push(0);
      }
      starts.push(p.start);
      values.push(p.value);
      cursor = p.end;
    }
    if (cursor < WEEK) {
      starts.push(cursor);
      values.push(0);
    }
    // Merge neighbours with equal values: fewer events.
    const ms: number[] = [];
    const mv: number[] = [];
    for (let i = 0; i < starts.length; i++) {
      if (mv.length > 0 && mv[mv.length - 1] === values[i]) continue;
      ms.push(starts[i]);
      mv.push(values[i]);
    }
    this.starts = Float64Array.from(ms);
    this.values = Float64Array.from(mv);
  }

  /** A calendar with the same value all week. */
  static constant(value: number, growth = 0): CapacityCalendar {
    return new CapacityCalendar([{ start: 0, end: WEEK, value }], growth);
  }

  /** Index of the piece in force at time t. */
  pieceAt(t: number): number {
    const w = t - Math.floor(t / WEEK) * WEEK;
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= w) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Nominal (possibly fractional) capacity at time t, growth included. */
  valueAt(t: number): number {
    return this.values[this.pieceAt(t)] * this.growthFactor(t);
  }

  growthFactor(t: number): number {
    return this.beta === 0 ? 1 : Math.exp(this.beta * t);
  }

  /** The next time after t at which the calendar changes piece. */
  nextChange(t: number): number {
    const weekStart = Math.floor(t / WEEK) * WEEK;
    const i = this.pieceAt(t);
    return i + 1 < this.starts.length ? weekStart + this.starts[i + 1] : weekStart + WEEK;
  }

  /** Mean of the weekly values (no growth): the average capacity over a week. */
  weeklyMean(): number {
    let s = 0;
    for (let i = 0; i < this.starts.length; i++) {
      const end = i + 1 < this.starts.length ? this.starts[i + 1] : WEEK;
      s += this.values[i] * (end - this.starts[i]);
    }
    return s / WEEK;
  }

  /** ∫ nominal capacity over [a, b], growth included. */
  integral(a: number, b: number): number {
    let total = 0;
    let t = a;
    while (t < b) {
      const end = Math.min(b, this.nextChange(t));
      const v = this.values[this.pieceAt(t)];
      if (v > 0) {
        total += this.beta === 0 ? v * (end - t) : (v * (Math.exp(this.beta * end) - Math.exp(this.beta * t))) / this.beta;
      }
      t = end;
    }
    return total;
  }
}

/**
 * Walks a calendar through time and gives the whole number of servers for each piece.
 * The remainder of a fractional value is carried (in server-minutes) to the next pieces.
 */
export class CapacityRealiser {
  private carry = 0;

  constructor(private readonly calendar: CapacityCalendar) {}

  /** Whole servers for the piece that starts at `t` and ends at `end`. */
  serversFor(t: number, end: number): number {
    const cal = this.calendar;
    const nominal = cal.values[cal.pieceAt(t)] * cal.growthFactor((t + end) / 2);
    const whole = Math.floor(nominal);
    if (whole === nominal) return whole;
    const length = end - t;
    const extra = nominal - whole + this.carry / length >= 1 ? 1 : 0;
    const servers = whole + extra;
    this.carry += (nominal - servers) * length;
    return servers;
  }
}
