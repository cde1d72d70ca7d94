import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateDepartment } from '../src/model/department.js';
import { loadScenario } from '../src/scenario/load-scenario.js';

const here = dirname(fileURLToPath(import.meta.url));
const s = loadScenario(resolve(here, '../../bench/large-department.yaml'), { set: ['horizon=3y'] });
for (const d of s.departments) {
  const t0 = Date.now();
  simulateDepartment(d, { seed: 1, replication: 0 });
  console.log(Date.now() - t0);
}
