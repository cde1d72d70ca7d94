import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { load as loadYaml } from 'js-yaml';
import type { CommandModule } from 'yargs';
import { explainScenario } from '../../experiment/analytic-companion.js';
import { safeFolderName } from '../../report/atomic-folder.js';
import { explainText } from '../../report/explain-text.js';
import { simulatedYears } from '../../report/read-periods.js';
import { loadScenario } from '../../scenario/load-scenario.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';

interface ExplainArgs {
  scenario: string;
  format: 'text' | 'json';
  results?: string;
  set?: string[];
}

export const explainCommand: CommandModule<object, ExplainArgs> = {
  ...COMMAND_INFO.explain,
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario file', demandOption: true })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' as const })
      .option('results', {
        type: 'string',
        describe: 'results folder to compare with (default: output/<scenario name>, if it exists)',
      })
      .option('set', { type: 'string', array: true, describe: 'PATH=VALUE changes, as for run' })
      .example('$0 explain scenarios/widening-gap.yaml', 'when does demand pass capacity, and what does each arm buy?')
      .example(
        '$0 run scenarios/widening-gap.yaml && $0 explain scenarios/widening-gap.yaml',
        'theory and simulation side by side',
      ),
  handler: (argv) => {
    const scenario = loadScenario(argv.scenario, { set: argv.set });
    const explanation = explainScenario(scenario);
    const dir = resolve(argv.results ?? `output/${safeFolderName(scenario.stem)}`);
    const periods = join(dir, 'periods.csv');
    if (argv.results !== undefined && !existsSync(periods))
      throw new UsageError(`--results ${argv.results}: no periods.csv there (run readsim run first)`);
    // Results of another version of the scenario would mislead: they must be of this one.
    let simulated = existsSync(periods) ? simulatedYears(periods) : null;
    let note = '';
    if (simulated) {
      const ranFile = join(dir, 'scenario.resolved.yaml');
      const ran = existsSync(ranFile) ? loadYaml(readFileSync(ranFile, 'utf8')) : null;
      if (!isDeepStrictEqual(ran, JSON.parse(JSON.stringify(scenario.resolved)))) {
        simulated = null;
        note = `(The results in ${dir} are of a different version of this scenario, so they are not shown: run it again to compare.)\n`;
      }
    }
    if (argv.format === 'json') process.stdout.write(`${JSON.stringify({ ...explanation, simulated }, null, 2)}\n`);
    else process.stdout.write(explainText(explanation, simulated) + note);
  },
};
