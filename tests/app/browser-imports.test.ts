// What runs in the browser (the app, and the engine, model, scenario, experiment and chart code
// it imports) may not import Node-only modules: walk the import graph from the app's entries.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeImports, runtimeImports } from './import-graph.js';

describe('browser-side modules', () => {
  it('import no node:* module, from the app entry and its worker down', () => {
    const { imports, visited } = nodeImports(['src/app/main.ts', 'src/app/sim-worker.ts']);
    const shown = imports.map((i) => `${i.specifier} via ${i.chain.map((f) => relative(process.cwd(), f)).join(' -> ')}`);
    expect(shown).toEqual([]);
    // The walk reached the layers below the app (so an empty list means something).
    const layers = new Set(visited.map((f) => relative(process.cwd(), f).split('/')[1]));
    for (const layer of ['app', 'formulas', 'engine', 'model', 'scenario', 'experiment', 'report'])
      expect(layers).toContain(layer);
  });

  it('the walk finds a node: import two files down, and ignores type-only imports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readsim-imports-'));
    try {
      writeFileSync(
        join(dir, 'entry.ts'),
        "import type { X } from './typed.js';\nimport { b } from './b.js';\nexport const a = b;\n",
      );
      writeFileSync(join(dir, 'typed.ts'), "import { readFileSync } from 'node:fs';\nexport type X = typeof readFileSync;\n");
      writeFileSync(join(dir, 'b.ts'), "export {\n  join,\n} from 'node:path';\nexport const b = 1;\n");
      const { imports } = nodeImports([join(dir, 'entry.ts')]);
      expect(imports.map((i) => i.specifier)).toEqual(['node:path']);
      expect(runtimeImports("import 'node:os';\nconst m = await import('fs');")).toEqual(['node:os', 'fs']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
