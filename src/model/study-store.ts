import { grown, type WaitingKeySource, YEAR } from '../engine/index.js';
import type { DepartmentConfig } from './department-config.js';

/** A bit mask per study, in the narrowest array its bits fit. */
export type StudyBits = Uint8Array | Uint16Array | Int32Array;

/** What the store must hold: counts that size its columns (each at least 1). */
export interface StudyStoreShape {
  /** Read slots per study (reads, plus one for arbitration). */
  maxReads: number;
  /** Streams, worklist levels, findings and AI tools of the department (a bit each for the last two; absent: as many as fit). */
  streams?: number;
  levels?: number;
  findings?: number;
  tools?: number;
}

/**
 * The unread studies, as parallel typed arrays indexed by a slot number (the study id while it
 * is in the department). A slot is freed when the study is reported, so memory follows the
 * backlog, not the number of studies simulated. Each column is the narrowest array its values
 * fit (the shape says how many streams, levels, findings and tools there are): 53 bytes per
 * study with one read slot, 8 more per further slot.
 *
 * The columns are made long enough for the studies the run is expected to admit (see
 * `storeCapacityFor`; never more than 2^22) so that they need not grow: a typed array's pages are
 * only resident once written, and slots are handed out lowest first (freed ones again first), so
 * the memory used follows the largest backlog, while growing (copying into arrays twice as long)
 * would leave the old arrays behind until the garbage collector runs, which a run that allocates
 * nothing may never call. Pages stay unwritten only in a fresh allocation: once a thread has
 * freed a large store, the C allocator hands its memory out again and clears it, so a thread's
 * runs share one store (`takeStudyStore`, `giveBackStudyStore`).
 *
 * Errors: RangeError for a shape whose values do not fit (more than 65,535 streams, 255 levels
 * or read slots, 32 findings or tools: a bit each in a 32-bit mask).
 */
export class StudyStore implements WaitingKeySource {
  arrival: Float64Array;
  /**
   * Order of admission (0, 1, 2, ... over the run): a study's place among equal arrivals.
   * 32-bit until a run admits 2^32 studies, then doubles.
   */
  admission: Uint32Array | Float64Array;
  stream: Uint16Array;
  /** Bit f set: the study has finding f (its true state). */
  findings: StudyBits;
  /** Bit t set: tool t's call on the study is positive (triage: flagged; autonomous: cleared). */
  calls: StudyBits;
  /** Current worklist level (0 most urgent). */
  level: Uint8Array;
  readsNeeded: Uint8Array;
  readsDone: Uint8Array;
  /** Human work (reading minutes) of each read, `maxReads` per study. */
  work: Float64Array;
  /** Work left of an interrupted read, or -1 when the next read has not started. */
  remaining: Float64Array;
  /**
   * Wall time spent in service so far, and when the current service began. (A free slot's
   * `inService` holds the next free slot: the free list costs no column of its own.)
   */
  inService: Float64Array;
  startedAt: Float64Array;
  /** 1 once a radiologist has started the study's first read. */
  started: Uint8Array;
  /** 1 when the reading (human verdicts, AI second reader, arbitration) recalls the study. */
  recalled: Uint8Array;

  /** Studies held now (the backlog). */
  live = 0;
  readonly maxReads: number;
  /** First free slot below `used` (-1: none); each free slot's inService holds the next. */
  private freeHead = -1;
  private used = 0;
  private allocations = 0;
  /** What decides the columns' types: a store is reused only for the same shape. */
  private readonly shapeKey: string;

  constructor(shape: number | StudyStoreShape, initialCapacity = 1024) {
    const s: StudyStoreShape = typeof shape === 'number' ? { maxReads: shape } : shape;
    this.maxReads = s.maxReads;
    const fits = (what: string, value: number, min: number, max: number) => {
      if (!(Number.isInteger(value) && value >= min && value <= max))
        throw new RangeError(`a study store holds ${min} to ${max} ${what}, got ${value}`);
    };
    fits('read slots', s.maxReads, 1, 255);
    fits('streams', s.streams ?? 1, 0, 65535);
    fits('worklist levels', s.levels ?? 1, 1, MAX_WORKLIST_LEVELS);
    fits('findings', s.findings ?? 0, 0, 32);
    fits('AI tools', s.tools ?? 0, 0, 32);
    const n = Math.max(16, initialCapacity);
    this.shapeKey = shapeKeyOf(s);
    this.arrival = new Float64Array(n);
    this.admission = new Uint32Array(n);
    this.stream = new Uint16Array(n);
    this.findings = bitsArray(s.findings ?? 32, n);
    this.calls = bitsArray(s.tools ?? 32, n);
    this.level = new Uint8Array(n);
    this.readsNeeded = new Uint8Array(n);
    this.readsDone = new Uint8Array(n);
    this.work = new Float64Array(n * s.maxReads);
    this.remaining = new Float64Array(n);
    this.inService = new Float64Array(n);
    this.startedAt = new Float64Array(n);
    this.started = new Uint8Array(n);
    this.recalled = new Uint8Array(n);
  }

  /** A waiting study's key on the worklist: its arrival time. */
  key(id: number): number {
    return this.arrival[id];
  }

  /** Its tie-break among equal arrivals: its order of admission. */
  tie(id: number): number {
    return this.admission[id];
  }

  /**
   * Slots written so far: the largest number of studies held at once, and what the store takes
   * in memory (its columns may be longer; the rest is address space never written).
   */
  get capacity(): number {
    return this.used;
  }

