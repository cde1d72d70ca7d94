import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';

/** A module the browser would load that is Node-only, and the chain of imports that brings it in. */
export interface NodeImport {
  specifier: string;
  chain: string[];
}

const BUILTINS = new Set(builtinModules);

/** The modules a file imports at run time (type-only imports and exports are erased, so left out). */
export function runtimeImports(source: string): string[] {
  const out: string[] = [];
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const fromRe = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(fromRe)) if (!m[2]) out.push(m[4]);
  for (const m of text.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, `${base}/index.ts`]) {
    if (/\.(ts|js)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Walks the import graph of our own modules from `entries` and returns every import of a Node
 * built-in (`node:fs`, or a bare `fs`) found on the way. Packages from node_modules are not
 * walked (the bundler would fail on a Node-only one); our own files are.
 */
export function nodeImports(entries: string[]): { imports: NodeImport[]; visited: string[] } {
  const seen = new Map<string, string[]>();
  const imports: NodeImport[] = [];
  const queue = entries.map((e) => ({ file: resolve(e), chain: [resolve(e)] }));
  while (queue.length) {
    const { file, chain } = queue.shift() as { file: string; chain: string[] };
    if (seen.has(file)) continue;
    seen.set(file, chain);
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0])) {
        imports.push({ specifier: spec, chain });
      } else if (spec.startsWith('.')) {
        const next = resolveLocal(file, spec);
        if (next && /\.ts$/.test(next)) queue.push({ file: next, chain: [...chain, next] });
      }
    }
  }
  return { imports, visited: [...seen.keys()] };
}
