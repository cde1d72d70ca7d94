/** What-ifs relative to the baseline, roster entries by place, the growth shortcut, arm descriptions from values. */
import { describe, expect, it } from 'vitest';
import { describeArm } from '../../src/scenario/describe-arm.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';
import { applyRelative, parseRelative } from '../../src/scenario/relative-value.js';
import { splitSetPath } from '../../src/scenario/set-path.js';
import { scenario } from '../support/scenarios.js';

const load = (set: string[], changes: Record<string, unknown> = {}) => validateScenario('t.yaml', scenario(changes), { set });
const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('relative values', () => {
  it('parse and apply, keeping units', () => {
    expect(parseRelative('+2')).toMatchObject({ op: 'add', by: 2 });
    expect(parseRelative('-1')).toBeNull();
    expect(parseRelative('-1', true)).toMatchObject({ op: 'add', by: -1 });
    expect(parseRelative('x1.1')).toMatchObject({ op: 'times', by: 1.1 });
    expect(parseRelative(2)).toBeNull();
    expect(applyRelative('12000/y', parseRelative('x1.1')!)).toEqual({ value: '13200/y' });
    expect(applyRelative(24, parseRelative('x1.1')!, true)).toEqual({ value: 26 });
    expect(applyRelative(undefined, parseRelative('+2')!)).toHaveProperty('error');
  });

  it('--set count=+2 adds to the file’s headcount and scales the roster', () => {
    const r = load(['readers.general.count=+2']).resolved.readers[0];
    expect(r.count).toBe(7);
    expect(r.roster[0].on).toBeCloseTo((4 * 7) / 5, 4);
    expect(load(['readers.general.count=-1']).resolved.readers[0].count).toBe(4);
    expect(load(['streams.ed-ct.volume=x2']).resolved.streams[0].volume).toBe('60/day');
  });

  it('an arm says count "+2": two more than whatever the baseline is', () => {
    const arms = () => [{ name: 'base' }, { name: 'two more', readers: { general: { count: '+2' } } }];
    const a = load([], { arms: arms() });
    expect(a.resolved.arms[1].readers?.general.count).toBe(7);
    const b = load(['readers.general.count=10'], { arms: arms() });
    expect(b.resolved.arms[1].readers?.general.count).toBe(12);
    expect(describeArm(b.resolved, 1)).toBe('general count 10 -> 12 (roster scaled in proportion)');
    expect(describeArm(b.resolved, 0)).toMatch(/no changes/);
    expect(message(() => load([], { arms: [{ name: 'x', readers: { nobody: { count: '+2' } } }] }))).toMatch(
      /relative to readers "nobody"/,
    );
  });
});

describe('relative values inside an arm’s nested fields', () => {
  it('a read time’s mean "x1.1" keeps the baseline’s distribution and spread', () => {
    const a = load([], { arms: [{ name: 'base' }, { name: 'slower', streams: { 'ed-ct': { readTime: { mean: 'x1.1' } } } }] });
    expect(a.resolved.arms[1].streams?.['ed-ct'].readTime).toEqual({ dist: 'lognormal', mean: '16.5m', cv: 0.6 });
    expect(describeArm(a.resolved, 1)).toBe('ed-ct readTime.mean 15m -> 16.5m');
    // Another distribution named: nothing is taken from the baseline's.
    const b = load([], {
      arms: [{ name: 'base' }, { name: 'x', streams: { 'ed-ct': { readTime: { dist: 'exponential', mean: 'x2' } } } }],
    });
    expect(b.resolved.arms[1].streams?.['ed-ct'].readTime).toEqual({ dist: 'exponential', mean: '30m' });
  });

  it('a roster entry’s "+1" adds to the baseline’s entry at the same place', () => {
    const a = load([], {
      arms: [{ name: 'base' }, { name: 'nights', readers: { general: { roster: [{}, {}, { on: '+1' }] } } }],
    });
    expect(a.resolved.arms[1].readers?.general.roster).toEqual([
      { days: 'Mon-Fri', from: '08:00', to: '18:00', on: 4 },
      { days: 'Sat-Sun', from: '08:00', to: '18:00', on: 2 },
      { days: 'all', from: '18:00', to: '08:00', on: 2 },
    ]);
    expect(
      message(() => load([], { arms: [{ name: 'x', readers: { general: { roster: [{}, {}, {}, { on: '+1' }] } } }] })),
    ).toMatch(/arms\[0\]\.readers\.general\.roster\[3\]\.on.*\+1 needs a number to change, found nothing/s);
  });
});

describe('--set paths', () => {
  it('roster entries by place', () => {
    expect(splitSetPath('readers.r.roster[3].on')).toEqual(['readers', 'r', 'roster', '[3]', 'on']);
    expect(load(['readers.general.roster[2].on=3']).resolved.readers[0].roster[2].on).toBe(3);
    expect(load(['readers.general.roster[1].on=+1']).resolved.readers[0].roster[1].on).toBe(3);
  });

  it('a wrong place lists the valid ones, never "undefined"', () => {
    const m = message(() => load(['readers.general.roster[5].on=2']));
    expect(m).toContain('roster has no item [5] (valid: [0] to [2])');
    const n = message(() => load(['readers.general.roster.first.on=2']));
    expect(n).toContain('valid: [0] to [2]');
    expect(n).not.toContain('undefined');
  });

  it('growth with no stream named sets every stream’s growth', () => {
    const s = load(['growth=8%/y']).resolved.streams;
    expect(s.map((x) => x.growth)).toEqual(['8%/y', '8%/y']);
  });
});
