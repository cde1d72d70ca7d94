import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/experiment/confidence-interval.js';
import { simulateDepartment } from '../../src/model/department.js';
import { expectedReading } from '../../src/model/study-stream.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';

/**
 * The model's reading expectation (study-stream.ts `expectedReading`, what `readsim explain`
 * builds its load from) against the simulation, on random small one-stream departments with
 * every reading rule in play: double and triple reading, arbitration, human misses and false
 * recalls, reader agreement, findings with their own read times, triage flags, assistance,
 * autonomous clearing and AI second readers. Human reads, reading work and studies cleared
 * by AI per study must agree within a multiple of the standard error taken from the run
 * itself (day by day), the multiple being the Student-t quantile that keeps the chance of a
 * false alarm over the whole property below 1 in 1,000.
 */

interface Shape {
  reads: number;
  arbitration: boolean;
  agreement: number;
  falsePositive: number;
  findings: { prevalence: number; sensitivity: number; ownTime: number | null }[];
  triage: { finding: number; sensitivity: number; specificity: number; action: 'reorder' | 'flag' } | null;
  assist: { flagged: number; unflagged: number; extra: number } | null;
  autonomous: { clears: number; misses: number; readsLeft: number }[];
  secondReader: { sensitivity: number; specificity: number } | null;
}

const share = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((x) => x / 100);

const shape: fc.Arbitrary<Shape> = fc.record({
  reads: fc.integer({ min: 1, max: 3 }),
  arbitration: fc.boolean(),
  agreement: fc.constantFrom(0, 0.5, 0.9),
  falsePositive: share(0, 0.2),
  findings: fc.array(
    fc.record({ prevalence: share(0.05, 0.5), sensitivity: share(0.6, 1), ownTime: fc.option(fc.constantFrom(2, 9, 20)) }),
    { minLength: 0, maxLength: 2 },
  ),
  triage: fc.option(
    fc.record({
      finding: fc.integer({ min: 0, max: 1 }),
      sensitivity: share(0.5, 1),
      specificity: share(0.5, 1),
      action: fc.constantFrom('reorder' as const, 'flag' as const),
    }),
  ),
  assist: fc.option(fc.record({ flagged: share(0.5, 1.5), unflagged: share(0.5, 1.2), extra: fc.constantFrom(0, 1, 3) })),
  autonomous: fc.array(fc.record({ clears: share(0, 0.9), misses: share(0, 0.2), readsLeft: fc.integer({ min: 0, max: 2 }) }), {
    maxLength: 2,
  }),
  secondReader: fc.option(fc.record({ sensitivity: share(0.5, 1), specificity: share(0.5, 1) })),
});

const DAYS = 40;

function raw(s: Shape): Record<string, unknown> {
  const findings = Object.fromEntries(
    s.findings.map((f, i) => [
      `f${i}`,
      {
        prevalence: f.prevalence,
        humanSensitivity: f.sensitivity,
        ...(f.ownTime === null ? {} : { readTime: { dist: 'exponential', mean: `${f.ownTime}m` } }),
      },
    ]),
  );
  const ai: Record<string, unknown>[] = [];
  const triage = s.triage !== null && s.findings.length > 0;
  if (s.triage && triage) {
    const t = s.triage;
    ai.push({
      name: 'triage',
      kind: 'triage',
      finding: `f${t.finding % s.findings.length}`,
      sensitivity: t.sensitivity,
      specificity: t.specificity,
      action: t.action,
    });
  }
  if (s.assist) {
    ai.push({
      name: 'assist',
      kind: 'assist',
      // Flagged and unflagged factors and extra time per flag only with a triage tool to flag.
      ...(triage
        ? { readTimeFactor: { flagged: s.assist.flagged, unflagged: s.assist.unflagged }, extraTimePerFlag: `${s.assist.extra}m` }
        : { readTimeFactor: s.assist.unflagged }),
    });
  }
  s.autonomous.forEach((a, i) => {
    ai.push({ name: `autonomous-${i}`, kind: 'autonomous', clears: a.clears, misses: a.misses, readsLeft: a.readsLeft });
  });
  if (s.secondReader) ai.push({ name: 'second-reader', kind: 'second-reader', ...s.secondReader });
  return {
    name: 'random reading rules',
    horizon: `${DAYS}d`,
    warmup: 0,
    period: 'day',
    seed: 11,
    priorities: [{ name: 'routine', target: '1d' }],
    streams: [
      {
        name: 'studies',
        modality: 'CT',
        priority: 'routine',
        volume: '250/day',
        reads: s.reads,
        arbitration: s.arbitration,
        readerAgreement: s.agreement,
        humanFalsePositive: s.falsePositive,
        readTime: { dist: 'gamma', mean: '5m', cv: 0.7 },
        ...(s.findings.length > 0 ? { findings } : {}),
      },
    ],
    // Plenty of readers: every read is done within minutes of the study's arrival.
    readers: [{ name: 'rads', count: 12, roster: [{ days: 'all', from: '00:00', to: '24:00', on: 12 }] }],
    ...(ai.length > 0 ? { ai, arms: [{ name: 'all tools', ai: ai.map((t) => t.name) }] } : {}),
  };
}

