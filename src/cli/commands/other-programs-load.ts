import { cpus, loadavg } from 'node:os';

/**
 * Shortest window (ms) over which the CPU times are read; below it, the 1-minute load average is
 * used. The times tick in hundredths of a second per core: over 50 ms on two cores the reading
 * is within about 0.4 of a core.
 */
const MIN_WINDOW_MS = 50;

/**
 * Starts watching how busy the machine's cores are with other programs than this one, and
 * returns a function that says it: the cores other programs kept busy on average since this call
 * (busy time of every core from `os.cpus()` minus this process's own CPU time, all its threads,
 * over the wall time). Unlike the 1-minute load average, it does not count this user's previous
 * runs of readsim, which ended before this one started. When less than MIN_WINDOW_MS has
 * passed, or the counts are not available, it
 * returns the 1-minute load average instead. Never negative.
 */
export function watchOtherProgramsLoad(): () => number {
  const cores0 = cpus();
  const own0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  return () => {
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const cores1 = cpus();
    if (wallMs < MIN_WINDOW_MS || cores0.length === 0 || cores1.length !== cores0.length) return loadavg()[0];
    let busyMs = 0;
    for (let i = 0; i < cores1.length; i++) {
      const a = cores0[i].times;
      const b = cores1[i].times;
      busyMs += b.user - a.user + (b.nice - a.nice) + (b.sys - a.sys) + (b.irq - a.irq);
    }
    const own = process.cpuUsage(own0);
    const ownMs = (own.user + own.system) / 1000;
    return Math.max(0, (busyMs - ownMs) / wallMs);
  };
}
