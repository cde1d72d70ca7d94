/**
 * The results folder: readsim replaces only what it wrote, refuses anything else at --out with
 * exit 1 and one line naming the path, swaps a new result in atomically, and leaves nothing
 * behind when stopped.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readsim, readsimInterrupted, readsimStarted } from '../support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'readsim-out-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SMALL = `name: probe
horizon: 1w
replications: 1
streams:
  - { name: s1, modality: CT, volume: 40/day, readTime: { dist: lognormal, mean: 10m, cv: 0.5 } }
readers:
  - { name: r, count: 5 }
`;
/** A run that takes long enough to be stopped while it runs (it is always stopped). */
const LONG = SMALL.replace('horizon: 1w', 'horizon: 30y').replace('40/day', '4000/day').replace('count: 5', 'count: 500');

let n = 0;
/** A fresh folder holding the small scenario as `file`. */
function place(file = 's.yaml', text = SMALL): string {
  const dir = join(root, `case${++n}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  return dir;
}

function expectOneLine(r: { code: number; stderr: string }, code: number, text: string | RegExp) {
  expect(r.code, r.stderr).toBe(code);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(text);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** Entries readsim may leave beside a results folder named `name`: the link and one version. */
function leftovers(parent: string, name: string): string[] {
  return readdirSync(parent).filter((f) => f.startsWith(`.${name}.`) && !/^\.[^.]+\.readsim-\d+-[a-z0-9]+$/.test(f));
}

describe('results folder safety', () => {
  it('a scenario named ..yaml or ...yaml writes output/scenario and deletes nothing', () => {
    const a = place('..yaml');
    mkdirSync(join(a, 'output'));
    writeFileSync(join(a, 'output', 'keep.txt'), 'mine');
    const r = readsim(['run', '..yaml', '-q'], a);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(a, 'output', 'keep.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(a, 'output', 'scenario', 'summary.json'))).toBe(true);

    const b = place('...yaml');
    writeFileSync(join(b, 'keep.txt'), 'mine');
    expect(readsim(['run', '...yaml', '-q'], b).code).toBe(0);
    expect(readFileSync(join(b, 'keep.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(b, 'output', 'scenario', 'summary.json'))).toBe(true);
  });

  it("a folder of the user's at --out is refused and kept", () => {
    const d = place();
    mkdirSync(join(d, 'mine'));
    writeFileSync(join(d, 'mine', 'thesis.txt'), 'mine');
    expectOneLine(readsim(['run', 's.yaml', '-q', '--out', 'mine'], d), 1, /^--out mine: holds files readsim did not write/);
    expect(readFileSync(join(d, 'mine', 'thesis.txt'), 'utf8')).toBe('mine');
    writeFileSync(join(d, 'afile'), 'mine');
    expectOneLine(readsim(['run', 's.yaml', '-q', '--out', 'afile'], d), 1, /^--out afile: is a file/);
    expect(readFileSync(join(d, 'afile'), 'utf8')).toBe('mine');
  });

  it('--out may not be ., empty, the scenario file or a folder holding it', () => {
    const d = place();
    mkdirSync(join(d, 'proj'));
    writeFileSync(join(d, 'proj', 'p.yaml'), SMALL);
    expectOneLine(readsim(['run', 's.yaml', '-q', '--out', '.'], d), 1, /^--out \.: is the current folder/);
    expectOneLine(readsim(['run', 's.yaml', '-q', '--out', '..'], d), 1, /^--out \.\.: is the current folder or one above it/);
    expectOneLine(readsim(['run', 's.yaml', '-q', '--out', ''], d), 1, /^--out may not be empty/);
    expectOneLine(readsim(['run', 's.yaml', '-q', '--out', 's.yaml'], d), 1, /^--out s\.yaml: would replace the scenario file/);
    expectOneLine(readsim(['run', 'proj/p.yaml', '-q', '--out', 'proj'], d), 1, /^--out proj: would replace the scenario file/);
    expect(readFileSync(join(d, 's.yaml'), 'utf8')).toBe(SMALL);
    expect(readFileSync(join(d, 'proj', 'p.yaml'), 'utf8')).toBe(SMALL);
  });

  it('an --out that cannot be written is found before the run: exit 1, one line', () => {
    const d = place();
    writeFileSync(join(d, 'afile'), 'x');
    expectOneLine(readsim(['run', 's.yaml', '-q', '--out', 'afile/res'], d), 1, /^--out afile\/res: cannot write there/);
    if (process.platform === 'linux')
      expectOneLine(
        readsim(['run', 's.yaml', '-q', '--out', '/proc/readsim-x/res'], d),
        1,
        /^--out \/proc\/readsim-x\/res: cannot write/,
      );
  });

  it('a second run replaces the first in one step and leaves nothing beside it', () => {
    const d = place();
    expect(readsim(['run', 's.yaml', '-q', '--out', 'res'], d).code).toBe(0);
    const first = readFileSync(join(d, 'res', 'summary.json'), 'utf8');
    expect(lstatSync(join(d, 'res')).isSymbolicLink()).toBe(true);
    expect(readsim(['run', 's.yaml', '-q', '--out', 'res', '--seed', '7'], d).code).toBe(0);
    expect(readFileSync(join(d, 'res', 'summary.json'), 'utf8')).not.toBe(first);
    expect(leftovers(d, 'res')).toEqual([]);
    expect(readdirSync(d).filter((f) => f.startsWith('.res.readsim-'))).toHaveLength(1);
    // An empty folder holds nothing to lose: it is replaced.
    mkdirSync(join(d, 'empty'));
    expect(readsim(['run', 's.yaml', '-q', '--out', 'empty'], d).code).toBe(0);
    expect(existsSync(join(d, 'empty', 'summary.json'))).toBe(true);
  });

  it("stale partial folders of readsim's own are removed at the next run; others are kept", () => {
    const d = place();
    const stale = join(d, '.res.partial-999999999-abc');
    mkdirSync(stale);
    writeFileSync(join(stale, '.readsim-results'), 'x');
    const notOurs = join(d, '.res.partial-999999998-abc');
    mkdirSync(notOurs);
    expect(readsim(['run', 's.yaml', '-q', '--out', 'res'], d).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(notOurs)).toBe(true);
  });

  it('a second run to the same --out while one runs is refused with a clear message', async () => {
    const d = place('long.yaml', LONG);
    writeFileSync(join(d, 's.yaml'), SMALL);
    const first = await readsimStarted(['run', 'long.yaml', '-j', '1', '--out', 'res'], d);
    const second = readsim(['run', 's.yaml', '-q', '--out', 'res'], d);
    expect(await first.stop()).toBe(130);
    expectOneLine(second, 1, /^--out res: another readsim run \(process \d+\) is writing this folder now/);
    expect(readdirSync(d).filter((f) => f !== 'long.yaml' && f !== 's.yaml')).toEqual([]);
  });

  it('Ctrl-C with --jobs 1 stops the run (one task, in a worker) and leaves nothing', async () => {
    const d = place('long.yaml', LONG);
    const r = await readsimInterrupted(['run', 'long.yaml', '-j', '1', '--out', 'res'], { cwd: d });
    expect(r.code, r.stderr).toBe(130);
    expect(readdirSync(d)).toEqual(['long.yaml']);
  });

  it('SIGTERM stops the run too, and two Ctrl-C in a row leave nothing', async () => {
    const d = place('long.yaml', LONG);
    const t = await readsimInterrupted(['run', 'long.yaml', '-j', '2', '-r', '2', '--out', 'res'], { cwd: d, signal: 'SIGTERM' });
    expect(t.code, t.stderr).toBe(143);
    expect(readdirSync(d)).toEqual(['long.yaml']);
    const twice = await readsimInterrupted(['run', 'long.yaml', '-j', '1', '--out', 'res'], { cwd: d, times: 2 });
    expect(twice.code, twice.stderr).toBe(130);
    expect(readdirSync(d)).toEqual(['long.yaml']);
  });
});
