import { describe, expect, it } from 'vitest';
import { minuteOfWeek, WEEK } from '../../src/engine/time-units.js';

/** The definition minuteOfWeek replaces (a floating remainder). */
const reference = (t: number) => ((t % WEEK) + WEEK) % WEEK;

/** The doubles just below and above x. */
function neighbours(x: number): number[] {
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  const out: number[] = [];
  for (const d of [-3n, -2n, -1n, 1n, 2n, 3n]) {
    const c = new BigInt64Array([i[0] + d]);
    out.push(new Float64Array(c.buffer)[0]);
  }
  return out;
}

describe('minuteOfWeek', () => {
  it('is exactly the floating remainder, also next to whole weeks', () => {
    const cases: number[] = [0, 1e-300, 59.999999, 60, WEEK / 2];
    for (let k = 1; k < 5_300; k += 7) cases.push(k * WEEK, ...neighbours(k * WEEK), k * WEEK + 60 * 13);
    for (const big of [1e9, 5.256e7, 2 ** 40]) cases.push(big, ...neighbours(big), ...neighbours(Math.round(big / WEEK) * WEEK));
    let seed = 12345;
    for (let n = 0; n < 200_000; n++) {
      seed = (Math.imul(seed, 1103515245) + 12345) | 0;
      cases.push(((seed >>> 0) / 2 ** 32) * 10 ** (1 + (n % 9)));
    }
    for (const t of cases) expect(Object.is(minuteOfWeek(t), reference(t)), `t = ${t}`).toBe(true);
  });

  it('follows the remainder below 0 too', () => {
    for (const t of [-1, -WEEK, -WEEK - 0.5, -1e-9]) expect(minuteOfWeek(t)).toBe(reference(t));
  });
});
