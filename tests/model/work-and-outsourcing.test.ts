import { describe, expect, it } from 'vitest';
import { WEEK, YEAR } from '../../src/engine/index.js';
import { explainScenario } from '../../src/experiment/analytic-companion.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';
import { runOnce, scenario } from '../support/scenarios.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** One stream, one reader group on around the clock: load / capacity = rho0 exactly. */
function flat(changes: Record<string, unknown> = {}, stream: Record<string, unknown> = {}): Record<string, unknown> {
  return scenario({
    horizon: '2y',
    warmup: '0d',
    priorities: [{ name: 'routine' }],
    streams: [{ name: 'ct', modality: 'CT', volume: '60/day', readTime: { dist: 'exponential', mean: '12m' }, ...stream }],
    readers: [{ name: 'general', count: 1 }],
    ...changes,
  });
}

const explain = (raw: Record<string, unknown>) => explainScenario(validateScenario('test.yaml', raw));

describe('work per study grows (readTime.growth, images)', () => {
  it('with flat volume, demand passes capacity at ln(1/rho0)/ln(1+g)', () => {
    // rho0 = 60/day x 12 min / 1440 min = 0.5
    const e = explain(flat({}, { readTime: { dist: 'exponential', mean: '12m', growth: '3%/y' } }));
    const expected = Math.log(1 / 0.5) / Math.log(1.03);
    expect(e.arms[0].crossing).toBeCloseTo(expected, 6);
    expect(e.arms[0].crossingByGrowth?.workOnly).toBeCloseTo(expected, 6);
    expect(e.arms[0].crossingByGrowth?.studiesOnly).toBeNull();
  });

  it('both growths together cross at the product (1+g)(1+w)', () => {
    const e = explain(flat({}, { growth: '4%/y', readTime: { dist: 'exponential', mean: '12m', growth: '2%/y' } }));
    const cg = e.arms[0].crossingByGrowth;
    expect(cg?.both).toBeCloseTo(Math.log(2) / Math.log(1.04 * 1.02), 6);
    expect(cg?.studiesOnly).toBeCloseTo(Math.log(2) / Math.log(1.04), 6);
    expect(cg?.workOnly).toBeCloseTo(Math.log(2) / Math.log(1.02), 6);
    expect(e.arms[0].crossing).toBeCloseTo(Math.log(2) / Math.log(1.04 * 1.02), 6);
  });

  it('images with no fixed part grow the work as the images grow (found numerically)', () => {
    const e = explain(flat({}, { images: { perStudy: 400, growth: '5%/y', fixed: 0, perImage: '1.8s' } }));
    expect(e.arms[0].crossing).toBeCloseTo(Math.log(2) / Math.log(1.05), 4);
    // Half the read fixed: the work factor after t years is (1 + 1.05^t) / 2.
    const half = explain(flat({}, { images: { perStudy: 400, growth: '5%/y', fixed: '6m', perImage: '0.9s' } }));
    const t = half.arms[0].crossing as number;
    expect(0.5 * 0.5 * (1 + 1.05 ** t)).toBeCloseTo(1, 6);
  });

  it('the images model must give the read time at the start', () => {
    expect(() => validateScenario('test.yaml', flat({}, { images: { perStudy: 400, fixed: '6m', perImage: '1s' } }))).toThrow(
      /fixed \+ perImage x perStudy must equal the mean read time 12 min/,
    );
  });

  it('each read is the same draw times (1+g)^(t/year): common random numbers hold', () => {
    const raw = flat({
      horizon: '26w',
      period: 'week',
      readers: [{ name: 'general', count: 3 }],
      arms: [
        { name: 'flat work' },
        { name: 'growing work', streams: { ct: { readTime: { dist: 'exponential', mean: '12m', growth: '50%/y' } } } },
      ],
    });
    const a = runOnce(raw, 0);
    const b = runOnce(raw, 1);
    expect(b.periods.arrivals).toEqual(a.periods.arrivals);
    a.periods.workload_min.forEach((w, k) => {
      const lo = 1.5 ** ((k * WEEK) / YEAR);
      const hi = 1.5 ** (((k + 1) * WEEK) / YEAR);
      expect(b.periods.workload_min[k]).toBeGreaterThanOrEqual(w * lo * (1 - 1e-12));
      expect(b.periods.workload_min[k]).toBeLessThanOrEqual(w * hi * (1 + 1e-12));
    });
  });

  it('counts the images of the studies that arrive', () => {
    const r = runOnce(flat({ horizon: '4w' }, { images: { perStudy: 100, fixed: '2m', perImage: '6s' } }));
    expect(r.stats['studies.images']).toBe(100 * r.stats['studies.arrived']);
    expect(sum(r.periods.images)).toBe(100 * sum(r.periods.arrivals));
  });
});

const PROVIDER = {
  name: 'telerad',
  external: { turnaround: { dist: 'deterministic', mean: '6h' }, costPerStudy: 40 },
};

