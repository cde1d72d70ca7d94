import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError, EventCalendar } from '../../src/engine/index.js';

type Op = { op: 'push'; time: number; fixed: boolean } | { op: 'cancel'; pick: number } | { op: 'pop' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  // Few distinct times, so that ties (the FIFO rule) are common.
  fc.record({
    op: fc.constant('push' as const),
    time: fc.integer({ min: 0, max: 8 }).map((t) => t / 2),
    // An event without a handle (pushFixed), mixed with those that have one.
    fixed: fc.boolean(),
  }),
  fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('pop' as const) }),
);

describe('event calendar', () => {
  it('pops in (time, insertion order) under random schedule and cancel', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 400 }), (ops) => {
        const cal = new EventCalendar(4);
        // Reference: pending events as [time, seq, handle].
        const pending: { time: number; seq: number; handle: number }[] = [];
        const dead: number[] = [];
        let seq = 0;
        let last = Number.NEGATIVE_INFINITY;
        for (const o of ops) {
          if (o.op === 'push') {
            // Events are never scheduled before the last popped one, as in a simulation.
            const time = Math.max(o.time, last === Number.NEGATIVE_INFINITY ? 0 : last);
            let h = -1;
            if (o.fixed) cal.pushFixed(time, 0, seq);
            else h = cal.push(time, 0, seq);
            pending.push({ time, seq, handle: h });
            seq++;
          } else if (o.op === 'cancel') {
            const named = pending.filter((e) => e.handle >= 0);
            if (named.length > 0) {
              const victim = named[o.pick % named.length];
              pending.splice(pending.indexOf(victim), 1);
              expect(cal.cancel(victim.handle)).toBe(true);
              dead.push(victim.handle);
            }
            for (const h of dead) expect(cal.cancel(h)).toBe(false);
          } else if (pending.length > 0) {
            pending.sort((a, b) => a.time - b.time || a.seq - b.seq);
            const want = pending.shift() as (typeof pending)[number];
            const t = cal.pop();
            expect(t).toBe(want.time);
            expect(cal.poppedPayload).toBe(want.seq);
            if (want.handle >= 0) expect(cal.isPending(want.handle)).toBe(false);
            last = t;
          }
          expect(cal.size).toBe(pending.length);
        }
        // Drain: the rest comes out in order too.
        pending.sort((a, b) => a.time - b.time || a.seq - b.seq);
        for (const want of pending) {
          expect(cal.pop()).toBe(want.time);
          expect(cal.poppedPayload).toBe(want.seq);
        }
        expect(cal.size).toBe(0);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('runs its timers as if each setTimer pushed an event and cancelled the one that timer had before', () => {
    // Two calendars fed the same operations: one with timers 0-3, one pushing (kind 1 + timer)
    // and cancelling instead; they must pop the same events in the same order. Times are
    // halves of 0-4, so that many events share a time and the order among them is tested.
    const TIMERS = 4;
    const time = fc.integer({ min: 0, max: 8 }).map((t) => t / 2);
    const timer = fc.integer({ min: 0, max: TIMERS - 1 });
    const timerOp = fc.oneof(
      fc.record({ op: fc.constant('push' as const), time, timer }),
      fc.record({ op: fc.constant('timer' as const), time, timer }),
      fc.record({ op: fc.constant('clear' as const), time, timer }),
      fc.record({ op: fc.constant('pop' as const), time, timer }),
    );
    fc.assert(
      fc.property(fc.array(timerOp, { maxLength: 300 }), (ops) => {
        const cal = new EventCalendar(4);
        for (let t = 1; t < TIMERS; t++) expect(cal.addTimer()).toBe(t);
        const ref = new EventCalendar(4);
        const handles = new Array<number>(TIMERS).fill(-1);
        let last = 0;
        let n = 0;
        for (const o of ops) {
          if (o.op === 'push' || o.op === 'timer') {
            const at = Math.max(o.time, last);
            if (o.op === 'push') {
              cal.push(at, 0, n);
              ref.push(at, 0, n);
            } else {
              cal.setTimer(at, 1 + o.timer, n, o.timer);
              if (handles[o.timer] >= 0) ref.cancel(handles[o.timer]);
              handles[o.timer] = ref.push(at, 1 + o.timer, n);
            }
            n++;
          } else if (o.op === 'clear') {
            cal.clearTimer(o.timer);
            if (handles[o.timer] >= 0) ref.cancel(handles[o.timer]);
            handles[o.timer] = -1;
          } else if (ref.size > 0) {
            last = ref.pop();
            expect(cal.pop()).toBe(last);
            expect([cal.poppedKind, cal.poppedPayload]).toEqual([ref.poppedKind, ref.poppedPayload]);
            if (ref.poppedKind >= 1) handles[ref.poppedKind - 1] = -1;
          }
          expect(cal.size).toBe(ref.size);
          expect(cal.peekTime()).toBe(ref.peekTime());
          for (let t = 0; t < TIMERS; t++) expect(cal.timerPending(t)).toBe(handles[t] >= 0 && ref.isPending(handles[t]));
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('refuses a timer it does not have', () => {
    const cal = new EventCalendar();
    expect(() => cal.setTimer(1, 0, 0, 1)).toThrow(/no timer 1/);
    expect(cal.addTimer()).toBe(1);
    cal.setTimer(1, 0, 0, 1);
    expect(cal.timerPending(1)).toBe(true);
  });

  it('runs simultaneous events first-in first-out', () => {
    const cal = new EventCalendar();
    for (let i = 0; i < 1000; i++) cal.push(5, 1, i);
    for (let i = 0; i < 1000; i++) {
      cal.pop();
      expect(cal.poppedPayload).toBe(i);
    }
  });

  it('grows past its initial capacity and keeps handles valid', () => {
    const cal = new EventCalendar(4);
    const handles = Array.from({ length: 10_000 }, (_, i) => cal.push(10_000 - i, 2, i));
    expect(cal.size).toBe(10_000);
    expect(cal.timeOf(handles[0])).toBe(10_000);
    for (let i = 0; i < handles.length; i += 2) expect(cal.cancel(handles[i])).toBe(true);
    expect(cal.size).toBe(5_000);
    let prev = 0;
    while (cal.size > 0) {
      const t = cal.pop();
      expect(t).toBeGreaterThan(prev);
      expect(cal.poppedPayload % 2).toBe(1);
      prev = t;
    }
  });

  it('holds more events without a handle than there are handle slots (2^21 - 1)', () => {
    const cal = new EventCalendar(4);
    const n = 2_200_000;
    // Returns from an outside provider: many pending at once, in no particular time order.
    for (let i = 0; i < n; i++) cal.pushFixed(((i * 7919) % n) / 10, 1, i);
    const h = cal.push(5, 2, -1);
    expect(cal.size).toBe(n + 1);
    expect(cal.cancel(h)).toBe(true);
    let last = -1;
    for (let i = 0; i < n; i++) {
      const t = cal.pop();
      if (t < last) expect.fail(`popped ${t} after ${last}`);
      last = t;
    }
    expect(cal.size).toBe(0);
  });

  it('rejects NaN times and pops from an empty calendar with a typed error', () => {
    const cal = new EventCalendar();
    expect(() => cal.push(Number.NaN, 0, 0)).toThrow(EngineError);
    expect(() => cal.pop()).toThrow(/empty/);
    expect(cal.cancel(-1)).toBe(false);
    expect(cal.cancel(12345)).toBe(false);
  });
});
