import { describe, expect, it } from 'vitest';
import { Department, simulateDepartment } from '../../src/model/department.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';
import { BLEED_TRIAGE, ctStream, runOnce, runRaw, scenario } from '../support/scenarios.js';
import { expectWithinSe, standardError } from '../support/tolerance.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('common random numbers', () => {
  it('every arm sees the same arrivals, findings, reading times and AI calls', async () => {
    const runs = await runRaw(
      scenario({
        ai: [BLEED_TRIAGE],
        arms: [
          { name: 'without AI' },
          { name: 'triage', ai: ['bleed-triage'] },
          { name: 'two more readers', readers: { general: { count: 7 } } },
        ],
      }),
      2,
    );
    for (let rep = 0; rep < 2; rep++) {
      const [a, b, c] = runs.map((arm) => arm[rep]);
      expect(b.periods.arrivals).toEqual(a.periods.arrivals);
      expect(c.periods.arrivals).toEqual(a.periods.arrivals);
      // Reading work of what arrived: the same read times, whatever the arm does with them.
      expect(b.periods.workload_min).toEqual(a.periods.workload_min);
      expect(c.periods.workload_min).toEqual(a.periods.workload_min);
      // The AI's calls are drawn in every arm, so the arm without AI knows what it would have flagged.
      for (const call of ['TP', 'FP', 'FN', 'TN']) {
        expect(a.stats[`count.by_ai_call.bleed-triage.${call}`]).toBeGreaterThan(0);
        expect(b.stats[`count.by_ai_call.bleed-triage.${call}`]).toBe(a.stats[`count.by_ai_call.bleed-triage.${call}`]);
      }
    }
    // Replications differ from each other.
    expect(runs[0][1].periods.arrivals).not.toEqual(runs[0][0].periods.arrivals);
  });

  it('the same seed and replication give the same run, to the last digit', () => {
    const raw = scenario({ ai: [BLEED_TRIAGE] });
    expect(runOnce(raw, 1, 2)).toEqual(runOnce(raw, 1, 2));
  });

  it('assistance scales the reading work of exactly the same studies', () => {
    const raw = scenario({
      ai: [{ name: 'assist', kind: 'assist', streams: ['ed-ct', 'op-mr'], readTimeFactor: 0.8 }],
      arms: [{ name: 'without' }, { name: 'assist', ai: ['assist'] }],
    });
    const a = runOnce(raw, 0);
    const b = runOnce(raw, 1);
    a.periods.workload_min.forEach((w, k) => {
      expect(b.periods.workload_min[k]).toBeCloseTo(0.8 * w, 6);
    });
  });
});

