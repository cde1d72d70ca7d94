import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateDepartment } from '../../src/model/department.js';
import { TRACE, TraceRecorder } from '../../src/model/event-trace.js';
import type { RoutingPolicy } from '../../src/model/routing-policy.js';
import { oldestHeadFirst, type WorklistPolicy } from '../../src/model/worklist-policy.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';

/**
 * The dispatch policies are pluggable (RunOptions.worklist, RunOptions.routing): a different
 * rule gives a different, predictable order on a tiny department. Studies of two modalities
 * (urgent CT, routine MR) arrive overnight on Monday; one reader comes at 08:00 and reads them
 * all (5 minutes each), with no arrival after.
 */

const NIGHT: number[] = Array.from({ length: 168 }, (_, h) => (h < 8 ? 1 : 0));

const DAYTIME: number[] = Array.from({ length: 168 }, (_, h) => (h >= 9 && h < 17 ? 1 : 0));

function department(readers: { name: string }[] = [{ name: 'rads' }], pattern = NIGHT) {
  return validateScenario('policies.yaml', {
    name: 'two lines, one reader',
    horizon: '1d',
    warmup: 0,
    priorities: [
      { name: 'urgent', target: '1h' },
      { name: 'routine', target: '1d' },
    ],
    streams: [
      {
        name: 'ct',
        modality: 'CT',
        priority: 'urgent',
        volume: '1.5/day',
        pattern,
        readTime: { dist: 'deterministic', mean: '5m' },
      },
      {
        name: 'mr',
        modality: 'MR',
        priority: 'routine',
        volume: '1.5/day',
        pattern,
        readTime: { dist: 'deterministic', mean: '5m' },
      },
    ],
    readers: readers.map((r) => ({ ...r, count: 1, roster: [{ days: 'Mon', from: '08:00', to: '18:00', on: 1 }] })),
  }).departments[0];
}

/** Arrivals (stream, time) in the order their reads started, and every arrival. */
function readOrder(options: Parameters<typeof simulateDepartment>[1], readers?: { name: string }[], pattern?: number[]) {
  const trace = new TraceRecorder();
  simulateDepartment(department(readers, pattern), { ...options, trace });
  const byId = new Map<number, { stream: number; time: number }>();
  const arrivals: { stream: number; time: number }[] = [];
  const starts: { stream: number; time: number; group: number; othersBusy: boolean }[] = [];
  const busy = (readers ?? [{ name: 'rads' }]).map(() => 0);
  for (const e of trace.events) {
    if (e.kind === TRACE.arrival) {
      byId.set(e.id, { stream: e.a, time: e.time });
      arrivals.push({ stream: e.a, time: e.time });
    } else if (e.kind === TRACE.start) {
      const a = byId.get(e.id);
      // Was every other group busy when this one started the read?
      if (a) starts.push({ ...a, group: e.a, othersBusy: busy.every((b, g) => g === e.a || b > 0) });
    }
    if (e.kind === TRACE.start || e.kind === TRACE.complete) busy[e.a] = e.b;
  }
  return { arrivals, starts };
}

