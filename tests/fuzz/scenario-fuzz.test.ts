/**
 * Fuzzing scenarios (fast-check): mutated files (fields dropped or retyped, extreme and
 * non-finite numbers, unknown units, long strings, empty lists, overlapping rosters, arms that
 * change anything, --set paths, lists grown to the model's limits: findings and AI tools on a
 * stream, priorities, reader groups) go through validation and, when valid, `explain` and a
 * short run. The only
 * outcomes allowed are those of exit code 0, or exit code 1 with every line naming the file
 * (and a field or --set); never an internal error (exit code 2), never a hang.
 *
 * A fixed seed and budget in CI; a longer budget with READSIM_FUZZ_RUNS=N (and another seed
 * with READSIM_FUZZ_SEED=S). The figures are printed at the end.
 */
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/cli-error.js';
import { explainScenario } from '../../src/experiment/analytic-companion.js';
import { runExperiment } from '../../src/experiment/experiment.js';
import { estimateWork, workTooBig } from '../../src/experiment/work-estimate.js';
import { parseScenarioText, validateScenario } from '../../src/scenario/load-scenario.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

const RUNS = Number(process.env.READSIM_FUZZ_RUNS ?? 120);
const SEED = Number(process.env.READSIM_FUZZ_SEED ?? 20261129);
/** A run of a valid mutant (one week, one replication) must end within this. */
const RUN_BOUND_MS = 20_000;
/** Mutants whose one-week run would simulate more studies than this are not run here (too slow for a test). */
const RUN_STUDY_CAP = 300_000;
const FILE = 'fuzz.yaml';

const BASE = `
name: fuzz
horizon: 2w
warmup: 1d
replications: 2
priorities:
  - { name: stat, target: 1h }
  - { name: routine, target: 2d }
streams:
  - name: ct
    modality: CT
    priority: stat
    volume: 40/day
    growth: 5%/y
    pattern: ed
    readTime: { dist: lognormal, mean: 16m, cv: 0.6 }
    findings: { ich: 6.3%, pe: { prevalence: 10%, readTime: { dist: gamma, mean: 20m, cv: 0.5 } } }
    backlog: 20
  - name: mr
    modality: MR
    priority: routine
    volume: 20/day
    readTime: { dist: triangular, min: 5m, mode: 10m, max: 30m }
    reads: 2
    arbitration: true
readers:
  - name: general
    count: 6
    roster:
      - { days: Mon-Fri, from: "08:00", to: "18:00", on: 5 }
      - { days: all, from: "18:00", to: "08:00", on: 1 }
    shiftEnd: handover
  - name: neuro
    count: 2
    modalities: [CT]
    efficiency: 80%
worklist: { order: priority, preemption: resume, escalateAfter: { routine: 1d } }
ai:
  - { name: ich-triage, kind: triage, finding: ich, streams: [ct], sensitivity: 0.89, specificity: 0.96 }
  - { name: assist, kind: assist, readTimeFactor: 0.8, extraTimePerFlag: 1m }
  - { name: auto, kind: autonomous, streams: [mr], clears: 30%, misses: 1% }
  - { name: second, kind: second-reader, streams: [mr], sensitivity: 0.9, specificity: 0.9 }
arms:
  - { name: base }
  - { name: all-ai, ai: [ich-triage, assist, auto, second] }
  - { name: more, ai: [assist], readers: { general: { count: 8 } }, streams: { ct: { volume: 50/day } } }
`;

const LONG = 'x'.repeat(200_000);
/** Values a mutation writes: extremes, non-finite numbers, wrong forms and units, long text, empties. */
const VALUES: unknown[] = [
  0,
  -1,
  1,
  0.5,
  1.5,
  8,
  100,
  150,
  1e15,
  1e308,
  -1e308,
  5e-324,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 53,
  '',
  'x',
  LONG,
  '150%',
  '-5%',
  '0%',
  '100%',
  '1e5/day',
  '40/day',
  '99999999/day',
  '0/day',
  '3/fortnight',
  '24:00',
  '25:00',
  '00:00',
  '08:00',
  '1y',
  '100y',
  '101y',
  '1000y',
  '0m',
  '10080m',
  '1.5h',
  '8%/y',
  '800%/y',
  '-100%/y',
  'Mon-Fri',
  'Sun-Mon',
  'all',
  'stat',
  'routine',
  'nope',
  'ct',
  'mr',
  'ich',
  'general',
  '__proto__',
  'constructor',
  [],
  {},
  null,
  true,
  ['x'],
  [1, 2],
  ['ct'],
  ['ct', 'mr', 'nope'],
  new Array(168).fill(0),
  new Array(168).fill(1e308),
  { dist: 'lognormal', mean: '10m', cv: 10 },
  { dist: 'gamma', mean: '10m', cv: 10 },
  { dist: 'loglogistic', mean: '10m', cv: 10 },
  { dist: 'triangular', min: 0, mode: 0, max: 10080 },
  { dist: 'uniform', min: '1m', max: '1m' },
  { dist: 'empirical', values: [] },
  { dist: 'deterministic', mean: 0 },
  { days: 'all', from: '00:00', to: '24:00', on: 1 },
  { days: 'Mon', from: '17:00', to: '09:00', on: 0.5 },
  { name: 'x', kind: 'triage', finding: 'nope', sensitivity: 2, specificity: '150%' },
];
const SET_PATHS = [
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'streams.__proto__.x',
  'readers.general.count',
  'streams.ct.volume',
  'ai.ich-triage.sensitivity',
  'horizon',
  'worklist.order',
  'nope.x',
  'streams.nope.volume',
  'arms.more.readers.general.count',
  '.',
  'a..b',
];

