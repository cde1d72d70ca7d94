import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { packageRoot } from './package-root.js';

/** The scenarios shipped with readsim (the package's scenarios/ folder). */
export function bundledScenarioDir(): string {
  return join(packageRoot(import.meta.url), 'scenarios');
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
