import { EngineError } from './errors.js';

/**
 * Streaming quantiles with a stated relative error (a DDSketch with fixed logarithmic buckets):
 * every quantile of values in [minValue, maxValue] is returned within ±relativeError of a
 * value whose rank is exactly right. Values below minValue count as 0; above maxValue, as
 * maxValue. Memory is fixed (about 1,300 buckets at 1%), whatever the number of values.
 */
export class QuantileSketch {
  readonly gamma: number;
  private readonly logGamma: number;
  private readonly offset: number;
  private readonly buckets: Float64Array;
  private zeros = 0;
  private lowest: number;
  private highest = -1;
  count = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  constructor(
    readonly relativeError = 0.01,
    readonly minValue = 1e-3,
    readonly maxValue = 1e8,
  ) {
    if (!(relativeError > 0 && relativeError < 1)) {
      throw new EngineError(`sketch relative error must lie in (0, 1), got ${relativeError}`);
    }
    if (!(minValue > 0 && maxValue > minValue)) {
      throw new EngineError(`sketch needs 0 < minValue < maxValue, got ${minValue}, ${maxValue}`);
    }
    this.gamma = (1 + relativeError) / (1 - relativeError);
    this.logGamma = Math.log(this.gamma);
    this.offset = Math.ceil(Math.log(minValue) / this.logGamma);
    const top = Math.ceil(Math.log(maxValue) / this.logGamma);
    this.buckets = new Float64Array(top - this.offset + 1);
    this.lowest = this.buckets.length;
  }

  add(x: number): void {
    this.addAt(this.bucketOf(x), x);
  }

  /**
   * The bucket of x (-1 for the zero bucket). Sketches with the same parameters share buckets,
   * so a value added to several of them needs one logarithm: `addAt(bucketOf(x), x)`.
   */
  bucketOf(x: number): number {
    if (x < this.minValue) return -1;
    const i = Math.ceil(Math.log(x) / this.logGamma) - this.offset;
    return i < this.buckets.length ? i : this.buckets.length - 1;
  }

  addAt(i: number, x: number): void {
    this.count++;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    if (i < 0) {
      this.zeros++;
      return;
    }
    this.buckets[i]++;
    if (i < this.lowest) this.lowest = i;
    if (i > this.highest) this.highest = i;
  }

  /** The q-quantile (0 <= q <= 1); NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const rank = q * (this.count - 1);
    if (rank < this.zeros) return Math.max(0, this.min);
    let seen = this.zeros;
    for (let i = this.lowest; i <= this.highest; i++) {
      seen += this.buckets[i];
      if (seen > rank) {
        const estimate = (2 * this.gamma ** (i + this.offset)) / (this.gamma + 1);
        return Math.min(this.max, Math.max(this.min, estimate));
      }
    }
    return this.max;
  }

  /**
   * The sketch's counts as plain data (only the buckets in use), to merge into another sketch
   * with the same parameters (`merge`): what crosses a worker thread.
   */
  state(): QuantileSketchState {
    const used = this.highest >= this.lowest;
    return {
      count: this.count,
      zeros: this.zeros,
      min: this.min,
      max: this.max,
      first: used ? this.lowest : 0,
      buckets: used ? this.buckets.slice(this.lowest, this.highest + 1) : new Float64Array(0),
    };
  }

  /**
   * Adds the counts of another sketch with the same parameters (its `state()`). Exact: the
   * result is bucket for bucket the sketch of all the values of both, so every quantile is the
   * one a single sketch over all the data gives.
   */
  merge(s: QuantileSketchState): void {
    if (s.first < 0 || s.first + s.buckets.length > this.buckets.length) {
      throw new EngineError('merge: the sketches have different parameters');
    }
    this.addCounts(s.count, s.zeros, s.min, s.max, s.buckets, s.first, 0, s.buckets.length);
  }

  /**
   * Adds the counts of another sketch with the same parameters, as `merge` does with its
   * state, without copying: exact, bucket for bucket.
   */
  mergeSketch(other: QuantileSketch): void {
    if (other.buckets.length !== this.buckets.length || other.offset !== this.offset) {
      throw new EngineError('merge: the sketches have different parameters');
    }
    this.addCounts(other.count, other.zeros, other.min, other.max, other.buckets, 0, other.lowest, other.highest + 1);
  }

  /** Adds counts, zeros, min and max, and buckets[from..to) as buckets shift + i. */
  private addCounts(
    count: number,
    zeros: number,
    min: number,
    max: number,
    buckets: Float64Array,
    shift: number,
    from: number,
    to: number,
  ): void {
    if (count === 0) return;
    this.count += count;
    this.zeros += zeros;
    if (min < this.min) this.min = min;
    if (max > this.max) this.max = max;
    for (let i = from; i < to; i++) {
      if (buckets[i] === 0) continue;
      const j = shift + i;
      this.buckets[j] += buckets[i];
      if (j < this.lowest) this.lowest = j;
      if (j > this.highest) this.highest = j;
    }
  }

  /** Empties the sketch (only the buckets used are cleared). */
  reset(): void {
    if (this.highest >= this.lowest) this.buckets.fill(0, this.lowest, this.highest + 1);
    this.lowest = this.buckets.length;
    this.highest = -1;
    this.zeros = 0;
    this.count = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
  }
}

/** A quantile sketch's counts as plain data: buckets[i] is bucket first + i (see QuantileSketch.state). */
export interface QuantileSketchState {
  count: number;
  zeros: number;
  min: number;
  max: number;
  first: number;
  buckets: Float64Array;
}