type Json = Record<string, unknown>;
/** Every path to a value in the object, as lists of keys. */
function paths(node: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      const p = [...at, Array.isArray(node) ? Number(k) : k];
      out.push(p);
      paths(v, p, out);
    }
  }
  return out;
}

interface Mutation {
  op: 'delete' | 'set' | 'scale' | 'add-key' | 'add-arm' | 'add-shift' | 'empty-list' | 'grow';
  at: number;
  value: number;
  field: string;
}
const SCALES = [0, 0.01, 0.5, 2, 10, 1000, 1e6];
const FIELDS = [
  'readers',
  'streams',
  'tools',
  'worklist',
  'ai',
  'name',
  'kind',
  'finding',
  'priority',
  'volume',
  'count',
  'roster',
  'findings',
  'readTime',
  'backlog',
  'reeds',
];

function mutate(raw: Json, m: Mutation): void {
  const all = paths(raw);
  const value = structuredClone(VALUES[m.value % VALUES.length]);
  const target = all[m.at % all.length];
  const parentOf = (p: (string | number)[]) => p.slice(0, -1).reduce<unknown>((n, k) => (n as Json)[k as string], raw) as Json;
  switch (m.op) {
    case 'delete': {
      const parent = parentOf(target);
      if (Array.isArray(parent)) parent.splice(target[target.length - 1] as number, 1);
      else delete parent[target[target.length - 1]];
      break;
    }
    case 'set':
      parentOf(target)[target[target.length - 1]] = value;
      break;
    case 'scale': {
      // A plausible value of the same form, larger or smaller: 16m -> 160m, 40/day -> 0/day, 0.9 -> 0.
      const parent = parentOf(target);
      const key = target[target.length - 1];
      const factor = SCALES[m.value % SCALES.length];
      const v = parent[key];
      if (typeof v === 'number') parent[key] = v * factor;
      else if (typeof v === 'string')
        parent[key] = v.replace(/^\d+(\.\d+)?/, (x) => String(+(Number(x) * factor).toPrecision(6)));
      break;
    }
    case 'add-key': {
      const node = target.reduce<unknown>((n, k) => (n as Json)[k as string], raw);
      if (node && typeof node === 'object' && !Array.isArray(node)) (node as Json)[m.field] = value;
      break;
    }
    case 'add-arm': {
      // An arm that changes anything: a field of a stream, reader group or tool, by name (known or not).
      const names = {
        streams: ['ct', 'mr', 'nope'],
        readers: ['general', 'neuro', 'nope'],
        tools: ['ich-triage', 'assist', 'auto', 'nope'],
      };
      const part = (['streams', 'readers', 'tools'] as const)[m.at % 3];
      const item = names[part][m.value % names[part].length];
      raw.arms = [
        ...(Array.isArray(raw.arms) ? raw.arms : []),
        { name: `arm${m.at}`, ai: ['ich-triage'], [part]: { [item]: { [m.field]: value } } },
      ];
      break;
    }
    case 'add-shift': {
      const g = (raw.readers as Json[] | undefined)?.[0];
      if (g && typeof g === 'object') g.roster = [...(Array.isArray(g.roster) ? g.roster : []), value];
      break;
    }
    case 'grow': {
      // A list grown to about a limit of the model (bit masks, byte-sized levels, event kinds):
      // findings on a stream (with triage tools for some), priorities, reader groups.
      const what = m.at % 3;
      const streams = raw.streams as Json[] | undefined;
      if (what === 0 && Array.isArray(streams) && streams[0] && typeof streams[0] === 'object') {
        // More findings on the first stream, and triage tools for some of them in every arm with AI.
        const n = [10, 16, 17, 18, 19, 29][m.value % 6];
        const own = streams[0].findings && typeof streams[0].findings === 'object' ? streams[0].findings : {};
        const findings: Json = { ...own };
        for (let i = 0; i < n; i++) findings[`g${i}`] = '1%';
        streams[0].findings = findings;
        const tools = [0, 1, 2, 3][Math.floor(m.value / 6) % 4];
        const names = Array.from({ length: tools }, (_, i) => `g${i}-triage`);
        const ai = Array.isArray(raw.ai) ? raw.ai : [];
        for (const [i, name] of names.entries())
          ai.push({ name, kind: 'triage', finding: `g${i}`, sensitivity: 0.9, specificity: 0.9, streams: [streams[0].name] });
        raw.ai = ai;
        if (Array.isArray(raw.arms))
          for (const arm of raw.arms as Json[])
            if (arm && Array.isArray(arm.ai) && arm.ai.length > 0) arm.ai = [...arm.ai, ...names];
      } else if (what === 1) {
        const n = [3, 253, 254, 300][m.value % 4];
        raw.priorities = Array.from({ length: n }, (_, i) => ({ name: i === 0 ? 'stat' : i === 1 ? 'routine' : `p${i}` }));
      } else if (what === 2 && Array.isArray(raw.readers) && raw.readers[0]) {
        const n = [1000, 1001][m.value % 2];
        const g = raw.readers[0] as Json;
        raw.readers = Array.from({ length: n }, (_, i) => (i === 0 ? g : { name: `x${i}`, count: 0 }));
      }
      break;
    }
    case 'empty-list': {
      const parent = parentOf(target);
      parent[target[target.length - 1]] = [];
      break;
    }
  }
}

