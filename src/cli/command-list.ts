import type { CommandModule } from 'yargs';

/**
 * The commands' names and one-line descriptions, apart from their code: `readsim --help` lists
 * them without loading any command's module (and the scenario, experiment and report code each
 * brings), and `readsim <command>` loads that command's module only.
 */
export interface CommandInfo {
  command: string;
  describe: string;
}

export const COMMAND_INFO = {
  run: { command: 'run <scenario>', describe: 'run every arm and replication, write the results folder, print a summary' },
  validate: { command: 'validate <scenarios..>', describe: 'check scenario files without running them' },
  sweep: { command: 'sweep <scenario>', describe: 'run a grid of variants and chart a metric against the varied values' },
  staff: {
    command: 'staff <scenario>',
    describe: 'the smallest weekly roster that meets turnaround targets, per year: a hiring plan',
  },
  explain: {
    command: 'explain <scenario>',
    describe: 'the analytic companion: load, capacity, the crossing year, what AI buys, wait and backlog estimates',
  },
  verify: { command: 'verify', describe: 'run the built-in checks of the model against queueing theory' },
  init: { command: 'init [template]', describe: 'write a bundled scenario to a file to start from' },
  list: { command: 'list', describe: 'list the bundled scenarios' },
  app: {
    command: 'app',
    describe: 'the classroom app in the browser: lessons, a day in the reading room, a playground (no network needed)',
  },
  calibrate: {
    command: 'calibrate <export>',
    describe: 'fit a scenario to a RIS export (CSV/TSV, one row per study): volumes, growth, patterns, reading times, roster',
  },
  backtest: {
    command: 'backtest <scenario> <export>',
    describe: 'run a scenario over an export\u2019s period and compare: monthly volumes, turnaround per priority and by hour',
  },
  'synth-export': {
    command: 'synth-export <scenario>',
    describe: 'write a synthetic RIS export (one row per study) from a scenario: made-up ids, simulated times',
  },
} satisfies Record<string, CommandInfo>;

export type CommandName = keyof typeof COMMAND_INFO;

/**
 * What is done with a loaded command module. Each module is typed `CommandModule<object, Args>`
 * (the compiler checks that its builder declares every argument its handler reads); a generic
 * receiver keeps that type without a cast.
 */
export type CommandReceiver = <U>(module: CommandModule<object, U>) => void;

/** Loads one command's module (its yargs definition: command, describe, builder, handler) and hands it to `use`. */
export async function loadCommand(name: CommandName, use: CommandReceiver): Promise<void> {
  switch (name) {
    case 'run':
      return use((await import('./commands/run-command.js')).runCommand);
    case 'validate':
      return use((await import('./commands/validate-command.js')).validateCommand);
    case 'sweep':
      return use((await import('./commands/sweep-command.js')).sweepCommand);
    case 'staff':
      return use((await import('./commands/staff-command.js')).staffCommand);
    case 'explain':
      return use((await import('./commands/explain-command.js')).explainCommand);
    case 'verify':
      return use((await import('./commands/verify-command.js')).verifyCommand);
    case 'init':
      return use((await import('./commands/init-command.js')).initCommand);
    case 'list':
      return use((await import('./commands/list-command.js')).listCommand);
    case 'app':
      return use((await import('./commands/app-command.js')).appCommand);
    case 'calibrate':
      return use((await import('./commands/calibrate-command.js')).calibrateCommand);
    case 'backtest':
      return use((await import('./commands/backtest-command.js')).backtestCommand);
    case 'synth-export':
      return use((await import('./commands/synth-export-command.js')).synthExportCommand);
  }
}
