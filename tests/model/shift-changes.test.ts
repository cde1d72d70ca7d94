import { describe, expect, it } from 'vitest';
import { CapacityCalendar, DAY, HOUR, ServerPool, type ServerPoolListener, Simulation } from '../../src/engine/index.js';
import { runExperiment } from '../../src/experiment/experiment.js';
import type { RunResult } from '../../src/model/run-result.js';
import { loadScenario, validateScenario } from '../../src/scenario/load-scenario.js';
import { BLEED_TRIAGE, ctStream, runRaw, scenario } from '../support/scenarios.js';

/**
 * Small departments whose right answers are known by hand (tests/fixtures/cases, each file says
 * what it shows). Each once gave a wrong answer or crashed; the right value is the test.
 */
async function runCase(file: string): Promise<RunResult[][]> {
  const loaded = loadScenario(`tests/fixtures/cases/${file}`);
  return (await runExperiment(loaded, { jobs: 1 })).runs;
}
const mean = (runs: RunResult[], key: string) => runs.reduce((s, r) => s + r.stats[key], 0) / runs.length;

describe('shift changes', () => {
  it('an outgoing reader finishes the read in hand at reading speed: 15 min a day of overtime, 5.0 h in 20 days', async () => {
    const [[r]] = await runCase('overtime-efficiency.yaml');
    expect(r.stats.overtime_hours).toBeCloseTo(5, 9);
    // Reading on shift is half the rostered time (efficiency 0.5); the overtime is reading only.
    expect(r.stats.reading_hours).toBeCloseTo(0.5 * r.stats.rostered_hours + 5, 6);
  });

  it('a read that ends exactly at the shift end is complete: 10 reports a day with finish and with handover', async () => {
    const [finish, handover] = await runCase('read-ends-at-shift-end.yaml');
    for (const [r] of [finish, handover]) {
      expect(r.periods.reported.slice(0, 4)).toEqual([10, 10, 10, 0]);
      expect(r.stats.overtime_hours).toBe(0);
      expect(r.stats['initial_backlog.reported']).toBe(30);
      expect(r.stats['initial_backlog.tat_mean']).toBeCloseTo(37.5 * 60, 9);
      expect(r.stats['initial_backlog.tat_max']).toBeCloseTo(66 * 60, 9);
      expect(r.stats['initial_backlog.cleared_days']).toBeCloseTo(2.75, 12);
      // The backlog at the start is not arrivals.
      expect(r.stats['studies.arrived']).toBe(0);
      expect(r.stats['studies.backlog_start']).toBe(30);
    }
  });

  it('an urgent study arriving while the only reader finishes a read in overtime waits for the next shift', async () => {
    const [[r]] = await runCase('preempt-during-overtime.yaml');
    expect(r.stats.overtime_hours).toBeGreaterThan(0);
    expect(r.stats['studies.reported']).toBeGreaterThan(0);
  });

  it('an overtime read is never preempted; the pool offers no victim', () => {
    const sim = new Simulation();
    const done: number[] = [];
    const listener: ServerPoolListener = {
      serviceCompleted: (_p, job) => done.push(job),
      capacityRaised: () => {},
      jobHandedOver: () => {},
    };
    // One server 08:00-18:00; a 120-min job started at 17:00 runs an hour into overtime.
    const pool = new ServerPool(sim, listener, {
      capacity: new CapacityCalendar([{ start: 8 * HOUR, end: 18 * HOUR, value: 1 }]),
      shiftEnd: 'finish',
    });
    const kind = sim.registerKind({
      handleEvent: (_k, what) => {
        if (what === 0) pool.start(7, 120, 2);
        else {
          expect(pool.overtime).toBe(1);
          expect(pool.leastUrgentLevel()).toBe(-1);
          expect(pool.preempt(0)).toBe(-1);
          expect(pool.canStart()).toBe(false);
        }
      },
    });
    pool.open(DAY);
    sim.at(17 * HOUR, kind, 0);
    sim.at(18.5 * HOUR, kind, 1);
    sim.runUntil(DAY);
    expect(done).toEqual([7]);
    expect(pool.overtimeLevel.integral(DAY)).toBeCloseTo(60, 9);
  });

  it('at a shift change the incoming reader starts at once, whatever the outgoing one is doing', () => {
    const sim = new Simulation();
    const started: number[] = [];
    let pool: ServerPool;
    const listener: ServerPoolListener = {
      serviceCompleted: () => {},
      capacityRaised: () => {
        while (pool.canStart() && started.length < 2) {
          started.push(sim.now);
          pool.start(started.length, 600, 1);
        }
      },
      jobHandedOver: () => {},
    };
    // Day reader 08:00-18:00, evening reader 18:00-22:00 (same headcount: one).
    pool = new ServerPool(sim, listener, {
      capacity: new CapacityCalendar([
        { start: 8 * HOUR, end: 18 * HOUR, value: 1 },
        { start: 18 * HOUR, end: 22 * HOUR, value: 1 },
      ]),
      shiftEnd: 'finish',
      speed: 0.5,
    });
    pool.open(DAY);
    sim.runUntil(DAY);
    // The day reader's read (600 min of work at efficiency 0.5 holds 1200 min of roster) has
    // 600 min of roster, 300 min of work, left at 18:00: read in overtime at full speed, to
    // 23:00. The evening reader starts at 18:00 all the same; at 22:00 it leaves with 480 min of
    // work in hand, 120 min of which fall before midnight: 420 min of overtime by then.
    expect(started).toEqual([8 * HOUR, 18 * HOUR]);
    expect(pool.overtimeLevel.integral(DAY)).toBeCloseTo(300 + 120, 9);
  });
});

