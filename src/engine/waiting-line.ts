import { EngineError } from './errors.js';
import { grown } from './typed-arrays.js';

/**
 * Where a waiting line reads its items' ordering keys from, when the caller already holds them
 * (so that the line does not keep a second copy of each). Both values must stay the same while
 * the item waits, and be the `key` and `tie` the caller passes to `push`.
 */
export interface WaitingKeySource {
  key(item: number): number;
  tie(item: number): number;
}

/** Item-indexed `where` values: not in the line, or in the general heap; 1..MAX_SUBLINES: in a sub-line. */
const ABSENT = 0;
const IN_HEAP = 255;
const MAX_SUBLINES = 254;

/**
 * A multi-level waiting line: items (whole numbers the caller owns, e.g. a slot index) wait at
 * a level (0 is the most urgent); within a level they go by rank (0 first), then the smallest
 * key (e.g. arrival time), then a tie-break (insertion order unless the caller gives one).
 *
 * Optional aging (anti-starvation): with `escalateAfter` set, an item that has waited that long
 * at its level moves up one level, and again after each further `escalateAfter`. It may be one
 * time for every level, or one per level (0 = that level never escalates). Items belong to a
 * class (0 by default); `classes` says, per class, the most urgent level aging can lift an item
 * to (its ceiling) and the rank the item takes once it has moved up (so that items that are at
 * a level by aging can yield to those that are there in their own right). Items pushed at or
 * above their ceiling never age.
 *
 * How it is kept (the order of service is that of one sorted list; only the cost differs):
 * - Most items enter "in order": pushed at the time of their key (`now === key`, e.g. a study
 *   queued on arrival), with a (key, tie) after that of the last item pushed with the same class
 *   and level. They wait in a FIFO sub-line per (class, entry level). Every item of a
 *   sub-line ages along the same steps, shifted by its entry time, so at any moment the items
 *   that have moved up k levels are a leading run of the sub-line, and the sub-line's first item
 *   is its most urgent. Moving up costs nothing per item: one cursor per step marks where the
 *   run ends, and it only moves forward. Push and pop are O(1); finding the first item compares
 *   the heads of the sub-lines; escalating costs the items moved plus one look per cursor, and
 *   nothing when no item is due (the earliest due time is kept).
 * - Any other item (pushed back with an older key, e.g. a second read or a study handed over at
 *   a shift end, or moved by `promote`) waits in an indexed binary heap with explicit levels,
 *   and its aging is one heap move per level, found through one FIFO ring per level.
 * Memory per waiting item: 5 bytes of item-indexed state and 4 bytes in its sub-line (plus two
 * doubles of keys unless a `WaitingKeySource` holds them).
 */
export class WaitingLine {
  private count = 0;
  private seq = 0;
  /** item -> ABSENT, IN_HEAP, or its sub-line's index + 1. */
  private where: Uint8Array;
  /** item -> its entry's number in its sub-line (mod 2^32), or its heap position. */
  private at: Uint32Array;
  /** Keys and ties of the items when no key source holds them (item-indexed). */
  private ownKeys: Float64Array;
  private ownTies: Float64Array;
  private readonly source: WaitingKeySource | null;
  /** Per class: the most urgent level aging reaches, and the rank once aged. */
  private readonly ceilings: Int32Array;
  private readonly agedRanks: Int32Array;
  /** Per level: time at that level before moving up (0 = never). */
  private readonly agingTimes: Float64Array;
  private readonly aging: boolean;
  /** (class * levelCount + level) -> sub-line index, -1 not made yet, -2 none (too many). */
  private readonly subOf: Int16Array;
  private readonly subs: SubLine[] = [];
  // The general heap: per position level, rank, key, tie, item, entry time at its level, class.
  private hLevels: Int32Array;
  private hRanks: Int32Array;
  private hKeys: Float64Array;
  private hTies: Float64Array;
  private hItems: Int32Array;
  private hEntered: Float64Array;
  private hClass: Uint8Array;
  private hCount = 0;
  /** One aging ring per level >= 1 for the heap's items (entries into a level happen in time order). */
  private readonly rings: AgingRing[] = [];
  /** A lower bound of the earliest due time (Infinity: none), exact while dueExact. */
  private dueLow = Number.POSITIVE_INFINITY;
  private dueExact = true;
  // The first item, cached until the line changes: its sub-line (-1: the heap's top), level, rank, key, tie.
  private bestKnown = false;
  private bestSub = -1;
  private bestLevel = 0;
  private bestRank = 0;
  private bestKey = 0;
  private bestTie = 0;

