import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError, WaitingLine } from '../../src/engine/index.js';
import { ReferenceWaitingLine } from './reference-waiting-line.js';

describe('multi-level waiting line', () => {
  it('serves the most urgent level first, the smallest key within a level, ties in insertion order', () => {
    const line = new WaitingLine(3);
    line.push(1, 2, 10, 0);
    line.push(2, 1, 20, 0);
    line.push(3, 1, 5, 0);
    line.push(4, 0, 30, 0);
    line.push(5, 1, 5, 0);
    expect([line.pop(), line.pop(), line.pop(), line.pop(), line.pop(), line.pop()]).toEqual([4, 3, 5, 2, 1, -1]);
  });

  it('matches a sorted reference under random push, pop, remove and promote', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            op: fc.integer({ min: 0, max: 3 }),
            level: fc.integer({ min: 0, max: 3 }),
            key: fc.integer({ min: 0, max: 5 }),
            pick: fc.nat(),
          }),
          { maxLength: 300 },
        ),
        (ops) => {
          const line = new WaitingLine(4, 0, 4);
          const ref: { item: number; level: number; key: number; seq: number }[] = [];
          let next = 0;
          let seq = 0;
          for (const o of ops) {
            if (o.op === 0) {
              line.push(next, o.level, o.key, 0);
              ref.push({ item: next++, level: o.level, key: o.key, seq: seq++ });
            } else if (o.op === 1) {
              ref.sort((a, b) => a.level - b.level || a.key - b.key || a.seq - b.seq);
              const want = ref.shift();
              expect(line.pop()).toBe(want ? want.item : -1);
            } else if (ref.length > 0) {
              const r = ref[o.pick % ref.length];
              if (o.op === 2) {
                expect(line.remove(r.item)).toBe(true);
                ref.splice(ref.indexOf(r), 1);
                expect(line.remove(r.item)).toBe(false);
              } else {
                expect(line.promote(r.item, 0)).toBe(r.level > 0);
                if (r.level > 0) r.level--;
              }
            }
            expect(line.size).toBe(ref.length);
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('escalates an item after each escalateAfter of waiting at its level, up to level 0', () => {
    const line = new WaitingLine(3, 60);
    line.push(1, 2, 0, 0);
    line.push(2, 2, 10, 10);
    line.push(3, 1, 20, 20);
    expect(line.nextEscalation()).toBe(60);
    expect(line.escalateDue(59)).toBe(0);
    expect(line.escalateDue(60)).toBe(1); // item 1 moves to level 1
    expect(line.levelOf(1)).toBe(1);
    expect(line.nextEscalation()).toBe(70);
    expect(line.escalateDue(80)).toBe(2); // item 3 (entered level 1 at 20) and item 2
    expect(line.levelOf(3)).toBe(0);
    expect(line.levelOf(2)).toBe(1);
    expect(line.nextEscalation()).toBe(120); // item 1 entered level 1 at 60
    line.remove(1);
    expect(line.nextEscalation()).toBe(140); // item 2 entered level 1 at 80
    expect(line.escalateDue(1000)).toBe(1);
    expect([line.pop(), line.pop()]).toEqual([2, 3]); // same level 0: smaller key first
    expect(line.nextEscalation()).toBe(Number.POSITIVE_INFINITY);
  });

  it('escalateThrough moves each item at its own due times, up to a time or only before it', () => {
    const line = new WaitingLine(3, 5);
    line.push(1, 2, 0, 0); // due at 5 (to level 1), then at 10 (to level 0)
    line.push(2, 2, 5, 5); // due at 10
    line.push(3, 2, 3, 7); // pushed late (key 3 at time 7): due at 12, then at 17
    expect(line.escalateThrough(10, false)).toBe(1);
    expect([line.levelOf(1), line.levelOf(2), line.levelOf(3)]).toEqual([1, 2, 2]);
    expect(line.nextEscalation()).toBe(10);
    expect(line.escalateThrough(10)).toBe(2);
    expect([line.levelOf(1), line.levelOf(2), line.levelOf(3)]).toEqual([0, 1, 2]);
    expect(line.escalateThrough(17)).toBe(3); // item 3 at 12 and 17, item 2 at 15
    expect([line.levelOf(1), line.levelOf(2), line.levelOf(3)]).toEqual([0, 0, 0]);
    expect([line.pop(), line.pop(), line.pop()]).toEqual([1, 3, 2]); // level 0 by key
    expect(line.nextEscalation()).toBe(Number.POSITIVE_INFINITY);
  });

  it('serves and escalates in the same order as the one-heap line it replaced, under random use', () => {
    // Items pushed in order (key = entry time) go to FIFO sub-lines with implicit aging; others
    // (older keys, given ties, promoted) to the heap. The old line (one heap, one move per item
    // and level) is the reference: same first item, levels, sizes and due times after every step,
    // whether escalation comes late (escalateDue) or at every due time (escalateThrough).
    const op = fc.record({
      kind: fc.integer({ min: 0, max: 9 }),
      level: fc.integer({ min: 0, max: 3 }),
      klass: fc.integer({ min: 0, max: 2 }),
      pick: fc.nat(),
      step: fc.constantFrom(0, 0, 1, 2.5, 5, 7.5, 10, 30),
      back: fc.constantFrom(0, 1, 5, 20),
    });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 5, 7.5, 10), { minLength: 4, maxLength: 4 }),
        fc.array(op, { maxLength: 250 }),
        (aging, ops) => {
          const classes = [
            { ceiling: 0, agedRank: 0 },
            { ceiling: 1, agedRank: 1 },
            { ceiling: 1, agedRank: 2 },
          ];
          const line = new WaitingLine(4, aging, 4, classes);
          const ref = new ReferenceWaitingLine(4, aging, 4, classes);
          let now = 0;
          let admissions = 0;
          const ties = new Map<number, number>();
          const keys = new Map<number, number>();
          const same = () => {
            expect(line.size).toBe(ref.size);
            expect(line.peekLevel()).toBe(ref.peekLevel());
            expect(line.peekRank()).toBe(ref.peekRank());
            expect(line.peekKey()).toBe(ref.peekKey());
            expect(line.nextEscalation()).toBe(ref.nextEscalation());
            for (let item = 0; item < 12; item++) {
              expect(line.has(item)).toBe(ref.has(item));
              expect(line.levelOf(item)).toBe(ref.levelOf(item));
            }
          };
          for (const o of ops) {
            if (o.kind <= 3) {
              // Push a free item: mostly in order (key = now, a new tie), else with an older key or its old tie.
              const free = [...Array(12).keys()].filter((i) => !ref.has(i));
              if (free.length === 0) continue;
              const item = free[o.pick % free.length];
              // Ties are unique (the line's own insertion numbers stay below 10^6).
              const requeue = o.kind === 3 && ties.has(item);
              const key = requeue ? (keys.get(item) as number) : Math.max(0, now - (o.kind === 2 ? o.back : 0));
              const tie = requeue ? (ties.get(item) as number) : o.kind === 1 ? -1 : 1e6 + admissions++;
              keys.set(item, key);
              const a = line.push(item, o.level, key, now, tie, o.klass);
              const b = ref.push(item, o.level, key, now, tie, o.klass);
              expect(a).toBe(b);
              if (tie >= 0) ties.set(item, tie);
            } else if (o.kind === 4) {
              expect(line.pop()).toBe(ref.pop());
            } else if (o.kind === 5) {
              const item = o.pick % 12;
              expect(line.remove(item)).toBe(ref.remove(item));
            } else if (o.kind === 6) {
              const item = o.pick % 12;
              expect(line.promote(item, now)).toBe(ref.promote(item, now));
            } else if (o.kind === 7) {
              now += o.step;
              expect(line.escalateDue(now)).toBe(ref.escalateDue(now));
            } else {
              // At every due time up to the new time (or only before it), each at its own time.
              const inclusive = o.kind === 8;
              now += o.step;
              let moves = 0;
              for (let d = ref.nextEscalation(); d < now || (inclusive && d === now); d = ref.nextEscalation()) {
                moves += ref.escalateDue(d);
              }
              expect(line.escalateThrough(now, inclusive)).toBe(moves);
            }
            same();
          }
        },
      ),
      { numRuns: 400, seed: 12 },
    );
  });

  it('rejects bad levels, items and duplicate pushes', () => {
    const line = new WaitingLine(2);
    expect(() => line.push(1, 2, 0, 0)).toThrow(EngineError);
    expect(() => line.push(-1, 0, 0, 0)).toThrow(/whole number >= 0/);
    line.push(1, 0, 0, 0);
    expect(() => line.push(1, 1, 0, 0)).toThrow(/already in the waiting line/);
    expect(() => new WaitingLine(0)).toThrow(/at least one level/);
  });
});
