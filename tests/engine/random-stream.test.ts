import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { RandomStream, RandomStreams } from '../../src/engine/random-stream.js';

describe('RandomStream', () => {
  it("is seedrandom's xor4096 bit for bit, mapped to (0, 1)", () => {
    for (const key of ['readsim|1|0|0a1b2c3d|arrivals/ed-ct', 'x', 'a much longer key than 128 characters '.repeat(5)]) {
      const ours = new RandomStream(key);
      const theirs = seedrandom.xor4096(key);
      for (let n = 0; n < 100_000; n++) {
        const u = theirs();
        expect(ours.uniform()).toBe(u > 0 ? u : 2.3283064365386963e-10 / 2);
      }
    }
  });

  it('never returns 0 or 1', () => {
    const s = new RandomStreams(7, 3).stream('draws');
    for (let n = 0; n < 200_000; n++) {
      const u = s.uniform();
      expect(u > 0 && u < 1).toBe(true);
    }
  });

  it('gives independent, repeatable streams by name', () => {
    const draws = (s: RandomStream) => Array.from({ length: 5 }, () => s.uniform());
    const first = draws(new RandomStreams(1, 0).stream('one'));
    expect(new Set(first).size).toBe(5);
    expect(draws(new RandomStreams(1, 0).stream('one'))).toEqual(first);
    const one = new RandomStreams(1, 0).stream('one');
    const two = new RandomStreams(1, 0).stream('two');
    const other = new RandomStreams(1, 1).stream('one');
    const u1 = [one.uniform(), one.uniform()];
    expect([two.uniform(), two.uniform()]).not.toEqual(u1);
    expect([other.uniform(), other.uniform()]).not.toEqual(u1);
  });
});