  constructor(
    readonly levelCount: number,
    escalateAfter: number | readonly number[] = 0,
    initialCapacity = 256,
    classes: readonly { ceiling: number; agedRank: number }[] = [{ ceiling: 0, agedRank: 0 }],
    keySource: WaitingKeySource | null = null,
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
    this.aging = times.some((t) => t > 0);
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
    this.subOf = new Int16Array(classes.length * levelCount).fill(-1);
    this.source = keySource;
    const cap = Math.max(4, initialCapacity | 0);
    this.where = new Uint8Array(cap);
    this.at = new Uint32Array(cap);
    this.ownKeys = new Float64Array(keySource ? 0 : cap);
    this.ownTies = new Float64Array(keySource ? 0 : cap);
    const h = 4;
    this.hLevels = new Int32Array(h);
    this.hRanks = new Int32Array(h);
    this.hKeys = new Float64Array(h);
    this.hTies = new Float64Array(h);
    this.hItems = new Int32Array(h);
    this.hEntered = new Float64Array(h);
    this.hClass = new Uint8Array(h);
    if (this.aging) for (let l = 1; l < levelCount; l++) this.rings.push(new AgingRing());
  }

  get size(): number {
    return this.count;
  }

  has(item: number): boolean {
    return item >= 0 && item < this.where.length && this.where[item] !== ABSENT;
  }

  /** Level of the first item (the most urgent), or -1 when empty. */
  peekLevel(): number {
    if (this.count === 0) return -1;
    if (!this.bestKnown) this.findBest();
    return this.bestLevel;
  }

  /** Rank of the first item (0 unless it reached its level by aging), or -1 when empty. */
  peekRank(): number {
    if (this.count === 0) return -1;
    if (!this.bestKnown) this.findBest();
    return this.bestRank;
  }

  /** Key of the first item, or Infinity when empty. */
  peekKey(): number {
    if (this.count === 0) return Number.POSITIVE_INFINITY;
    if (!this.bestKnown) this.findBest();
    return this.bestKey;
  }

  levelOf(item: number): number {
    if (!this.has(item)) return -1;
    const w = this.where[item];
    if (w === IN_HEAP) return this.hLevels[this.at[item]];
    const sub = this.subs[w - 1];
    return sub.level - sub.stageOf(this.at[item]);
  }

  /**
   * Adds an item at `level` with ordering key `key`; `now` is its entry time (for aging).
   * `tie` orders items of equal rank and key (default: insertion order; give the same number
   * again to put an item back in its old place); `klass` is its class (see the constructor).
   * With a key source, `key` and `tie` must be the source's values for the item.
   * Returns the time at which it is due to move up a level (Infinity if it never ages).
   * Errors: EngineError for a bad level, item or class, or an item already in the line.
   */
  push(item: number, level: number, key: number, now: number, tie = -1, klass = 0): number {
    if (!(level >= 0 && level < this.levelCount) || !Number.isInteger(level)) {
      throw new EngineError(`level must be a whole number in [0, ${this.levelCount - 1}], got ${level}`);
    }
    if (!(item >= 0) || !Number.isInteger(item)) throw new EngineError(`a waiting item must be a whole number >= 0, got ${item}`);
    if (!(klass >= 0 && klass < this.ceilings.length)) throw new EngineError(`no class ${klass} in this waiting line`);
    if (item >= this.where.length) this.growItems(item + 1);
    if (this.where[item] !== ABSENT) throw new EngineError(`item ${item} is already in the waiting line`);
    const t = tie >= 0 ? tie : this.seq++;
    if (this.source === null) {
      this.ownKeys[item] = key;
      this.ownTies[item] = t;
    }
    this.count++;
    const s = key === now ? this.subLineFor(klass, level) : -1;
    if (s >= 0 && this.subs[s].takes(key, t)) {
      const sub = this.subs[s];
      this.where[item] = s + 1;
      sub.lastKey = key;
      sub.lastTie = t;
      this.at[item] = sub.append(item);
      // A newcomer is first only where nothing was before it (a sub-line's head is its most urgent).
      if (this.bestKnown && this.before(level, 0, key, t, this.bestLevel, this.bestRank, this.bestKey, this.bestTie)) {
        this.setBest(s, level, 0, key, t);
      }
      if (sub.stages === 0) return Number.POSITIVE_INFINITY;
      const due = now + this.agingTimes[level];
      this.noteDue(due);
      return due;
    }
    this.heapPush(item, level, 0, key, t, now, klass);
    this.bestKnown = false;
    return this.enterRing(item, level, klass, now);
  }

