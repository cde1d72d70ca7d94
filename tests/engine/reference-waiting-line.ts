import { EngineError, grown } from '../../src/engine/index.js';

// The waiting line as it was before sub-lines (one indexed heap, aging one move per item and
// level), kept as the reference the new one is checked against (waiting-line.test.ts).

/**
 * A multi-level waiting line: items (whole numbers the caller owns, e.g. a slot index) wait at
 * a level (0 is the most urgent); within a level they go by rank (0 first), then the smallest
 * key (e.g. arrival time), then a tie-break (insertion order unless the caller gives one).
 * Push, pop, remove and moving up a level are O(log n), on an indexed binary heap over typed
 * arrays.
 *
 * Optional aging (anti-starvation): with `escalateAfter` set, an item that has waited that long
 * at its level moves up one level, and again after each further `escalateAfter`. It may be one
 * time for every level, or one per level (0 = that level never escalates). Items belong to a
 * class (0 by default); `classes` says, per class, the most urgent level aging can lift an item
 * to (its ceiling) and the rank the item takes once it has moved up (so that items that are at
 * a level by aging can yield to those that are there in their own right). Items pushed at or
 * above their ceiling never age. Entries into a level happen in time order, so one FIFO ring
 * per level finds the items due without a timer per item.
 */
export class ReferenceWaitingLine {
  private levels: Int32Array;
  private ranks: Int32Array;
  private keys: Float64Array;
  private seqs: Float64Array;
  private items: Int32Array;
  private count = 0;
  private seq = 0;
  /** item -> heap position, -1 when not in the line. */
  private position: Int32Array;
  /** item -> time it entered its current level (for aging). */
  private enteredAt: Float64Array;
  /** item -> its class. */
  private klass: Uint8Array;
  /** Per class: the most urgent level aging reaches, and the rank once aged. */
  private readonly ceilings: Int32Array;
  private readonly agedRanks: Int32Array;
  /** Per level: time at that level before moving up (0 = never); one aging ring per level >= 1. */
  private readonly agingTimes: Float64Array;
  private rings: AgingRing[] = [];

  constructor(
    readonly levelCount: number,
    escalateAfter: number | readonly number[] = 0,
    initialCapacity = 256,
    classes: readonly { ceiling: number; agedRank: number }[] = [{ ceiling: 0, agedRank: 0 }],
  ) {
    if (!Number.isInteger(levelCount) || levelCount < 1) {
      throw new EngineError(`a waiting line needs at least one level, got ${levelCount}`);
    }
    const times = typeof escalateAfter === 'number' ? new Array<number>(levelCount).fill(escalateAfter) : [...escalateAfter];
    if (times.length !== levelCount)
      throw new EngineError(`escalateAfter needs one time per level (${levelCount}), got ${times.length}`);
    for (const t of times) {
      if (!(t >= 0) || !Number.isFinite(t)) throw new EngineError(`escalateAfter must be a finite time >= 0, got ${t}`);
    }
    times[0] = 0; // level 0 is the top: nowhere to go
    this.agingTimes = Float64Array.from(times);
    if (classes.length < 1 || classes.length > 255)
      throw new EngineError(`a waiting line takes 1-255 classes, got ${classes.length}`);
    for (const c of classes) {
      if (
        !(
          Number.isInteger(c.ceiling) &&
          c.ceiling >= 0 &&
          c.ceiling < levelCount &&
          Number.isInteger(c.agedRank) &&
          c.agedRank >= 0
        )
      ) {
        throw new EngineError(
          `a class needs a ceiling in [0, ${levelCount - 1}] and a whole rank >= 0, got ${JSON.stringify(c)}`,
        );
      }
    }
    this.ceilings = Int32Array.from(classes.map((c) => c.ceiling));
    this.agedRanks = Int32Array.from(classes.map((c) => c.agedRank));
    const cap = Math.max(4, initialCapacity | 0);
    this.levels = new Int32Array(cap);
    this.ranks = new Int32Array(cap);
    this.keys = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.items = new Int32Array(cap);
    this.position = new Int32Array(cap).fill(-1);
    this.enteredAt = new Float64Array(cap);
    this.klass = new Uint8Array(cap);
    if (times.some((t) => t > 0)) for (let l = 1; l < levelCount; l++) this.rings.push(new AgingRing());
  }

  get size(): number {
    return this.count;
  }

  has(item: number): boolean {
    return item >= 0 && item < this.position.length && this.position[item] >= 0;
  }

  /** Level of the first item (the most urgent), or -1 when empty. */
  peekLevel(): number {
    return this.count > 0 ? this.levels[0] : -1;
  }

  /** Rank of the first item (0 unless it reached its level by aging), or -1 when empty. */
  peekRank(): number {
    return this.count > 0 ? this.ranks[0] : -1;
  }

