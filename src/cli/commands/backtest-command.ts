import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import type { Backtest } from '../../experiment/calibration/backtest.js';
import { putChart, writeFolderAtomically } from '../../report/atomic-folder.js';
import { csvText } from '../../report/csv.js';
import { textTable } from '../../report/summary-table.js';
import { loadScenario } from '../../scenario/load-scenario.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';
import { type ExportOptionArgs, exportOptions, loadExport } from './export-options.js';
import { shownPath } from './run-command.js';

interface BacktestArgs extends ExportOptionArgs {
  scenario: string;
  export: string;
  out?: string;
  replications: number;
  seed: number;
  warmup: number;
}

const n = (x: number, unit: string) => (unit === 'hours' ? (x < 10 ? x.toFixed(2) : x.toFixed(1)) : x.toFixed(0));

/** The back-test as a text table: one line per compared figure, with its verdict. */
export function backtestTable(b: Backtest): string[][] {
  const rows = [['figure', 'of', 'observed', 'simulated', '95% interval', 'verdict']];
  for (const l of b.lines)
    rows.push([
      l.kind,
      l.label,
      `${n(l.observed, l.unit)} ${l.unit === 'hours' ? 'h' : ''}`.trim(),
      n(l.simulated, l.unit),
      `${n(l.low, l.unit)} to ${n(l.high, l.unit)}`,
      l.inside ? 'inside' : l.observed > l.high ? 'OUTSIDE (above)' : 'OUTSIDE (below)',
    ]);
  return rows;
}

function backtestCsv(b: Backtest): string {
  // Every field as String(x): numbers in full precision, as this file always had them.
  return csvText(
    ['figure', 'of', 'unit', 'observed', 'simulated', 'low', 'high', 'inside', 'advice'],
    b.lines.map((l) => [l.kind, l.label, l.unit, l.observed, l.simulated, l.low, l.high, l.inside, l.advice].map(String)),
  );
}

export const backtestCommand: CommandModule<object, BacktestArgs> = {
  ...COMMAND_INFO.backtest,
  builder: (y) =>
    exportOptions(y)
      .positional('scenario', { type: 'string', describe: 'the calibrated scenario', demandOption: true })
      .positional('export', { type: 'string', describe: 'the export it was calibrated from (CSV or TSV)', demandOption: true })
      .option('out', { alias: 'o', type: 'string', describe: 'results folder (default: output/backtest-<scenario>)' })
      .option('replications', { alias: 'r', type: 'number', default: 20, describe: 'replications of the simulated period' })
      .option('seed', { type: 'number', default: 1, describe: 'master seed' })
      .option('warmup', { type: 'number', default: 4, describe: 'weeks simulated before the first request' })
      .example('$0 backtest our-department.yaml ris-2025.csv --tz Europe/Paris', 'is this our department?'),
  handler: async (argv) => {
    if (!Number.isInteger(argv.replications) || argv.replications < 2)
      throw new UsageError(`--replications: expected a whole number >= 2, found ${argv.replications}`);
    if (!Number.isInteger(argv.warmup) || argv.warmup < 0)
      throw new UsageError(`--warmup: expected whole weeks >= 0, found ${argv.warmup}`);
    const scenario = loadScenario(argv.scenario);
    const { table, mapping, options } = await loadExport(argv.export, argv);
    const [{ PASS_SHARE, runBacktest }, { CalibrationError }, { readStudies }, { backtestCharts }] = await Promise.all([
      import('../../experiment/calibration/backtest.js'),
      import('../../experiment/calibration/calibration-error.js'),
      import('../../experiment/calibration/export-studies.js'),
      import('../../report/charts/backtest-charts.js'),
    ]);
    let b: Backtest;
    try {
      const data = readStudies(table, mapping, options);
      b = runBacktest(scenario, data, {
        replications: argv.replications,
        seed: argv.seed,
        warmupWeeks: argv.warmup,
        zone: argv.tz,
      });
    } catch (e) {
      if (e instanceof CalibrationError) throw new UsageError(e.message);
      throw e;
    }
    const outDir = resolve(argv.out ?? `output/backtest-${scenario.stem}`);
    const text: string[] = [];
    text.push(
      `${scenario.resolved.name} over ${b.firstDate} to ${b.lastDate} (${b.replications} replications, ${b.warmupDays} days of warm-up before):`,
    );
    text.push(textTable(backtestTable(b)));
    text.push('');
    const inside = b.lines.filter((l) => l.inside).length;
    text.push(
      `${inside} of ${b.lines.length} lines inside the simulation's 95% interval (${(b.insideShare * 100).toFixed(0)}%): ${b.pass ? 'PASS' : 'FAIL'} (at least ${PASS_SHARE * 100}% needed; about 1 line in 20 falls outside by chance, a few more because calibrated numbers are estimates).`,
    );
    const advice = [...new Set(b.lines.filter((l) => !l.inside).map((l) => `${l.kind}, ${l.label}: ${l.advice}`))];
    if (advice.length) {
      text.push('What to adjust:');
      for (const a of advice) text.push(`  - ${a}`);
    }
    for (const note of b.notes) text.push(`Note: ${note}`);
    const charts = backtestCharts(b);
    await writeFolderAtomically(outDir, async (put) => {
      await put('backtest.csv', backtestCsv(b));
      await put('backtest.txt', `${text.join('\n')}\n`);
      for (const c of charts) await putChart(put, c.name, c.spec, 'all');
      await put('charts/captions.txt', `${charts.map((c) => `${c.name}: ${c.caption}`).join('\n')}\n`);
    });
    text.push('');
    text.push(`Results in ${shownPath(outDir)}/ (backtest.txt, backtest.csv, charts/)`);
    process.stdout.write(`${text.join('\n')}\n`);
  },
};