describe('outsourcing to an external provider', () => {
  it('an always-outsourced share s leaves (1-s) of the load: in explain exactly', () => {
    const s = 0.3;
    const out = explain(
      flat({
        readers: [
          { name: 'general', count: 1 },
          { ...PROVIDER, external: { ...PROVIDER.external, share: s } },
        ],
      }),
    );
    const less = explain(flat({}, { volume: `${60 * (1 - s)}/day` }));
    expect(out.arms[0].years[0].rho).toBeCloseTo(less.arms[0].years[0].rho, 9);
    expect(out.arms[0].streams[0].outsourcedShare).toBeCloseTo(s, 12);
  });

  it('an always-outsourced share s sends about s of the studies out, at their cost, and reads the rest', () => {
    const raw = flat({
      horizon: '26w',
      readers: [
        { name: 'general', count: 1 },
        { ...PROVIDER, external: { ...PROVIDER.external, share: '30%' } },
      ],
    });
    const r = runOnce(raw);
    const n = r.stats['studies.arrived'];
    const sent = r.stats['outsourced.studies'];
    // Binomial(n, 0.3): within 5 standard deviations.
    expect(Math.abs(sent - 0.3 * n)).toBeLessThan(5 * Math.sqrt(n * 0.3 * 0.7));
    expect(r.stats['outsourced.cost']).toBe(40 * sent);
    expect(r.stats['outsourced.by_provider.telerad.studies']).toBe(sent);
    expect(sum(r.periods.outsourced)).toBe(sent);
    expect(sum(r.periods.outsourcing_cost)).toBe(40 * sent);
    // Every study is reported by people or by the provider (a 6 h turnaround: none left at the end but the last hours).
    expect(r.stats['studies.human_reads'] + sent).toBeGreaterThan(n - 200);
    expect(r.stats['studies.human_reads']).toBeLessThan(n - sent + 50);
  });

  it('an arm with outsourcing reads the same studies with the same draws (common random numbers)', () => {
    const raw = flat({
      horizon: '12w',
      period: 'week',
      readers: [
        { name: 'general', count: 1 },
        { ...PROVIDER, external: { ...PROVIDER.external, when: 'never' } },
      ],
      arms: [
        { name: 'in-house' },
        { name: 'outsource waits', readers: { telerad: { external: { when: 'waited', after: '2h' } } } },
        { name: 'never reached', readers: { telerad: { external: { when: 'waited', after: '100w' } } } },
      ],
    });
    const a = runOnce(raw, 0);
    const b = runOnce(raw, 1);
    const c = runOnce(raw, 2);
    expect(b.periods.arrivals).toEqual(a.periods.arrivals);
    // The provider's policy never sends a study out on arrival here, so the reading work is the same.
    expect(b.periods.workload_min).toEqual(a.periods.workload_min);
    expect(b.stats['outsourced.studies']).toBeGreaterThan(0);
    expect(a.stats['outsourced.studies']).toBe(0);
    // A threshold never reached changes nothing at all.
    for (const key of ['reported', 'backlog_end', 'wait_mean_min', 'human_reads', 'reading_min'] as const)
      expect(c.periods[key]).toEqual(a.periods[key]);
    expect(c.stats['tat.all.p90']).toBe(a.stats['tat.all.p90']);
    // No study waits (unread) much beyond the threshold plus one read in the arm that sends waits out.
    expect(b.stats['wait.all']).toBeLessThan(a.stats['wait.all']);
  });

  it('the weekly cap holds, and the backlog policy sends out only above its level', () => {
    const raw = flat({
      horizon: '12w',
      period: 'week',
      streams: [{ name: 'ct', modality: 'CT', volume: '150/day', readTime: { dist: 'exponential', mean: '12m' } }],
      readers: [
        { name: 'general', count: 1 },
        { ...PROVIDER, external: { ...PROVIDER.external, when: 'backlog', backlogAbove: 50, weeklyCap: 100 } },
      ],
    });
    const r = runOnce(raw);
    for (const x of r.periods.outsourced) expect(x).toBeLessThanOrEqual(100);
    expect(r.stats['outsourced.studies']).toBeGreaterThan(500);
  });

  it('nights only: the share follows the arrival pattern inside the hours', () => {
    const raw = flat({
      horizon: '26w',
      readers: [
        { name: 'general', count: 1 },
        { ...PROVIDER, external: { ...PROVIDER.external, when: 'hours', hours: [{ days: 'all', from: '20:00', to: '08:00' }] } },
      ],
    });
    const e = explain(raw);
    expect(e.arms[0].streams[0].outsourcedShare).toBeCloseTo(0.5, 12);
    const r = runOnce(raw);
    const n = r.stats['studies.arrived'];
    expect(Math.abs(r.stats['outsourced.studies'] - 0.5 * n)).toBeLessThan(5 * Math.sqrt(n * 0.25));
  });

  it('says clearly what an external provider lacks', () => {
    expect(() =>
      validateScenario(
        'test.yaml',
        flat({
          readers: [
            { name: 'general', count: 1 },
            { ...PROVIDER, external: { ...PROVIDER.external, when: 'waited' } },
          ],
        }),
      ),
    ).toThrow(/when: waited needs after/);
    expect(() =>
      validateScenario(
        'test.yaml',
        flat({
          readers: [
            { name: 'general', count: 1 },
            { ...PROVIDER, external: { ...PROVIDER.external, streams: ['mr'] } },
          ],
        }),
      ),
    ).toThrow(/"mr" is not a stream/);
    expect(() => validateScenario('test.yaml', flat({ readers: [{ name: 'general' }] }))).toThrow(/expected a headcount/);
  });
});
