import { normalQuantile } from '../formulas/normal-quantile.js';
import { EngineError, requireFinite, requireNonNegative, requirePositive } from './errors.js';
import type { RandomStream } from './random-stream.js';

/** A sampling distribution with its first two moments (the analytic companion needs them). */
export interface Distribution {
  readonly kind: DistributionSpec['dist'];
  readonly mean: number;
  readonly variance: number;
  sample(rng: RandomStream): number;
}

/** Plain-data description of a distribution, as a scenario gives it (numbers already in model units). */
export type DistributionSpec =
  | { dist: 'exponential'; mean: number }
  | { dist: 'deterministic'; mean: number }
  | { dist: 'lognormal'; mean: number; cv: number }
  | { dist: 'gamma'; mean: number; cv: number }
  | { dist: 'loglogistic'; mean: number; cv: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: number[] };

export class Exponential implements Distribution {
  readonly kind = 'exponential' as const;
  readonly variance: number;
  constructor(readonly mean: number) {
    requirePositive('exponential mean', mean);
    this.variance = mean * mean;
  }
  sample(rng: RandomStream): number {
    return -this.mean * Math.log(rng.uniform());
  }
}

export class Deterministic implements Distribution {
  readonly kind = 'deterministic' as const;
  readonly variance = 0;
  constructor(readonly mean: number) {
    requireFinite('deterministic value', mean);
  }
  sample(rng: RandomStream): number {
    rng.uniform(); // one draw per sample, like every other distribution, so streams stay aligned
    return this.mean;
  }
}

export class Lognormal implements Distribution {
  readonly kind = 'lognormal' as const;
  readonly variance: number;
  private readonly mu: number;
  private readonly sigma: number;
  constructor(
    readonly mean: number,
    readonly cv: number,
  ) {
    requirePositive('lognormal mean', mean);
    requireNonNegative('lognormal cv', cv);
    const s2 = Math.log(1 + cv * cv);
    this.sigma = Math.sqrt(s2);
    this.mu = Math.log(mean) - s2 / 2;
    this.variance = (mean * cv) ** 2;
  }
  sample(rng: RandomStream): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(rng.uniform()));
  }
}

/** Gamma by mean and cv (shape 1/cv²), sampled with Marsaglia and Tsang's method. */
export class Gamma implements Distribution {
  readonly kind = 'gamma' as const;
  readonly variance: number;
  private readonly shape: number;
  private readonly scale: number;
  private readonly d: number;
  private readonly c: number;
  constructor(
    readonly mean: number,
    readonly cv: number,
  ) {
    requirePositive('gamma mean', mean);
    requireNonNegative('gamma cv', cv);
    this.variance = (mean * cv) ** 2;
    this.shape = cv > 0 ? 1 / (cv * cv) : Number.POSITIVE_INFINITY;
    this.scale = mean * cv * cv;
    const k = this.shape >= 1 ? this.shape : this.shape + 1;
    this.d = k - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
  }
  sample(rng: RandomStream): number {
    if (this.cv === 0) {
      rng.uniform();
      return this.mean;
    }
    const d = this.d;
    const c = this.c;
    let v: number;
    for (;;) {
      const x = normalQuantile(rng.uniform());
      v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = rng.uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) break;
    }
    let g = d * v;
    if (this.shape < 1) g *= rng.uniform() ** (1 / this.shape); // boost for shape < 1
    return g * this.scale;
  }
}

/** Log-logistic by mean and cv: the shape is solved numerically (a finite cv needs shape > 2). */
class LogLogistic implements Distribution {
  readonly kind = 'loglogistic' as const;
  readonly variance: number;
  private readonly alpha: number;
  private readonly invBeta: number;
  constructor(
    readonly mean: number,
    readonly cv: number,
  ) {
    requirePositive('log-logistic mean', mean);
    requireNonNegative('log-logistic cv', cv);
    this.variance = (mean * cv) ** 2;
    if (cv === 0) {
      this.alpha = mean;
      this.invBeta = 0;
      return;
    }
    // b = pi/beta in (0, pi/2); cv² = (2b/sin 2b) / (b/sin b)² - 1 rises from 0 to infinity.
    const cv2 = cv * cv;
    const cvOf = (b: number) => (2 * b) / Math.sin(2 * b) / (b / Math.sin(b)) ** 2 - 1;
    let lo = 1e-9;
    let hi = Math.PI / 2 - 1e-12;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (cvOf(mid) < cv2) lo = mid;
      else hi = mid;
    }
    const b = (lo + hi) / 2;
    this.invBeta = b / Math.PI;
    this.alpha = mean / (b / Math.sin(b));
  }
  sample(rng: RandomStream): number {
    const u = rng.uniform();
    return this.alpha * (u / (1 - u)) ** this.invBeta;
  }
}

