import { EngineError } from './errors.js';
import { grown } from './typed-arrays.js';

/**
 * The future-event list: a 4-ary min-heap keyed on (time, insertion sequence), so that events
 * at the same time run first-in first-out.
 *
 * No object is allocated per event. An entry is two doubles and two integers, kept side by side
 * in two typed arrays (`keys`: time, then insertion sequence; `data`: kind * 2^21 + handle slot,
 * then payload), so a step down the heap touches two arrays and the four children of a node
 * share a cache line.
 *
 * Cancellation is lazy: `cancel` marks the event's slot and the heap drops the entry when it
 * reaches the top, so scheduling and popping pay nothing for positions that are never looked
 * up. A handle names a scheduled event; it carries a generation count so that a stale handle
 * (its event already ran or was cancelled) is harmless.
 *
 * Besides the heap, the calendar holds timers (`setTimer`): a timer is one event at a time that
 * its owner sets again and again (a stream's next arrival, the next escalation), kept outside
 * the heap so that setting it costs no heap work. A calendar has timer 0; `addTimer` adds more.
 * The earliest timer is found by a scan of the timers when one of them is set or runs, so
 * timers suit a few owners (tens), not one per study.
 */
// handle = (generation mod 2^9) * 2^21 + slot: a small integer (no boxing), at most 2^21 - 1
// pending events with a handle, and a stale handle is caught unless its slot was reused a
// multiple of 512 times. Events without a handle (`pushFixed`) take no slot: their number is
// bounded only by memory (24 bytes each).
const SLOT_SHIFT = 21;
const SLOT_MASK = (1 << SLOT_SHIFT) - 1;
/** The slot word of an event without a handle (never allocated to a handle). */
const NO_SLOT = SLOT_MASK;
const MAX_HANDLES = SLOT_MASK;
const GEN_MASK = (1 << 9) - 1;
/** Event kinds fit above the slot in one 32-bit word. */
export const MAX_EVENT_KINDS = 1 << (32 - SLOT_SHIFT);

const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;

export class EventCalendar {
  /** Per heap position i: keys[2i] = time, keys[2i+1] = insertion sequence. */
  private keys: Float64Array;
  /** Per heap position i: data[2i] = kind * 2^21 + slot (read unsigned), data[2i+1] = payload. */
  private data: Int32Array;
  /** Per handle slot: FREE, PENDING or CANCELLED (still in the heap, dropped when it reaches the top). */
  private states: Uint8Array;
  private generations: Uint16Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private seq = 0;
  /** Entries in the heap, cancelled ones included. */
  private count = 0;
  /** Cancelled entries still in the heap. */
  private cancelled = 0;

  // Per timer: set or not, its time, its place among events of the same time, kind and payload.
  private timerCount = 1;
  private timerOn = new Uint8Array(4);
  private timerTimes = new Float64Array(4);
  private timerSeqs = new Float64Array(4);
  private timerKinds = new Int32Array(4);
  private timerPayloads = new Int32Array(4);
  /** Timers set. */
  private timersSet = 0;
  /** The set timer that runs first (earliest time, then sequence), or -1 when none is set. */
  private firstTimer = -1;

  /** Time, kind and payload of the event taken by the last `take()` or `pop()`. */
  poppedTime = 0.5;
  poppedKind = 0;
  poppedPayload = 0;

  constructor(initialCapacity = 256) {
    const cap = Math.max(4, initialCapacity | 0);
    this.keys = new Float64Array(2 * cap);
    this.data = new Int32Array(2 * cap);
    this.states = new Uint8Array(cap);
    this.generations = new Uint16Array(cap);
    this.freeSlots = new Int32Array(cap);
  }

  /** Events scheduled and not yet run or cancelled. */
  get size(): number {
    return this.count - this.cancelled + this.timersSet;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    if (this.cancelled > 0) this.dropCancelledTop();
    const top = this.count > 0 ? this.keys[0] : Number.POSITIVE_INFINITY;
    const f = this.firstTimer;
    return f >= 0 && this.timerTimes[f] < top ? this.timerTimes[f] : top;
  }