describe('AI tools', () => {
  it('triage reorders only in the arm that has it, and only the flagged studies gain', async () => {
    const runs = await runRaw(scenario({ ai: [BLEED_TRIAGE], readers: [{ name: 'general', count: 2 }] }), 3);
    const [without, withAi] = runs;
    const mean = (arm: (typeof runs)[0], key: string) => sum(arm.map((r) => r.stats[key])) / arm.length;
    expect(mean(withAi, 'wait.by_ai_call.bleed-triage.TP')).toBeLessThan(mean(without, 'wait.by_ai_call.bleed-triage.TP'));
    expect(mean(withAi, 'wait.by_ai_call.bleed-triage.TN')).toBeGreaterThanOrEqual(
      mean(without, 'wait.by_ai_call.bleed-triage.TN'),
    );
  });

  it('autonomous clearing reports studies without a read and counts the abnormal ones it clears as missed', () => {
    const raw = scenario({
      ai: [{ name: 'autonormal', kind: 'autonomous', streams: ['ed-ct'], clears: '40%', misses: '10%' }],
    });
    const without = runOnce(raw, 0);
    const withAi = runOnce(raw, 1);
    expect(without.stats['studies.cleared_by_ai']).toBe(0);
    expect(without.stats['missed_findings.bleed']).toBe(0);
    const cleared = withAi.stats['studies.cleared_by_ai'];
    const arrivedCt = 30 * 24 * 7;
    // 40% of the 92% normal plus 10% of the 8% abnormal ED studies; the cleared count is a
    // thinned Poisson count, so its standard error is the square root of its expectation.
    const share = 0.4 * 0.92 + 0.1 * 0.08;
    expectWithinSe(cleared, share * arrivedCt, standardError.poissonCount(share * arrivedCt), { what: 'studies cleared' });
    const missed = withAi.stats['missed_findings.bleed'];
    const positives = withAi.stats['count.by_ai_call.autonormal.TP'] + withAi.stats['count.by_ai_call.autonormal.FN'];
    expect(missed).toBeGreaterThan(0);
    // Missed = abnormal studies cleared = FN calls (those arrived after the warm-up).
    expect(missed).toBeLessThanOrEqual(positives);
    expect(withAi.stats['studies.human_reads']).toBeLessThan(without.stats['studies.human_reads']);
    // Cleared studies have a turnaround of 0: the median TAT falls.
    expect(withAi.stats['tat.by_priority.stat.p50']).toBeLessThan(without.stats['tat.by_priority.stat.p50']);
  });

  it('double reading takes two human reads; an autonomous first reader leaves one', () => {
    const raw = scenario({
      streams: [
        {
          name: 'screening',
          modality: 'MG',
          volume: '100/day',
          pattern: 'office-hours',
          reads: 2,
          readTime: { dist: 'lognormal', mean: '1m', cv: 0.3 },
          findings: { cancer: 0.006 },
        },
      ],
      priorities: [{ name: 'routine', target: '14d' }],
      ai: [{ name: 'ai-reader', kind: 'autonomous', clears: '60%', misses: '5%', readsLeft: 1 }],
    });
    const double = runOnce(raw, 0);
    const single = runOnce(raw, 1);
    expect(double.stats['studies.human_reads']).toBeCloseTo(2 * double.stats['studies.reported'], -1);
    expect(single.stats['studies.cleared_by_ai']).toBe(0); // every study still gets a human read
    const ratio = single.stats['studies.human_reads'] / double.stats['studies.human_reads'];
    // The tool clears 60% of the normal and 5% of the abnormal (0.6%) studies, and each cleared
    // study loses one of its two reads: the ratio is 1 - cleared/2, a share of n studies over 2.
    const cleared = 0.6 * (1 - 0.006) + 0.05 * 0.006;
    const studies = double.stats['studies.human_reads'] / 2;
    expectWithinSe(ratio, 1 - cleared / 2, standardError.proportion(cleared, studies) / 2, { what: 'read ratio' });
    expect(single.stats['missed_findings.cancer']).toBe(0); // a human still reads each one
  });

  it('a finding with its own read time is read in that time', () => {
    const raw = scenario({
      streams: [
        {
          name: 'ct',
          modality: 'CT',
          volume: '50/day',
          readTime: { dist: 'deterministic', mean: '10m' },
          findings: { trauma: { prevalence: '50%', readTime: { dist: 'deterministic', mean: '30m' } } },
        },
      ],
      readers: [{ name: 'general', count: 3 }],
      priorities: [{ name: 'routine' }],
    });
    const r = runOnce(raw);
    const n = sum(r.periods.arrivals);
    const perStudy = sum(r.periods.workload_min) / n;
    // 10 or 30 minutes with probability 1/2 each: mean 20, standard deviation 10 per study.
    expectWithinSe(perStudy, 20, 10 / Math.sqrt(n), { what: 'reading work per study (min)' });
  });
});

