import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, each a folder importing only from those below it:
 * formulas -> engine -> model -> scenario -> experiment -> report -> cli and app (side by side,
 * neither importing the other). formulas is the leaf: pure closed-form results (queueing formulas,
 * quantiles, confidence intervals) that every layer and the engine's tests may use, and that
 * imports no other folder of ours. src/index.ts (the package's API) may import any layer.
 */
const ORDER: Record<string, number> = {
  formulas: -1,
  engine: 0,
  model: 1,
  scenario: 2,
  experiment: 3,
  report: 4,
  cli: 5,
  app: 5,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Relative imports of a file (static `from '...'` and dynamic `import('...')`), resolved to paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => resolve(dirname(file), s));
}

/** Each upward or sideways import as "file -> target", for the layers given. */
function layerViolations(root: string): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(root)) {
    const from = relative(root, file).split('/')[0];
    if (!(from in ORDER)) continue;
    for (const target of importsOf(file)) {
      const to = relative(root, target).split('/')[0];
      if (!(to in ORDER) || to === from) continue;
      if (ORDER[to] >= ORDER[from]) out.push(`${relative(root, file)} -> ${relative(root, target)}`);
    }
  }
  return out;
}

describe('layers', () => {
  it('no folder of src/ imports from a layer above it or beside it', () => {
    expect(layerViolations(resolve('src'))).toEqual([]);
  });

  it('the check can fail: a model file importing the scenario layer is caught', () => {
    const dir = resolve('tests/fixtures/layers');
    expect(layerViolations(dir)).toEqual(['formulas/leaf.ts -> engine/base.js', 'model/bad.ts -> scenario/thing.js']);
  });

  it('the formulas leaf imports nothing of ours but itself', () => {
    const root = resolve('src');
    const outside = sourceFiles(join(root, 'formulas')).flatMap((file) =>
      importsOf(file)
        .filter((t) => relative(root, t).split('/')[0] !== 'formulas')
        .map((t) => `${relative(root, file)} -> ${relative(root, t)}`),
    );
    expect(outside).toEqual([]);
  });
});
