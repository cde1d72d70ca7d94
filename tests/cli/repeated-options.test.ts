/** An option that takes one value, given twice, is refused (yargs would make it a list). */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/cli-error.js';
import { refuseRepeatedOptions } from '../../src/cli/repeated-options.js';

describe('options given more than once', () => {
  it('refuses a one-value option given twice, naming it and the values', () => {
    expect(() => refuseRepeatedOptions({ _: ['run'], charts: ['all', 'png'] }, { array: ['set'] })).toThrow(UsageError);
    expect(() => refuseRepeatedOptions({ _: ['run'], charts: ['all', 'png'] }, { array: ['set'] })).toThrow(
      '--charts was given 2 times (all, png): it takes one value, give it once',
    );
    // An option and its alias both hold the list: the long name is given.
    expect(() => refuseRepeatedOptions({ _: [], j: [1, 2], jobs: [1, 2] }, { array: [] })).toThrow(/^--jobs was given 2 times/);
  });

  it('lets a list option repeat, and a one-value option be given once', () => {
    expect(() =>
      refuseRepeatedOptions({ _: ['run', 'x'], set: ['a=1', 'b=2'], charts: 'svg', jobs: 2 }, { array: ['set'] }),
    ).not.toThrow();
  });

  it('is what the command line does: exit 1, one line', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        ['dist/bin/readsim.js', 'run', 'bench/one-week.yaml', '--charts', 'all', '--charts', 'png'],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = (e as { stderr: string }).stderr;
    }
    expect(status).toBe(1);
    expect(stderr.trim()).toBe('--charts was given 2 times (all, png): it takes one value, give it once');
  });
});
