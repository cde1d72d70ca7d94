import type { Argv } from 'yargs';
import { loadScenario } from '../../scenario/load-scenario.js';
import { ScenarioError } from '../../scenario/scenario-error.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';

export const validateCommand = {
  ...COMMAND_INFO.validate,
  builder: (y: Argv) =>
    y
      .positional('scenarios', { type: 'string', array: true, describe: 'scenario files', demandOption: true })
      .option('set', { type: 'string', array: true, describe: 'PATH=VALUE changes to check as well' })
      .example('$0 validate scenarios/*.yaml', 'check every bundled scenario'),
  handler: (argv: { scenarios: string[]; set?: string[] }) => {
    let bad = 0;
    for (const file of argv.scenarios) {
      try {
        const s = loadScenario(file, { set: argv.set });
        process.stdout.write(`${file}: ok (${s.resolved.name}; ${s.resolved.arms.length} arm(s))\n`);
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        process.stderr.write(`${e.message}\n`);
        bad++;
      }
    }
    if (bad > 0) throw new UsageError(`${bad} of ${argv.scenarios.length} file(s) have problems`);
  },
};
