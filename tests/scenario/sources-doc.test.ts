/** docs/sources.md resolves every citation key of the bundled scenarios; docs and README stand alone. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Citation keys in a source line: "Name-2024", "RCR-SotW", "WTA"... inside parentheses. */
function keys(line: string): string[] {
  const inParens = [...line.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]);
  return inParens.flatMap((p) =>
    [...p.matchAll(/\b([A-Z][A-Za-z]*(?:-[A-Za-z0-9]+)*-(?:\d{4}|SotW|Audit|TAT-\d{4})|WTA|DID-1920)\b/g)].map((m) => m[1]),
  );
}

describe('docs/sources.md', () => {
  const doc = readFileSync('docs/sources.md', 'utf8');
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
  it('has a row for every key cited in a bundled scenario', () => {
    let n = 0;
    for (const f of files) {
      const text = readFileSync(`scenarios/${f}`, 'utf8');
      const sources = text.split('\nsources:')[1]?.split(/\n[a-z]/)[0] ?? '';
      for (const k of keys(sources)) {
        n++;
        expect(doc, `${f}: ${k}`).toMatch(new RegExp(`^\\| ${k} \\|`, 'm'));
      }
    }
    expect(n).toBeGreaterThan(20);
  });
  it('no document of the repository points outside it', () => {
    for (const f of [
      'README.md',
      ...readdirSync('docs')
        .filter((x) => x.endsWith('.md'))
        .map((x) => `docs/${x}`),
    ])
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/\.\.\/shared|\/work\//);
  });
});

describe('docs/results.md', () => {
  it('names every file of a results folder and every column of the CSV files', async () => {
    const doc = readFileSync('docs/results.md', 'utf8');
    const { PERIOD_COLUMNS, PRIORITY_PERIOD_COLUMNS } = await import('../../src/model/run-result.js');
    for (const c of [...PERIOD_COLUMNS, ...PRIORITY_PERIOD_COLUMNS]) expect(doc, c).toContain(`\`${c}\``);
    for (const f of [
      'summary.json',
      'periods.csv',
      'periods_by_priority.csv',
      'by_hour_of_week.csv',
      'replications.csv',
      'scenario.resolved.yaml',
      'report.html',
    ])
      expect(doc, f).toContain(f);
  });
});
