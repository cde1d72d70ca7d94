import type { CommandModule } from 'yargs';
import { listBundledScenarios } from '../../scenario/bundled-scenarios.js';
import { COMMAND_INFO } from '../command-list.js';

export const listCommand: CommandModule<object, object> = {
  ...COMMAND_INFO.list,
  builder: (y) => y.example('$0 list', 'what scenarios readsim ships with'),
  handler: () => {
    const all = listBundledScenarios();
    const width = Math.max(...all.map((s) => s.name.length), 4);
    for (const s of all) {
      const first = s.description.split(/(?<=\.)\s/)[0] ?? '';
      process.stdout.write(`${s.name.padEnd(width)}  ${s.title}${first ? `: ${first}` : ''}\n`);
    }
    process.stdout.write(`\nreadsim init <name> writes one to start from; readsim run scenarios/<name>.yaml runs it.\n`);
  },
};
