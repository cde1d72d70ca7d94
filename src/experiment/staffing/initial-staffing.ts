import { HOURS_PER_WEEK } from '../../engine/index.js';
import { erlangShareWithin, holdCdf, priorityShareWithin } from './erlang-share.js';
import type { HourlyLoad } from './hourly-load.js';
import { isHourly, type StaffingTarget } from './staffing-target.js';

/** Thrown when a target cannot be reached at any staffing (the reads alone take too long). */
export class UnreachableTargetError extends Error {
  override readonly name = 'UnreachableTargetError';
}

/**
 * The first staffing guess, readers per hour of the week (168), by the pointwise-stationary
 * approximation (Green, Kolesar and Whitt 2007): each hour is treated as a stationary M/M/c
 * queue with that hour's lagged offered load, and gets the smallest c whose share within target
 * (Erlang C; Cobham's priorities when the worklist reads by priority; the reads' own spread)
 * reaches every hourly target, stepping c up from the offered load. Then, so that every study
 * gets read (longer targets, and priorities without a target), readers are added where the load
 * is highest against the staffing until the week's reading capacity is at least the week's
 * load / `maxUtilisation`. Every hour gets at least `minimum`.
 */
export function initialStaffing(
  load: HourlyLoad,
  targets: readonly StaffingTarget[],
  byPriority: boolean,
  maxUtilisation: number,
  minimum = 1,
): number[] {
  for (const t of targets) {
    const p = load.priorities[t.priority];
    if (!isHourly(t) || p.meanHold <= 0) continue;
    const alone = holdCdf({ mean: p.meanHold, scv: p.holdScv }, t.within);
    if (alone < t.goal)
      throw new UnreachableTargetError(
        `${t.name}: ${Math.round(t.goal * 100)}% within ${t.within} min cannot be reached by adding readers: even with no wait only ${(alone * 100).toFixed(1)}% of its reads (mean ${p.meanHold.toFixed(0)} min of a reader's time, efficiency included) end within ${t.within} min`,
      );
  }
  const staff = new Array<number>(HOURS_PER_WEEK).fill(minimum);
  const all = load.priorities.reduce(
    (acc, p) => {
      const r = p.readRate.reduce((a, b) => a + b, 0);
      return {
        reads: acc.reads + r,
        work: acc.work + r * p.meanHold,
        second: acc.second + r * p.meanHold ** 2 * (1 + p.holdScv),
      };
    },
    { reads: 0, work: 0, second: 0 },
  );
  const allMean = all.reads > 0 ? all.work / all.reads : 1;
  const allHold = { mean: allMean, scv: all.reads > 0 ? all.second / all.reads / allMean ** 2 - 1 : 1 };
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const a = load.total[h];
    if (a <= 0) continue;
    // Effective rates from the lagged loads: λ_p = a_p / τ_p, and one common mean hold Σa / Σλ.
    const rates = load.priorities.map((p) => (p.meanHold > 0 ? p.load[h] / p.meanHold : 0));
    const lambda = rates.reduce((x, y) => x + y, 0);
    const meanHold = a / lambda;
    let c = Math.max(staff[h], Math.floor(a) + 1);
    for (const t of targets) {
      if (!isHourly(t)) continue;
      const p = load.priorities[t.priority];
      const hold = { mean: p.meanHold, scv: p.holdScv };
      const share = (n: number) =>
        byPriority
          ? priorityShareWithin(rates, meanHold, hold, n, t.priority, t.within)
          : erlangShareWithin(lambda, { ...allHold, mean: meanHold }, n, t.within);
      while (share(c) < t.goal) c++;
    }
    staff[h] = c;
  }
  const weeklyLoad = load.total.reduce((x, y) => x + y, 0);
  let weekly = staff.reduce((x, y) => x + y, 0);
  while (weekly * maxUtilisation < weeklyLoad) {
    let best = 0;
    for (let h = 1; h < HOURS_PER_WEEK; h++) if (load.total[h] / staff[h] > load.total[best] / staff[best]) best = h;
    staff[best]++;
    weekly++;
  }
  return staff;
}
