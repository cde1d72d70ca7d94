import { describe, expect, it } from 'vitest';
import { DAY, HOUR, WEEK, YEAR } from '../../src/engine/index.js';
import { parseClock, parseDays, parseDuration, parseGrowth, parseRate, parseShare, UnitError } from '../../src/scenario/units.js';

describe('value forms', () => {
  it('durations', () => {
    expect(parseDuration('90s')).toBe(1.5);
    expect(parseDuration('16m')).toBe(16);
    expect(parseDuration('1.5h')).toBe(1.5 * HOUR);
    expect(parseDuration('7d')).toBe(7 * DAY);
    expect(parseDuration('4w')).toBe(4 * WEEK);
    expect(parseDuration('10y')).toBe(10 * YEAR);
    expect(parseDuration(45)).toBe(45);
    expect(() => parseDuration('1yr')).toThrow(UnitError);
    expect(() => parseDuration(-3)).toThrow(/found -3/);
  });

  it('rates', () => {
    expect(parseRate('40/day')).toBeCloseTo(40 / DAY, 15);
    expect(parseRate('3/h')).toBeCloseTo(3 / HOUR, 15);
    expect(parseRate('1200/w')).toBeCloseTo(1200 / WEEK, 15);
    expect(parseRate('50000/y')).toBeCloseTo(50000 / YEAR, 15);
    expect(() => parseRate(40)).toThrow(/expected a rate such as 40\/day/);
    expect(() => parseRate('40 per day')).toThrow(UnitError);
  });

  it('shares and growth', () => {
    expect(parseShare('6.3%')).toBeCloseTo(0.063, 15);
    expect(parseShare(0.063)).toBe(0.063);
    expect(() => parseShare('163%')).toThrow(/between 0 and 1, found "163%"/);
    expect(() => parseShare(1.2)).toThrow(UnitError);
    expect(parseGrowth('5%/y')).toBeCloseTo(0.05, 15);
    expect(parseGrowth('-2%/y')).toBeCloseTo(-0.02, 15);
    expect(parseGrowth(0.05)).toBe(0.05);
    expect(() => parseGrowth('-100%/y')).toThrow(/above -100%/);
  });

  it('days and clock times', () => {
    expect(parseDays('Mon-Fri')).toEqual([0, 1, 2, 3, 4]);
    expect(parseDays('Sat-Sun')).toEqual([5, 6]);
    expect(parseDays('Mon,Wed,Fri')).toEqual([0, 2, 4]);
    expect(parseDays('Fri-Mon')).toEqual([0, 4, 5, 6]);
    expect(parseDays('all')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(() => parseDays('Mon-Fry')).toThrow(/days such as Mon-Fri/);
    expect(parseClock('08:00')).toBe(480);
    expect(parseClock('24:00')).toBe(1440);
    expect(() => parseClock('25:00')).toThrow(UnitError);
  });
});
