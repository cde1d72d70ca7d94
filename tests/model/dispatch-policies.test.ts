import { describe, expect, it } from 'vitest';
import { simulateDepartment } from '../../src/model/department.js';
import { TRACE, TraceRecorder } from '../../src/model/event-trace.js';
import type { RoutingPolicy } from '../../src/model/routing-policy.js';
import { oldestHeadFirst } from '../../src/model/worklist-policy.js';
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
});