describe('dispatch policies', () => {
  it('most urgent first (the default): every urgent CT before any routine MR, each by arrival', () => {
    const { arrivals, starts } = readOrder({ seed: 4, replication: 0 });
    const ct = arrivals.filter((a) => a.stream === 0);
    const mr = arrivals.filter((a) => a.stream === 1);
    expect(ct.length).toBeGreaterThan(2);
    expect(mr.length).toBeGreaterThan(2);
    expect(starts.map(({ stream, time }) => ({ stream, time }))).toEqual([...ct, ...mr]);
  });

  it('oldest head first (an alternative worklist policy): every study by arrival, whatever its modality', () => {
    const { arrivals, starts } = readOrder({ seed: 4, replication: 0, worklist: oldestHeadFirst });
    const byArrival = [...arrivals].sort((a, b) => a.time - b.time);
    expect(starts.map(({ stream, time }) => ({ stream, time }))).toEqual(byArrival);
    // And so not the default order: an MR that arrived before the last CT is read before it.
    expect(starts.map((s) => s.stream)).not.toEqual([...starts.map((s) => s.stream)].sort());
  });

  it('a routing policy decides which group takes an arriving study', () => {
    // Two groups of one reader that read everything, studies arriving while they are on: the
    // default gives a study to the first free group in the scenario's order, this policy to
    // the last.
    const lastFreeGroup: RoutingPolicy = (state, line) => {
      let last = -1;
      for (let g = state.nextFreeGroup(line, -1); g >= 0; g = state.nextFreeGroup(line, g)) last = g;
      return last;
    };
    const readers = [{ name: 'first' }, { name: 'second' }];
    const byDefault = readOrder({ seed: 4, replication: 0 }, readers, DAYTIME).starts;
    const byLast = readOrder({ seed: 4, replication: 0, routing: lastFreeGroup }, readers, DAYTIME).starts;
    expect(byDefault.length).toBeGreaterThan(4);
    // The second group (first) reads only when the first (second) is busy.
    for (const s of byDefault) if (s.group === 1) expect(s.othersBusy).toBe(true);
    for (const s of byLast) if (s.group === 0) expect(s.othersBusy).toBe(true);
    expect(byDefault.filter((s) => s.group === 0).length).toBeGreaterThan(byDefault.length / 2);
    expect(byLast.filter((s) => s.group === 1).length).toBeGreaterThan(byLast.length / 2);
  });

  it('the kept lists change nothing: scanning every group and every line gives the same results', () => {
    // The plain rules, asking every group and every line in turn (no sets of free groups or
    // of lines with studies waiting), on random departments with groups that read some
    // modalities, shift changes, both shift-end rules and preemption.
    const everyGroup: RoutingPolicy = (state, line) => {
      for (let g = 0; g < state.groupCount; g++) if (state.reads(g, line) && state.pools[g].canStart()) return g;
      return -1;
    };
    const everyLine: WorklistPolicy = (state, group) => {
      let best = -1;
      for (let i = 0; i < state.lineCount; i++) {
        const line = state.lines[i];
        if (!state.reads(group, i) || line.size === 0) continue;
        const b = best < 0 ? null : state.lines[best];
        if (
          b === null ||
          line.peekLevel() < b.peekLevel() ||
          (line.peekLevel() === b.peekLevel() &&
            (line.peekRank() < b.peekRank() || (line.peekRank() === b.peekRank() && line.peekKey() < b.peekKey())))
        )
          best = i;
      }
      return best;
    };
    const MODALITIES = ['CT', 'MR', 'XR'];
    const shape = fc.record({
      groups: fc.array(
        fc.record({
          reads: fc.subarray(MODALITIES, { minLength: 1 }),
          day: fc.integer({ min: 1, max: 3 }),
          night: fc.integer({ min: 0, max: 2 }),
          shiftEnd: fc.constantFrom('finish', 'handover'),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      perDay: fc.integer({ min: 5, max: 60 }),
      preemption: fc.boolean(),
    });
    fc.assert(
      fc.property(shape, (s) => {
        const loaded = validateScenario('random.yaml', {
          name: 'random groups',
          horizon: '2w',
          warmup: 0,
          priorities: [
            { name: 'urgent', target: '1h' },
            { name: 'routine', target: '1d' },
          ],
          streams: MODALITIES.flatMap((m) =>
            ['urgent', 'routine'].map((p) => ({
              name: `${m}-${p}`,
              modality: m,
              priority: p,
              volume: `${s.perDay}/day`,
              readTime: { dist: 'exponential', mean: '20m' },
            })),
          ),
          // Every modality is read by some group.
          readers: [
            ...s.groups.map((g, i) => ({
              name: `g${i}`,
              count: Math.max(g.day, g.night),
              modalities: g.reads,
              shiftEnd: g.shiftEnd,
              roster: [
                { days: 'all', from: '08:00', to: '18:00', on: g.day },
                { days: 'all', from: '18:00', to: '08:00', on: g.night },
              ],
            })),
            { name: 'all', count: 1, roster: [{ days: 'Mon-Fri', from: '09:00', to: '17:00', on: 1 }] },
          ],
          worklist: { order: 'priority', preemption: s.preemption ? 'resume' : 'none' },
        });
        const d = loaded.departments[0];
        const kept = simulateDepartment(d, { seed: 9, replication: 0 });
        const plain = simulateDepartment(d, { seed: 9, replication: 0, routing: everyGroup, worklist: everyLine });
        expect(plain).toEqual(kept);
      }),
      { seed: 2026, numRuns: 20 },
    );
  });
});
