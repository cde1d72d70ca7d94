import { cobhamMultiServer, erlangC } from '../../formulas/queueing-formulas.js';

/**
 * Share of studies reported within a turnaround target in a stationary M/M/c-type queue, and
 * the smallest number of readers that reaches a share. Sources: Erlang C and
 * P(W > t) = C(c, a) exp(-(cμ - λ)t) for M/M/c (e.g. Gross and Harris, Fundamentals of Queueing
 * Theory); non-preemptive priorities by Cobham's multi-server mean waits, each class's wait,
 * given that it waits, taken as exponential with that mean (exact for one class).
 * Turnaround = wait + the read's hold time, whose distribution is given: exponential (cv 1, the
 * exact M/M/c answer) or lognormal with the reads' mean and cv.
 */

/** The hold time of one read: its mean (minutes) and squared coefficient of variation. */
export interface HoldTime {
  mean: number;
  scv: number;
}

/** Standard normal CDF (Abramowitz and Stegun 7.1.26 for erf; error < 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf =
    1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** P(S <= t) for the hold time: exponential when cv = 1, else lognormal with the same mean and cv. */
export function holdCdf(hold: HoldTime, t: number): number {
  if (t <= 0) return 0;
  if (Math.abs(hold.scv - 1) < 1e-9) return 1 - Math.exp(-t / hold.mean);
  if (hold.scv <= 1e-12) return t >= hold.mean ? 1 : 0;
  const s2 = Math.log1p(hold.scv);
  const m = Math.log(hold.mean) - s2 / 2;
  return normalCdf((Math.log(t) - m) / Math.sqrt(s2));
}

/** P(X + S <= T) for X ~ Exp(theta): exact for exponential S, else Simpson's rule on 400 steps. */
function waitPlusHoldCdf(theta: number, hold: HoldTime, T: number): number {
  if (Math.abs(hold.scv - 1) < 1e-9) {
    const mu = 1 / hold.mean;
    if (Math.abs(theta - mu) < 1e-12 * Math.max(theta, mu)) return 1 - Math.exp(-mu * T) * (1 + mu * T);
    return 1 - (mu * Math.exp(-theta * T) - theta * Math.exp(-mu * T)) / (mu - theta);
  }
  const n = 400;
  const h = T / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const w = i * h;
    const f = theta * Math.exp(-theta * w) * holdCdf(hold, T - w);
    sum += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * f;
  }
  return (sum * h) / 3;
}

/**
 * M/M/c (FIFO) share with wait + read <= target: (1 - C) P(S <= T) + C P(E_{cμ-λ} + S <= T).
 * Rates per minute, target in minutes; 0 when the queue is unstable. Exact for exponential reads.
 */
export function erlangShareWithin(lambda: number, hold: HoldTime, c: number, target: number): number {
  const mu = 1 / hold.mean;
  if (lambda <= 0) return holdCdf(hold, target);
  if (c <= 0 || lambda >= c * mu) return 0;
  const C = erlangC(lambda, mu, c).probabilityWait;
  return (1 - C) * holdCdf(hold, target) + C * waitPlusHoldCdf(c * mu - lambda, hold, target);
}

/** Smallest c with erlangShareWithin >= goal, stepping up from the first stable c; null if none (the reads alone are too long). */
export function smallestErlangServers(lambda: number, hold: HoldTime, target: number, goal: number): number | null {
  if (holdCdf(hold, target) < goal) return null;
  let c = Math.max(1, Math.floor(lambda * hold.mean) + 1);
  while (erlangShareWithin(lambda, hold, c, target) < goal) c++;
  return c;
}

/**
 * Share within target of class k in a non-preemptive priority M/M/c (one read rate for all
 * classes): P(wait) = C(c, a) for every class; given a wait, exponential with mean W_k / C.
 * `rates` highest priority first, per minute; `hold` is class k's read.
 */
export function priorityShareWithin(
  rates: readonly number[],
  meanHold: number,
  hold: HoldTime,
  c: number,
  k: number,
  target: number,
): number {
  const lambda = rates.reduce((a, b) => a + b, 0);
  const mu = 1 / meanHold;
  if (rates[k] <= 0 || lambda <= 0) return holdCdf(hold, target);
  if (c <= 0 || lambda >= c * mu) return 0;
  const C = erlangC(lambda, mu, c).probabilityWait;
  const w = cobhamMultiServer([...rates], mu, c)[k];
  if (!Number.isFinite(w)) return 0;
  if (C <= 0 || w <= 0) return holdCdf(hold, target);
  return (1 - C) * holdCdf(hold, target) + C * waitPlusHoldCdf(C / w, hold, target);
}
