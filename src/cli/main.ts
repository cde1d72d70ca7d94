#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { packageRoot } from '../scenario/package-root.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_TERMINATED, UsageError } from './cli-error.js';
import { COMMAND_INFO, type CommandName, loadCommand } from './command-list.js';
import { type DeclaredOptions, refuseMissingValues } from './missing-values.js';
import { refuseRepeatedOptions } from './repeated-options.js';
import { interruptedBy } from './stop-signal.js';

/**
 * The readsim command line: bad input exits 1 with one clear message, a bug exits 2. Only the
 * command named on the line is loaded; the others are listed by name and description.
 */
async function main(argv: string[]): Promise<void> {
  const y = yargs(argv)
    .scriptName('readsim')
    .usage(
      'readsim: the reading-workload simulator (growing imaging volumes, a fixed headcount, and AI)\n\nUsage: $0 <command> [options]',
    );
  const asksHelp = argv.includes('--help') || argv.includes('-h');
  // Every command whose name is on the line is loaded (an option's value may look like one).
  for (const name of Object.keys(COMMAND_INFO) as CommandName[]) {
    if (argv.includes(name))
      await loadCommand(name, (module) => {
        y.command(module);
      });
    else y.command({ ...COMMAND_INFO[name], handler: () => {} });
  }
  await y
    .demandCommand(
      1,
      'name a command: run, validate, sweep, staff, explain, verify, init, list, app, calibrate, backtest or synth-export',
    )
    // (getOptions is yargs' own, left out of its type declarations: the options declared so far.)
    .middleware((args) => refuseRepeatedOptions(args, (y as unknown as { getOptions(): { array: string[] } }).getOptions()), true)
    .middleware(() => refuseMissingValues(argv, (y as unknown as { getOptions(): DeclaredOptions }).getOptions()), true)
    .recommendCommands()
    // yargs' own messages in English, as ours are, whatever the machine's language.
    .locale('en')
    .strict()
    .help()
    .alias('help', 'h')
    // The version from readsim's own package.json (yargs would look for it from the bundle's folder).
    .version(packageVersion())
    // yargs lays out the chosen command's help text on every run, in case it is asked for: some
    // tens of milliseconds wrapped to the terminal, about half that unwrapped. It is shown only
    // for --help (usage errors print our message alone), so only then is it wrapped.
    .wrap(asksHelp ? Math.min(110, process.stdout.columns || 100) : null)
    .middleware(() => skipHelpCache(y), true)
    .epilog('Results: output/<scenario>/ holds report.html, summary.json, periods.csv and charts/. Docs: README.md.')
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(`${msg}\n(readsim --help lists the commands and their options)`);
    })
    .parseAsync();
}

/**
 * yargs lays out the help text of the command it runs just after starting its handler (its
 * "cacheHelpMessage", 20-25 ms on the main thread while the command loads), so that a failure
 * could show it. readsim's failures print their own message, never the help, and --help does
 * not run a handler: the layout is skipped. yargs is pinned (package.json); if a later version
 * has no such method, nothing is changed.
 */
function skipHelpCache(y: unknown): void {
  const internal = (y as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } })
    .getInternalMethods?.()
    .getUsageInstance?.();
  if (internal && typeof internal.cacheHelpMessage === 'function') internal.cacheHelpMessage = () => {};
}

/** readsim's version, from its package.json. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(import.meta.url), 'package.json'), 'utf8')) as { version: string }).version;
}

main(hideBin(process.argv)).catch((e: unknown) => {
  // Bad-input errors are told by name: their modules (and the schema) are not loaded for --help.
  if ((e instanceof Error && (e.name === 'ScenarioError' || e.name === 'OutputFolderError')) || e instanceof UsageError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  } else if (e instanceof Error && e.name === 'AbortError') {
    process.exitCode = interruptedBy() === 'SIGTERM' ? EXIT_TERMINATED : EXIT_INTERRUPTED;
  } else {
    // A bug: one line, and the stack only when asked for.
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const first = text.split('\n')[0].slice(0, 300);
    process.stderr.write(
      `readsim: internal error (a bug; please report it with the scenario and command): ${first}${process.env.READSIM_DEBUG ? `\n${(e as Error)?.stack ?? ''}` : ' (READSIM_DEBUG=1 shows where)'}\n`,
    );
    process.exitCode = EXIT_INTERNAL;
  }
});
