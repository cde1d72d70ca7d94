import { readFileSync } from 'node:fs';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, WEEK } from '../../src/engine/index.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { loadScenario, parseScenarioText, validateScenario } from '../../src/scenario/load-scenario.js';

const FIXTURE = 'tests/fixtures/ed-small.yaml';

describe('resolving a scenario', () => {
  it('fills every default, and the resolved scenario reads back to the same departments', () => {
    const s = loadScenario(FIXTURE);
    const r = s.resolved;
    expect(r.seed).toBe(1);
    expect(r.replications).toBe(3);
    expect(r.worklist).toEqual({ order: 'priority', preemption: 'none' });
    expect(r.streams[1].priority).toBe('routine');
    expect(r.streams[1].growth).toBe('0%/y');
    expect(r.streams[1].reads).toBe(1);
    expect(r.readers[0].modalities).toEqual(['CT', 'MR']);
    expect(r.readers[0].shiftEnd).toBe('finish');
    expect(r.ai[0]).toMatchObject({ action: 'reorder', streams: ['ed-head-ct'] });
    expect(r.arms.map((a) => [a.name, a.ai])).toEqual([
      ['without AI', []],
      ['with AI', ['ich-triage']],
    ]);
    const again = validateScenario('resolved.yaml', parseScenarioText('resolved.yaml', dump(r)));
    expect(again.resolved).toEqual(r);
    expect(again.departments).toEqual(s.departments);
  });

  it('converts units into the model: minutes, studies per minute, rosters as minutes of the week', () => {
    const d = loadScenario(FIXTURE).departments[1];
    expect(d.horizon).toBe(20 * WEEK);
    expect(d.periodLength).toBe(WEEK);
    expect(d.priorities).toEqual([
      { name: 'stat', target: HOUR },
      { name: 'routine', target: 28 * DAY },
    ]);
    expect(d.streams[0].volume).toBeCloseTo(40 / DAY, 15);
    expect(d.streams[0].growth).toBeCloseTo(0.05, 15);
    expect(d.streams[0].findings).toEqual([{ finding: 0, prevalence: 0.063, readTime: null, humanSensitivity: 1 }]);
    expect(d.readers[0].roster).toContainEqual({ start: 8 * HOUR, end: 18 * HOUR, value: 5 });
    // The night shift from Sunday 18:00 runs past the end of the week: one shift, to Monday 08:00.
    expect(d.readers[0].roster).toContainEqual({ start: 6 * DAY + 18 * HOUR, end: WEEK + 8 * HOUR, value: 1 });
    expect(d.tools[0]).toMatchObject({ kind: 'triage', sensitivity: 0.89, specificity: 0.96 });
    expect(d.active).toEqual([true]);
  });

  it('an arm that adds radiologists scales the roster with the headcount', () => {
    const raw = parseScenarioText(FIXTURE, readFileSync(FIXTURE, 'utf8'));
    raw.arms = [{ name: 'base' }, { name: 'two more', readers: { general: { count: 8 } } }];
    const s = validateScenario(FIXTURE, raw);
    const before = s.departments[0].readers[0].roster.find((p) => p.start === 8 * HOUR);
    const after = s.departments[1].readers[0].roster.find((p) => p.start === 8 * HOUR);
    expect(before?.value).toBe(5);
    expect(after?.value).toBeCloseTo((5 * 8) / 6, 12);
    expect(s.departments[1].readers[0].count).toBe(8);
  });

  it('--set changes a value by a dotted path naming list items', () => {
    const s = loadScenario(FIXTURE, {
      set: [
        'readers.general.count=8',
        'ai.ich-triage.sensitivity=0.95',
        'streams.ed-head-ct.growth=7%/y',
        'worklist.order=fifo',
        'horizon=2y',
      ],
    });
    expect(s.departments[0].readers[0].count).toBe(8);
    expect(s.departments[1].tools[0]).toMatchObject({ sensitivity: 0.95 });
    expect(s.departments[0].streams[0].growth).toBeCloseTo(0.07, 15);
    expect(s.departments[0].worklist.order).toBe('fifo');
    expect(s.resolved.horizon).toBe('2y');
  });

  it('the committed JSON Schema is the one the zod schema generates (npm run schema)', () => {
    const committed = JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});
