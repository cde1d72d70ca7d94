/**
 * The README's walkthrough commands work as written on the file `readsim init widening-gap` gives:
 * every --set, --vary, --arms and by-year --metric they use is accepted (validation only: the
 * runs themselves are what the other tests check).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVary, sweepVariants } from '../../src/experiment/sweep.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';

const readme = readFileSync('README.md', 'utf8');
const commands = [...readme.matchAll(/npx readsim (run|sweep) our-department\.yaml([^\n`]*)/g)].map((m) => ({
  command: m[1],
  args: m[2].match(/"[^"]*"|\S+/g)?.map((a) => a.replace(/^"|"$/g, '')) ?? [],
}));

function option(args: string[], name: string): string[] {
  return args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
}

describe('README walkthrough', () => {
  it('has run and sweep commands on the scenario from init', () => {
    expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(['run', 'sweep']));
  });
  for (const c of commands) {
    it(`readsim ${c.command} our-department.yaml ${c.args.join(' ')}`, () => {
      const set = option(c.args, '--set');
      const arms = option(c.args, '--arms')[0]?.split(',');
      const axes = option(c.args, '--vary').map((v) => parseVary(v));
      expect(axes.every((a) => a !== null)).toBe(true);
      const file = 'scenarios/widening-gap.yaml'; // what `readsim init widening-gap` writes
      const variants =
        c.command === 'sweep'
          ? sweepVariants(file, axes as never, { set, arms })
          : [{ scenario: loadScenario(file, { set, arms }) }];
      expect(variants.length).toBeGreaterThan(0);
      const metric = option(c.args, '--metric')[0];
      const year = metric && /^by_year\.(\d+)\./.exec(metric);
      if (year) expect(Number(year[1])).toBeLessThanOrEqual(10); // the scenario runs 10 years
    });
  }
});
