import seedrandom from 'seedrandom';
import { EngineError } from './errors.js';

/**
 * One independent stream of uniform random numbers (seedrandom's xor4096: fast and
 * reproducible; the default ARC4 is ten times slower).
 */
export class RandomStream {
  private readonly prng: () => number;

  constructor(readonly key: string) {
    this.prng = seedrandom.xor4096(key);
  }

  /** A uniform draw in the open interval (0, 1): never exactly 0, so logs stay finite. */
  uniform(): number {
    const u = this.prng();
    return u > 0 ? u : 2.3283064365386963e-10 / 2;
  }
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
