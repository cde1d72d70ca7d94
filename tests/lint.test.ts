import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `npm run lint` as a test, so that CI (which runs `npm test`) keeps types and style from drifting. */
function run(cmd: string, args: string[]): { ok: boolean; out: string } {
  try {
    const out = execFileSync(cmd, args, { encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, out };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('lint', () => {
  it('type-checks (tsc --noEmit, sources, tests and benchmarks)', () => {
    const r = run('node_modules/.bin/tsc', ['--noEmit', '-p', 'tsconfig.check.json']);
    expect(r.out.slice(0, 3000), 'tsc reported errors').toBe(r.ok ? r.out : '');
    expect(r.ok).toBe(true);
  });

  it('passes Biome (format and lint)', () => {
    const r = run('node_modules/.bin/biome', ['check', '--max-diagnostics=20', '.']);
    expect(r.ok, r.out.slice(0, 3000)).toBe(true);
  });
});
