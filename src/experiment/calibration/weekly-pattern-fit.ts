/** A stream's hour-of-week arrival pattern: 168 weights with mean 1, Monday 00-01 first. */
export interface PatternFit {
  weights: number[];
  /** 95% interval of each weight (before smoothing). */
  low: number[];
  high: number[];
  /** Studies counted, and whether the weights were smoothed toward a pooled pattern. */
  n: number;
  smoothed: boolean;
}

/** Below this many studies (20 per hour of the week on average) a stream's pattern is smoothed. */
export const SMOOTH_BELOW = 3360;
/** Pseudo-studies the pooled pattern weighs when smoothing (10 per hour of the week). */
export const SMOOTH_WEIGHT = 1680;

/**
 * Hour-of-week weights from counts: rate_h = n_h / E_h (E_h: how often hour h occurs in the
 * data), scaled to mean 1; the interval of each weight is Poisson (±1.96·√n_h, at least
 * √1) on the same scale. A stream with fewer than SMOOTH_BELOW studies is shrunk toward a
 * pooled pattern (its priority's, or the whole department's): share_h = (n·s_h + k·p_h)/(n + k)
 * with k = SMOOTH_WEIGHT pseudo-studies, a standard empirical-Bayes blend.
 */
export function fitPattern(counts: readonly number[], exposure: readonly number[], pooled?: readonly number[]): PatternFit {
  const n = counts.reduce((a, b) => a + b, 0);
  const rate = counts.map((c, h) => (exposure[h] > 0 ? c / exposure[h] : 0));
  const mean = rate.reduce((a, b) => a + b, 0) / 168 || 1;
  const weights = rate.map((r) => r / mean);
  const half = counts.map((c, h) => (exposure[h] > 0 ? (1.96 * Math.sqrt(Math.max(c, 1))) / exposure[h] / mean : 0));
  const low = weights.map((w, h) => Math.max(0, w - half[h]));
  const high = weights.map((w, h) => w + half[h]);
  if (n >= SMOOTH_BELOW || !pooled) return { weights, low, high, n, smoothed: false };
  const pmean = pooled.reduce((a, b) => a + b, 0) / 168 || 1;
  const blended = weights.map((w, h) => (n * w + SMOOTH_WEIGHT * (pooled[h] / pmean)) / (n + SMOOTH_WEIGHT));
  return { weights: blended, low, high, n, smoothed: true };
}