describe('handover', () => {
  it('a study handed over keeps its place by arrival (and admission among equal arrivals), ahead of those behind it', async () => {
    // 10 studies waiting at time 0, reads of exactly 90 min, one reader 08:00-18:00. Day 1:
    // six reads end at 09:30 ... 17:00; the seventh is handed over at 18:00 with 30 min left.
    // Day 2 it resumes first (ends 08:30), then the other three: 10:00, 11:30, 13:00.
    const loaded = validateScenario('handover.yaml', {
      name: 'handover order',
      horizon: '3d',
      warmup: 0,
      period: 'day',
      streams: [{ name: 'ct', modality: 'CT', volume: '0/day', backlog: 10, readTime: { dist: 'deterministic', mean: '90m' } }],
      readers: [{ name: 'rad', count: 1, shiftEnd: 'handover', roster: [{ days: 'all', from: '08:00', to: '18:00', on: 1 }] }],
    });
    const [[r]] = (await runExperiment(loaded, { jobs: 1 })).runs;
    const hours = [9.5, 11, 12.5, 14, 15.5, 17, 32.5, 34, 35.5, 37];
    expect(r.stats['initial_backlog.tat_mean']).toBeCloseTo((60 * hours.reduce((a, b) => a + b, 0)) / 10, 9);
    expect(r.periods.reported.slice(0, 2)).toEqual([6, 4]);
    // Work is conserved: 10 reads of 90 min, nothing read twice.
    expect(r.stats.reading_hours).toBeCloseTo(15, 9);
  });
});

describe('fractional readers', () => {
  it('1.5 readers around the clock are realised within each day (2 then 1), not a week of one reader', async () => {
    const [flat, split] = await runCase('fractional-around-the-clock.yaml');
    const waitFlat = mean(flat, 'wait.all');
    const waitSplit = mean(split, 'wait.all');
    // Tens of minutes (573 min when a whole week had one reader), close to "2 by day, 1 by night".
    expect(waitFlat).toBeLessThan(120);
    expect(Math.abs(waitFlat / waitSplit - 1)).toBeLessThan(0.25);
    // The same rostered minutes every week: 1.5 x 10,080.
    for (const r of flat) for (const m of r.periods.rostered_min) expect(m).toBeCloseTo(15_120, 6);
  });
});

describe('statistics the backlog hides', () => {
  it('studies unread at the end and already past their target count as misses', async () => {
    const [fifo, triage] = await runCase('censored-target.yaml');
    expect(mean(fifo, 'target_met_share.routine')).toBeLessThanOrEqual(0.09);
    expect(mean(triage, 'target_met_share.routine')).toBeLessThanOrEqual(0.48);
    // About 1,540 a replication (FIFO) are unread and older than 7 days at the end.
    expect(mean(fifo, 'target_missed_unread.routine')).toBeGreaterThan(1300);
    expect(mean(fifo, 'target_missed_unread.routine')).toBeLessThan(1800);
  });
});

describe('AI flags and escalation in overload', () => {
  it('an arm without the triage tool shows no flags: assistance priced per flag charges none', async () => {
    const triage = BLEED_TRIAGE;
    const assist = { name: 'viewer', kind: 'assist', streams: ['ed-ct'], readTimeFactor: 1, extraTimePerFlag: '3m' };
    const runs = await runRaw(
      scenario({
        horizon: '4w',
        ai: [triage, assist],
        arms: [{ name: 'none' }, { name: 'viewer alone', ai: ['viewer'] }, { name: 'both', ai: ['bleed-triage', 'viewer'] }],
      }),
      1,
    );
    const work = (a: number) => runs[a][0].periods.workload_min.reduce((s, w) => s + w, 0);
    expect(work(1)).toBeCloseTo(work(0), 6);
    expect(work(2)).toBeGreaterThan(work(0));
  });

  it('at 1.5x capacity for years, escalated routine studies never starve stat studies', async () => {
    const ct = (name: string, priority: string, volume: string) => ctStream(name, priority, volume, '20m');
    const runs = await runRaw(
      scenario({
        horizon: '3y',
        warmup: '4w',
        priorities: [{ name: 'stat', target: '1h' }, { name: 'inpatient' }, { name: 'outpatient' }],
        streams: [ct('stat', 'stat', '24/day'), ct('ip', 'inpatient', '36/day'), ct('op', 'outpatient', '48/day')],
        readers: [{ name: 'general', count: 1 }],
        arms: [{ name: 'strict' }, { name: 'escalate', worklist: { escalateAfter: { inpatient: '1d', outpatient: '2d' } } }],
      }),
      1,
    );
    const [strict, esc] = runs.map((a) => a[0]);
    // 108 studies of 20 min a day: 1.5 readers' worth. The stat studies alone use a third.
    expect(esc.stats['studies.backlog_end']).toBeGreaterThan(10_000);
    expect(esc.stats['wait.by_priority.stat']).toBeLessThan(60);
    expect(esc.stats['wait.by_priority.stat']).toBeLessThan(1.2 * strict.stats['wait.by_priority.stat']);
  });
});
