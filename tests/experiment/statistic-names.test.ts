/**
 * Every statistic name that the verification cases and the staffing search read from a run's
 * results (`r.stats['wait.all']`, `stat('tat.all.mean')`, `target_met_share.${name}`) is one the
 * statistics catalogue declares: a name the catalogue lacks would read undefined, silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, findStatistic } from '../../src/model/statistics-catalogue.js';

const ROOT = join(import.meta.dirname, '../../src/experiment');
const FILES = [join(ROOT, 'verification.ts'), ...readdirSync(join(ROOT, 'staffing')).map((f) => join(ROOT, 'staffing', f))];

/** The first part of every catalogue path ("wait", "tat", "by_year", "utilisation", ...). */
const ROOTS = new Set(CATALOGUE.map((e) => e.path.split('.')[0]));

/**
 * String literals in `source` that look like statistic names: quoted or template strings
 * starting with a catalogue root and a dot, or a root alone used as a stats key. `${...}` parts
 * become the name "x".
 */
function statisticNames(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/(['`])([a-z_]+(?:\.(?:[\w<>-]+|\$\{[^}]*\}))+)\1/g)) {
    const name = m[2].replace(/\$\{[^}]*\}/g, 'x');
    if (ROOTS.has(name.split('.')[0])) names.push(name);
  }
  for (const m of source.matchAll(/stats\[(['`])([a-z_]+)\1\]/g)) names.push(m[2]);
  return names;
}

describe('statistic names used by verification and staffing', () => {
  it('are all in the statistics catalogue', () => {
    const unknown: string[] = [];
    let count = 0;
    for (const file of FILES) {
      for (const name of statisticNames(readFileSync(file, 'utf8'))) {
        count++;
        if (findStatistic(name) === null) unknown.push(`${file.slice(ROOT.length + 1)}: ${name}`);
      }
    }
    expect(unknown).toEqual([]);
    // The search finds the names it should (verification alone reads over 25).
    expect(count).toBeGreaterThan(25);
  });

  it('the search finds a name the catalogue lacks', () => {
    const names = statisticNames("stat('wait.by_priorty.stat'); r.stats[`target_met_share.${t.name}`]; r.stats['utilisation']");
    expect(names).toEqual(['wait.by_priorty.stat', 'target_met_share.x', 'utilisation']);
    expect(names.map((n) => findStatistic(n) !== null)).toEqual([false, true, true]);
  });
});
