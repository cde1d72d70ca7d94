import type { CommandModule } from 'yargs';
import { runVerification } from '../../experiment/verification.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';
import { interruptSignal, progressBar } from '../progress.js';

function num(x: number): string {
  if (!Number.isFinite(x)) return '-';
  const a = Math.abs(x);
  return a >= 1000 ? x.toFixed(0) : a >= 10 ? x.toFixed(2) : x.toFixed(3);
}

interface VerifyArgs {
  quick: boolean;
  jobs?: number;
  seed: number;
  format: 'text' | 'json';
  quiet: boolean;
}

export const verifyCommand: CommandModule<object, VerifyArgs> = {
  ...COMMAND_INFO.verify,
  builder: (y) =>
    y
      .option('quick', { type: 'boolean', default: false, describe: 'shorter runs, wider intervals (under 20 s)' })
      .option('jobs', { alias: 'j', type: 'number', describe: 'worker threads (default: the cores)' })
      .option('seed', { type: 'number', default: 2026, describe: 'master seed of the checks: another seed, other samples' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' as const })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress bar' })
      .example('$0 verify --quick', 'the checks in under twenty seconds'),
  handler: async (argv) => {
    if (!Number.isInteger(argv.seed)) throw new UsageError(`--seed: expected a whole number, found ${argv.seed}`);
    const interrupt = interruptSignal();
    const bar = progressBar(!argv.quiet && argv.format === 'text', 'verify');
    const started = Date.now();
    let rows: Awaited<ReturnType<typeof runVerification>>;
    try {
      rows = await runVerification({
        quick: argv.quick,
        seed: argv.seed,
        jobs: argv.jobs,
        signal: interrupt.signal,
        onProgress: bar.update,
      });
    } finally {
      bar.stop();
      interrupt.dispose();
    }
    const failed = rows.filter((r) => !r.pass);
    if (argv.format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else {
      const out: string[] = [];
      out.push(
        `readsim verify${argv.quick ? ' --quick' : ''}: the model, configured through scenarios, against queueing theory.`,
      );
      out.push(
        'A check passes when the theory lies in the replications\u2019 99.9% interval (approximations: within their tolerance).',
      );
      let group = '';
      for (const r of rows) {
        if (r.group !== group) {
          group = r.group;
          out.push('');
          out.push(`${group}`);
        }
        if (r.check === rows.find((x) => x.case === r.case)?.check) out.push(`  ${r.title}`);
        const ci = r.ci95 ? `[${num(r.ci95[0])}, ${num(r.ci95[1])}]` : '';
        const unit = r.unit ? ` ${r.unit}` : '';
        out.push(
          `    ${r.pass ? 'pass' : 'FAIL'}  ${r.check}: theory ${num(r.theory)}${unit}, simulation ${num(r.mean)}${unit} ${ci} (95%; n = ${r.n}; ${r.criterion})`,
        );
      }
      out.push('');
      out.push(`${rows.length - failed.length} of ${rows.length} checks pass (${((Date.now() - started) / 1000).toFixed(1)} s).`);
      process.stdout.write(`${out.join('\n')}\n`);
    }
    if (failed.length) throw new UsageError(`${failed.length} check(s) failed`);
  },
};