class Triangular implements Distribution {
  readonly kind = 'triangular' as const;
  readonly mean: number;
  readonly variance: number;
  private readonly split: number;
  constructor(
    readonly min: number,
    readonly mode: number,
    readonly max: number,
  ) {
    requireFinite('triangular min', min);
    requireFinite('triangular mode', mode);
    requireFinite('triangular max', max);
    if (!(min <= mode && mode <= max && min < max)) {
      throw new EngineError(`triangular needs min <= mode <= max and min < max, got ${min}, ${mode}, ${max}`);
    }
    this.mean = (min + mode + max) / 3;
    this.variance = (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
    this.split = (mode - min) / (max - min);
  }
  sample(rng: RandomStream): number {
    const u = rng.uniform();
    const { min, mode, max } = this;
    return u < this.split
      ? min + Math.sqrt(u * (max - min) * (mode - min))
      : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }
}

class Uniform implements Distribution {
  readonly kind = 'uniform' as const;
  readonly mean: number;
  readonly variance: number;
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    requireFinite('uniform min', min);
    requireFinite('uniform max', max);
    if (!(min <= max)) throw new EngineError(`uniform needs min <= max, got ${min}, ${max}`);
    this.mean = (min + max) / 2;
    this.variance = (max - min) ** 2 / 12;
  }
  sample(rng: RandomStream): number {
    return this.min + (this.max - this.min) * rng.uniform();
  }
}

/** Resamples the given values with equal probability (a bootstrap of observed times). */
class Empirical implements Distribution {
  readonly kind = 'empirical' as const;
  readonly mean: number;
  readonly variance: number;
  private readonly values: Float64Array;
  constructor(values: readonly number[]) {
    if (values.length === 0) throw new EngineError('empirical needs at least one value');
    for (let i = 0; i < values.length; i++) requireFinite(`empirical value ${i + 1}`, values[i]);
    this.values = Float64Array.from(values);
    this.mean = values.reduce((a, b) => a + b, 0) / values.length;
    this.variance = values.reduce((a, b) => a + (b - this.mean) ** 2, 0) / values.length;
  }
  sample(rng: RandomStream): number {
    const n = this.values.length;
    const i = Math.floor(rng.uniform() * n);
    return this.values[i < n ? i : n - 1];
  }
}

/** Builds a distribution from its plain-data description, validating the parameters. */
export function makeDistribution(spec: DistributionSpec): Distribution {
  switch (spec.dist) {
    case 'exponential':
      return new Exponential(spec.mean);
    case 'deterministic':
      return new Deterministic(spec.mean);
    case 'lognormal':
      return new Lognormal(spec.mean, spec.cv);
    case 'gamma':
      return new Gamma(spec.mean, spec.cv);
    case 'loglogistic':
      return new LogLogistic(spec.mean, spec.cv);
    case 'triangular':
      return new Triangular(spec.min, spec.mode, spec.max);
    case 'uniform':
      return new Uniform(spec.min, spec.max);
    case 'empirical':
      return new Empirical(spec.values);
    default:
      throw new EngineError(`unknown distribution ${JSON.stringify((spec as { dist: unknown }).dist)}`);
  }
}

/** Squared coefficient of variation, E[S²] = mean²(1 + scv): what Pollaczek-Khinchine needs. */
export function squaredCv(d: Distribution): number {
  return d.mean === 0 ? 0 : d.variance / (d.mean * d.mean);
}