  /** Removes and returns the first item (-1 when empty). */
  pop(): number {
    if (this.count === 0) return -1;
    if (!this.bestKnown) this.findBest();
    let item: number;
    if (this.bestSub >= 0) {
      const sub = this.subs[this.bestSub];
      item = sub.headItem();
      this.where[item] = ABSENT;
      sub.live--;
      // The next due time changes only if the item was next to move up.
      if (sub.stages > 0 && sub.isCursor(sub.headNumber)) this.dueExact = false;
      sub.dropHead();
      this.dropDeadHeads(sub, this.bestSub + 1);
    } else {
      item = this.hItems[0];
      this.heapRemoveAt(0);
      this.dueExact = false;
    }
    this.count--;
    this.bestKnown = false;
    return item;
  }

  /** Removes an item wherever it is; false if it was not in the line. */
  remove(item: number): boolean {
    if (!this.has(item)) return false;
    const w = this.where[item];
    if (w === IN_HEAP) {
      this.heapRemoveAt(this.at[item]);
      this.dueExact = false;
    } else {
      // Left in its sub-line as a dead entry, skipped when it comes to the front.
      const sub = this.subs[w - 1];
      if (sub.stages > 0 && sub.isCursor(this.at[item])) this.dueExact = false;
      this.where[item] = ABSENT;
      sub.live--;
      this.dropDeadHeads(sub, w);
    }
    this.count--;
    this.bestKnown = false;
    return true;
  }

  /**
   * Moves an item up one level (towards 0), where it takes its class's aged rank; false if it
   * is absent or already at its class's ceiling.
   */
  promote(item: number, now: number): boolean {
    if (!this.has(item)) return false;
    const w = this.where[item];
    if (w === IN_HEAP) {
      const pos = this.at[item];
      const level = this.hLevels[pos];
      const k = this.hClass[pos];
      if (level <= this.ceilings[k]) return false;
      this.hLevels[pos] = level - 1;
      this.hRanks[pos] = this.agedRanks[k];
      this.hEntered[pos] = now;
      this.dueExact = false;
      this.siftUp(pos);
      this.enterRing(item, level - 1, k, now);
    } else {
      const sub = this.subs[w - 1];
      const level = sub.level - sub.stageOf(this.at[item]);
      if (level <= this.ceilings[sub.klass]) return false;
      this.moveToHeap(item, sub, w, level - 1, now);
    }
    this.bestKnown = false;
    return true;
  }

  /** Earliest time at which an item is due to move up a level (Infinity if none or no aging). */
  nextEscalation(): number {
    if (!this.aging) return Number.POSITIVE_INFINITY;
    if (!this.dueExact) this.findNextDue();
    return this.dueLow;
  }

  /** A time no item is due before (Infinity: none); escalateThrough has nothing to do before it. */
  get dueBound(): number {
    return this.dueLow;
  }

  /** Does any level escalate? */
  get ages(): boolean {
    return this.aging;
  }

  /**
   * Moves up every item that has waited `escalateAfter` at its level by `now`, one level at
   * most, entering its new level at `now`. Returns how many moves. (An owner that calls this
   * at every due time as it comes can use `escalateThrough` instead, at any later moment.)
   */
  escalateDue(now: number): number {
    if (!this.aging) return 0;
    let moves = 0;
    for (let s = 0; s < this.subs.length; s++) {
      const sub = this.subs[s];
      for (let j = 1; j <= sub.stages && sub.live > 0; j++) {
        for (;;) {
          const item = this.atCursor(sub, s + 1, j);
          if (item < 0) break;
          const due = sub.dues[j - 1];
          if (due > now) break;
          moves++;
          if (due === now) sub.cursors[j - 1] = (sub.cursors[j - 1] + 1) >>> 0;
          // Late (the call came after its due time): it enters its new level now, as a heap item.
          else this.moveToHeap(item, sub, s + 1, sub.level - j, now);
        }
      }
    }
    // Heap items: most urgent levels first, so an item moves up at most one level per call.
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
    if (moves > 0) this.bestKnown = false;
    this.findNextDue();
    return moves;
  }

