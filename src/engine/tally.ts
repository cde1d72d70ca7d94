/**
 * Count, mean, variance, min and max of observations, in constant memory. Sums are kept
 * shifted by the first observation, which keeps the variance accurate (as Welford's method
 * does) without a division per observation.
 */
export class Tally {
  count = 0;
  private shift = 0;
  private s1 = 0;
  private s2 = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  add(x: number): void {
    if (this.count === 0) this.shift = x;
    this.count++;
    const d = x - this.shift;
    this.s1 += d;
    this.s2 += d * d;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  get mean(): number {
    return this.count > 0 ? this.shift + this.s1 / this.count : 0;
  }

  get sum(): number {
    return this.shift * this.count + this.s1;
  }

  /** Sample variance (n - 1 in the denominator); NaN below two observations. */
  get variance(): number {
    if (this.count < 2) return Number.NaN;
    return Math.max(0, (this.s2 - (this.s1 * this.s1) / this.count) / (this.count - 1));
  }

  reset(): void {
    this.count = 0;
    this.shift = 0;
    this.s1 = 0;
    this.s2 = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
  }
}

/**
 * Many tallies of sums and counts in two flat arrays, for hot loops that add to one of a
 * fixed set of categories (a wait by priority, by stream, by finding, ...).
 */
export class TallyArray {
  readonly sums: Float64Array;
  readonly counts: Float64Array;

  constructor(readonly size: number) {
    this.sums = new Float64Array(size);
    this.counts = new Float64Array(size);
  }

  add(index: number, x: number): void {
    this.sums[index] += x;
    this.counts[index]++;
  }

  mean(index: number): number {
    return this.counts[index] > 0 ? this.sums[index] / this.counts[index] : Number.NaN;
  }

  reset(): void {
    this.sums.fill(0);
    this.counts.fill(0);
  }
}
