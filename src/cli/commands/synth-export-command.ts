import type { CommandModule } from 'yargs';
import { loadScenario } from '../../scenario/load-scenario.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';
import { writeOwnFile } from './export-options.js';

interface SynthArgs {
  scenario: string;
  out: string;
  seed: number;
  arm?: string;
  horizon?: string;
}

export const synthExportCommand: CommandModule<object, SynthArgs> = {
  ...COMMAND_INFO['synth-export'],
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario file (YAML or JSON)', demandOption: true })
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'the CSV file to write' })
      .option('seed', { type: 'number', default: 1, describe: 'seed of the simulated year' })
      .option('arm', { type: 'string', describe: 'arm to simulate (default: the first)' })
      .option('horizon', { type: 'string', describe: 'simulated length, e.g. 1y (overrides the scenario)' })
      .example(
        '$0 synth-export scenarios/widening-gap.yaml --horizon 1y --out export.csv --seed 7',
        'a year of a known department',
      ),
  handler: async (argv) => {
    const { SYNTHETIC_HEADER, syntheticExport } = await import('../../experiment/calibration/synthetic-export.js');
    if (!Number.isInteger(argv.seed)) throw new UsageError(`--seed: expected a whole number, found ${argv.seed}`);
    const scenario = loadScenario(argv.scenario, { set: argv.horizon ? [`horizon=${argv.horizon}`] : [] });
    const names = scenario.resolved.arms.map((a) => a.name);
    const arm = argv.arm === undefined ? 0 : names.indexOf(argv.arm);
    if (arm < 0) throw new UsageError(`--arm: expected one of ${names.map((n) => `"${n}"`).join(', ')}, found "${argv.arm}"`);
    const { text, rows } = syntheticExport(scenario, { arm, seed: argv.seed });
    writeOwnFile(argv.out, text, (first) => first === SYNTHETIC_HEADER.join(','));
    process.stdout.write(
      `Wrote ${argv.out}: ${rows} studies of "${names[arm]}" (seed ${argv.seed}; ids and names are made up)\n`,
    );
  },
};
