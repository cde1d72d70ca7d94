import type { PeriodSeries } from './period-series.js';

/**
 * A level that changes at events (queue length, busy servers, capacity): keeps its integral
 * over time since the last reset, and optionally the integral per period.
 */
export class TimeWeightedLevel {
  value: number;
  private lastTime: number;
  private area = 0;
  private resetTime: number;
  private maxValue: number;
  /** The period the last update fell in and its end: most updates stay within it. */
  private periodIndex = 0;
  private periodEnd = 0;

  constructor(
    initial = 0,
    start = 0,
    readonly periods: PeriodSeries | null = null,
  ) {
    this.value = initial;
    this.lastTime = start;
    this.resetTime = start;
    this.maxValue = initial;
  }

  /**
   * `update(clock.now, value)`: the time read from the clock (a simulation), so that no double
   * crosses the caller's call (one V8 does not inline allocates it as a heap number); `update`
   * is inlined here.
   */
  updateAt(clock: { readonly now: number }, value: number): void {
    this.update(clock.now, value);
  }

  /** Sets the level to `value` at time `now` (not before the previous update). */
  update(now: number, value: number): void {
    const dt = now - this.lastTime;
    if (dt > 0 && this.value !== 0) {
      this.area += this.value * dt;
      const periods = this.periods;
      if (periods !== null) {
        if (now <= this.periodEnd) periods.addTo(this.periodIndex, this.value * dt);
        else {
          periods.addSpan(this.lastTime, now, this.value);
          this.periodIndex = periods.periodOf(now);
          this.periodEnd = (this.periodIndex + 1) * periods.width;
        }
      }
    }
    this.lastTime = now;
    this.value = value;
    if (value > this.maxValue) this.maxValue = value;
  }

  /** Adds `delta` to the level at time `now`. */
  add(now: number, delta: number): void {
    this.update(now, this.value + delta);
  }

  /** ∫ level dt from the last reset to `now`. */
  integral(now: number): number {
    return this.area + this.value * (now - this.lastTime);
  }

  /** Time-average from the last reset to `now` (NaN over an empty span). */
  mean(now: number): number {
    const span = now - this.resetTime;
    return span > 0 ? this.integral(now) / span : Number.NaN;
  }

  get max(): number {
    return this.maxValue;
  }

  /** Brings the per-period integrals up to `now` (call before reading them). */
  flush(now: number): void {
    this.update(now, this.value);
  }

  /** Starts the integral afresh at `now` (end of warm-up); period integrals are kept. */
  reset(now: number): void {
    this.flush(now);
    this.area = 0;
    this.resetTime = now;
    this.maxValue = this.value;
  }
}
