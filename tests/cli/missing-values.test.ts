/** An option that takes a value, given none, is refused (yargs would run with the default). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/cli-error.js';
import { type DeclaredOptions, refuseMissingValues } from '../../src/cli/missing-values.js';

const options: DeclaredOptions = {
  string: ['out', 'o', 'set'],
  number: ['jobs', 'j', 'seed'],
  array: ['set'],
  choices: { charts: ['none', 'svg', 'png', 'all'] },
  alias: { out: ['o'], jobs: ['j'] },
};
const check = (args: string[]) => () => refuseMissingValues(args, options);

describe('options given without a value', () => {
  it('are refused, naming the option as typed and its choices', () => {
    expect(check(['run', 'x.yaml', '--charts'])).toThrow(UsageError);
    expect(check(['run', 'x.yaml', '--charts'])).toThrow('--charts needs a value: one of none, svg, png, all');
    expect(check(['run', 'x.yaml', '--charts', '-q'])).toThrow(/^--charts needs a value/);
    expect(check(['run', 'x.yaml', '-j', '--quiet'])).toThrow('-j needs a value');
    expect(check(['run', 'x.yaml', '--set'])).toThrow('--set needs a value');
    expect(check(['run', '--out', '--charts', 'svg', 'x.yaml'])).toThrow('--out needs a value');
  });

  it('are let through with a value, also a negative number, "=", or after --', () => {
    expect(check(['run', 'x.yaml', '--charts', 'svg', '-j', '2', '--set', 'a=1', 'b=2'])).not.toThrow();
    expect(check(['run', 'x.yaml', '--seed', '-3'])).not.toThrow();
    expect(check(['run', 'x.yaml', '--charts=svg', '--out=folder'])).not.toThrow();
    expect(check(['run', 'x.yaml', '--quiet', '-qv'])).not.toThrow();
    expect(check(['run', 'x.yaml', '--', '--charts'])).not.toThrow();
  });

  it('is what the command line does: exit 1, one line, nothing run', () => {
    const r = spawnSync(process.execPath, ['dist/bin/readsim.js', 'run', 'bench/one-week.yaml', '--charts'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('--charts needs a value: one of none, svg, png, all');
    expect(r.stdout).toBe('');
  });
});