  /** Key of the first item, or Infinity when empty. */
  peekKey(): number {
    return this.count > 0 ? this.keys[0] : Number.POSITIVE_INFINITY;
  }

  levelOf(item: number): number {
    const pos = this.has(item) ? this.position[item] : -1;
    return pos < 0 ? -1 : this.levels[pos];
  }

  /**
   * Adds an item at `level` with ordering key `key`; `now` is its entry time (for aging).
   * `tie` orders items of equal rank and key (default: insertion order; give the same number
   * again to put an item back in its old place); `klass` is its class (see the constructor).
   * Returns the time at which it is due to move up a level (Infinity if it never ages).
   * Errors: EngineError for a bad level, item or class, or an item already in the line.
   */
  push(item: number, level: number, key: number, now: number, tie = -1, klass = 0): number {
    if (!(level >= 0 && level < this.levelCount) || !Number.isInteger(level)) {
      throw new EngineError(`level must be a whole number in [0, ${this.levelCount - 1}], got ${level}`);
    }
    if (!(item >= 0) || !Number.isInteger(item)) throw new EngineError(`a waiting item must be a whole number >= 0, got ${item}`);
    if (!(klass >= 0 && klass < this.ceilings.length)) throw new EngineError(`no class ${klass} in this waiting line`);
    if (item >= this.position.length) this.growItems(item + 1);
    if (this.position[item] >= 0) throw new EngineError(`item ${item} is already in the waiting line`);
    if (this.count === this.levels.length) this.growHeap();
    const i = this.count++;
    this.levels[i] = level;
    this.ranks[i] = 0;
    this.keys[i] = key;
    this.seqs[i] = tie >= 0 ? tie : this.seq++;
    this.items[i] = item;
    this.position[item] = i;
    this.klass[item] = klass;
    this.siftUp(i);
    return this.enter(item, level, now);
  }

  /** Removes and returns the first item (-1 when empty). */
  pop(): number {
    if (this.count === 0) return -1;
    const item = this.items[0];
    this.removeAt(0);
    return item;
  }

  /** Removes an item wherever it is; false if it was not in the line. */
  remove(item: number): boolean {
    if (!this.has(item)) return false;
    this.removeAt(this.position[item]);
    return true;
  }

  /**
   * Moves an item up one level (towards 0), where it takes its class's aged rank; false if it
   * is absent or already at its class's ceiling.
   */
  promote(item: number, now: number): boolean {
    if (!this.has(item)) return false;
    const pos = this.position[item];
    const level = this.levels[pos];
    const k = this.klass[item];
    if (level <= this.ceilings[k]) return false;
    this.levels[pos] = level - 1;
    this.ranks[pos] = this.agedRanks[k];
    this.siftUp(pos);
    this.enter(item, level - 1, now);
    return true;
  }