  /** Length of the columns: slots that fit before they grow. */
  get length(): number {
    return this.arrival.length;
  }

  /** Can this store serve a run of `shape` with `capacity` slots (same column types, long enough)? */
  fits(shape: StudyStoreShape, capacity: number): boolean {
    return this.shapeKey === shapeKeyOf(shape) && this.arrival.length >= capacity;
  }

  /** Empties the store: no study held, slots handed out from the lowest again, as a new store does. */
  clear(): void {
    this.freeHead = -1;
    this.used = 0;
    this.live = 0;
    this.allocations = 0;
  }

  /** A fresh slot with its per-study counters cleared (the slot freed last, if any). */
  alloc(): number {
    let id = this.freeHead;
    if (id >= 0) this.freeHead = this.inService[id];
    else id = this.used < this.arrival.length ? this.used++ : this.grow();
    if (++this.allocations === 2 ** 32) this.admission = Float64Array.from(this.admission);
    this.readsDone[id] = 0;
    this.remaining[id] = -1;
    this.inService[id] = 0;
    this.started[id] = 0;
    this.live++;
    return id;
  }

  release(id: number): void {
    this.inService[id] = this.freeHead;
    this.freeHead = id;
    this.live--;
  }

  /** Calls `visit` for every held study (end-of-run summaries only). */
  forEachLive(visit: (id: number) => void): void {
    const isFree = new Uint8Array(this.used);
    for (let id = this.freeHead; id >= 0; id = this.inService[id]) isFree[id] = 1;
    for (let id = 0; id < this.used; id++) if (!isFree[id]) visit(id);
  }

  private grow(): number {
    const n = this.arrival.length * 2;
    this.arrival = grown(this.arrival, n);
    this.admission = grown(this.admission, n);
    this.stream = grown(this.stream, n);
    this.findings = grown(this.findings, n);
    this.calls = grown(this.calls, n);
    this.level = grown(this.level, n);
    this.readsNeeded = grown(this.readsNeeded, n);
    this.readsDone = grown(this.readsDone, n);
    this.work = grown(this.work, n * this.maxReads);
    this.remaining = grown(this.remaining, n);
    this.inService = grown(this.inService, n);
    this.startedAt = grown(this.startedAt, n);
    this.started = grown(this.started, n);
    this.recalled = grown(this.recalled, n);
    return this.used++;
  }
}

/** Slots made up front at most (2^22: 4.2 million studies, 222 MB of address space, none of it resident until used). */
/** Worklist levels a study store holds (a study's level is kept in one byte). */
export const MAX_WORKLIST_LEVELS = 255;

/**
 * Priorities a department can have: its study store is made for priorities + 2 worklist levels
 * (see the Department constructor), at most {@link MAX_WORKLIST_LEVELS}.
 */
export const MAX_PRIORITIES = MAX_WORKLIST_LEVELS - 2;

export const MAX_PRESIZED_SLOTS = 2 ** 22;

/**
 * Slots to make up front for a run of `config`: the studies it is expected to admit (initial
 * backlogs plus the integral of each stream's arrival rate over the horizon, with its growth),
 * 5% more, at least 1,024 and at most MAX_PRESIZED_SLOTS. Larger backlogs grow the store.
 */
export function storeCapacityFor(config: DepartmentConfig): number {
  let studies = 0;
  for (const s of config.streams) {
    const g = Math.log1p(s.growth) / YEAR;
    studies += s.backlog + (g === 0 ? s.volume * config.horizon : (s.volume * Math.expm1(g * config.horizon)) / g);
  }
  const n = Math.ceil(studies * 1.05);
  return n > 1024 ? Math.min(n, MAX_PRESIZED_SLOTS) : 1024;
}

/** The narrowest array whose elements hold `bits` bits. */
function bitsArray(bits: number, n: number): StudyBits {
  return bits <= 8 ? new Uint8Array(n) : bits <= 16 ? new Uint16Array(n) : new Int32Array(n);
}

/** The shape's values that decide the columns' types and lengths per slot. */
function shapeKeyOf(s: StudyStoreShape): string {
  const width = (bits: number) => (bits <= 8 ? 8 : bits <= 16 ? 16 : 32);
  return `${s.maxReads}|${width(s.findings ?? 32)}|${width(s.tools ?? 32)}`;
}

/** The store this thread's last run gave back (each worker thread has its own module, so its own). */
let spare: StudyStore | null = null;

/**
 * A study store for a run: the one this thread's previous run gave back (`giveBackStudyStore`),
 * emptied, when it has the same shape and is long enough; else a new one of `capacity` slots.
 * A thread runs many departments one after the other (replications, parts of a department): with
 * a new store each time, once earlier stores were freed the C allocator hands out their memory
 * again and clears it page by page (glibc raises its mmap threshold after a large free), so the
 * resident memory would grow with every run; reused, the run writes into the same pages.
 * A slot's fields are all set when it is handed out or when its study is drawn, so a reused
 * store gives the same results as a new one (tests/model/study-store.test.ts).
 */
export function takeStudyStore(shape: StudyStoreShape, capacity: number): StudyStore {
  const s = spare;
  if (s?.fits(shape, capacity)) {
    spare = null;
    s.clear();
    return s;
  }
  return new StudyStore(shape, capacity);
}

/** A finished run's store, for the thread's next run (the previous spare, if any, is dropped). */
export function giveBackStudyStore(store: StudyStore): void {
  spare = store;
}