  /** Adds a timer (unset) and returns its number; the calendar starts with timer 0. */
  addTimer(): number {
    const n = this.timerCount++;
    if (n === this.timerOn.length) {
      this.timerOn = grown(this.timerOn, 2 * n);
      this.timerTimes = grown(this.timerTimes, 2 * n);
      this.timerSeqs = grown(this.timerSeqs, 2 * n);
      this.timerKinds = grown(this.timerKinds, 2 * n);
      this.timerPayloads = grown(this.timerPayloads, 2 * n);
    }
    return n;
  }

  /**
   * Sets timer `timer` (0 unless told; a number from `addTimer`): an event of `kind` with
   * `payload` at `time`, in the same order as an event pushed now (after those already
   * scheduled for that time, before those scheduled later). It replaces what that timer was set
   * to before, if that has not run yet. It has no handle; `clearTimer` unsets it. `time` must
   * not be NaN; `kind` as for `push`. Errors: EngineError for those, or an unknown timer.
   */
  setTimer(time: number, kind: number, payload: number, timer = 0): void {
    if (Number.isNaN(time)) throw new EngineError('event time must be a number, got NaN');
    if (kind >>> 0 !== kind || kind >= MAX_EVENT_KINDS)
      throw new EngineError(`event kind must be in [0, ${MAX_EVENT_KINDS}), got ${kind}`);
    if (!(timer >= 0 && timer < this.timerCount) || timer !== (timer | 0))
      throw new EngineError(`no timer ${timer} (this calendar has ${this.timerCount})`);
    if (this.timerOn[timer] === 0) {
      this.timerOn[timer] = 1;
      this.timersSet++;
    }
    this.timerTimes[timer] = time;
    this.timerSeqs[timer] = this.seq++;
    this.timerKinds[timer] = kind;
    this.timerPayloads[timer] = payload;
    const f = this.firstTimer;
    // The newest sequence: it goes first only by an earlier time.
    if (f === timer) this.findFirstTimer();
    else if (f < 0 || time < this.timerTimes[f]) this.firstTimer = timer;
  }

  /** Unsets timer `timer` (0 unless told; no effect when it is not set). */
  clearTimer(timer = 0): void {
    if (!(timer >= 0 && timer < this.timerCount) || this.timerOn[timer] === 0) return;
    this.timerOn[timer] = 0;
    this.timersSet--;
    if (this.firstTimer === timer) this.findFirstTimer();
  }

  /** Is timer `timer` (0 unless told) set (and not yet run)? */
  timerPending(timer = 0): boolean {
    return timer >= 0 && timer < this.timerCount && this.timerOn[timer] === 1;
  }

  /** Finds the set timer that runs first (a scan of the timers). */
  private findFirstTimer(): void {
    const on = this.timerOn;
    const times = this.timerTimes;
    const seqs = this.timerSeqs;
    let best = -1;
    let bestTime = 0;
    let bestSeq = 0;
    for (let i = 0; i < this.timerCount; i++) {
      if (on[i] === 0) continue;
      const t = times[i];
      if (best < 0 || t < bestTime || (t === bestTime && seqs[i] < bestSeq)) {
        best = i;
        bestTime = t;
        bestSeq = seqs[i];
      }
    }
    this.firstTimer = best;
  }

  /**
   * Schedules an event and returns its handle. `time` must not be NaN; `kind` is a whole number
   * below MAX_EVENT_KINDS (2048) and `payload` a 32-bit integer.
   */
  push(time: number, kind: number, payload: number): number {
    if (Number.isNaN(time)) throw new EngineError('event time must be a number, got NaN');
    if (kind >>> 0 !== kind || kind >= MAX_EVENT_KINDS)
      throw new EngineError(`event kind must be in [0, ${MAX_EVENT_KINDS}), got ${kind}`);
    if (this.nextSlot === this.states.length && this.freeCount === 0) this.growSlots();
    let slot: number;
    if (this.freeCount > 0) slot = this.freeSlots[--this.freeCount];
    else slot = this.nextSlot++;
    this.states[slot] = PENDING;
    this.insert(time, kind, slot, payload);
    return (this.generations[slot] << SLOT_SHIFT) | slot;
  }

