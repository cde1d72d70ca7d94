import seedrandom from 'seedrandom';
import { gammaln } from 'simple-statistics';

/** A fitted reading-time distribution (minutes) with 95% intervals of its mean and cv. */
export interface ReadTimeFit {
  dist: 'lognormal' | 'gamma';
  mean: number;
  cv: number;
  meanInterval: [number, number];
  cvInterval: [number, number];
  /** Reads fitted, and log-likelihood of each candidate. */
  n: number;
  logLik: { lognormal: number; gamma: number };
}

/** Reads needed before a stream's own reading times are fitted (else its modality's, then everyone's). */
export const MIN_READS = 50;

/**
 * Outlier rule: durations of 0 or less, or above a cap, are not reading times. The caps are the
 * RIS cull limits of Cowan et al. 2013 (J Med Imaging Radiat Oncol 57:558-66): 10 min for
 * radiography, 30 for ultrasound, 60 for CT and MR (and, our assumption, for anything else).
 */
export function readCapMinutes(modality: string): number {
  return modality === 'XR' ? 10 : modality === 'US' ? 30 : 60;
}

const BOOTSTRAP = 200;

function digamma(x: number): number {
  let r = 0;
  let z = x;
  while (z < 6) {
    r -= 1 / z;
    z += 1;
  }
  const f = 1 / (z * z);
  return r + Math.log(z) - 0.5 / z - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

function trigamma(x: number): number {
  let r = 0;
  let z = x;
  while (z < 6) {
    r += 1 / (z * z);
    z += 1;
  }
  const f = 1 / (z * z);
  return r + 1 / z + f / 2 + (f / z) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}

/** Gamma shape k by maximum likelihood from s = ln(mean) - mean(ln x) (Minka 2002: closed-form start, Newton steps). */
function gammaShape(s: number): number {
  if (!(s > 1e-12)) return 1e6;
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let i = 0; i < 20; i++) {
    const step = (Math.log(k) - digamma(k) - s) / (1 / k - trigamma(k));
    k -= step;
    if (!(k > 0)) k = 1e-6;
    if (Math.abs(step) < 1e-10 * k) break;
  }
  return k;
}

interface Moments {
  n: number;
  sum: number;
  sumLog: number;
  sumLog2: number;
}

function lognormalOf(m: Moments): { mean: number; cv: number; mu: number; s2: number } {
  const mu = m.sumLog / m.n;
  const s2 = Math.max(1e-12, m.sumLog2 / m.n - mu * mu);
  return { mean: Math.exp(mu + s2 / 2), cv: Math.sqrt(Math.exp(s2) - 1), mu, s2 };
}

function gammaOf(m: Moments): { mean: number; cv: number; k: number } {
  const mean = m.sum / m.n;
  const k = gammaShape(Math.log(mean) - m.sumLog / m.n);
  return { mean, cv: 1 / Math.sqrt(k), k };
}

/**
 * Fits lognormal and gamma distributions to reading times (minutes) by maximum likelihood and
 * keeps the one with the higher likelihood. Lognormal: μ and σ² are the mean and (n-divisor)
 * variance of ln x. Gamma: the mean is the sample mean and the shape solves ln k - ψ(k) =
 * ln x̄ - mean(ln x) (Minka 2002). Intervals: percentile bootstrap, 200 resamples, seeded (the
 * same data give the same intervals). The caller applies the outlier rule first.
 */
export function fitReadTimes(minutes: readonly number[], seed = 'readsim-calibration'): ReadTimeFit {
  const n = minutes.length;
  if (n < 2) throw new RangeError(`fitReadTimes needs at least 2 reading times, got ${n}`);
  const logs = Float64Array.from(minutes, (x) => Math.log(x));
  const all: Moments = { n, sum: 0, sumLog: 0, sumLog2: 0 };
  for (let i = 0; i < n; i++) {
    all.sum += minutes[i];
    all.sumLog += logs[i];
    all.sumLog2 += logs[i] * logs[i];
  }
  const ln = lognormalOf(all);
  const ga = gammaOf(all);
  const llLn = -all.sumLog - (n / 2) * Math.log(2 * Math.PI * ln.s2) - n / 2;
  const theta = ga.mean / ga.k;
  const llGa = (ga.k - 1) * all.sumLog - all.sum / theta - n * ga.k * Math.log(theta) - n * gammaln(ga.k);
  const dist: 'lognormal' | 'gamma' = llLn >= llGa ? 'lognormal' : 'gamma';
  const rng = seedrandom(seed);
  const means: number[] = [];
  const cvs: number[] = [];
  for (let b = 0; b < BOOTSTRAP; b++) {
    const m: Moments = { n, sum: 0, sumLog: 0, sumLog2: 0 };
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rng() * n);
      m.sum += minutes[j];
      m.sumLog += logs[j];
      m.sumLog2 += logs[j] * logs[j];
    }
    const f = dist === 'lognormal' ? lognormalOf(m) : gammaOf(m);
    means.push(f.mean);
    cvs.push(f.cv);
  }
  const pct = (xs: number[]): [number, number] => {
    const s = [...xs].sort((a, b) => a - b);
    return [s[Math.floor(0.025 * (s.length - 1))], s[Math.ceil(0.975 * (s.length - 1))]];
  };
  const fit = dist === 'lognormal' ? ln : ga;
  return {
    dist,
    mean: fit.mean,
    cv: fit.cv,
    meanInterval: pct(means),
    cvInterval: pct(cvs),
    n,
    logLik: { lognormal: llLn, gamma: llGa },
  };
}

/**
 * Reading times used when an export has no report-start times: means from the Royal College
 * of Radiologists' planning averages (CT 15 min, MR 20 min), placeholders for the others
 * (ultrasound 5, plain film 1, anything else 10); a cv of 0.6 for all. Marked as assumptions
 * in the scenario.
 */
export function defaultReadTime(modality: string): { mean: number; cv: number; source: string } {
  const table: Record<string, [number, string]> = {
    CT: [15, 'RCR planning average for CT'],
    MR: [20, 'RCR planning average for MR'],
    US: [5, 'placeholder (no published planning average)'],
    XR: [1, 'placeholder (no published planning average)'],
  };
  const [mean, source] = table[modality] ?? [10, 'placeholder (no published planning average)'];
  return { mean, cv: 0.6, source: `assumption: ${source}; cv 0.6 assumed` };
}