  /** Earliest time at which an item is due to move up a level (Infinity if none or no aging). */
  nextEscalation(): number {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < this.rings.length; r++) {
      const ring = this.rings[r];
      this.dropStale(ring, r + 1);
      if (ring.size > 0) {
        const due = ring.frontTime() + this.agingTimes[r + 1];
        if (due < best) best = due;
      }
    }
    return best;
  }

  /** Does any level escalate? */
  get ages(): boolean {
    return this.rings.length > 0;
  }

  /** Moves up every item that has waited `escalateAfter` at its level by `now`. Returns how many moves. */
  escalateDue(now: number): number {
    let moves = 0;
    // Most urgent levels first, so an item moves up at most one level per call.
    for (let r = 0; r < this.rings.length; r++) {
      const ring = this.rings[r];
      const level = r + 1;
      const end = ring.size;
      for (let i = 0; i < end; i++) {
        this.dropStale(ring, level);
        // The same sum as nextEscalation(), so that an item due "now" is due here too.
        if (ring.size === 0 || ring.frontTime() + this.agingTimes[level] > now) break;
        const item = ring.frontItem();
        ring.shift();
        if (this.promote(item, now)) moves++;
      }
    }
    return moves;
  }

  /** Records an entry into a level; returns when the item is due to move up (Infinity: never). */
  private enter(item: number, level: number, now: number): number {
    this.enteredAt[item] = now;
    if (this.rings.length > 0 && this.agingTimes[level] > 0 && level > this.ceilings[this.klass[item]]) {
      this.rings[level - 1].push(item, now);
      return now + this.agingTimes[level];
    }
    return Number.POSITIVE_INFINITY;
  }

  /** Drops ring entries whose item has left the line or the level since. */
  private dropStale(ring: AgingRing, level: number): void {
    while (ring.size > 0) {
      const item = ring.frontItem();
      const pos = this.position[item];
      if (pos >= 0 && this.levels[pos] === level && this.enteredAt[item] === ring.frontTime()) return;
      ring.shift();
    }
  }

  private removeAt(pos: number): void {
    this.position[this.items[pos]] = -1;
    const last = --this.count;
    if (pos === last) return;
    this.copy(pos, last);
    if (pos > 0 && this.before(pos, (pos - 1) >> 1)) this.siftUp(pos);
    else this.siftDown(pos);
  }

  /** Does the entry at position a go before the one at b? */
  private before(a: number, b: number): boolean {
    const la = this.levels[a];
    const lb = this.levels[b];
    if (la !== lb) return la < lb;
    const ra = this.ranks[a];
    const rb = this.ranks[b];
    if (ra !== rb) return ra < rb;
    const ka = this.keys[a];
    const kb = this.keys[b];
    if (ka !== kb) return ka < kb;
    return this.seqs[a] < this.seqs[b];
  }

  // Sifting moves a hole and keeps the moving entry in locals; functions take positions only,
  // so no number is boxed per call.
  private siftUp(i: number): void {
    const L = this.levels;
    const R = this.ranks;
    const K = this.keys;
    const Q = this.seqs;
    const I = this.items;
    const l = L[i];
    const r = R[i];
    const k = K[i];
    const q = Q[i];
    const item = I[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const lp = L[parent];
      const rp = R[parent];
      if (lp < l || (lp === l && (rp < r || (rp === r && (K[parent] < k || (K[parent] === k && Q[parent] < q)))))) break;
      this.copy(i, parent);
      i = parent;
    }
    L[i] = l;
    R[i] = r;
    K[i] = k;
    Q[i] = q;
    I[i] = item;
    this.position[item] = i;
  }

  private siftDown(i: number): void {
    const L = this.levels;
    const R = this.ranks;
    const K = this.keys;
    const Q = this.seqs;
    const I = this.items;
    const n = this.count;
    const l = L[i];
    const r = R[i];
    const k = K[i];
    const q = Q[i];
    const item = I[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.before(right, child)) child = right;
      const lc = L[child];
      const rc = R[child];
      if (l < lc || (l === lc && (r < rc || (r === rc && (k < K[child] || (k === K[child] && q < Q[child])))))) break;
      this.copy(i, child);
      i = child;
    }
    L[i] = l;
    R[i] = r;
    K[i] = k;
    Q[i] = q;
    I[i] = item;
    this.position[item] = i;
  }

  /** Copies the entry at position `from` to position `to`. */
  private copy(to: number, from: number): void {
    this.levels[to] = this.levels[from];
    this.ranks[to] = this.ranks[from];
    this.keys[to] = this.keys[from];
    this.seqs[to] = this.seqs[from];
    const item = this.items[from];
    this.items[to] = item;
    this.position[item] = to;
  }

  private growHeap(): void {
    const cap = this.levels.length * 2;
    this.levels = grown(this.levels, cap);
    this.ranks = grown(this.ranks, cap);
    this.keys = grown(this.keys, cap);
    this.seqs = grown(this.seqs, cap);
    this.items = grown(this.items, cap);
  }

  private growItems(min: number): void {
    let cap = this.position.length;
    while (cap < min) cap *= 2;
    this.position = grown(this.position, cap, -1);
    this.enteredAt = grown(this.enteredAt, cap);
    this.klass = grown(this.klass, cap);
  }
}

/** A growable FIFO ring of (item, entry time) pairs. */
class AgingRing {
  private itemsBuf = new Int32Array(64);
  private timesBuf = new Float64Array(64);
  private head = 0;
  size = 0;

  push(item: number, time: number): void {
    if (this.size === this.itemsBuf.length) this.grow();
    const i = (this.head + this.size) & (this.itemsBuf.length - 1);
    this.itemsBuf[i] = item;
    this.timesBuf[i] = time;
    this.size++;
  }
  frontItem(): number {
    return this.itemsBuf[this.head];
  }
  frontTime(): number {
    return this.timesBuf[this.head];
  }
  shift(): void {
    this.head = (this.head + 1) & (this.itemsBuf.length - 1);
    this.size--;
  }
  private grow(): void {
    // A ring unrolls into the new buffer, so it cannot use grown().
    const cap = this.itemsBuf.length * 2;
    const it = new Int32Array(cap);
    const tm = new Float64Array(cap);
    for (let j = 0; j < this.size; j++) {
      const i = (this.head + j) & (this.itemsBuf.length - 1);
      it[j] = this.itemsBuf[i];
      tm[j] = this.timesBuf[i];
    }
    this.itemsBuf = it;
    this.timesBuf = tm;
    this.head = 0;
  }
}