  /**
   * Brings the line to where it would be had `escalateDue` been called at every due time up to
   * `time` (inclusive, or only before `time` when `inclusive` is false), each at that very time,
   * with nothing else happening in between: each item moves up at each of its due times and
   * enters its new level then. `time` never goes back from one call to the next. Returns how
   * many moves.
   */
  escalateThrough(time: number, inclusive = true): number {
    const low = this.dueLow;
    if (!this.aging || low > time || (low === time && !inclusive)) return 0;
    let moves = 0;
    for (let s = 0; s < this.subs.length; s++) {
      const sub = this.subs[s];
      for (let j = 1; j <= sub.stages && sub.live > 0; j++) {
        for (;;) {
          if (this.atCursor(sub, s + 1, j) < 0) break;
          const due = sub.dues[j - 1];
          if (due > time || (due === time && !inclusive)) break;
          sub.cursors[j - 1] = (sub.cursors[j - 1] + 1) >>> 0;
          moves++;
        }
      }
    }
    // Heap items in order of due time, each entering its new level at its due time.
    while (this.hCount > 0) {
      let ringAt = -1;
      let due = Number.POSITIVE_INFINITY;
      for (let r = 0; r < this.rings.length; r++) {
        const ring = this.rings[r];
        this.dropStale(ring, r + 1);
        if (ring.size > 0) {
          const d = ring.frontTime() + this.agingTimes[r + 1];
          if (d < due) {
            due = d;
            ringAt = r;
          }
        }
      }
      if (ringAt < 0 || due > time || (due === time && !inclusive)) break;
      const ring = this.rings[ringAt];
      const item = ring.frontItem();
      ring.shift();
      if (this.promote(item, due)) moves++;
    }
    if (moves > 0) this.bestKnown = false;
    this.findNextDue();
    return moves;
  }

  /** Sets dueLow to the earliest due time of any item (exactly). */
  private findNextDue(): void {
    let best = Number.POSITIVE_INFINITY;
    for (let s = 0; s < this.subs.length; s++) {
      const sub = this.subs[s];
      if (sub.live === 0) continue;
      for (let j = 1; j <= sub.stages; j++) {
        if (this.atCursor(sub, s + 1, j) >= 0 && sub.dues[j - 1] < best) best = sub.dues[j - 1];
      }
    }
    if (this.hCount > 0) {
      for (let r = 0; r < this.rings.length; r++) {
        const ring = this.rings[r];
        this.dropStale(ring, r + 1);
        if (ring.size > 0) {
          const due = ring.frontTime() + this.agingTimes[r + 1];
          if (due < best) best = due;
        }
      }
    }
    this.dueLow = best;
    this.dueExact = true;
  }

  /** Notes a new due time (a lower bound stays one; an exact minimum stays exact). */
  private noteDue(due: number): void {
    if (due < this.dueLow) this.dueLow = due;
  }

  // --- sub-lines ---------------------------------------------------------------------------

  /** The sub-line of (class, level), made on first use; -1 when there is no room for more. */
  private subLineFor(klass: number, level: number): number {
    const k = klass * this.levelCount + level;
    let s = this.subOf[k];
    if (s === -1) {
      if (this.subs.length >= MAX_SUBLINES) s = -2;
      else {
        // Its steps: the levels below the ceiling, down to the first that never escalates.
        const steps: number[] = [];
        for (let l = level; this.aging && l > this.ceilings[klass] && this.agingTimes[l] > 0; l--) steps.push(this.agingTimes[l]);
        s = this.subs.length;
        this.subs.push(new SubLine(klass, level, this.agedRanks[klass], Float64Array.from(steps)));
      }
      this.subOf[k] = s;
    }
    return s;
  }

  /** The first live item at or after cursor j (1-based) of a sub-line, moving the cursor past dead entries; -1 if none. */
  private firstLiveFrom(sub: SubLine, w: number, j: number): number {
    let c = sub.cursors[j - 1];
    for (;;) {
      const offset = (c - sub.headNumber) >>> 0;
      if (offset >= sub.length) {
        sub.cursors[j - 1] = c;
        return -1;
      }
      const item = sub.itemAt(offset);
      if (this.where[item] === w && this.at[item] === c) {
        sub.cursors[j - 1] = c;
        return item;
      }
      c = (c + 1) >>> 0;
    }
  }

