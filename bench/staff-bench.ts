/**
 * npm run bench:staff [-- YEAR [JOBS]]: the staffing solver on the widening-gap department for
 * one year (default year 1, 2 worker threads), targets emergency 80% within 1 h and inpatient
 * 90% within 24 h. Prints the answer, the wall time, the number of simulation runs and, last,
 * one JSON line. The goal: under a minute on two cores. A yardstick (one run of the same
 * department's year with today's roster, in this thread) is printed beside it, so that the time
 * can be read against this machine's speed at that moment: seconds / yardstick.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEEK } from '../src/engine/index.js';
import { DEFAULT_SHIFT_TEMPLATES } from '../src/experiment/staffing/shift-templates.js';
import { solveStaffing } from '../src/experiment/staffing/staffing-solver.js';
import { simulateDepartment } from '../src/model/department.js';
import { loadScenario } from '../src/scenario/load-scenario.js';

const here = dirname(fileURLToPath(import.meta.url));
// Compiled to .bench-build/bench/, the scenarios stay in scenarios/.
const file = resolve(here, '../../scenarios/widening-gap.yaml');
const year = Number(process.argv[2] ?? 1);
const jobs = Number(process.argv[3] ?? 2);
const scenario = loadScenario(file);
const cfg = scenario.departments[0];

// Yardstick: one search-sized run (4 weeks of warm-up + 26 weeks) of today's roster.
const y0 = process.hrtime.bigint();
simulateDepartment({ ...cfg, horizon: cfg.warmup + 26 * WEEK, periodLength: 60 }, { seed: 1, replication: 0 });
const yardstick = Number(process.hrtime.bigint() - y0) / 1e9;

const t0 = process.hrtime.bigint();
const r = await solveStaffing(cfg, {
  targets: [
    { priority: 0, name: 'emergency', within: 60, goal: 0.8 },
    { priority: 1, name: 'inpatient', within: 24 * 60, goal: 0.9 },
  ],
  years: [year],
  templates: DEFAULT_SHIFT_TEMPLATES,
  seed: scenario.resolved.seed,
  finalReplications: scenario.resolved.replications,
  pool: { jobs },
});
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const y = r.years[0];
console.log(
  `widening gap, year ${year}: headcount ${y.headcount} (scenario ${y.currentHeadcount}), ${y.rosteredHours} rostered hours a week`,
);
r.templates.forEach((t, i) => {
  console.log(`  ${t.name}: ${y.counts[i]}`);
});
for (const t of y.targets)
  console.log(
    `  ${t.priority} within ${t.within} min: ${(t.share.mean * 100).toFixed(1)}% (goal ${(t.goal * 100).toFixed(0)}%) ${t.met ? 'met' : 'NOT met'}`,
  );
console.log(
  `${seconds.toFixed(1)} s on ${jobs} thread(s), ${r.simulationRuns} simulation runs; yardstick run ${yardstick.toFixed(2)} s`,
);
console.log(
  JSON.stringify({
    year,
    jobs,
    seconds: Number(seconds.toFixed(2)),
    simulation_runs: r.simulationRuns,
    headcount: y.headcount,
    yardstick_s: Number(yardstick.toFixed(3)),
    ratio_to_yardstick: Number((seconds / yardstick).toFixed(1)),
  }),
);
