import { EngineError, requireFinite, requireNonNegative } from './errors.js';
import { DAY, WEEK, YEAR } from './time-units.js';

/**
 * One shift of a weekly calendar: `value` servers from `start` to `end`, minutes from Monday
 * 00:00. `end` may pass the end of the week (a Sunday night shift): the shift then wraps to
 * Monday, as one shift.
 */
export interface CalendarPiece {
  start: number;
  end: number;
  value: number;
}

/**
 * A weekly, piecewise-constant capacity (a roster, in simmer's schedule sense), optionally
 * growing by a yearly factor. Each piece is one shift: at its start every server of the
 * shift before leaves and the shift's own servers come (a *shift change*); gaps between
 * shifts have no servers. A single piece covering the whole week is one continuous shift
 * (no change at the week's end).
 *
 * Values may be fractional (a roster scaled by headcount growth, or `on: 1.5`): see
 * {@link CapacityCalendar.serversAt} for how a fraction becomes whole servers.
 *
 * Errors: EngineError for a negative value, a shift outside one week or empty, overlapping
 * shifts, a growth at or below -100% a year.
 */
export class CapacityCalendar {
  /** Breakpoints within the week, ascending, starting at 0; `values[i]` holds from `starts[i]`. */
  readonly starts: Float64Array;
  readonly values: Float64Array;
  /** Minutes from the start of the shift occurrence to the start of piece i (0: the shift starts here). */
  readonly offsets: Float64Array;
  /** Length of the shift occurrence that piece i belongs to (minutes; a gap's own length). */
  readonly shiftLengths: Float64Array;
  private readonly beta: number;
  /** One piece over the whole week: a shift that never changes. */
  readonly continuous: boolean;

  constructor(
    pieces: readonly CalendarPiece[],
    readonly growth = 0,
  ) {
    requireFinite('capacity growth', growth);
    if (growth <= -1) throw new EngineError(`capacity growth must be above -100% a year, got ${growth}`);
    this.beta = Math.log1p(growth) / YEAR;
    // Split wrapping shifts at the week's end; the tail keeps its offset into the shift.
    const parts: { start: number; end: number; value: number; offset: number; length: number }[] = [];
    for (const p of pieces) {
      requireNonNegative('calendar value', p.value);
      if (!(p.start >= 0 && p.start < WEEK && p.end > p.start && p.end - p.start <= WEEK)) {
        throw new EngineError(
          `calendar piece ${p.start}-${p.end} must start within one week (0-${WEEK} minutes), last at most a week and not be empty`,
        );
      }
      const length = p.end - p.start;
      if (p.end <= WEEK) parts.push({ start: p.start, end: p.end, value: p.value, offset: 0, length });
      else {
        parts.push({ start: p.start, end: WEEK, value: p.value, offset: 0, length });
        parts.push({ start: 0, end: p.end - WEEK, value: p.value, offset: WEEK - p.start, length });
      }
    }
    parts.sort((a, b) => a.start - b.start);
    const starts: number[] = [];
    const values: number[] = [];
    const offsets: number[] = [];
    const lengths: number[] = [];
    const gap = (from: number, to: number) => {
      // Neighbouring gaps are one gap.
      if (values.length > 0 && values[values.length - 1] === 0 && offsets[offsets.length - 1] === 0) {
        lengths[lengths.length - 1] += to - from;
        return;
      }
      starts.push(from);
      values.push(0);
      offsets.push(0);
      lengths.push(to - from);
    };
    let cursor = 0;
    for (const p of parts) {
      if (p.start < cursor) throw new EngineError(`calendar pieces overlap at minute ${p.start} of the week`);
      if (p.start > cursor) gap(cursor, p.start);
      if (p.value === 0) gap(p.start, p.end);
      else {
        starts.push(p.start);
        values.push(p.value);
        offsets.push(p.offset);
        lengths.push(p.length);
      }
      cursor = p.end;
    }
    if (cursor < WEEK) gap(cursor, WEEK);
    this.starts = Float64Array.from(starts);
    this.values = Float64Array.from(values);
    this.offsets = Float64Array.from(offsets);
    this.shiftLengths = Float64Array.from(lengths);
    this.continuous = starts.length === 1;
  }

  /** A calendar with the same value all week (one continuous shift). */
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

  /** Is time t the start of a shift occurrence (a shift change: servers leave and come)? */
  isShiftChange(t: number): boolean {
    if (this.continuous) return false;
    const i = this.pieceAt(t);
    const w = t - Math.floor(t / WEEK) * WEEK;
    return w === this.starts[i] && this.offsets[i] === 0;
  }

  /**
   * Whole servers at time t, and the next time after t at which that number may change.
   *
   * A fractional value v = w + f (growth taken at the middle of the block) is realised within
   * each shift: w servers for the whole shift and one part-time server for the first f of it,
   * so that the long-run mean is exact and no shift is left short for long. A shift longer
   * than a day (a continuous week, say) is cut into day-long blocks, each with its own
   * part-time share. Time t must be at or after the start of the calendar (0).
   */
  serversAt(t: number): { servers: number; next: number } {
    const i = this.pieceAt(t);
    const weekStart = Math.floor(t / WEEK) * WEEK;
    const pieceStart = weekStart + this.starts[i];
    const pieceEnd = i + 1 < this.starts.length ? weekStart + this.starts[i + 1] : weekStart + WEEK;
    const value = this.values[i];
    if (value === 0) return { servers: 0, next: pieceEnd };
    const shiftStart = pieceStart - this.offsets[i];
    const length = this.continuous ? Number.POSITIVE_INFINITY : this.shiftLengths[i];
    let blockStart = shiftStart;
    let blockEnd = shiftStart + length;
    if (length > DAY) {
      const j = Math.floor((t - shiftStart) / DAY);
      blockStart = shiftStart + j * DAY;
      blockEnd = Math.min(blockStart + DAY, shiftStart + length);
    }
    const nominal = value * this.growthFactor((blockStart + blockEnd) / 2);
    const whole = Math.floor(nominal);
    const partEnd = blockStart + (nominal - whole) * (blockEnd - blockStart);
    let next = Math.min(pieceEnd, blockEnd);
    let servers = whole;
    if (t < partEnd) {
      servers++;
      if (partEnd < next) next = partEnd;
    }
    return { servers, next };
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
