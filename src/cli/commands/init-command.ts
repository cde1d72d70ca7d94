import { copyFileSync, existsSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { findBundledScenario, listBundledScenarios } from '../../scenario/bundled-scenarios.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';

interface InitArgs {
  template: string;
  out?: string;
  force: boolean;
}

export const initCommand: CommandModule<object, InitArgs> = {
  ...COMMAND_INFO.init,
  builder: (y) =>
    y
      .positional('template', { type: 'string', default: 'widening-gap', describe: 'bundled scenario name (see readsim list)' })
      .option('out', { alias: 'o', type: 'string', describe: 'file to write (default: <template>.yaml here)' })
      .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing file' })
      .example('$0 init ed-head-ct-triage --out my-ed.yaml', 'start your own ED scenario from the bundled one'),
  handler: (argv) => {
    const found = findBundledScenario(argv.template);
    if (!found) {
      throw new UsageError(
        `init: "${argv.template}" is not a bundled scenario (${listBundledScenarios()
          .map((s) => s.name)
          .join(', ')})`,
      );
    }
    const out = argv.out ?? `${argv.template}.yaml`;
    if (existsSync(out) && !argv.force) throw new UsageError(`init: ${out} exists; choose another --out or add --force`);
    copyFileSync(found.file, out);
    process.stdout.write(`wrote ${out} (from ${found.name}: ${found.title})\nrun it with: readsim run ${out}\n`);
  },
};
