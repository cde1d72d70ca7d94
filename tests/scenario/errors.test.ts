/**
 * Bad scenario files get one message per problem, naming the file, the field path, what was
 * expected and what was found.
 */
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario } from '../../src/scenario/load-scenario.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

const BASE = `
name: test
horizon: 10w
priorities:
  - { name: stat, target: 1h }
  - { name: routine }
streams:
  - name: ed-head-ct
    modality: CT
    priority: stat
    volume: 40/day
    readTime: { dist: lognormal, mean: 16m, cv: 0.6 }
    findings: { ich: 6.3% }
  - name: op-mr
    modality: MR
    priority: routine
    volume: 20/day
    readTime: { dist: exponential, mean: 20m }
readers:
  - name: general
    count: 6
    roster:
      - { days: Mon-Fri, from: "08:00", to: "18:00", on: 5 }
      - { days: all, from: "18:00", to: "08:00", on: 1 }
ai:
  - { name: ich-triage, kind: triage, finding: ich, streams: [ed-head-ct], sensitivity: 0.89, specificity: 0.96 }
`;

// biome-ignore lint/suspicious/noExplicitAny: the cases below edit a parsed file freely
type Raw = Record<string, any>;

function messages(yaml: string, change?: (raw: Raw) => void, set: string[] = []): string[] {
  const raw = parseScenarioText('scenarios/x.yaml', yaml);
  change?.(raw);
  try {
    validateScenario('scenarios/x.yaml', raw, { set });
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n');
    throw e;
  }
  return [];
}

