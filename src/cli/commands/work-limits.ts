import { defaultJobs } from '../../experiment/default-jobs.js';
import { estimateWork, workTooBig } from '../../experiment/work-estimate.js';
import type { LoadedScenario } from '../../scenario/load-scenario.js';
import { UsageError } from '../cli-error.js';

/**
 * Refuses (exit 1) a run whose estimated work passes the limits, before any of it is done,
 * saying the estimate and how to go on; `--force` runs it anyway.
 */
export function checkWorkLimits(
  scenarios: LoadedScenario | LoadedScenario[],
  options: { replications?: number; replication?: number; seed?: number; jobs?: number; force: boolean },
): void {
  if (options.force) return;
  const all = Array.isArray(scenarios) ? scenarios : [scenarios];
  const jobs = options.jobs ?? defaultJobs();
  // Most runs pass even if every study waited at once; only the others need the fluid estimate.
  if (workTooBig(estimateWork(all, { ...options, jobs, backlog: 'all' })) === null) return;
  const why = workTooBig(estimateWork(all, { ...options, jobs }));
  if (why)
    throw new UsageError(
      `${all[0].file}: ${why}. Use fewer replications (-r), fewer threads (-j), a shorter horizon (--horizon), smaller volumes or backlogs, or --force to run it anyway`,
    );
}
