import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readsim } from '../support/cli.js';

const messy = join(import.meta.dirname, 'messy');
const dir = mkdtempSync(join(tmpdir(), 'readsim-calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readsim calibrate on the command line', () => {
  it('writes a scenario from a small export, printing the column guesses and the row accounting, no identifier', () => {
    const out = join(dir, 'small.yaml');
    const r = readsim(['calibrate', join(messy, 'unreported.csv'), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('modality <- "Modality" (guessed from the name)');
    expect(r.stdout).toMatch(/Rows: 4 read, 4 used, 0 excluded/);
    const yaml = readFileSync(out, 'utf8');
    for (const id of ['A1001', 'P9001', 'Dr Who', 'Dr No']) {
      expect(yaml).not.toContain(id);
      expect(r.stdout).not.toContain(id);
    }
    expect(readsim(['validate', out]).code).toBe(0);
  });

  it('refuses to overwrite a file it did not write, and names a bad time zone', () => {
    const mine = join(dir, 'notes.yaml');
    writeFileSync(mine, 'my own notes\n');
    const r = readsim(['calibrate', join(messy, 'unreported.csv'), '--out', mine]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notes\.yaml: exists and was not written by readsim/);
    expect(readFileSync(mine, 'utf8')).toBe('my own notes\n');
    const z = readsim(['calibrate', join(messy, 'unreported.csv'), '--tz', 'Mars/Olympus', '--out', join(dir, 'z.yaml')]);
    expect(z.code).toBe(1);
    expect(z.stderr).toMatch(/^--tz: expected an IANA time zone/);
    expect(z.stderr).not.toMatch(/at .*\.ts:/);
  });

  it('an export passed to run by mistake gets a short message, not the file', () => {
    const r = readsim(['run', join(messy, 'unreported.csv'), '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/found a table \(8 columns on line 1\), not a scenario; .*readsim calibrate/);
    expect(r.stderr).not.toContain('A1001');
    expect(r.stderr.length).toBeLessThan(400);
  });
});
