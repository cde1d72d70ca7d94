import type { CommandModule } from 'yargs';
import { loadScenario } from '../../scenario/load-scenario.js';
import { ScenarioError } from '../../scenario/scenario-error.js';
import { EXIT_BAD_INPUT, UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';
import { checkWorkLimits } from './work-limits.js';

interface ValidateArgs {
  scenarios: string[];
  set?: string[];
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  ...COMMAND_INFO.validate,
  builder: (y) =>
    y
      .positional('scenarios', { type: 'string', array: true, describe: 'scenario files', demandOption: true })
      .option('set', { type: 'string', array: true, describe: 'PATH=VALUE changes to check as well' })
      .example('$0 validate scenarios/*.yaml', 'check every bundled scenario'),
  handler: (argv) => {
    let bad = 0;
    for (const file of argv.scenarios) {
      try {
        const s = loadScenario(file, { set: argv.set });
        // Valid means it runs: a scenario that run would refuse as too big is refused here too.
        checkWorkLimits(s, { force: false });
        process.stdout.write(`${file}: ok (${s.resolved.name}; ${s.resolved.arms.length} arm(s))\n`);
      } catch (e) {
        if (!(e instanceof ScenarioError || e instanceof UsageError)) throw e;
        process.stderr.write(`${e.message}\n`);
        bad++;
      }
    }
    // One file: its problems are the message. Several: one more line says how many had problems.
    if (bad > 0 && argv.scenarios.length > 1) throw new UsageError(`${bad} of ${argv.scenarios.length} file(s) have problems`);
    if (bad > 0) process.exitCode = EXIT_BAD_INPUT;
  },
};
