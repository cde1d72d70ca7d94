import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateDepartment } from '../../src/model/department.js';
import type { RunResult } from '../../src/model/run-result.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';

/**
 * Laws that hold for any department, checked on random small ones (fast-check, fixed seed):
 * each one is a relation between two runs whose answer is known without knowing either.
 */

const PRIORITIES = ['stat', 'urgent', 'routine'];
const DAYS = ['all', 'Mon-Fri', 'Sat-Sun'];

interface Shape {
  priorities: number;
  streams: { priority: number; perDay: number; mean: number; modality: number }[];
  shifts: { days: number; from: number; hours: number; on: number }[];
  escalate: number[];
  preemption: boolean;
}

const shape: fc.Arbitrary<Shape> = fc.integer({ min: 1, max: 3 }).chain((priorities) =>
  fc.record({
    priorities: fc.constant(priorities),
    streams: fc.array(
      fc.record({
        priority: fc.integer({ min: 0, max: priorities - 1 }),
        perDay: fc.integer({ min: 1, max: 40 }),
        mean: fc.constantFrom(5, 10, 20, 45),
        modality: fc.integer({ min: 0, max: 1 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    shifts: fc.array(
      fc.record({
        days: fc.integer({ min: 0, max: 2 }),
        from: fc.integer({ min: 0, max: 23 }),
        hours: fc.integer({ min: 1, max: 12 }),
        on: fc.constantFrom(1, 1.5, 2, 3),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    escalate: fc.array(fc.constantFrom(0, 30, 120, 600), { minLength: priorities, maxLength: priorities }),
    preemption: fc.boolean(),
  }),
);

const clock = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;

/** A raw scenario from a shape; shifts that would overlap an earlier one are dropped. */
function raw(s: Shape, change: (r: Record<string, unknown>) => void = () => {}): Record<string, unknown> {
  const used = new Set<number>();
  const roster = s.shifts.filter((sh) => {
    const days = sh.days === 0 ? [0, 1, 2, 3, 4, 5, 6] : sh.days === 1 ? [0, 1, 2, 3, 4] : [5, 6];
    const hours = days.flatMap((d) => Array.from({ length: sh.hours }, (_, i) => (d * 24 + sh.from + i) % 168));
    if (hours.some((h) => used.has(h))) return false;
    for (const h of hours) used.add(h);
    return true;
  });
  const priorities = PRIORITIES.slice(0, s.priorities);
  const r: Record<string, unknown> = {
    name: 'random department',
    horizon: '3w',
    warmup: 0,
    period: 'week',
    seed: 5,
    priorities: priorities.map((name) => ({ name, target: '4h' })),
    streams: s.streams.map((st, i) => ({
      name: `s${i}`,
      modality: st.modality === 0 ? 'CT' : 'MR',
      priority: priorities[st.priority],
      volume: `${st.perDay}/day`,
      readTime: { dist: 'exponential', mean: `${st.mean}m` },
    })),
    readers: [
      {
        name: 'rads',
        count: 3,
        roster: roster.map((sh) => ({
          days: DAYS[sh.days],
          from: clock(sh.from),
          to: clock(sh.from + sh.hours),
          on: sh.on,
        })),
      },
    ],
    worklist: {
      order: 'priority',
      preemption: s.preemption ? 'resume' : 'none',
      escalateAfter: Object.fromEntries(priorities.flatMap((p, i) => (s.escalate[i] > 0 ? [[p, `${s.escalate[i]}m`]] : []))),
    },
  };
  change(r);
  return r;
}

function run(r: Record<string, unknown>): RunResult {
  const loaded = validateScenario('random.yaml', r);
  return simulateDepartment(loaded.departments[0], { seed: 5, replication: 0 });
}

const params = { seed: 2026, numRuns: 25 };

describe('metamorphic laws on random departments', () => {
  it('a timer for a priority that can never escalate within the horizon changes nothing at all', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const base = run(raw(s));
        // The least urgent priority with no timer gets one longer than the horizon.
        const p = s.escalate.lastIndexOf(0);
        if (p < 0) return;
        const more = run(
          raw(s, (r) => {
            const w = r.worklist as { escalateAfter: Record<string, string> };
            w.escalateAfter[PRIORITIES[p]] = '30d';
          }),
        );
        expect(more).toEqual(base);
      }),
      params,
    );
  });

  it('results do not depend on the order of the streams in the file', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const a = run(raw(s));
        const b = run(raw(s, (r) => (r.streams as unknown[]).reverse()));
        expect(b.stats).toEqual(a.stats);
        expect(b.periods).toEqual(a.periods);
      }),
      params,
    );
  });

  it('finish and handover give identical results when no read spans a shift end', () => {
    // A backlog read back to back from each shift's start, in reads that divide every shift.
    const aligned = fc.record({
      read: fc.constantFrom(15, 20, 30, 60),
      backlog: fc.integer({ min: 1, max: 400 }),
      shifts: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: 12 }),
          hours: fc.integer({ min: 1, max: 10 }),
          on: fc.integer({ min: 1, max: 3 }),
        }),
        {
          minLength: 1,
          maxLength: 1,
        },
      ),
    });
    fc.assert(
      fc.property(aligned, (a) => {
        const make = (shiftEnd: string) => ({
          name: 'aligned',
          horizon: '2w',
          warmup: 0,
          period: 'day',
          streams: [
            {
              name: 'ct',
              modality: 'CT',
              volume: '0/day',
              backlog: a.backlog,
              readTime: { dist: 'deterministic', mean: `${a.read}m` },
            },
          ],
          readers: [
            {
              name: 'rads',
              count: 3,
              shiftEnd,
              roster: a.shifts.map((sh) => ({ days: 'all', from: clock(sh.from), to: clock(sh.from + sh.hours), on: sh.on })),
            },
          ],
        });
        const f = run(make('finish'));
        const h = run(make('handover'));
        expect(f.stats.overtime_hours).toBe(0);
        expect(h).toEqual(f);
      }),
      { seed: 2026, numRuns: 30 },
    );
  });

  it('twice the volume read by twice the readers keeps utilisation', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const light = { ...s, streams: s.streams.map((st) => ({ ...st, perDay: Math.min(st.perDay, 10) })) };
        const a = run(raw(light, (r) => (r.horizon = '8w')));
        const b = run(
          raw(light, (r) => {
            r.horizon = '8w';
            for (const st of r.streams as { volume: string }[]) st.volume = `${2 * Number.parseFloat(st.volume)}/day`;
            for (const g of r.readers as { count: number; roster: { on: number }[] }[]) {
              g.count *= 2;
              for (const sh of g.roster) sh.on *= 2;
            }
          }),
        );
        // Only where the roster keeps up (no backlog building), the utilisation is the offered load.
        if (a.stats['studies.backlog_end'] > 50 || b.stats['studies.backlog_end'] > 100) return;
        expect(Math.abs(b.stats.utilisation - a.stats.utilisation)).toBeLessThan(0.05 + 0.1 * a.stats.utilisation);
      }),
      { seed: 2026, numRuns: 15 },
    );
  });
});
