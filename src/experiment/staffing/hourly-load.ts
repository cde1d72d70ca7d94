import { HOURS_PER_WEEK } from '../../engine/index.js';
import type { DepartmentConfig } from '../../model/department-config.js';
import { streamReadMoments } from '../analytic-companion.js';

/** One priority's demand on the readers, hour by hour over the week. */
export interface PriorityHourlyLoad {
  name: string;
  /** Human reads arriving per minute, per hour of the week (168, Monday 00-01 first). */
  readRate: number[];
  /** Mean reader-minutes one read holds a reader (human work / efficiency). */
  meanHold: number;
  /** Squared coefficient of variation of the hold time. */
  holdScv: number;
  /**
   * Offered load in readers per hour of the week, lagged: the mean number of reads in progress
   * in an infinite-reader model (the modified offered load, Green, Kolesar and Whitt 2007).
   */
  load: number[];
}

export interface HourlyLoad {
  priorities: PriorityHourlyLoad[];
  /** Sum of the priorities' lagged loads (readers), per hour of the week. */
  total: number[];
}

/**
 * Offered load per hour of the week for a department whose volumes are scaled by `years` of
 * each stream's growth. Reads are the jobs (double reading counts twice); a read holds a
 * reader work / efficiency minutes (the reader group's efficiency). The lag solves
 * dm/dt = λ(t) - m/τ over the week (exact for exponential holds), hour by hour, until periodic.
 */
export function hourlyLoad(cfg: DepartmentConfig, years: number, efficiency: number): HourlyLoad {
  const priorities: PriorityHourlyLoad[] = cfg.priorities.map((p) => ({
    name: p.name,
    readRate: new Array<number>(HOURS_PER_WEEK).fill(0),
    meanHold: 0,
    holdScv: 1,
    load: new Array<number>(HOURS_PER_WEEK).fill(0),
  }));
  const work = cfg.priorities.map(() => 0);
  const second = cfg.priorities.map(() => 0);
  cfg.streams.forEach((st, s) => {
    const m = streamReadMoments(cfg, s);
    const mean = st.pattern.reduce((a, b) => a + b, 0) / HOURS_PER_WEEK;
    const volume = st.volume * (1 + st.growth) ** years;
    const p = priorities[st.priority];
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      const r = (volume * st.pattern[h] * m.reads) / mean;
      p.readRate[h] += r;
      work[st.priority] += r * m.mean;
      second[st.priority] += r * m.second;
    }
  });
  priorities.forEach((p, i) => {
    const reads = p.readRate.reduce((a, b) => a + b, 0);
    p.meanHold = reads > 0 ? work[i] / reads / efficiency : 0;
    if (reads > 0) p.holdScv = second[i] / reads / (work[i] / reads) ** 2 - 1;
    const tau = p.meanHold;
    if (tau <= 0) return;
    // Start at the weekly mean and run three weeks: the lag forgets its start in a few τ.
    let m = (reads / HOURS_PER_WEEK) * tau;
    const decay = Math.exp(-60 / tau);
    for (let week = 0; week < 3; week++) {
      for (let h = 0; h < HOURS_PER_WEEK; h++) {
        const target = p.readRate[h] * tau;
        p.load[h] = target + ((m - target) * tau * (1 - decay)) / 60;
        m = target + (m - target) * decay;
      }
    }
  });
  const total = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (const p of priorities) for (let h = 0; h < HOURS_PER_WEEK; h++) total[h] += p.load[h];
  return { priorities, total };
}
