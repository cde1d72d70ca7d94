import { EngineError } from './errors.js';
import { grown } from './typed-arrays.js';

/**
 * The future-event list: a 4-ary min-heap over parallel typed arrays, keyed on
 * (time, insertion sequence) so that events at the same time run first-in first-out.
 *
 * No object is allocated per event: an event is a (time, kind, payload) triple stored in
 * the arrays. A handle names a scheduled event for cancellation; it carries a generation
 * count so that a stale handle (its event already ran or was cancelled) is harmless.
 */
// handle = (generation mod 2^9) * 2^21 + slot: a small integer (no boxing), at most 2^21 pending
// events, and a stale handle is caught unless its slot was reused a multiple of 512 times.
const SLOT_SHIFT = 21;
const SLOT_MASK = (1 << SLOT_SHIFT) - 1;
const MAX_EVENTS = 1 << SLOT_SHIFT;
const GEN_MASK = (1 << 9) - 1;

export class EventCalendar {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private payloads: Int32Array;
  private slots: Int32Array; // heap position -> handle slot
  private positions: Int32Array; // handle slot -> heap position, -1 when free
  private generations: Uint16Array; // handle slot -> generation
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private seq = 0;
  private count = 0;

  /** Kind, payload and handle of the event taken by the last `pop()`. */
  poppedKind = 0;
  poppedPayload = 0;

  constructor(initialCapacity = 256) {
    const cap = Math.max(4, initialCapacity | 0);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.kinds = new Int32Array(cap);
    this.payloads = new Int32Array(cap);
    this.slots = new Int32Array(cap);
    this.positions = new Int32Array(cap).fill(-1);
    this.generations = new Uint16Array(cap);
    this.freeSlots = new Int32Array(cap);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0] : Number.POSITIVE_INFINITY;
  }

  /** Schedules an event and returns its handle. `time` must not be NaN. */
  push(time: number, kind: number, payload: number): number {
    if (Number.isNaN(time)) throw new EngineError('event time must be a number, got NaN');
    if (this.count === this.times.length) this.grow();
    let slot: number;
    if (this.freeCount > 0) slot = this.freeSlots[--this.freeCount];
    else slot = this.nextSlot++;
    const i = this.count++;
    this.times[i] = time;
    this.seqs[i] = this.seq++;
    this.kinds[i] = kind;
    this.payloads[i] = payload;
    this.slots[i] = slot;
    this.siftUp(i);
    return (this.generations[slot] << SLOT_SHIFT) | slot;
  }

  /** Removes the earliest event; returns its time and leaves kind/payload in `popped*`. */
  pop(): number {
    if (this.count === 0) throw new EngineError('pop from an empty event calendar');
    const time = this.times[0];
    this.poppedKind = this.kinds[0];
    this.poppedPayload = this.payloads[0];
    this.release(this.slots[0]);
    const last = --this.count;
    if (last > 0) {
      this.copy(0, last);
      this.siftDown(0);
    }
    return time;
  }

  /** Cancels a scheduled event. Returns false if it already ran or was cancelled. */
  cancel(handle: number): boolean {
    const pos = this.positionOf(handle);
    if (pos < 0) return false;
    this.release(this.slots[pos]);
    const last = --this.count;
    if (pos === last) return true;
    this.copy(pos, last);
    // The moved element may belong above or below the hole.
    if (pos > 0 && this.less(pos, (pos - 1) >> 2)) this.siftUp(pos);
    else this.siftDown(pos);
    return true;
  }

  /** True while the event named by `handle` is still scheduled. */
  isPending(handle: number): boolean {
    return this.positionOf(handle) >= 0;
  }

  /** Time of a pending event, or NaN. */
  timeOf(handle: number): number {
    const pos = this.positionOf(handle);
    return pos < 0 ? Number.NaN : this.times[pos];
  }

  private positionOf(handle: number): number {
    if (!(handle >= 0) || handle !== (handle | 0)) return -1;
    const slot = handle & SLOT_MASK;
    if (slot >= this.nextSlot) return -1;
    if (this.generations[slot] !== handle >>> SLOT_SHIFT) return -1;
    return this.positions[slot];
  }

  private release(slot: number): void {
    this.positions[slot] = -1;
    this.generations[slot] = (this.generations[slot] + 1) & GEN_MASK;
    this.freeSlots[this.freeCount++] = slot;
  }

  /** Does the entry at position a go before the one at b? */
  private less(a: number, b: number): boolean {
    const ta = this.times[a];
    const tb = this.times[b];
    return ta < tb || (ta === tb && this.seqs[a] < this.seqs[b]);
  }

  // The sift functions take positions, never times: a double passed to a call that is not
  // inlined is boxed, and that allocation per event is what the hot loop must avoid.
  private siftUp(i: number): void {
    const T = this.times;
    const Q = this.seqs;
    const t = T[i];
    const q = Q[i];
    const k = this.kinds[i];
    const p = this.payloads[i];
    const s = this.slots[i];
    const K = this.kinds;
    const P = this.payloads;
    const S = this.slots;
    const pos = this.positions;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = T[parent];
      if (pt < t || (pt === t && Q[parent] < q)) break;
      T[i] = pt;
      Q[i] = Q[parent];
      K[i] = K[parent];
      P[i] = P[parent];
      const ps = S[parent];
      S[i] = ps;
      pos[ps] = i;
      i = parent;
    }
    T[i] = t;
    Q[i] = q;
    K[i] = k;
    P[i] = p;
    S[i] = s;
    pos[s] = i;
  }

  private siftDown(i: number): void {
    const T = this.times;
    const Q = this.seqs;
    const n = this.count;
    const t = T[i];
    const q = Q[i];
    const K = this.kinds;
    const P = this.payloads;
    const S = this.slots;
    const pos = this.positions;
    const k = K[i];
    const p = P[i];
    const s = S[i];
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let child = first;
      const last = Math.min(first + 4, n);
      for (let c = first + 1; c < last; c++) {
        if (T[c] < T[child] || (T[c] === T[child] && Q[c] < Q[child])) child = c;
      }
      const ct = T[child];
      if (t < ct || (t === ct && q < Q[child])) break;
      T[i] = ct;
      Q[i] = Q[child];
      K[i] = K[child];
      P[i] = P[child];
      const cs = S[child];
      S[i] = cs;
      pos[cs] = i;
      i = child;
    }
    T[i] = t;
    Q[i] = q;
    K[i] = k;
    P[i] = p;
    S[i] = s;
    pos[s] = i;
  }

  /** Copies the entry at position `from` to position `to`. */
  private copy(to: number, from: number): void {
    this.times[to] = this.times[from];
    this.seqs[to] = this.seqs[from];
    this.kinds[to] = this.kinds[from];
    this.payloads[to] = this.payloads[from];
    const s = this.slots[from];
    this.slots[to] = s;
    this.positions[s] = to;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    if (cap > MAX_EVENTS) throw new EngineError(`event calendar is full (${MAX_EVENTS} pending events)`);
    this.times = grown(this.times, cap);
    this.seqs = grown(this.seqs, cap);
    this.kinds = grown(this.kinds, cap);
    this.payloads = grown(this.payloads, cap);
    this.slots = grown(this.slots, cap);
    this.positions = grown(this.positions, cap, -1);
    this.freeSlots = grown(this.freeSlots, cap);
    this.generations = grown(this.generations, cap);
  }
}