  /** The live item at cursor j of a sub-line (its due time in sub.dues[j - 1]), or -1 if none. */
  private atCursor(sub: SubLine, w: number, j: number): number {
    const item = this.firstLiveFrom(sub, w, j);
    if (item >= 0 && sub.dueOwners[j - 1] !== sub.cursors[j - 1]) sub.setDue(j, this.keyOf(item));
    return item;
  }

  /** Drops dead entries (items removed or moved) from the front of a sub-line. */
  private dropDeadHeads(sub: SubLine, w: number): void {
    while (sub.length > 0) {
      const item = sub.headItem();
      if (this.where[item] === w && this.at[item] === sub.headNumber) return;
      sub.dropHead();
    }
  }

  /** Moves a sub-line item to the heap at `level` (its class's aged rank), entering it at `now`. */
  private moveToHeap(item: number, sub: SubLine, w: number, level: number, now: number): void {
    const key = this.keyOf(item);
    const tie = this.tieOf(item);
    this.where[item] = ABSENT;
    sub.live--;
    this.dueExact = false;
    this.dropDeadHeads(sub, w);
    this.heapPush(item, level, this.agedRanks[sub.klass], key, tie, now, sub.klass);
    this.enterRing(item, level, sub.klass, now);
  }

  private keyOf(item: number): number {
    return this.source === null ? this.ownKeys[item] : this.source.key(item);
  }

  private tieOf(item: number): number {
    return this.source === null ? this.ownTies[item] : this.source.tie(item);
  }

  // --- the first item ----------------------------------------------------------------------

  private findBest(): void {
    // Comparisons written out: a double passed to a call that is not inlined is boxed.
    let found = -2;
    let bl = 0;
    let br = 0;
    let bk = 0;
    let bt = 0;
    for (let s = 0; s < this.subs.length; s++) {
      const sub = this.subs[s];
      if (sub.live === 0) continue;
      const item = sub.headItem(); // dead entries never stay at the front
      const stage = sub.stageOf(sub.headNumber);
      const level = sub.level - stage;
      const rank = stage > 0 ? sub.agedRank : 0;
      if (found !== -2 && level > bl) continue;
      if (found !== -2 && level === bl && rank > br) continue;
      const key = this.keyOf(item);
      if (found !== -2 && level === bl && rank === br && key > bk) continue;
      const tie = this.tieOf(item);
      if (found !== -2 && level === bl && rank === br && key === bk && tie >= bt) continue;
      found = s;
      bl = level;
      br = rank;
      bk = key;
      bt = tie;
    }
    if (this.hCount > 0) {
      const l = this.hLevels[0];
      const r = this.hRanks[0];
      const k = this.hKeys[0];
      const t = this.hTies[0];
      if (found === -2 || l < bl || (l === bl && (r < br || (r === br && (k < bk || (k === bk && t < bt)))))) {
        found = -1;
        bl = l;
        br = r;
        bk = k;
        bt = t;
      }
    }
    this.bestSub = found;
    this.bestLevel = bl;
    this.bestRank = br;
    this.bestKey = bk;
    this.bestTie = bt;
    this.bestKnown = true;
  }

  private setBest(sub: number, level: number, rank: number, key: number, tie: number): void {
    this.bestSub = sub;
    this.bestLevel = level;
    this.bestRank = rank;
    this.bestKey = key;
    this.bestTie = tie;
  }

  /** Does (level, rank, key, tie) a go before b? */
  private before(la: number, ra: number, ka: number, ta: number, lb: number, rb: number, kb: number, tb: number): boolean {
    if (la !== lb) return la < lb;
    if (ra !== rb) return ra < rb;
    if (ka !== kb) return ka < kb;
    return ta < tb;
  }

  // --- the heap ----------------------------------------------------------------------------

  /** Records a heap item's entry into a level; returns when it is due to move up (Infinity: never). */
  private enterRing(item: number, level: number, klass: number, now: number): number {
    if (this.aging && this.agingTimes[level] > 0 && level > this.ceilings[klass]) {
      this.rings[level - 1].push(item, now);
      const due = now + this.agingTimes[level];
      this.noteDue(due);
      return due;
    }
    return Number.POSITIVE_INFINITY;
  }

