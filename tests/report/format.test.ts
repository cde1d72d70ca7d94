import { describe, expect, it } from 'vitest';
import { fmt, fmtMinutes, fmtShare } from '../../src/report/format.js';

describe('number formatting of the tables and the report', () => {
  it('fmt: thousands separators, decimals by size, "-" for nothing', () => {
    expect(fmt(1234567)).toBe('1,234,567');
    expect(fmt(123.4)).toBe('123');
    expect(fmt(12.34)).toBe('12.3');
    expect(fmt(1.234)).toBe('1.23');
    expect(fmt(-0.5)).toBe('-0.50');
    expect(fmt(2, 3)).toBe('2.000');
    expect(fmt(Number.NaN)).toBe('-');
    expect(fmt(null)).toBe('-');
    expect(fmt(undefined)).toBe('-');
    expect(fmt(Number.POSITIVE_INFINITY)).toBe('-');
  });

  it('fmtMinutes: minutes below 2 h, hours below 3 days, then days', () => {
    expect(fmtMinutes(4.25)).toBe('4.3 min');
    expect(fmtMinutes(42)).toBe('42 min');
    expect(fmtMinutes(119)).toBe('119 min');
    expect(fmtMinutes(120)).toBe('2.0 h');
    expect(fmtMinutes(71.9 * 60)).toBe('71.9 h');
    expect(fmtMinutes(72 * 60)).toBe('3.0 d');
    expect(fmtMinutes(12 * 1440)).toBe('12.0 d');
    expect(fmtMinutes(null)).toBe('-');
  });

  it('fmtShare: a percentage with one decimal', () => {
    expect(fmtShare(0.1234)).toBe('12.3%');
    expect(fmtShare(1)).toBe('100.0%');
    expect(fmtShare(Number.NaN)).toBe('-');
  });
});
