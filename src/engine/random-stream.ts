import seedrandom from 'seedrandom';
import { EngineError } from './errors.js';

/**
 * One independent stream of uniform random numbers: Brent's xor4096 generator (xorgens, a
 * long-period xorshift combined with a Weyl sequence), seeded by seedrandom from the key.
 * seedrandom's own generator keeps its 128-word state in a plain array, whose 32-bit values
 * V8 stores as heap numbers; the hot loop here steps the same state in an Int32Array, so the
 * sequence is seedrandom's bit for bit (tests/engine/random-stream.test.ts) at about half the
 * cost, and no allocation per draw. Draws are made BATCH at a time into a buffer, so that
 * `uniform()` is small enough for V8 to inline where it is called (a double returned from a
 * call that is not inlined is allocated as a heap number); the sequence is the same.
 */
export class RandomStream {
  private readonly x: Int32Array;
  private w: number;
  private i: number;
  /** The next draws, made by `refill`; `pos` is the next one to give. */
  private readonly buffer = new Float64Array(BATCH);
  private pos = BATCH;

  constructor(readonly key: string) {
    const seeded = seedrandom.xor4096(key, { state: true }) as unknown as { state(): XorState };
    const state = seeded.state();
    this.x = Int32Array.from(state.X);
    this.w = state.w | 0;
    this.i = state.i | 0;
  }

  /** A uniform draw in the open interval (0, 1): never exactly 0, so logs stay finite. */
  uniform(): number {
    if (this.pos === BATCH) this.refill();
    return this.buffer[this.pos++];
  }

  /** Makes the next BATCH draws. */
  private refill(): void {
    // seedrandom's xor4096 `next()` (lib/xor4096.js), then its (0, 1) mapping: v >>> 0 over 2^32.
    const X = this.x;
    const out = this.buffer;
    let w = this.w;
    let i = this.i;
    for (let k = 0; k < BATCH; k++) {
      w = (w + 0x61c88647) | 0;
      let v = X[(i + 34) & 127];
      i = (i + 1) & 127;
      let t = X[i];
      v ^= v << 13;
      t ^= t << 17;
      v ^= v >>> 15;
      t ^= t >>> 12;
      v = v ^ t;
      X[i] = v;
      const u = ((v + (w ^ (w >>> 16))) >>> 0) / 0x100000000;
      out[k] = u > 0 ? u : 2.3283064365386963e-10 / 2;
    }
    this.w = w;
    this.i = i;
    this.pos = 0;
  }
}

/** Draws a RandomStream makes at a time: 512 bytes of buffer a stream. */
const BATCH = 64;

/** seedrandom xor4096's saved state: the 128-word array X, the Weyl value w and the index i. */
interface XorState {
  X: number[];
  w: number;
  i: number;
}

/**
 * Derives named streams from a master seed and a replication number, JaamSim-style: each
 * stream's seed is a hash of (seed, replication, name), so adding a stream never shifts the
 * draws of another. This is what makes arms of a scenario comparable on the same patients
 * (common random numbers).
 */
export class RandomStreams {
  constructor(
    readonly seed: number,
    readonly replication: number,
  ) {
    if (!Number.isInteger(seed)) throw new EngineError(`seed must be a whole number, got ${seed}`);
    if (!Number.isInteger(replication) || replication < 0) {
      throw new EngineError(`replication must be a whole number >= 0, got ${replication}`);
    }
  }

  /** The stream for `name`; the same arguments always give the same sequence. */
  stream(name: string): RandomStream {
    if (name.length === 0) throw new EngineError('a random stream needs a name');
    return new RandomStream(`readsim|${this.seed}|${this.replication}|${hashName(name)}|${name}`);
  }
}

/** FNV-1a, 32 bits, as hex: spreads similar names apart before seedrandom mixes the key. */
function hashName(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
