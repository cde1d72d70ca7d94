/**
 * npm run bench:model: a large department (bench/large-department.yaml: about 500,000 studies a
 * year, 40 readers on a weekly roster, 4 streams, triage + assistance + autonomous AI, 2 arms,
 * 10 years) on one thread. Prints each arm's figures and, last, one JSON line with
 * studies_per_s (all arms counted) and peak_rss_mb. The engine yardstick runs in the same
 * script so the figure can be read against this machine's speed that moment.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Exponential } from '../src/engine/index.js';
import { simulateDepartment } from '../src/model/department.js';
import { loadScenario } from '../src/scenario/load-scenario.js';
import { MmcModel } from './mmc-model.js';

const here = dirname(fileURLToPath(import.meta.url));
// Compiled to .bench-build/bench/, the scenario stays in bench/.
const file = resolve(here, '../../bench/large-department.yaml');
const years = Number(process.argv[2] ?? 10);
const scenario = loadScenario(file, { set: [`horizon=${years}y`] });

function rssMb(): number {
  return process.memoryUsage().rss / 2 ** 20;
}

let studies = 0;
let seconds = 0;
const rssAfterYears: number[] = [];
for (const [a, department] of scenario.departments.entries()) {
  const t0 = process.hrtime.bigint();
  const r = simulateDepartment(department, { seed: 1, replication: 0, arm: scenario.resolved.arms[a].name });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  // Every study that arrived was simulated; the warm-up's are counted too.
  const n = r.periods.arrivals.reduce((x, y) => x + y, 0) + department.streams.reduce((x, s) => x + s.backlog, 0);
  studies += n;
  seconds += wall;
  rssAfterYears.push(rssMb());
  console.log(
    `${r.arm}: ${n} studies in ${wall.toFixed(2)} s = ${(n / wall / 1e6).toFixed(2)} M studies/s; utilisation ${r.stats.utilisation.toFixed(3)}, backlog at end ${r.stats['studies.backlog_end']}, stat p90 TAT ${r.stats['tat.by_priority.stat.p90'].toFixed(1)} min`,
  );
}

// Yardstick: the engine's own M/M/c in this process, for scale.
const t0 = process.hrtime.bigint();
const q = new MmcModel({ lambda: 9, service: new Exponential(1), servers: 10, customers: 1_000_000, seed: 1 }).run();
const engineRate = q.served / (Number(process.hrtime.bigint() - t0) / 1e9);
console.log(`engine M/M/c yardstick in this process: ${(engineRate / 1e6).toFixed(2)} M customers/s`);

console.log(
  JSON.stringify({
    studies_per_s: Math.round(studies / seconds),
    studies,
    years,
    peak_rss_mb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
    engine_customers_per_s: Math.round(engineRate),
    ratio_to_engine: Number((studies / seconds / engineRate).toFixed(3)),
  }),
);
