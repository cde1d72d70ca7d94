/**
 * Inputs that validation used to accept and the run then crashed on (or ran quietly wrong):
 * each is refused with one line naming the file and the field.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario } from '../../src/scenario/load-scenario.js';
import { ScenarioError, suggest } from '../../src/scenario/scenario-error.js';

const BASE = `name: probe
horizon: 2w
replications: 2
streams:
  - name: s1
    modality: CT
    volume: 40/day
    readTime: { dist: lognormal, mean: 10m, cv: 0.5 }
    findings: { f: 10% }
readers:
  - name: r
    count: 5
ai:
  - { name: t, kind: triage, finding: f, sensitivity: 0.9, specificity: 0.9 }
`;
// biome-ignore lint/suspicious/noExplicitAny: the cases edit a parsed file freely
type Raw = Record<string, any>;

/** Findings f0, f1, ... of 1 % each. */
const manyFindings = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, '1%']));
const triageFor = (finding: string) => ({
  name: `${finding}-triage`,
  kind: 'triage',
  finding,
  sensitivity: 0.9,
  specificity: 0.9,
});

function problems(change: (r: Raw) => void, set: string[] = []): string[] {
  const raw = parseScenarioText('x.yaml', BASE);
  change(raw);
  try {
    validateScenario('x.yaml', raw, { set });
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n');
    throw e;
  }
  return [];
}