  /**
   * `push(times[index], kind, payload)`: the time read from the caller's array, so that no
   * double crosses the caller's call (one V8 does not inline allocates it as a heap number);
   * `push` is inlined here. Errors as `push`.
   */
  pushFrom(times: Float64Array, index: number, kind: number, payload: number): number {
    return this.push(times[index], kind, payload);
  }

  /**
   * Schedules an event that will never be cancelled: as `push`, in the same order among events
   * of the same time, but without a handle, so it takes none of the 2^21 - 1 handle slots (a
   * study's return from an outside provider: there may be millions pending; a period's end).
   */
  pushFixed(time: number, kind: number, payload: number): void {
    if (Number.isNaN(time)) throw new EngineError('event time must be a number, got NaN');
    if (kind >>> 0 !== kind || kind >= MAX_EVENT_KINDS)
      throw new EngineError(`event kind must be in [0, ${MAX_EVENT_KINDS}), got ${kind}`);
    this.insert(time, kind, NO_SLOT, payload);
  }

  /** Puts an entry into the heap with the next insertion sequence. */
  private insert(time: number, kind: number, slot: number, payload: number): void {
    if (2 * this.count === this.keys.length) this.growHeap();
    const i = this.count++;
    this.keys[2 * i] = time;
    this.keys[2 * i + 1] = this.seq++;
    this.data[2 * i] = (kind << SLOT_SHIFT) | slot;
    this.data[2 * i + 1] = payload;
    this.siftUp(i);
  }

  /** Removes the earliest event; returns its time and leaves time, kind and payload in `popped*`. Errors as `take`. */
  pop(): number {
    this.take();
    return this.poppedTime;
  }

  /**
   * Removes the earliest event and leaves its time, kind and payload in `poppedTime`,
   * `poppedKind` and `poppedPayload`: `pop` without a return value, for the hot loop (a double
   * returned from a call V8 does not inline is allocated as a heap number: two a study).
   * Errors: EngineError when the calendar is empty.
   */
  take(): void {
    if (this.cancelled > 0) this.dropCancelledTop();
    const K = this.keys;
    const f = this.firstTimer;
    if (f >= 0) {
      const t = this.timerTimes[f];
      if (this.count === 0 || t < K[0] || (t === K[0] && this.timerSeqs[f] < K[1])) {
        this.timerOn[f] = 0;
        this.timersSet--;
        this.poppedTime = t;
        this.poppedKind = this.timerKinds[f];
        this.poppedPayload = this.timerPayloads[f];
        this.findFirstTimer();
        return;
      }
    }
    if (this.count === 0) throw new EngineError('pop from an empty event calendar');
    this.poppedTime = K[0];
    const word = this.data[0];
    this.poppedKind = word >>> SLOT_SHIFT;
    this.poppedPayload = this.data[1];
    const slot = word & SLOT_MASK;
    if (slot !== NO_SLOT) this.release(slot);
    this.removeTop();
  }

  /** Cancels a scheduled event. Returns false if it already ran or was cancelled. */
  cancel(handle: number): boolean {
    const slot = this.pendingSlot(handle);
    if (slot < 0) return false;
    this.states[slot] = CANCELLED;
    this.cancelled++;
    return true;
  }

  /** True while the event named by `handle` is still scheduled. */
  isPending(handle: number): boolean {
    return this.pendingSlot(handle) >= 0;
  }

  /** Time of a pending event, or NaN. O(pending events): a search, meant for tests and checks. */
  timeOf(handle: number): number {
    const slot = this.pendingSlot(handle);
    if (slot < 0) return Number.NaN;
    for (let i = 0; i < this.count; i++) if ((this.data[2 * i] & SLOT_MASK) === slot) return this.keys[2 * i];
    return Number.NaN;
  }

