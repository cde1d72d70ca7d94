/**
 * npm run bench:groups: does finding work cost more with many reader groups? (issue 12)
 * The same department twice: 100 readers around the clock in one group, and in 50 groups of 2
 * that all read everything; 4 modalities, 2 priorities, reads of 15 minutes on average,
 * arrivals at 95% of the reading capacity (so that readers are often all busy and arrivals
 * often wait), 8 weeks. Both runs see the same studies. The CPU time of each (user + system,
 * the steadier measure on a shared machine) is taken as the best of 3 alternating runs; the
 * script prints the ratio many groups / one group (goal: at most 1.1) as the last line, JSON.
 */
import { simulateDepartment } from '../src/model/department.js';
import type { DepartmentConfig } from '../src/model/department-config.js';
import { validateScenario } from '../src/scenario/load-scenario.js';

const READERS = 100;
const GROUPS = 50;
const MODALITIES = ['CT', 'MR', 'XR', 'US'];
// Capacity: 100 readers x 4 reads an hour = 9,600 reads a day; 95% of it, split over the streams.
const perDay = (READERS * 4 * 24 * 0.95) / (MODALITIES.length * 2);

function department(groups: number): DepartmentConfig {
  const raw = {
    name: `${groups} reader group${groups > 1 ? 's' : ''}`,
    horizon: '8w',
    warmup: '1w',
    period: 'week',
    priorities: [
      { name: 'urgent', target: '1h' },
      { name: 'routine', target: '2d' },
    ],
    streams: MODALITIES.flatMap((m) =>
      ['urgent', 'routine'].map((p) => ({
        name: `${m}-${p}`,
        modality: m,
        priority: p,
        volume: `${perDay}/day`,
        readTime: { dist: 'exponential', mean: '15m' },
      })),
    ),
    readers: Array.from({ length: groups }, (_, g) => ({
      name: `group-${g}`,
      count: READERS / groups,
      roster: [{ days: 'all', from: '00:00', to: '24:00', on: READERS / groups }],
    })),
  };
  return validateScenario('groups-bench.yaml', raw).departments[0];
}

function cpuSeconds(config: DepartmentConfig): { cpu: number; reads: number } {
  const u0 = process.cpuUsage();
  const r = simulateDepartment(config, { seed: 1, replication: 0 });
  const used = process.cpuUsage(u0);
  return { cpu: (used.user + used.system) / 1e6, reads: r.stats['studies.human_reads'] ?? Number.NaN };
}

const one = department(1);
const many = department(GROUPS);
let bestOne = Number.POSITIVE_INFINITY;
let bestMany = Number.POSITIVE_INFINITY;
let reads = 0;
for (let i = 0; i < 3; i++) {
  const a = cpuSeconds(one);
  const b = cpuSeconds(many);
  bestOne = Math.min(bestOne, a.cpu);
  bestMany = Math.min(bestMany, b.cpu);
  reads = a.reads;
}
console.log(`one group of ${READERS} readers: ${bestOne.toFixed(3)} s CPU (${reads} reads after the warm-up)`);
console.log(`${GROUPS} groups of ${READERS / GROUPS} readers, all reading everything: ${bestMany.toFixed(3)} s CPU`);
console.log(JSON.stringify({ groups: GROUPS, cpu_one_group_s: bestOne, cpu_many_groups_s: bestMany, ratio: bestMany / bestOne }));
