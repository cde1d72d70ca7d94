import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTarget, readShiftTemplates } from '../../src/cli/commands/staff-command.js';
import { hourlyLoad } from '../../src/experiment/staffing/hourly-load.js';
import { initialStaffing } from '../../src/experiment/staffing/initial-staffing.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { readsim } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'readsim-staff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readsim staff', () => {
  it('refuses a target of an unknown priority with one line, exit 1, no folder', () => {
    const out = join(dir, 'never');
    const r = readsim(['staff', 'scenarios/widening-gap.yaml', '--target', 'stat:90%<=1h', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      '--target stat:90%<=1h: no priority "stat" in the scenario (it has emergency, inpatient, outpatient)',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a malformed target, a bad shift file and an unreachable target, naming what is wrong', () => {
    expect(() => parseTarget('emergency:90%', ['emergency'])).toThrow('expected PRIORITY:SHARE<=TIME');
    expect(parseTarget('emergency:90%<=1h', ['emergency'])).toEqual({ priority: 0, name: 'emergency', within: 60, goal: 0.9 });
    const shifts = join(dir, 'shifts.yaml');
    writeFileSync(shifts, 'shifts:\n  - { name: early, days: Mon-Fri, from: "07:30", to: "15:00" }\n');
    expect(() => readShiftTemplates(shifts)).toThrow(
      `${shifts}: shifts[1].from: expected a whole hour such as "08:00", found "07:30"`,
    );
    writeFileSync(shifts, 'shifts:\n  - { name: night, days: all, from: "20:00", to: "08:00" }\n');
    expect(readShiftTemplates(shifts)).toEqual([{ name: 'night', days: [0, 1, 2, 3, 4, 5, 6], from: 1200, length: 720 }]);
    const cfg = loadScenario('scenarios/widening-gap.yaml').departments[0];
    const target = { priority: 0, name: 'emergency', within: 60, goal: 0.95 };
    expect(() => initialStaffing(hourlyLoad(cfg, 1, 0.45), [target], true, 0.9)).toThrow(
      /emergency: 95% within 60 min cannot be reached by adding readers/,
    );
  });

  it('writes the roster as arms that load as a scenario', () => {
    // A small department: one stream, whole-day shifts, a few weeks.
    const scenario = join(dir, 'small.yaml');
    writeFileSync(
      scenario,
      [
        'name: small',
        'horizon: 1y',
        'warmup: 1w',
        'replications: 2',
        'priorities: [{ name: urgent, target: 1h }]',
        'streams:',
        '  - { name: s, modality: CT, priority: urgent, volume: 2/h, readTime: { dist: exponential, mean: 15m } }',
        'readers:',
        '  - name: general',
        '    count: 4',
        '    roster: [{ days: all, from: "00:00", to: "24:00", on: 2 }]',
        '    efficiency: 1',
      ].join('\n'),
    );
    const out = join(dir, 'small-staffing');
    const r = readsim([
      'staff',
      scenario,
      '--target',
      'urgent:80%<=1h',
      '--weeks',
      '4',
      '-j',
      '1',
      '-o',
      out,
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer.years[0].year).toBe(1);
    expect(answer.years[0].targets[0]).toMatchObject({ priority: 'urgent', within: 60, goal: 0.8, met: true });
    const roster = readFileSync(join(out, 'roster.yaml'), 'utf8');
    // Paste the arms into the scenario: it must load.
    writeFileSync(join(dir, 'with-arms.yaml'), `${readFileSync(scenario, 'utf8')}\n${roster.replace(/^#.*\n/gm, '')}`);
    const v = readsim(['validate', join(dir, 'with-arms.yaml')]);
    expect(v.code, v.stderr).toBe(0);
    expect(existsSync(join(out, 'charts', 'headcount-by-year.png'))).toBe(true);
  });
});
