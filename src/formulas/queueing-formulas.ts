/**
 * Closed-form queueing results (section 1 and 2 of the shared queueing-theory reference), used
 * by the validation tests, `readsim verify` and `readsim explain`. Time units are whatever the
 * rates are given in; waits are in the reciprocal of the rates' unit.
 */

export interface ErlangCResult {
  /** Offered load a = λ/μ. */
  load: number;
  /** Utilisation ρ = a/c. */
  utilisation: number;
  /** Probability that an arrival waits, C(c, a). */
  probabilityWait: number;
  /** Mean wait in queue W_q. */
  wait: number;
  /** Mean number waiting L_q = λ W_q. */
  queueLength: number;
  /** Mean number in system L = L_q + a. */
  inSystem: number;
}

/** M/M/c with arrival rate λ, service rate μ and c servers (Erlang C). Infinite wait if ρ >= 1. */
export function erlangC(lambda: number, mu: number, c: number): ErlangCResult {
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1) {
    return { load: a, utilisation: rho, probabilityWait: 1, wait: Infinity, queueLength: Infinity, inSystem: Infinity };
  }
  // Sum a^k/k! iteratively for numerical stability at large c.
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - rho);
  const pw = c === 0 ? 1 : last / (sum + last);
  const wait = pw / (c * mu - lambda);
  return { load: a, utilisation: rho, probabilityWait: pw, wait, queueLength: lambda * wait, inSystem: lambda * wait + a };
}

/** Mean number in an M/M/c system (used by the preemptive-resume multi-server formula). */
export function mmcInSystem(lambda: number, mu: number, c: number): number {
  if (lambda === 0) return 0;
  return erlangC(lambda, mu, c).inSystem;
}

/** M/G/1 mean wait by Pollaczek-Khinchine: λE[S²] / (2(1-ρ)), with E[S²] = m²(1 + scv). */
export function pollaczekKhinchine(lambda: number, meanService: number, scv: number): number {
  const rho = lambda * meanService;
  if (rho >= 1) return Infinity;
  return (lambda * meanService * meanService * (1 + scv)) / (2 * (1 - rho));
}

/** A class of a priority queue: its arrival rate, mean service and squared cv of service. */
export interface PriorityClass {
  rate: number;
  meanService: number;
  scv: number;
}

function secondMoment(k: PriorityClass): number {
  return k.meanService * k.meanService * (1 + k.scv);
}

/** Non-preemptive priority M/G/1 (Cobham): W_k = W0 / ((1-σ_{k-1})(1-σ_k)); class 0 first. */
export function cobham(classes: PriorityClass[]): number[] {
  const w0 = classes.reduce((s, k) => s + (k.rate * secondMoment(k)) / 2, 0);
  let sigma = 0;
  return classes.map((k) => {
    const before = sigma;
    sigma += k.rate * k.meanService;
    return sigma >= 1 ? Infinity : w0 / ((1 - before) * (1 - sigma));
  });
}

/** Non-preemptive priority M/M/c with one μ for all classes (Cobham multi-server). */
export function cobhamMultiServer(rates: number[], mu: number, c: number): number[] {
  const lambda = rates.reduce((a, b) => a + b, 0);
  const ec = erlangC(lambda, mu, c);
  const base = ec.probabilityWait / (c * mu);
  let sigma = 0;
  return rates.map((r) => {
    const before = sigma;
    sigma += r / (c * mu);
    return sigma >= 1 ? Infinity : base / ((1 - before) * (1 - sigma));
  });
}

/** Preemptive-resume priority M/G/1: mean wait (time in system minus own service) per class. */
export function preemptiveResume(classes: PriorityClass[]): number[] {
  let sigma = 0;
  let residual = 0;
  return classes.map((k) => {
    const before = sigma;
    sigma += k.rate * k.meanService;
    residual += (k.rate * secondMoment(k)) / 2;
    if (sigma >= 1) return Infinity;
    const t = k.meanService / (1 - before) + residual / ((1 - before) * (1 - sigma));
    return t - k.meanService;
  });
}

/**
 * Preemptive-resume priority M/M/c with one μ (exact): the higher classes do not see the lower
 * ones, so L_k = L(λ_1..k) - L(λ_1..k-1) and W_k = L_k/λ_k - 1/μ.
 */
export function preemptiveResumeMultiServer(rates: number[], mu: number, c: number): number[] {
  let cum = 0;
  return rates.map((r) => {
    const before = mmcInSystem(cum, mu, c);
    cum += r;
    const after = mmcInSystem(cum, mu, c);
    return r > 0 ? (after - before) / r - 1 / mu : 0;
  });
}

/** Kleinrock's conservation law for a non-preemptive M/G/1: Σ ρ_k W_k = ρ W0 / (1 - ρ). */
export function conservationLaw(classes: PriorityClass[]): number {
  const rho = classes.reduce((s, k) => s + k.rate * k.meanService, 0);
  const w0 = classes.reduce((s, k) => s + (k.rate * secondMoment(k)) / 2, 0);
  return rho >= 1 ? Infinity : (rho * w0) / (1 - rho);
}

/** Years until utilisation ρ0 growing at g a year reaches 1: ln(1/ρ0)/ln(1+g). */
export function yearsToSaturation(rho0: number, growth: number): number {
  if (rho0 >= 1) return 0;
  if (growth <= 0) return Infinity;
  return Math.log(1 / rho0) / Math.log1p(growth);
}

/** Extra years a read-time cut s buys at growth g: -ln(1-s)/ln(1+g). */
export function yearsBoughtByReadTimeCut(cut: number, growth: number): number {
  if (growth <= 0) return Infinity;
  return -Math.log(1 - cut) / Math.log1p(growth);
}

/**
 * Fluid approximation of the backlog: ∫ max(0, λ(t) - capacity) dt from the crossing to `t`,
 * for λ(t) = λ0 (1+g)^(t/year) against a constant capacity (rates per the same time unit as
 * `year`).
 */
export function fluidBacklog(lambda0: number, growth: number, capacity: number, t: number, year: number): number {
  if (lambda0 <= 0) return 0;
  const beta = Math.log1p(growth) / year;
  const cross = lambda0 >= capacity ? 0 : beta > 0 ? Math.log(capacity / lambda0) / beta : Infinity;
  if (t <= cross) return 0;
  const arrivals = beta === 0 ? lambda0 * (t - cross) : (lambda0 * (Math.exp(beta * t) - Math.exp(beta * cross))) / beta;
  return arrivals - capacity * (t - cross);
}
