import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError, WaitingLine } from '../../src/engine/index.js';

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

  it('rejects bad levels, items and duplicate pushes', () => {
    const line = new WaitingLine(2);
    expect(() => line.push(1, 2, 0, 0)).toThrow(EngineError);
    expect(() => line.push(-1, 0, 0, 0)).toThrow(/whole number >= 0/);
    line.push(1, 0, 0, 0);
    expect(() => line.push(1, 1, 0, 0)).toThrow(/already in the waiting line/);
    expect(() => new WaitingLine(0)).toThrow(/at least one level/);
  });
});
