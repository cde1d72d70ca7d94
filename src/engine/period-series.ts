import { EngineError, requirePositive } from './errors.js';

/**
 * Sums per fixed-width period (a day, a week, ...) from time 0: counts of events and, with
 * `addSpan`, time integrals split exactly across period boundaries. Grows as time passes;
 * memory is one number per period, whatever the number of entities.
 */
export class PeriodSeries {
  private data: Float64Array;
  /** Number of periods touched so far. */
  length = 0;

  constructor(
    readonly width: number,
    initialPeriods = 64,
  ) {
    requirePositive('period width', width);
    this.data = new Float64Array(Math.max(1, initialPeriods));
  }

  periodOf(t: number): number {
    return Math.floor(t / this.width);
  }

  /** Adds `amount` to the period containing time t. */
  add(t: number, amount: number): void {
    this.addTo(Math.floor(t / this.width), amount);
  }

  /** Adds `amount` to period `index`. */
  addTo(index: number, amount: number): void {
    if (index < 0) throw new EngineError(`period index must be >= 0, got ${index}`);
    if (index >= this.data.length) this.grow(index + 1);
    this.data[index] += amount;
    if (index >= this.length) this.length = index + 1;
  }

  /** Sets period `index` to `value`. */
  set(index: number, value: number): void {
    if (index >= this.data.length) this.grow(index + 1);
    this.data[index] = value;
    if (index >= this.length) this.length = index + 1;
  }

  /** Adds `rate` · (overlap with each period) for the span [a, b). */
  addSpan(a: number, b: number, rate: number): void {
    if (rate === 0 || b <= a) return;
    const w = this.width;
    let i = Math.floor(a / w);
    let t = a;
    while (t < b) {
      const end = Math.min(b, (i + 1) * w);
      this.addTo(i, rate * (end - t));
      t = end;
      i++;
    }
  }

  get(index: number): number {
    return index < this.data.length ? this.data[index] : 0;
  }

  /** The first `n` periods as a plain array (zeros past the data). */
  toArray(n = this.length): number[] {
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = this.get(i);
    return out;
  }

  private grow(min: number): void {
    let cap = this.data.length;
    while (cap < min) cap *= 2;
    const d = new Float64Array(cap);
    d.set(this.data);
    this.data = d;
  }
}