  /** Drops ring entries whose item has left the heap or the level since. */
  private dropStale(ring: AgingRing, level: number): void {
    while (ring.size > 0) {
      const item = ring.frontItem();
      if (this.where[item] === IN_HEAP) {
        const pos = this.at[item];
        if (this.hLevels[pos] === level && this.hEntered[pos] === ring.frontTime()) return;
      }
      ring.shift();
    }
  }

  private heapPush(item: number, level: number, rank: number, key: number, tie: number, entered: number, klass: number): void {
    if (this.hCount === this.hLevels.length) this.growHeap();
    const i = this.hCount++;
    this.hLevels[i] = level;
    this.hRanks[i] = rank;
    this.hKeys[i] = key;
    this.hTies[i] = tie;
    this.hItems[i] = item;
    this.hEntered[i] = entered;
    this.hClass[i] = klass;
    this.where[item] = IN_HEAP;
    this.at[item] = i;
    this.siftUp(i);
  }

  private heapRemoveAt(pos: number): void {
    this.where[this.hItems[pos]] = ABSENT;
    const last = --this.hCount;
    if (pos === last) return;
    this.copy(pos, last);
    if (pos > 0 && this.heapBefore(pos, (pos - 1) >> 1)) this.siftUp(pos);
    else this.siftDown(pos);
  }

  private heapBefore(a: number, b: number): boolean {
    return this.before(
      this.hLevels[a],
      this.hRanks[a],
      this.hKeys[a],
      this.hTies[a],
      this.hLevels[b],
      this.hRanks[b],
      this.hKeys[b],
      this.hTies[b],
    );
  }

  // Sifting moves a hole and keeps the moving entry in locals.
  private siftUp(i: number): void {
    const L = this.hLevels;
    const R = this.hRanks;
    const K = this.hKeys;
    const Q = this.hTies;
    const l = L[i];
    const r = R[i];
    const k = K[i];
    const q = Q[i];
    const item = this.hItems[i];
    const e = this.hEntered[i];
    const c = this.hClass[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const lp = L[parent];
      const rp = R[parent];
      if (lp < l || (lp === l && (rp < r || (rp === r && (K[parent] < k || (K[parent] === k && Q[parent] < q)))))) break;
      this.copy(i, parent);
      i = parent;
    }
    this.put(i, l, r, k, q, item, e, c);
  }

  private siftDown(i: number): void {
    const L = this.hLevels;
    const R = this.hRanks;
    const K = this.hKeys;
    const Q = this.hTies;
    const n = this.hCount;
    const l = L[i];
    const r = R[i];
    const k = K[i];
    const q = Q[i];
    const item = this.hItems[i];
    const e = this.hEntered[i];
    const c = this.hClass[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.heapBefore(right, child)) child = right;
      const lc = L[child];
      const rc = R[child];
      if (l < lc || (l === lc && (r < rc || (r === rc && (k < K[child] || (k === K[child] && q < Q[child])))))) break;
      this.copy(i, child);
      i = child;
    }
    this.put(i, l, r, k, q, item, e, c);
  }

  private put(i: number, l: number, r: number, k: number, q: number, item: number, e: number, c: number): void {
    this.hLevels[i] = l;
    this.hRanks[i] = r;
    this.hKeys[i] = k;
    this.hTies[i] = q;
    this.hItems[i] = item;
    this.hEntered[i] = e;
    this.hClass[i] = c;
    this.at[item] = i;
  }

  /** Copies the heap entry at position `from` to position `to`. */
  private copy(to: number, from: number): void {
    this.hLevels[to] = this.hLevels[from];
    this.hRanks[to] = this.hRanks[from];
    this.hKeys[to] = this.hKeys[from];
    this.hTies[to] = this.hTies[from];
    this.hEntered[to] = this.hEntered[from];
    this.hClass[to] = this.hClass[from];
    const item = this.hItems[from];
    this.hItems[to] = item;
    this.at[item] = to;
  }

  private growHeap(): void {
    const cap = this.hLevels.length * 2;
    this.hLevels = grown(this.hLevels, cap);
    this.hRanks = grown(this.hRanks, cap);
    this.hKeys = grown(this.hKeys, cap);
    this.hTies = grown(this.hTies, cap);
    this.hItems = grown(this.hItems, cap);
    this.hEntered = grown(this.hEntered, cap);
    this.hClass = grown(this.hClass, cap);
  }

  private growItems(min: number): void {
    let cap = this.where.length;
    while (cap < min) cap *= 2;
    this.where = grown(this.where, cap);
    this.at = grown(this.at, cap);
    if (this.source === null) {
      this.ownKeys = grown(this.ownKeys, cap);
      this.ownTies = grown(this.ownTies, cap);
    }
  }
}