const mutation = fc.record({
  op: fc.constantFrom<Mutation['op']>(
    'delete',
    'set',
    'scale',
    'scale',
    'scale',
    'add-key',
    'add-arm',
    'add-shift',
    'empty-list',
    'grow',
  ),
  at: fc.nat(),
  value: fc.nat(),
  field: fc.constantFrom(...FIELDS),
});
const setArg = fc.tuple(fc.constantFrom(...SET_PATHS), fc.constantFrom('1', '8', '150%', 'x', '{}', '[]', '2w', '1e308'));

const tally = { cases: 0, exit0: 0, exit1: 0, exit2: 0, ranOk: 0, skippedLarge: 0 };
afterAll(() => {
  // The figures for the note: cases tried, exits by code.
  console.log(
    `fuzz: ${tally.cases} cases (seed ${SEED}): exit 0 ${tally.exit0} (ran ${tally.ranOk}, ${tally.skippedLarge} valid but too big to run here), exit 1 ${tally.exit1}, exit 2 ${tally.exit2}`,
  );
});

/** The outcome of `readsim validate` then `readsim run --horizon 1w -r 1 -j 1` on a mutant, as an exit code. */
async function outcome(raw: Json, set: string[]): Promise<{ code: 0 | 1; message: string; ran: boolean }> {
  const badInput = (e: unknown) => e instanceof ScenarioError || e instanceof UsageError;
  let loaded: ReturnType<typeof validateScenario>;
  try {
    loaded = validateScenario(FILE, structuredClone(raw), { set });
    dump(loaded.resolved, { lineWidth: 120 }); // scenario.resolved.yaml must be writable
    explainScenario(loaded); // the reading expectation of every arm and stream (readsim explain)
    const why = workTooBig(estimateWork([loaded], { jobs: 1 }));
    if (why) throw new UsageError(`${FILE}: ${why}`);
  } catch (e) {
    if (badInput(e)) return { code: 1, message: (e as Error).message, ran: false };
    throw e;
  }
  // The run, shortened: one week, one replication, in this thread.
  let short: ReturnType<typeof validateScenario>;
  try {
    short = validateScenario(FILE, structuredClone(raw), { set: [...set, 'horizon=1w', 'warmup=0d'] });
  } catch (e) {
    if (badInput(e)) return { code: 1, message: (e as Error).message, ran: false };
    throw e;
  }
  if (estimateWork([short], { jobs: 1, replications: 1 }).studies > RUN_STUDY_CAP) return { code: 0, message: '', ran: false };
  const started = Date.now();
  const result = await runExperiment(short, { replications: 1, jobs: 1 });
  JSON.stringify(result.summary);
  expect(Date.now() - started, 'a one-week run took too long').toBeLessThan(RUN_BOUND_MS);
  return { code: 0, message: '', ran: true };
}

describe('fuzzed scenarios', () => {
  it(`validate and run: exit 0, or exit 1 with lines naming the file and a field (${RUNS} cases)`, async () => {
    const base = parseScenarioText(FILE, BASE);
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.array(setArg, { maxLength: 1 }),
        async (muts, sets) => {
          const raw = structuredClone(base);
          for (const m of muts) mutate(raw, m);
          tally.cases++;
          let r: Awaited<ReturnType<typeof outcome>>;
          try {
            r = await outcome(
              raw,
              sets.map(([p, v]) => `${p}=${v}`),
            );
          } catch (e) {
            tally.exit2++;
            throw e;
          }
          expect(({} as Json).polluted, '--set changed every object').toBeUndefined();
          if (r.code === 0) {
            tally.exit0++;
            if (r.ran) tally.ranOk++;
            else tally.skippedLarge++;
            return;
          }
          tally.exit1++;
          if (process.env.READSIM_FUZZ_SHOW) console.log(r.message.split('\n')[0]);
          const lines = r.message.split('\n');
          for (const line of lines) {
            expect(line.startsWith(`${FILE}: `), line).toBe(true);
            expect(line.length, 'a message line is too long to read').toBeLessThan(600);
            expect(line).not.toMatch(/\n\s+at |expected (int|string|number|array|object|record)\b|\(\)|Invalid input/);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});
