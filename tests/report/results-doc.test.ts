/** docs/results.md's statistics are generated from the statistics catalogue: they cannot drift apart. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/model/statistics-catalogue.js';
import { STATISTICS_BEGIN, STATISTICS_END, statisticsMarkdown, withStatistics } from '../../src/report/statistics-doc.js';

describe('docs/results.md', () => {
  const doc = readFileSync('docs/results.md', 'utf8');
  it('holds the statistics generated from the catalogue (run npm run docs:results after changing it)', () => {
    expect(doc).toBe(withStatistics(doc));
    expect(doc).toContain(statisticsMarkdown());
  });
  it('names every statistic of the catalogue, in a row of its own', () => {
    expect(CATALOGUE.length).toBeGreaterThan(60);
    for (const e of CATALOGUE) expect(doc, e.path).toContain(`| \`${e.path}\` |`);
  });
  it('keeps its hand-written parts around the generated one', () => {
    expect(doc.indexOf('## summary.json')).toBeLessThan(doc.indexOf(STATISTICS_BEGIN));
    expect(doc.indexOf(STATISTICS_END)).toBeLessThan(doc.indexOf('## periods.csv'));
    expect(() => withStatistics('# no markers')).toThrow(/comment lines/);
  });
  it('points to nothing outside the repository', () => {
    expect(doc).not.toContain('../shared');
  });
});
