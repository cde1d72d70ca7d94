import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';

/** The scenarios shipped with readsim (the package's scenarios/ folder). */
export function bundledScenarioDir(): string {
  // src/scenario or dist/scenario -> the package root.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'scenarios');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
}

export interface BundledScenario {
  name: string;
  file: string;
  title: string;
  description: string;
}

export function listBundledScenarios(): BundledScenario[] {
  const dir = bundledScenarioDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const raw = loadYaml(readFileSync(join(dir, f), 'utf8')) as { name?: string; description?: string };
      return {
        name: basename(f, '.yaml'),
        file: join(dir, f),
        title: raw?.name ?? '',
        description: (raw?.description ?? '').trim(),
      };
    });
}

/** A bundled scenario by name, or null. */
export function findBundledScenario(name: string): BundledScenario | null {
  return listBundledScenarios().find((s) => s.name === name) ?? null;
}
