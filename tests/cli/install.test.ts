/**
 * Installing outside the clone (README "Install the command"): the packed tarball holds what the
 * command needs, and its `readsim` runs from an unpacked copy, in another folder, on the bundled
 * scenarios. A full `npm install -g ./readsim-0.1.0.tgz` fetches the dependencies from the npm
 * registry (npm's cache holds their tarballs but not the registry's package lists, so
 * `--offline` fails); the test therefore unpacks the tarball where npm would put it, gives it
 * this checkout's node_modules as its own (what the install would fetch), and links the `bin`
 * entry as npm does. It packs the dist/ that `npm ci` built (`--ignore-scripts`: no rebuild).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = process.cwd();
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string; bin: Record<string, string> };
let dir = '';
let tarball = '';
let files: string[] = [];

beforeAll(() => {
  expect(existsSync(pkg.bin.readsim), 'dist/ is missing: npm ci (or npm run build) builds it').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'readsim-install-'));
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  tarball = join(dir, info.filename);
  files = info.files.map((f) => f.path);
  // Where `npm install -g --prefix P` puts it: P/lib/node_modules/readsim, and P/bin/readsim.
  const lib = join(dir, 'prefix/lib/node_modules');
  mkdirSync(lib, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', lib]);
  execFileSync('mv', [join(lib, 'package'), join(lib, pkg.name)]);
  symlinkSync(resolve(repo, 'node_modules'), join(lib, pkg.name, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'prefix/bin'));
  const main = join(lib, pkg.name, pkg.bin.readsim);
  chmodSync(main, 0o755); // npm sets the bin's mode on install
  symlinkSync(main, join(dir, 'prefix/bin/readsim'));
  mkdirSync(join(dir, 'elsewhere'));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs the installed `readsim` from a folder outside the clone. */
function installed(args: string[]) {
  const r = spawnSync(join(dir, 'prefix/bin/readsim'), args, {
    cwd: join(dir, 'elsewhere'),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the packed tarball', () => {
  it('holds the built command, the bundled scenarios, the schema and the README, and no sources or tests', () => {
    expect(tarball.endsWith(`${pkg.name}-${pkg.version}.tgz`)).toBe(true);
    for (const f of [
      'package.json',
      'README.md',
      pkg.bin.readsim,
      'dist/bin/worker.js',
      'dist/bin/chart-worker.js',
      'dist/bin/chart-svg.cjs',
      'dist/bin/chart-svg.cache',
      'dist/bin/chart-warmup.json',
      'dist/index.js',
      'schema/scenario.schema.json',
      'scenarios/widening-gap.yaml',
    ])
      expect(files, f).toContain(f);
    expect(files.filter((f) => /^(src|tests|bench|scripts|node_modules)\//.test(f))).toEqual([]);
    expect(readFileSync(pkg.bin.readsim, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(statSync(tarball).size).toBeLessThan(20_000_000);
  });

  it('installs a readsim that runs outside the clone: --version, list, validate and init on the bundled scenarios', () => {
    const v = installed(['--version']);
    expect(v.stderr).toBe('');
    expect(v.stdout.trim()).toBe(pkg.version);
    expect(v.code).toBe(0);
    const list = installed(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('widening-gap');
    const scenario = join(dir, 'prefix/lib/node_modules', pkg.name, 'scenarios/widening-gap.yaml');
    const ok = installed(['validate', scenario]);
    expect(ok.code, ok.stderr).toBe(0);
    const init = installed(['init', 'widening-gap', '--out', 'mine.yaml']);
    expect(init.code, init.stderr).toBe(0);
    expect(installed(['validate', 'mine.yaml']).code).toBe(0);
    const bad = installed(['validate', 'missing.yaml']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('missing.yaml');
  });

  it('runs a scenario there and draws its charts (the chart thread starts from the installed bundle)', () => {
    const week = [
      'name: One week',
      'horizon: 1w',
      'warmup: 1d',
      'replications: 1',
      'priorities: [{ name: stat, target: 1h }]',
      'streams: [{ name: ed, modality: CT, priority: stat, volume: 40/day, readTime: { dist: lognormal, mean: 16m, cv: 0.6 } }]',
      'readers: [{ name: general, count: 2, roster: [{ days: all, from: "00:00", to: "24:00", on: 1 }] }]',
    ].join('\n');
    writeFileSync(join(dir, 'elsewhere/week.yaml'), `${week}\n`);
    const run = installed(['run', 'week.yaml', '-q', '--out', 'week']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'elsewhere/week/charts/backlog.svg'), 'utf8')).toContain('<svg');
    expect(readFileSync(join(dir, 'elsewhere/week/report.html'), 'utf8')).toContain('data:image/svg+xml;base64,');
  });
});
