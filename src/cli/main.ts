#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ScenarioError } from '../scenario/scenario-error.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, UsageError } from './cli-error.js';
import { appCommand } from './commands/app-command.js';
import { backtestCommand } from './commands/backtest-command.js';
import { calibrateCommand } from './commands/calibrate-command.js';
import { explainCommand } from './commands/explain-command.js';
import { initCommand } from './commands/init-command.js';
import { listCommand } from './commands/list-command.js';
import { runCommand } from './commands/run-command.js';
import { sweepCommand } from './commands/sweep-command.js';
import { synthExportCommand } from './commands/synth-export-command.js';
import { validateCommand } from './commands/validate-command.js';
import { verifyCommand } from './commands/verify-command.js';

/** The readsim command line: bad input exits 1 with one clear message, a bug exits 2. */
async function main(argv: string[]): Promise<void> {
  await yargs(argv)
    .scriptName('readsim')
    .usage(
      'readsim: the reading-workload simulator (growing imaging volumes, a fixed headcount, and AI)\n\nUsage: $0 <command> [options]',
    )
    .command(runCommand as never)
    .command(validateCommand as never)
    .command(sweepCommand as never)
    .command(explainCommand as never)
    .command(verifyCommand as never)
    .command(initCommand as never)
    .command(listCommand as never)
    .command(appCommand as never)
    .command(calibrateCommand as never)
    .command(backtestCommand as never)
    .command(synthExportCommand as never)
    .demandCommand(
      1,
      'name a command: run, validate, sweep, explain, verify, init, list, app, calibrate, backtest or synth-export',
    )
    .recommendCommands()
    .strict()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilog('Results: output/<scenario>/ holds report.html, summary.json, periods.csv and charts/. Docs: README.md.')
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(`${msg}\n(readsim --help lists the commands and their options)`);
    })
    .parseAsync();
}

main(hideBin(process.argv)).catch((e: unknown) => {
  if (e instanceof ScenarioError || e instanceof UsageError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  } else if (e instanceof Error && e.name === 'AbortError') {
    process.exitCode = EXIT_INTERRUPTED;
  } else {
    process.stderr.write(
      `readsim: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = EXIT_INTERNAL;
  }
});