describe('scenario errors', () => {
  it('the base file is valid', () => {
    expect(messages(BASE)).toEqual([]);
  });

  const cases: [string, (r: Raw) => void, string[]][] = [
    [
      'a priority that does not exist',
      (r) => (r.streams[0].priority = 'urgent'),
      ['scenarios/x.yaml:10:5: streams[0].priority: "urgent" is not a priority (stat, routine)'],
    ],
    [
      'a coefficient of variation below 0',
      (r) => (r.streams[0].readTime.cv = -0.2),
      ['scenarios/x.yaml:12:45: streams[0].readTime.cv: expected a coefficient of variation (a number from 0 to 10), found -0.2'],
    ],
    [
      'a misspelt field',
      (r) => (r.streams[1].reeds = 2),
      ['scenarios/x.yaml:14:5: streams[1].reeds: unknown field (did you mean "reads"?)'],
    ],
    [
      'a rate without its unit',
      (r) => (r.streams[0].volume = 40),
      ['scenarios/x.yaml:11:5: streams[0].volume: expected a rate such as 40/day, 3/h, 1200/w or 50000/y, found 40'],
    ],
    [
      'a duration in an unknown unit',
      (r) => (r.horizon = '1yr'),
      [
        'scenarios/x.yaml:3:1: horizon: expected a duration such as 90s, 16m, 1.5h, 7d, 4w or 10y (a bare number is minutes), found "1yr"',
      ],
    ],
    [
      'a share above 1',
      (r) => (r.streams[0].findings.ich = '163%'),
      ['scenarios/x.yaml:13:17: streams[0].findings.ich: expected a share such as 6.3% or 0.063, between 0 and 1, found "163%"'],
    ],
    [
      'an unknown distribution',
      (r) => (r.streams[1].readTime = { dist: 'weibull', mean: '20m' }),
      [
        'scenarios/x.yaml:18:17: streams[1].readTime.dist: dist must be one of exponential, deterministic, lognormal, gamma, loglogistic, triangular, uniform, empirical, found "weibull"',
      ],
    ],
    [
      'an unknown AI kind',
      (r) => (r.ai[0].kind = 'magic'),
      ['scenarios/x.yaml:26:25: ai[0].kind: kind must be one of triage, assist, autonomous, second-reader, found "magic"'],
    ],
    [
      'an AI finding no stream has',
      (r) => (r.ai[0].finding = 'pe'),
      ['scenarios/x.yaml:26:39: ai[0].finding: "pe" is not a finding of any stream (ich)'],
    ],
    [
      'an AI stream that does not exist',
      (r) => (r.ai[0].streams = ['gp-cxr']),
      ['scenarios/x.yaml:26:63: ai[0].streams[0]: "gp-cxr" is not a stream (ed-head-ct, op-mr)'],
    ],
    [
      'a triage tool on a stream without its finding',
      (r) => (r.ai[0].streams = ['op-mr']),
      ['scenarios/x.yaml:26:63: ai[0].streams[0]: stream "op-mr" has no finding "ich" for the tool to look for'],
    ],
    [
      'an arm with an unknown tool',
      (r) => (r.arms = [{ name: 'a', ai: ['ich'] }]),
      ['scenarios/x.yaml:2:1: arms[0].ai[0]: "ich" is not an AI tool (ich-triage)'],
    ],
    [
      'more readers on than the headcount',
      (r) => (r.readers[0].roster[0].on = 7),
      ["scenarios/x.yaml:23:54: readers[0].roster[0].on: 7 readers on, but the group's count is 6"],
    ],
    [
      'overlapping shifts',
      (r) => r.readers[0].roster.push({ days: 'Mon', from: '17:00', to: '20:00', on: 1 }),
      [
        'scenarios/x.yaml:22:5: readers[0].roster: shifts 1 and 3 overlap (at Mon 17:00); give each time of the week one line',
        'scenarios/x.yaml:22:5: readers[0].roster: shifts 2 and 3 overlap (at Mon 18:00); give each time of the week one line',
      ],
    ],
    [
      'a clock time YAML would read as a number',
      (r) => (r.readers[0].roster[0].from = 8),
      ['scenarios/x.yaml:23:26: readers[0].roster[0].from: expected a time of day such as "08:00" (quote it in YAML), found 8'],
    ],
    [
      'a modality no reader reads',
      (r) => (r.readers[0].modalities = ['CT']),
      ['scenarios/x.yaml:15:5: streams[1].modality: no reader group reads "MR" (general reads CT)'],
    ],
    [
      'flagged/unflagged factors without a triage tool',
      (r) => r.ai.push({ name: 'mr-assist', kind: 'assist', streams: ['op-mr'], readTimeFactor: { flagged: 1, unflagged: 0.8 } }),
      [
        'scenarios/x.yaml:25:1: ai[1].readTimeFactor: flagged/unflagged factors need a triage tool on stream "op-mr" to flag studies',
      ],
    ],
    [
      'two streams with one name',
      (r) => (r.streams[1].name = 'ed-head-ct'),
      ['scenarios/x.yaml:14:5: streams[1].name: "ed-head-ct" names two streams; names must be unique'],
    ],
    [
      'a start date that is not a Monday',
      (r) => (r.start = '2026-01-06'),
      ['scenarios/x.yaml:2:1: start: time 0 is a Monday, but 2026-01-06 is a Tuesday'],
    ],
    [
      'a warm-up longer than the horizon',
      (r) => (r.warmup = '20w'),
      ['scenarios/x.yaml:2:1: warmup: the warm-up (20w) must be shorter than the horizon (10w)'],
    ],
    [
      'an impossible triangular reading time',
      (r) => (r.streams[1].readTime = { dist: 'triangular', min: '10m', mode: '5m', max: '20m' }),
      ['scenarios/x.yaml:18:5: streams[1].readTime: triangular needs min <= mode <= max and min < max, got 10, 5, 20 (minutes)'],
    ],
    [
      'a missing required field',
      (r) => delete r.horizon,
      [
        'scenarios/x.yaml:3:1: horizon: expected a duration such as 90s, 16m, 1.5h, 7d, 4w or 10y (a bare number is minutes), found nothing',
      ],
    ],
    [
      'an arm that breaks the roster',
      (r) =>
        (r.arms = [
          { name: 'fewer', readers: { general: { count: 0, roster: [{ days: 'all', from: '00:00', to: '24:00', on: 1 }] } } },
        ]),
      ["scenarios/x.yaml:2:1: arms[0].readers.general.roster[0].on: in this arm, 1 readers on, but the group's count is 0"],
    ],
  ];
  for (const [what, change, want] of cases) {
    it(what, () => {
      expect(messages(BASE, change)).toEqual(want);
    });
  }

  it('reports every schema problem at once, one line each', () => {
    const got = messages(BASE, (r) => {
      r.horizon = 'soon';
      r.streams[0].volume = 'many';
      r.readers[0].efficency = 0.5;
    });
    expect(got).toEqual([
      'scenarios/x.yaml:3:1: horizon: expected a duration such as 90s, 16m, 1.5h, 7d, 4w or 10y (a bare number is minutes), found "soon"',
      'scenarios/x.yaml:11:5: streams[0].volume: expected a rate such as 40/day, 3/h, 1200/w or 50000/y, found "many"',
      'scenarios/x.yaml:20:5: readers[0].efficency: unknown field (did you mean "efficiency"?)',
    ]);
  });

  it('a file whose fields are mostly not a scenario\'s (package.json) gets one line, a draft its "did you mean"', () => {
    const one = (file: string, text: string) => {
      try {
        validateScenario(file, parseScenarioText(file, text));
      } catch (e) {
        return (e as Error).message.split('\n');
      }
      return [];
    };
    const pkg = JSON.stringify({ name: 'x', version: '1.0.0', license: 'MIT', scripts: { test: 'vitest' }, dependencies: {} });
    expect(one('package.json', pkg)).toEqual([
      "package.json: not a readsim scenario: most of its fields (version, license, scripts, dependencies) are not a scenario's; a scenario has name, horizon, streams and readers (docs/scenario-format.md; readsim init writes one)",
    ]);
    // A draft with a near miss (stream) keeps one line a problem, with its hint.
    const draft = one('d.yaml', 'name: x\nstream: []\nreader: []\n');
    expect(draft.length).toBeGreaterThan(1);
    expect(draft.join('\n')).toContain('stream: unknown field (did you mean "streams"?)');
    // A file with a field every scenario has is read as a scenario, however many mistakes it has.
    expect(one('h.yaml', 'horizon: 1w\nfoo: 1\nbar: 2\nbaz: 3\n').length).toBeGreaterThan(1);
  });

  it('a file that is not YAML, or not a mapping: the message says where the parser stopped', () => {
    expect(() => parseScenarioText('x.yaml', 'name: t\nhorizon: 10w\n  bad: indent')).toThrow(
      /^x.yaml:3:6: cannot be read as YAML: bad indentation of a mapping entry$/,
    );
    expect(() => parseScenarioText('x.yaml', 'name: [unclosed')).toThrow(/^x.yaml:1:16: cannot be read as YAML/);
    expect(() => parseScenarioText('x.json', '{"name": ')).toThrow(/^x.json:1:10: cannot be read as JSON/);
    expect(() => parseScenarioText('x.json', '{"name": 1,,}')).toThrow(/^x.json:1:12: cannot be read as JSON/);
    expect(() => parseScenarioText('x.yaml', '- a\n- b')).toThrow(/^x.yaml:1:1: expected a scenario .* found a list/);
  });

  it('every message of a file starts with file:line:column of the field it names', () => {
    const text = BASE.replace('cv: 0.6', 'cv: -0.2').replace('    count: 6\n', '    count: 6\n    efficency: 0.5\n');
    const lines = text.split('\n');
    const got = messages(text);
    expect(got).toEqual([
      'scenarios/x.yaml:12:45: streams[0].readTime.cv: expected a coefficient of variation (a number from 0 to 10), found -0.2',
      'scenarios/x.yaml:22:5: readers[0].efficency: unknown field (did you mean "efficiency"?)',
    ]);
    // The places are the fields' own: line 12 column 45 is "cv", line 22 column 5 "efficency".
    expect(lines[11].slice(44, 46)).toBe('cv');
    expect(lines[21].slice(4, 13)).toBe('efficency');
    // A missing field is placed on the mapping that lacks it; a JSON file is placed as well.
    const noName = BASE.replace('name: test\n', '');
    expect(messages(noName)).toEqual(['scenarios/x.yaml:2:1: name: expected a name (text), found nothing']);
    const json = JSON.stringify(parseScenarioText('x.yaml', BASE), null, 2).replace('"10w"', '"soon"');
    expect(() => validateScenario('x.json', parseScenarioText('x.json', json))).toThrow(
      /^x\.json:3:3: horizon: expected a duration/,
    );
  });

  it('--set names list items and says what is there when a name is wrong (no line: the value is not in the file)', () => {
    expect(messages(BASE, undefined, ['readers.generl.count=8'])).toEqual([
      'scenarios/x.yaml: --set readers.generl.count: no reader group named "generl" (general)',
    ]);
    expect(messages(BASE, undefined, ['readers.general.count'])).toEqual([
      'scenarios/x.yaml: --set readers.general.count: expected PATH=VALUE, such as readers.general.count=8',
    ]);
    expect(messages(BASE, undefined, ['streams.op-mr.volume=lots'])).toEqual([
      'scenarios/x.yaml: streams[1].volume: expected a rate such as 40/day, 3/h, 1200/w or 50000/y, found "lots"',
    ]);
  });

  it('JSON scenarios read like YAML ones', () => {
    const raw = parseScenarioText('scenarios/x.yaml', BASE);
    const json = parseScenarioText('scenarios/x.json', JSON.stringify(raw));
    expect(validateScenario('scenarios/x.json', json).departments).toEqual(validateScenario('scenarios/x.yaml', raw).departments);
    expect(dump(raw)).toContain('ed-head-ct');
  });
});