describe('refused before the run', () => {
  const cases: [string, (r: Raw) => void, string][] = [
    [
      'an all-zero hour-of-week pattern',
      (r) => (r.streams[0].pattern = new Array(168).fill(0)),
      'x.yaml:5:5: streams[0].pattern: every hourly weight is 0: at least one hour of the week needs arrivals (or set volume: 0/day)',
    ],
    [
      'a shift from 24:00',
      (r) => (r.readers[0].roster = [{ days: 'Sun', from: '24:00', to: '08:00', on: 1 }]),
      'x.yaml:11:5: readers[0].roster[0].from: a shift may not start at 24:00: start it at "00:00" of the next day',
    ],
    [
      'an arm moving a stream to a priority that does not exist',
      (r) => (r.arms = [{ name: 'a' }, { name: 'b', streams: { s1: { priority: 'nonexistent' } } }]),
      'x.yaml:1:1: arms[1].streams.s1.priority: in this arm, "nonexistent" is not a priority (routine)',
    ],
    [
      "an arm's finding share of 150%",
      (r) => (r.arms = [{ name: 'a' }, { name: 'b', streams: { s1: { findings: { x: '150%' } } } }]),
      'x.yaml:1:1: arms[1].streams.s1.findings.x: expected a share such as 6.3% or 0.063, between 0 and 1, found "150%"',
    ],
    [
      'a lognormal cv of 1e155',
      (r) => (r.streams[0].readTime.cv = 1e155),
      'x.yaml:8:45: streams[0].readTime.cv: expected a coefficient of variation (a number from 0 to 10), found 1e+155',
    ],
    [
      'a gamma cv of 1e155',
      (r) => (r.streams[0].readTime = { dist: 'gamma', mean: '10m', cv: 1e155 }),
      'x.yaml:8:45: streams[0].readTime.cv: expected a coefficient of variation (a number from 0 to 10), found 1e+155',
    ],
    [
      'a triangular max of 1e308',
      (r) => (r.streams[0].readTime = { dist: 'triangular', min: 1, mode: 2, max: 1e308 }),
      'x.yaml:8:5: streams[0].readTime: a reading time of more than a week (10080 minutes) is not one read, found 1e+308 minutes',
    ],
    [
      'a numeric horizon of 1e15',
      (r) => (r.horizon = 1e15),
      'x.yaml:2:1: horizon: expected a horizon of at most 100y, found 1000000000000000',
    ],
    [
      'a bare horizon of 10 (minutes, surely meant as years)',
      (r) => (r.horizon = 10),
      'x.yaml:2:1: horizon: a bare 10 is 10 minutes, which is probably a slip: write the unit, such as 10y or 10w',
    ],
    [
      'a backlog of 1e12',
      (r) => (r.streams[0].backlog = 1e12),
      'x.yaml:5:5: streams[0].backlog: expected a backlog of studies (a whole number from 0 to 100,000,000), found 1000000000000',
    ],
    [
      'a description of 5 MB',
      (r) => (r.description = 'a'.repeat(5_000_000)),
      'x.yaml:1:1: description: expected at most 10,000 characters, found "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"... (5,000,000 characters)',
    ],
    [
      "an arm overriding a tool's streams with one that does not exist",
      (r) => (r.arms = [{ name: 'a' }, { name: 'b', ai: ['t'], tools: { t: { streams: ['nope'] } } }]),
      'x.yaml:1:1: arms[1].tools.t.streams[0]: in this arm, "nope" is not a stream (s1)',
    ],
    [
      "an arm overriding a tool's finding with one that does not exist",
      (r) => (r.arms = [{ name: 'a' }, { name: 'b', ai: ['t'], tools: { t: { finding: 'nope' } } }]),
      'x.yaml:1:1: arms[1].tools.t.finding: in this arm, "nope" is not a finding of any stream (f)',
    ],
    [
      'an arm renaming a tool',
      (r) => (r.arms = [{ name: 'a' }, { name: 'b', ai: ['t'], tools: { t: { name: 'other' } } }]),
      "x.yaml:1:1: arms[1].tools.t.name: an arm may not change a tool's name (describe another tool under ai instead)",
    ],
    [
      'a stream without a priority when there are several',
      (r) => (r.priorities = [{ name: 'stat' }, { name: 'routine' }]),
      'x.yaml:5:5: streams[0].priority: is required when there are several priorities (stat, routine)',
    ],
    [
      'a bare growth of 8 (800 %/y)',
      (r) => (r.streams[0].growth = 8),
      'x.yaml:5:5: streams[0].growth: a bare 8 is a growth of 800%/y, which is probably a slip: write 8%/y, or 800%/y if you mean it',
    ],
    [
      'a bare sensitivity of 89',
      (r) => (r.ai[0].sensitivity = 89),
      'x.yaml:14:42: ai[0].sensitivity: expected a share such as 6.3% or 0.063, between 0 and 1, found 89 (did you mean 89%?)',
    ],
    [
      'a name that is a whole file',
      (r) => (r.name = 'x'.repeat(50_000_000)),
      'x.yaml:1:1: name: a name may have at most 100 characters, found "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"... (50,000,000 characters)',
    ],
    [
      'an arm naming a tool when there are none',
      (r) => {
        delete r.ai;
        r.arms = [{ name: 'a', ai: ['t'] }];
      },
      'x.yaml:1:1: arms[0].ai[0]: "t" is not an AI tool (there are none)',
    ],
    [
      'a stream with 21 findings (the reading expectation sums over 2^findings outcomes)',
      (r) => {
        r.streams[0].findings = manyFindings(21);
        delete r.ai;
      },
      'x.yaml:9:5: streams[0].findings: expected at most 20 findings on one stream, found 21',
    ],
    [
      'a stream with 19 findings and two triage tools in the default "with AI" arm',
      (r) => {
        r.streams[0].findings = manyFindings(19);
        r.ai = [triageFor('f0'), triageFor('f1')];
      },
      'x.yaml:13:1: ai: in arm "with AI", stream "s1" has 19 finding(s) and 2 AI tool(s) calling on it (f0-triage, f1-triage): expected at most 20 findings and calling tools together on one stream, found 21',
    ],
    [
      'an arm deploying a second triage tool on a stream with 19 findings',
      (r) => {
        r.streams[0].findings = manyFindings(19);
        r.ai = [triageFor('f0'), triageFor('f1'), { name: 'help', kind: 'assist', readTimeFactor: 0.9 }];
        r.arms = [
          { name: 'one', ai: ['f0-triage', 'help'] },
          { name: 'two', ai: ['f0-triage', 'f1-triage'] },
        ];
      },
      'x.yaml:1:1: arms[1].ai: in arm "two", stream "s1" has 19 finding(s) and 2 AI tool(s) calling on it (f0-triage, f1-triage): expected at most 20 findings and calling tools together on one stream, found 21',
    ],
    [
      'an arm giving a stream 21 findings',
      (r) => {
        r.streams[0].findings = manyFindings(20);
        r.ai = [triageFor('f0')];
        r.arms = [{ name: 'none' }, { name: 'more', streams: { s1: { findings: manyFindings(21) } } }];
      },
      'x.yaml:1:1: arms[1].streams.s1.findings: in this arm, expected at most 20 findings on one stream, found 21',
    ],
    [
      '254 priorities (a study waits at a level kept in one byte)',
      (r) => {
        r.priorities = Array.from({ length: 254 }, (_, i) => ({ name: `p${i}` }));
        r.streams[0].priority = 'p0';
      },
      'x.yaml:1:1: priorities: expected at most 253 priorities, found 254',
    ],
    [
      "1,001 reader groups (each takes two of the engine's 2,048 event kinds)",
      (r) => (r.readers = Array.from({ length: 1001 }, (_, i) => ({ name: `r${i}`, count: 1 }))),
      'x.yaml:10:1: readers: expected at most 1000 reader groups, found 1001',
    ],
  ];
  for (const [what, change, want] of cases) {
    it(what, () => {
      expect(problems(change)).toEqual([want]);
    });
  }

  it('at the limits themselves: 20 findings and tools on a stream, 253 priorities, 1,000 reader groups are taken', () => {
    expect(
      problems((r) => {
        r.streams[0].findings = manyFindings(19);
        r.ai = [triageFor('f0'), { name: 'help', kind: 'assist', readTimeFactor: 0.9 }];
      }),
    ).toEqual([]);
    expect(
      problems((r) => {
        r.priorities = Array.from({ length: 253 }, (_, i) => ({ name: `p${i}` }));
        r.streams[0].priority = 'p0';
      }),
    ).toEqual([]);
    expect(problems((r) => (r.readers = Array.from({ length: 1000 }, (_, i) => ({ name: `r${i}`, count: 1 }))))).toEqual([]);
  });

  it('a deliberate 800%/y is taken', () => {
    expect(problems((r) => (r.streams[0].growth = '800%/y'))).toEqual([]);
  });

  it('--set __proto__ is refused and pollutes nothing', () => {
    expect(problems(() => {}, ['__proto__.x=1'])).toEqual([
      'x.yaml: --set __proto__.x: "__proto__" is not a field of a scenario',
    ]);
    expect(problems(() => {}, ['constructor.prototype.x=1'])).toEqual([
      'x.yaml: --set constructor.prototype.x: "constructor" is not a field of a scenario',
    ]);
    expect(({} as Raw).x).toBeUndefined();
  });

  it('10^5 unknown fields: a few lines, each short, and never the typed word suggested back', () => {
    const lines = problems((r) => {
      for (let i = 0; i < 100_000; i++) r[`field${i}`] = i;
      r.name2 = 'x';
      r[`long${'y'.repeat(100_000)}`] = 1;
    });
    expect(lines.length).toBeLessThanOrEqual(21);
    expect(lines[lines.length - 1]).toMatch(/^x\.yaml: and \d+ more problems like these$/);
    for (const l of lines) expect(l.length).toBeLessThan(200);
    expect(suggest('name', ['name', 'names'])).toBe('names');
    expect(suggest('x'.repeat(10_000), ['name'])).toBeNull();
    // A field of the format in the wrong place is said so, not "did you mean" itself.
    expect(problems((r) => (r.readers[0].kind = 'x'))).toEqual(['x.yaml:11:5: readers[0].kind: "kind" is not a field here']);
  });

  it('the schema library does not speak: no "expected int", no "()"', () => {
    const lines = [
      ...problems((r) => (r.streams[0].modality = 3)),
      ...problems((r) => (r.seed = 1.5)),
      ...problems((r) => (r.streams[0].reads = 'two')),
    ];
    expect(lines).toEqual([
      'x.yaml:6:5: streams[0].modality: expected text, found 3',
      'x.yaml:1:1: seed: expected a seed (a whole number), found 1.5',
      'x.yaml:5:5: streams[0].reads: expected reads per study (a whole number from 1 to 4), found "two"',
    ]);
  });
});
