import { runExperiment } from '../src/experiment/experiment.js';
import { writeResults } from '../src/report/results-folder.js';
import { loadScenario } from '../src/scenario/load-scenario.js';

const s = loadScenario(process.argv[2], { set: process.argv.slice(4) });
const t0 = Date.now();
const r = await runExperiment(s, { jobs: 2 });
console.log('ran', Date.now() - t0);
const files = await writeResults(r, process.argv[3]);
console.log('wrote', files.length, Date.now() - t0);