describe('rosters, shift ends and the worklist', () => {
  const overloaded = (shiftEnd: string) =>
    scenario({
      horizon: '8w',
      warmup: '0d',
      period: 'day',
      streams: [{ name: 'ct', modality: 'CT', volume: '300/day', readTime: { dist: 'lognormal', mean: '15m', cv: 0.6 } }],
      priorities: [{ name: 'routine' }],
      readers: [
        {
          name: 'general',
          count: 6,
          efficiency: 0.6,
          shiftEnd,
          roster: [
            { days: 'Mon-Fri', from: '08:00', to: '18:00', on: 6 },
            { days: 'all', from: '18:00', to: '08:00', on: 1 },
          ],
        },
      ],
    });

  it('reading never exceeds rostered time x efficiency plus overtime (read at full speed); with hand-over, it equals it while a backlog waits', () => {
    for (const policy of ['finish', 'handover']) {
      const r = runOnce(overloaded(policy));
      const p = r.periods;
      p.reading_min.forEach((reading, k) => {
        expect(reading).toBeLessThanOrEqual(p.reading_capacity_min[k] + p.overtime_min[k] + 1e-6);
        // A backlog waits: every reader on shift reads all shift, overtime comes on top.
        if (k > 0) expect(reading).toBeCloseTo(p.reading_capacity_min[k] + p.overtime_min[k], 4);
        if (policy === 'handover' && k > 0) expect(reading).toBeCloseTo(p.reading_capacity_min[k], 4);
      });
      if (policy === 'handover') expect(r.stats.overtime_hours).toBe(0);
      else expect(r.stats.overtime_hours).toBeGreaterThan(0);
      // The backlog grows: demand (300 x 15 min) is well above what the roster reads.
      expect(r.stats['studies.backlog_end']).toBeGreaterThan(3000);
      expect(r.stats['backlog_age_end.max_days']).toBeGreaterThan(20);
    }
  });

  it('an initial backlog is read down and its studies are left out of the statistics', () => {
    const r = runOnce(
      scenario({
        horizon: '4w',
        warmup: '1w',
        period: 'day',
        streams: [
          { name: 'ct', modality: 'CT', volume: '20/day', backlog: 2000, readTime: { dist: 'exponential', mean: '10m' } },
        ],
        priorities: [{ name: 'routine' }],
        readers: [{ name: 'general', count: 3 }],
      }),
    );
    const b = r.periods.backlog_end;
    expect(b[0]).toBeGreaterThan(1500);
    expect(b[0]).toBeLessThan(2000);
    // 3 readers at 6 studies an hour clear 432 a day net of 20 arrivals: about 5 days.
    expect(b[6]).toBeLessThan(50);
    expect(r.periods.in_warmup.slice(0, 8)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    expect(r.stats['wait.all']).toBeLessThan(60);
  });

  it('escalation lifts long-waiting outpatient studies ahead of inpatients, never ahead of stat studies', async () => {
    const ct = (name: string, priority: string, volume: string) => ctStream(name, priority, volume, '15m');
    const runs = await runRaw(
      scenario({
        priorities: [{ name: 'stat', target: '1h' }, { name: 'inpatient' }, { name: 'outpatient' }],
        streams: [ct('stat-ct', 'stat', '30/day'), ct('ip-ct', 'inpatient', '40/day'), ct('op-ct', 'outpatient', '20/day')],
        readers: [{ name: 'general', count: 1 }],
        arms: [{ name: 'strict priority' }, { name: 'escalate after 4h', worklist: { escalateAfter: '4h' } }],
      }),
      3,
    );
    const mean = (a: number, key: string) => sum(runs[a].map((r) => r.stats[key])) / runs[a].length;
    expect(mean(1, 'tat.by_priority.outpatient.p95')).toBeLessThan(mean(0, 'tat.by_priority.outpatient.p95'));
    expect(mean(1, 'wait.by_priority.inpatient')).toBeGreaterThan(mean(0, 'wait.by_priority.inpatient'));
    // Stat studies never queue behind an escalated one: their waits are those of strict priority
    // but for which read is in hand when they arrive (the same reading times, other studies).
    expect(Math.abs(mean(1, 'wait.by_priority.stat') / mean(0, 'wait.by_priority.stat') - 1)).toBeLessThan(0.1);
  });

  it('memory follows the backlog, not the number of studies simulated', () => {
    const loaded = validateScenario('test.yaml', scenario({ horizon: '3y', readers: [{ name: 'general', count: 4 }] }));
    const d = new Department(loaded.departments[0], { seed: 1, replication: 0 });
    const r = d.run();
    expect(sum(r.periods.arrivals)).toBeGreaterThan(55 * 365 * 3 * 0.95);
    expect(d.store.capacity).toBeLessThanOrEqual(1024);
  });

  it('counts: arrivals after the warm-up = reports + AI clearances + the change in backlog', () => {
    const r = runOnce(scenario({ ai: [{ name: 'autonormal', kind: 'autonomous', streams: ['op-mr'], clears: '30%' }] }), 1);
    const s = r.stats;
    expect(s['studies.arrived']).toBe(
      s['studies.reported'] + s['studies.cleared_by_ai'] + s['studies.backlog_end'] - s['studies.backlog_start'],
    );
    expect(sum(r.periods.arrivals)).toBeGreaterThan(s['studies.arrived']);
    expect(r.periods.period_start_days[3]).toBe(21);
    expect(r.periods.headcount[0]).toBe(5);
  });
});

describe('readers who can miss: recalls, double reading, arbitration and an AI second reader', () => {
  const screening = (extra: Record<string, unknown> = {}) =>
    scenario({
      horizon: '26w',
      priorities: [{ name: 'routine' }],
      streams: [
        {
          name: 'screening',
          modality: 'MG',
          volume: '400/day',
          reads: 2,
          readTime: { dist: 'deterministic', mean: '1m' },
          findings: { cancer: { prevalence: '5%', humanSensitivity: 0.6 } },
          humanFalsePositive: '2%',
          ...extra,
        },
      ],
      readers: [{ name: 'general', count: 4 }],
      ai: [{ name: 'ai-reader', kind: 'second-reader', sensitivity: 0.9, specificity: 0.95 }],
    });

  it('without arbitration a study is recalled when either reader flags it', () => {
    const s = runOnce(screening(), 0).stats;
    // Two independent reads: sensitivity 1 - 0.4^2 = 0.84; false positives 1 - 0.98^2 = 0.0396.
    const n = s['studies.reported'];
    const se = s['outcomes.sensitivity'];
    expect(Math.abs(se - 0.84)).toBeLessThan(4 * Math.sqrt((0.84 * 0.16) / (0.05 * n)));
    expect(Math.abs(s['outcomes.false_positive_rate'] - 0.0396)).toBeLessThan(4 * Math.sqrt((0.0396 * 0.96) / (0.95 * n)));
    expect(s['missed_findings.cancer']).toBeCloseTo(s['outcomes.detected'] * (0.16 / 0.84), -2);
    expect(s['studies.human_reads']).toBeCloseTo(2 * n, -2);
  });

  it('with arbitration disagreements get a third read that decides', () => {
    const s = runOnce(screening({ arbitration: true }), 0).stats;
    // Agree positive 0.36, disagree 0.48 -> third read positive with 0.6: 0.36 + 0.48 x 0.6 = 0.648.
    expect(Math.abs(s['outcomes.sensitivity'] - 0.648)).toBeLessThan(0.03);
    // Reads: 2 + P(disagree): normals 2 x 0.02 x 0.98, cancers 0.48.
    const extra = 0.95 * 2 * 0.02 * 0.98 + 0.05 * 0.48;
    expect(s['studies.human_reads'] / s['studies.reported']).toBeCloseTo(2 + extra, 2);
  });

  it('an AI second reader takes one of the two reads and its call stands as a verdict', () => {
    const double = runOnce(screening(), 0).stats;
    const ai = runOnce(screening(), 1).stats;
    expect(ai['studies.human_reads'] / ai['studies.reported']).toBeCloseTo(1, 5);
    // Either the reader (0.6) or the AI (0.9) flags: 1 - 0.4 x 0.1 = 0.96.
    expect(Math.abs(ai['outcomes.sensitivity'] - 0.96)).toBeLessThan(0.02);
    expect(ai['outcomes.sensitivity']).toBeGreaterThan(double['outcomes.sensitivity']);
    // False positives: 1 - 0.98 x 0.95 = 0.069.
    expect(Math.abs(ai['outcomes.false_positive_rate'] - 0.069)).toBeLessThan(0.006);
  });

  it('scenarios without reader accuracy report no recall statistics', () => {
    expect(runOnce(scenario()).stats['outcomes.recall_rate']).toBeUndefined();
  });
});

describe('the run turnaround percentiles, made from the year sketches', () => {
  // A report is added only to the sketch of its year of arrival (or, for a year list that
  // starts late, to the sketch before the first year); the run's sketches are their sum.
  it('are the same whatever the years are cut into, to the last digit', () => {
    const raw = scenario({ horizon: '60w' });
    const loaded = validateScenario('test.yaml', raw);
    const config = loaded.departments[0];
    const options = { seed: 1, replication: 0, arm: loaded.resolved.arms[0].name };
    const plain = simulateDepartment(config, options);
    const DAY_MIN = 24 * 60;
    const cuts = [
      [{ label: 'a', from: 0 }],
      [
        { label: 'a', from: 0 },
        { label: 'b', from: 100 * DAY_MIN },
        { label: 'c', from: 200 * DAY_MIN },
      ],
      // The first year starts after the warm-up: earlier studies are before every year.
      [{ label: 'late', from: 150 * DAY_MIN }],
    ];
    const runStats = (stats: Record<string, number>) =>
      Object.fromEntries(Object.entries(stats).filter(([k]) => k.startsWith('tat.')));
    expect(Object.keys(runStats(plain.stats)).some((k) => k.endsWith('.p90'))).toBe(true);
    for (const years of cuts) {
      const r = simulateDepartment({ ...config, years }, options);
      expect(runStats(r.stats)).toEqual(runStats(plain.stats));
    }
  });
});