const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;

/**
 * The items that entered one (class, level) in order, first to last, in blocks of 4,096 (so that
 * it never copies itself to grow, and holds 4 bytes per entry and two blocks more at most). Each
 * entry has a number (mod 2^32, counting every entry ever appended) that its item's `at` holds
 * while the entry is live. `cursors[j - 1]` is the number of the first entry that has not yet
 * taken its j-th step up (entries before it have); `dues[j - 1]` caches when the entry numbered
 * `dueOwners[j - 1]` takes that step.
 */
class SubLine {
  private blocks: Int32Array[] = [new Int32Array(BLOCK)];
  private spare: Int32Array | null = null;
  /** Position of the first entry in the first block. */
  private headPos = 0;
  /** Entries held, dead ones included. */
  length = 0;
  /** Number of the first entry. */
  headNumber = 0;
  /** Live entries. */
  live = 0;
  readonly cursors: Uint32Array;
  readonly dues: Float64Array;
  readonly dueOwners: Uint32Array;
  readonly stages: number;
  /** Key and tie of the last item appended (kept by the caller; doubles passed to a call are boxed). */
  lastKey = Number.NEGATIVE_INFINITY;
  lastTie = Number.NEGATIVE_INFINITY;

  constructor(
    readonly klass: number,
    readonly level: number,
    readonly agedRank: number,
    /** Time spent at each level on the way up, from the entry level. */
    private readonly steps: Float64Array,
  ) {
    this.stages = steps.length;
    this.cursors = new Uint32Array(steps.length);
    this.dues = new Float64Array(steps.length);
    // No entry owns a cached due yet: 2^32 - 1 is reached only after as many entries.
    this.dueOwners = new Uint32Array(steps.length).fill(0xffffffff);
  }

  /** May an item with this key and tie go last? (Its key is its entry time.) */
  takes(key: number, tie: number): boolean {
    return key > this.lastKey || (key === this.lastKey && tie > this.lastTie);
  }

  /** Appends an item (the caller sets lastKey and lastTie); returns its entry number. */
  append(item: number): number {
    const pos = this.headPos + this.length;
    const b = pos >> BLOCK_BITS;
    if (b === this.blocks.length) {
      this.blocks.push(this.spare ?? new Int32Array(BLOCK));
      this.spare = null;
    }
    this.blocks[b][pos & (BLOCK - 1)] = item;
    const n = (this.headNumber + this.length) >>> 0;
    this.length++;
    this.live++;
    return n;
  }

  headItem(): number {
    return this.blocks[0][this.headPos];
  }

  itemAt(offset: number): number {
    const pos = this.headPos + offset;
    return this.blocks[pos >> BLOCK_BITS][pos & (BLOCK - 1)];
  }

  /** Drops the first entry (cursors on it move to the next). */
  dropHead(): void {
    const n = this.headNumber;
    this.headNumber = (n + 1) >>> 0;
    this.length--;
    if (++this.headPos === BLOCK) {
      this.headPos = 0;
      const first = this.blocks.shift() as Int32Array;
      if (this.blocks.length === 0) this.blocks.push(first);
      else this.spare = first;
    }
    for (let j = 0; j < this.stages; j++) if (this.cursors[j] === n) this.cursors[j] = this.headNumber;
  }

  /** Is the entry numbered `n` one a cursor is on (the next to take a step)? */
  isCursor(n: number): boolean {
    for (let j = 0; j < this.stages; j++) if (this.cursors[j] === n) return true;
    return false;
  }

  /** Steps up taken by the entry numbered `n`. */
  stageOf(n: number): number {
    const offset = (n - this.headNumber) >>> 0;
    let s = 0;
    for (let j = 0; j < this.stages; j++) if (offset < (this.cursors[j] - this.headNumber) >>> 0) s++;
    return s;
  }

  /**
   * Caches in dues[j - 1] when the item that entered at `entered`, at cursor j, takes its j-th
   * step up: the sums the steps would make one by one.
   */
  setDue(j: number, entered: number): void {
    let t = entered;
    for (let i = 0; i < j; i++) t += this.steps[i];
    this.dues[j - 1] = t;
    this.dueOwners[j - 1] = this.cursors[j - 1];
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
