import { describe, expect, it } from 'vitest';
import { CapacityCalendar, DAY, EngineError, HOUR, WEEK, YEAR } from '../../src/engine/index.js';

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

  it('realises a fraction within each shift: whole servers all shift, a part-time one for its first part', () => {
    const cal = new CapacityCalendar(weekdayDays.map((p) => ({ ...p, value: 2.25 })));
    // Monday 08:00-18:00: 3 servers until 10:30 (a quarter of the shift), then 2.
    expect(cal.serversAt(8 * HOUR)).toEqual({ servers: 3, next: 10.5 * HOUR });
    expect(cal.serversAt(10.5 * HOUR)).toEqual({ servers: 2, next: 18 * HOUR });
    expect(cal.serversAt(18 * HOUR)).toEqual({ servers: 0, next: DAY + 8 * HOUR });
    // Every shift is the same: the long-run mean is exact, week after week.
    let t = 0;
    let served = 0;
    while (t < 52 * WEEK) {
      const { servers, next } = cal.serversAt(t);
      served += servers * (next - t);
      t = next;
    }
    expect(served).toBeCloseTo(cal.integral(0, 52 * WEEK), 6);
  });

  it('cuts a shift longer than a day into days, each with its part-time share', () => {
    const cal = CapacityCalendar.constant(1.5);
    expect(cal.continuous).toBe(true);
    expect(cal.isShiftChange(WEEK)).toBe(false);
    expect(cal.serversAt(3 * DAY)).toEqual({ servers: 2, next: 3 * DAY + 12 * HOUR });
    expect(cal.serversAt(3 * DAY + 12 * HOUR)).toEqual({ servers: 1, next: 4 * DAY });
  });

  it('keeps a shift that wraps past Sunday midnight as one shift', () => {
    // Sunday 20:00 to Monday 08:00, 1.5 readers: the part-time reader works 20:00-02:00.
    const cal = new CapacityCalendar([{ start: 6 * DAY + 20 * HOUR, end: WEEK + 8 * HOUR, value: 1.5 }]);
    expect(cal.isShiftChange(6 * DAY + 20 * HOUR)).toBe(true);
    expect(cal.isShiftChange(WEEK)).toBe(false);
    expect(cal.serversAt(WEEK)).toEqual({ servers: 2, next: WEEK + 2 * HOUR });
    expect(cal.serversAt(WEEK + 2 * HOUR)).toEqual({ servers: 1, next: WEEK + 8 * HOUR });
    expect(cal.isShiftChange(WEEK + 8 * HOUR)).toBe(true);
  });

  it('tells shift changes apart from contiguous shifts of the same size', () => {
    const cal = new CapacityCalendar([
      { start: 8 * HOUR, end: 18 * HOUR, value: 1 },
      { start: 18 * HOUR, end: 22 * HOUR, value: 1 },
    ]);
    expect(cal.isShiftChange(18 * HOUR)).toBe(true);
    expect(cal.isShiftChange(12 * HOUR)).toBe(false);
    expect(cal.nextChange(8 * HOUR)).toBe(18 * HOUR);
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
    expect(() => new CapacityCalendar([{ start: WEEK, end: WEEK + 1, value: 1 }])).toThrow(EngineError);
    expect(() => new CapacityCalendar([{ start: 0, end: 10, value: -1 }])).toThrow(/calendar value must be >= 0/);
    expect(() => CapacityCalendar.constant(1, -2)).toThrow(/above -100%/);
  });
});