  /** The slot of a pending event's handle, or -1. */
  private pendingSlot(handle: number): number {
    if (!(handle >= 0) || handle !== (handle | 0)) return -1;
    const slot = handle & SLOT_MASK;
    if (slot >= this.nextSlot || this.states[slot] !== PENDING) return -1;
    if (this.generations[slot] !== handle >>> SLOT_SHIFT) return -1;
    return slot;
  }

  private release(slot: number): void {
    this.states[slot] = FREE;
    this.generations[slot] = (this.generations[slot] + 1) & GEN_MASK;
    this.freeSlots[this.freeCount++] = slot;
  }

  /** Drops cancelled entries from the top of the heap. */
  private dropCancelledTop(): void {
    while (this.count > 0) {
      const slot = this.data[0] & SLOT_MASK;
      if (slot === NO_SLOT || this.states[slot] !== CANCELLED) return;
      this.release(slot);
      this.cancelled--;
      this.removeTop();
    }
  }

  /** Removes the entry at the top: the last entry fills the hole and sinks. */
  private removeTop(): void {
    if (--this.count > 0) this.siftDownLast();
  }

  // The sift functions take positions, never times: a double passed to a call that is not
  // inlined is boxed, and that allocation per event is what the hot loop must avoid.

  /** Moves the entry at position i up to its place. */
  private siftUp(i: number): void {
    const K = this.keys;
    const D = this.data;
    const t = K[2 * i];
    const q = K[2 * i + 1];
    const k = D[2 * i];
    const p = D[2 * i + 1];
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = K[2 * parent];
      if (pt < t || (pt === t && K[2 * parent + 1] < q)) break;
      K[2 * i] = pt;
      K[2 * i + 1] = K[2 * parent + 1];
      D[2 * i] = D[2 * parent];
      D[2 * i + 1] = D[2 * parent + 1];
      i = parent;
    }
    K[2 * i] = t;
    K[2 * i + 1] = q;
    D[2 * i] = k;
    D[2 * i + 1] = p;
  }

  /** Moves the entry just past the heap's end (position `count`) into the hole at the top, then down to its place. */
  private siftDownLast(): void {
    const K = this.keys;
    const D = this.data;
    const n = this.count;
    const t = K[2 * n];
    const q = K[2 * n + 1];
    const k = D[2 * n];
    const p = D[2 * n + 1];
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let child = first;
      let ct = K[2 * first];
      let cq = K[2 * first + 1];
      const last = Math.min(first + 4, n);
      for (let c = first + 1; c < last; c++) {
        const tc = K[2 * c];
        if (tc < ct || (tc === ct && K[2 * c + 1] < cq)) {
          child = c;
          ct = tc;
          cq = K[2 * c + 1];
        }
      }
      if (t < ct || (t === ct && q < cq)) break;
      K[2 * i] = ct;
      K[2 * i + 1] = cq;
      D[2 * i] = D[2 * child];
      D[2 * i + 1] = D[2 * child + 1];
      i = child;
    }
    K[2 * i] = t;
    K[2 * i + 1] = q;
    D[2 * i] = k;
    D[2 * i + 1] = p;
  }

  /** More handle slots (doubling), up to 2^21 - 1 pending events with a handle. */
  private growSlots(): void {
    if (this.states.length >= MAX_HANDLES) {
      throw new EngineError(`event calendar is full (${MAX_HANDLES} pending events that can be cancelled)`);
    }
    const cap = Math.min(this.states.length * 2, MAX_HANDLES);
    this.states = grown(this.states, cap);
    this.generations = grown(this.generations, cap);
    this.freeSlots = grown(this.freeSlots, cap);
  }

  /** More heap positions (doubling). */
  private growHeap(): void {
    const cap = this.keys.length;
    this.keys = grown(this.keys, 2 * cap);
    this.data = grown(this.data, 2 * cap);
  }
}
