import { grown } from '../engine/index.js';

/**
 * The unread studies, as parallel typed arrays indexed by a slot number (the study id while it
 * is in the department). A slot is freed when the study is reported, so memory follows the
 * backlog, not the number of studies simulated.
 */
export class StudyStore {
  arrival: Float64Array;
  /** Order of admission (0, 1, 2, ... over the run): a study's place among equal arrivals. */
  admission: Float64Array;
  stream: Int32Array;
  /** Bit f set: the study has finding f (its true state). */
  findings: Int32Array;
  /** Bit t set: tool t's call on the study is positive (triage: flagged; autonomous: cleared). */
  calls: Int32Array;
  /** Current worklist level (0 most urgent). */
  level: Int32Array;
  readsNeeded: Int32Array;
  readsDone: Int32Array;
  /** Human work (reading minutes) of each read, `maxReads` per study. */
  work: Float64Array;
  /** Work left of an interrupted read, or -1 when the next read has not started. */
  remaining: Float64Array;
  /** Wall time spent in service so far, and when the current service began. */
  inService: Float64Array;
  startedAt: Float64Array;
  /** 1 once a radiologist has started the study's first read. */
  started: Uint8Array;
  /** 1 when the reading (human verdicts, AI second reader, arbitration) recalls the study. */
  recalled: Uint8Array;

  /** Studies held now (the backlog). */
  live = 0;
  private free: Int32Array;
  private freeCount = 0;
  private used = 0;

  constructor(
    readonly maxReads: number,
    initialCapacity = 1024,
  ) {
    const n = Math.max(16, initialCapacity);
    this.arrival = new Float64Array(n);
    this.admission = new Float64Array(n);
    this.stream = new Int32Array(n);
    this.findings = new Int32Array(n);
    this.calls = new Int32Array(n);
    this.level = new Int32Array(n);
    this.readsNeeded = new Int32Array(n);
    this.readsDone = new Int32Array(n);
    this.work = new Float64Array(n * maxReads);
    this.remaining = new Float64Array(n);
    this.inService = new Float64Array(n);
    this.startedAt = new Float64Array(n);
    this.started = new Uint8Array(n);
    this.recalled = new Uint8Array(n);
    this.free = new Int32Array(n);
  }

  get capacity(): number {
    return this.arrival.length;
  }

  /** A fresh slot with its per-study counters cleared. */
  alloc(): number {
    const id = this.freeCount > 0 ? this.free[--this.freeCount] : this.used < this.capacity ? this.used++ : this.grow();
    this.readsDone[id] = 0;
    this.remaining[id] = -1;
    this.inService[id] = 0;
    this.started[id] = 0;
    this.live++;
    return id;
  }

  release(id: number): void {
    this.free[this.freeCount++] = id;
    this.live--;
  }

  /** Calls `visit` for every held study (end-of-run summaries only). */
  forEachLive(visit: (id: number) => void): void {
    const isFree = new Uint8Array(this.used);
    for (let i = 0; i < this.freeCount; i++) isFree[this.free[i]] = 1;
    for (let id = 0; id < this.used; id++) if (!isFree[id]) visit(id);
  }

  private grow(): number {
    const n = this.capacity * 2;
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
    this.free = grown(this.free, n);
    return this.used++;
  }
}