const params = { seed: 2026, numRuns: 30 };
/** Three comparisons per department; a false alarm anywhere in the property below 1 in 1,000. */
const checks = 3 * params.numRuns;
const multiple = studentTQuantile(1 - 0.001 / (2 * checks), DAYS - 1);

/**
 * Per-day totals x_k of a quantity against arrivals n_k: the estimate sum(x) / sum(n) and its
 * standard error from the day-to-day scatter of x_k - mu n_k (a ratio estimator; days are
 * independent, every read being done the day its study arrives but for a few at midnight).
 */
function agreement(x: number[], n: number[], mu: number): { estimate: number; se: number } {
  const N = n.reduce((a, b) => a + b, 0);
  const d = x.map((v, k) => v - mu * n[k]);
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  const s2 = d.reduce((a, v) => a + (v - mean) ** 2, 0) / (d.length - 1);
  return { estimate: x.reduce((a, b) => a + b, 0) / N, se: Math.sqrt(d.length * s2) / N };
}

describe('the reading expectation against the simulation', () => {
  it(`reads, reading work and AI clearing per study agree within ${multiple.toFixed(2)} standard errors`, () => {
    fc.assert(
      fc.property(shape, (s) => {
        const loaded = validateScenario('random.yaml', raw(s));
        const department = loaded.departments[0];
        const x = expectedReading(department, 0);
        const r = simulateDepartment(department, { seed: 11, replication: 0 });
        const n = r.periods.arrivals;
        expect(n.length).toBe(DAYS);
        for (const [name, column, mu] of [
          ['human reads', r.periods.human_reads, x.readsPerStudy],
          ['reading work', r.periods.workload_min, x.workPerStudy],
          ['cleared by AI', r.periods.cleared_by_ai, x.clearedShare],
        ] as const) {
          const { estimate, se } = agreement(column, n, mu);
          // A quantity that never varies (no study ever cleared, say) must match exactly.
          expect(
            Math.abs(estimate - mu),
            `${name} per study: simulated ${estimate}, expected ${mu}, SE ${se}`,
          ).toBeLessThanOrEqual(multiple * se + 1e-9 * Math.max(1, mu));
        }
      }),
      params,
    );
  });

  it('tells an arbitration read from none: the expectation of a breast-screening arm sees the single reads autonomous AI leaves', () => {
    // Double reading with arbitration; an autonomous tool leaves one read to the studies it
    // clears. Those have one verdict: nothing to arbitrate.
    const base = raw({
      reads: 2,
      arbitration: true,
      agreement: 0,
      falsePositive: 0.1,
      findings: [{ prevalence: 0.2, sensitivity: 0.8, ownTime: null }],
      triage: null,
      assist: null,
      autonomous: [{ clears: 0.9, misses: 0, readsLeft: 1 }],
      secondReader: null,
    });
    const x = expectedReading(validateScenario('a.yaml', base).departments[0], 0);
    // By hand: cleared (normal x 0.9 = 0.72) read once; the others (0.28) twice, plus
    // arbitration when the two verdicts differ: normal 2 x 0.1 x 0.9, positive 2 x 0.8 x 0.2.
    const disagree = 0.8 * 0.1 * 2 * 0.1 * 0.9 + 0.2 * 2 * 0.8 * 0.2;
    expect(x.readsPerStudy).toBeCloseTo(0.72 * 1 + 0.28 * 2 + disagree, 12);
  });
});
