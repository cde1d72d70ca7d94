import { describe, expect, it } from 'vitest';
import { CapacityCalendar, CapacityRealiser, DAY, EngineError, HOUR, WEEK, YEAR } from '../../src/engine/index.js';

const weekdayDays = [0, 1, 2, 3, 4].map((d) => ({ start: d * DAY + 8 * HOUR, end: d * DAY + 18 * HOUR, value: 5 }));

describe('capacity calendar', () => {
  it('fills gaps with zero, finds the piece in force and the next change', () => {
    const cal = new CapacityCalendar(weekdayDays);
    expect(cal.valueAt(7 * HOUR)).toBe(0);
    expect(cal.valueAt(8 * HOUR)).toBe(5);
    expect(cal.valueAt(WEEK + DAY + 17.99 * HOUR)).toBe(5);
    expect(cal.valueAt(5 * DAY + 12 * HOUR)).toBe(0);
    expect(cal.nextChange(0)).toBe(8 * HOUR);
    expect(cal.nextChange(8 * HOUR)).toBe(18 * HOUR);
    expect(cal.nextChange(4 * DAY + 18 * HOUR)).toBe(WEEK);
    expect(cal.weeklyMean()).toBeCloseTo((5 * 10 * 5) / 168, 12);
    expect(cal.integral(0, 2 * WEEK)).toBeCloseTo(2 * 5 * 10 * 5 * HOUR, 6);
  });

  it('grows by a yearly factor', () => {
    const cal = CapacityCalendar.constant(10, 0.03);
    expect(cal.valueAt(YEAR)).toBeCloseTo(10.3, 10);
    const beta = Math.log(1.03) / YEAR;
    expect(cal.integral(0, 2 * YEAR)).toBeCloseTo((10 * (Math.exp(beta * 2 * YEAR) - 1)) / beta, 3);
  });

  it('realises a fractional capacity as whole servers with the right long-run mean', () => {
    const cal = new CapacityCalendar(weekdayDays.map((p) => ({ ...p, value: 2.37 })));
    const r = new CapacityRealiser(cal);
    let t = 0;
    let served = 0;
    const seen = new Set<number>();
    while (t < 52 * WEEK) {
      const end = cal.nextChange(t);
      const n = r.serversFor(t, end);
      seen.add(n);
      served += n * (end - t);
      t = end;
    }
    expect([...seen].sort()).toEqual([0, 2, 3]);
    const exact = cal.integral(0, 52 * WEEK);
    // Within one piece's worth of one server.
    expect(Math.abs(served - exact)).toBeLessThanOrEqual(10 * HOUR);
  });

  it('rejects overlapping pieces and pieces outside the week', () => {
    expect(
      () =>
        new CapacityCalendar([
          { start: 0, end: 100, value: 1 },
          { start: 50, end: 200, value: 1 },
        ]),
    ).toThrow(/overlap at minute 50/);
    expect(() => new CapacityCalendar([{ start: 0, end: WEEK + 1, value: 1 }])).toThrow(EngineError);
    expect(() => new CapacityCalendar([{ start: 0, end: 10, value: -1 }])).toThrow(/calendar value must be >= 0/);
    expect(() => CapacityCalendar.constant(1, -2)).toThrow(/above -100%/);
  });
});
