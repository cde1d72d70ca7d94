import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { parseVary, runSweep, sweepVariants } from '../../experiment/sweep.js';
import { simulateDepartment } from '../../model/department.js';
import type { ChartFormats } from '../../report/render-chart.js';
import { statAt } from '../../report/summary-table.js';
import { writeSweep } from '../../report/sweep-output.js';
import { suggest } from '../../scenario/scenario-error.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';
import { interruptSignal, progressBar } from '../progress.js';
import { shownPath } from './run-command.js';
import { chartsOption, checkSimulationArgs, type SimulationArgs, simulationOptions } from './shared-options.js';

interface SweepArgs extends SimulationArgs {
  scenario: string;
  vary: string[];
  metric: string;
  out?: string;
  charts: ChartFormats;
}

export const sweepCommand = {
  ...COMMAND_INFO.sweep,
  builder: (y: Argv) =>
    chartsOption(simulationOptions(y), 'all')
      .positional('scenario', { type: 'string', describe: 'scenario file', demandOption: true })
      .option('vary', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'PATH=V1,V2,... (repeatable; the grid of all combinations)',
      })
      .option('metric', {
        type: 'string',
        default: 'wait.all',
        describe: 'the summary.json statistic to chart, e.g. studies.backlog_end',
      })
      .option('out', { alias: 'o', type: 'string', describe: 'results folder (default: output/<scenario name>-sweep)' })
      .example(
        '$0 sweep scenarios/ai-speed-sensitivity.yaml --vary ai.reading-assist.readTimeFactor=0.73,0.9,1,1.18 --metric studies.backlog_end',
        'a line of the backlog against the AI speed-up',
      )
      .example(
        '$0 sweep x.yaml --vary readers.general.count=4,5,6 --vary ai.ich-triage.sensitivity=0.8,0.9,0.95',
        'a heatmap of two parameters',
      ),
  handler: async (argv: SweepArgs) => {
    const { set } = checkSimulationArgs(argv);
    const axes = argv.vary.map((v) => {
      const a = parseVary(v);
      if (!a) throw new UsageError(`--vary ${v}: expected PATH=V1,V2,... such as readers.general.count=4,5,6`);
      return a;
    });
    const variants = sweepVariants(argv.scenario, axes, { set });
    // The statistic names do not depend on the run's length: check the metric before running.
    const first = variants[0].scenario.departments[0];
    const known = Object.keys(simulateDepartment({ ...first, horizon: 1, warmup: 0 }, { seed: 1, replication: 0 }).stats);
    if (!known.includes(argv.metric)) {
      const hint = suggest(argv.metric, known);
      throw new UsageError(
        `--metric ${argv.metric}: not a statistic of this scenario${hint ? ` (did you mean ${hint}?)` : ''}; see summary.json of a run for the names`,
      );
    }
    const stem = variants[0].scenario.stem;
    const outDir = resolve(argv.out ?? `output/${stem}-sweep`);
    const interrupt = interruptSignal();
    const bar = progressBar(!argv.quiet, `sweep of ${variants.length} variants`);
    try {
      const sweep = await runSweep(variants, axes, {
        replications: argv.replications,
        seed: argv.seed,
        jobs: argv.jobs,
        signal: interrupt.signal,
        onProgress: bar.update,
      });
      bar.stop();
      await writeSweep(sweep, argv.metric, outDir, argv.charts);
      const header = [...axes.map((a) => a.path), 'arm', argv.metric];
      const lines = [header.join('\t')];
      sweep.results.forEach((r, v) => {
        for (const arm of r.summary.arms) {
          const s = statAt(arm, argv.metric);
          const ci = s?.ci95 ? ` [${s.ci95[0]}, ${s.ci95[1]}]` : '';
          lines.push([...axes.map((a) => variants[v].settings[a.path]), arm.name, `${s?.mean ?? '-'}${ci}`].join('\t'));
        }
      });
      process.stdout.write(
        `${lines.join('\n')}\n\nResults in ${shownPath(outDir)}/ (sweep.csv${argv.charts === 'none' ? '' : ', charts/'})\n`,
      );
    } finally {
      bar.stop();
      interrupt.dispose();
    }
  },
};
