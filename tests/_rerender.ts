// Re-renders the charts of an existing run (for looking at chart changes without re-running).
import { runExperiment } from '../src/experiment/experiment.js';
import { writeResults } from '../src/report/results-folder.js';
import { loadScenario } from '../src/scenario/load-scenario.js';

const s = loadScenario(process.argv[2], { set: process.argv.slice(4) });
const r = await runExperiment(s, { jobs: 2 });
await writeResults(r, process.argv[3]);
