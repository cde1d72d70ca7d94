/**
 * Count, mean, variance (Welford), min and max of observations, in constant memory.
 */
export class Tally {
  count = 0;
  mean = 0;
  private m2 = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  add(x: number): void {
    const n = ++this.count;
    const d = x - this.mean;
    this.mean += d / n;
    this.m2 += d * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  get sum(): number {
    return this.mean * this.count;
  }

  /** Sample variance (n - 1 in the denominator); NaN below two observations. */
  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : Number.NaN;
  }

  reset(): void {
    this.count = 0;
    this.mean = 0;
    this.m2 = 0;
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
