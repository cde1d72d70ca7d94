import { type CapacityCalendar, CapacityRealiser } from './capacity-calendar.js';
import { EngineError, requirePositive } from './errors.js';
import type { PeriodSeries } from './period-series.js';
import type { EventHandler, Simulation } from './simulation.js';
import { TimeWeightedLevel } from './time-weighted.js';
import { grown } from './typed-arrays.js';

/** What happens to work in hand when the calendar lowers the capacity below the busy count. */
export type CapacityDropPolicy =
  /** Servers finish the job in hand; the time past the drop is counted as overtime. */
  | 'finish'
  /** The surplus jobs go back to their owner with their remaining work (resumed later). */
  | 'handback';

/** The owner of a pool: told when a job ends, capacity rises, or a job is handed back. */
export interface ServerPoolListener {
  serviceCompleted(pool: ServerPool, job: number): void;
  capacityRaised(pool: ServerPool): void;
  jobHandedBack(pool: ServerPool, job: number, remainingWork: number): void;
}

export interface ServerPoolOptions {
  /** A number the owner chooses to tell its pools apart in callbacks. */
  id?: number;
  /** Whole servers, or a calendar of them (fractional values are dithered over time). */
  capacity: number | CapacityCalendar;
  /** Work done per unit time by one server (1 = work is measured in time). */
  speed?: number;
  dropPolicy?: CapacityDropPolicy;
  /** Optional per-period integrals of busy servers, capacity and overtime. */
  busyPeriods?: PeriodSeries | null;
  capacityPeriods?: PeriodSeries | null;
  overtimePeriods?: PeriodSeries | null;
}

/**
 * A pool of identical servers whose number follows a calendar. Jobs are whole numbers owned by
 * the listener; each runs with a priority level (0 most urgent) so that the owner can preempt
 * the least urgent one (preemptive-resume: its remaining work is returned). The pool schedules
 * its own completion and calendar events and keeps time-weighted monitors of busy servers,
 * capacity and overtime (busy servers above capacity).
 */
export class ServerPool implements EventHandler {
  readonly id: number;
  readonly speed: number;
  readonly dropPolicy: CapacityDropPolicy;
  /** Servers that may work now. */
  capacity = 0;
  /** Servers working now (may exceed capacity after a drop under 'finish'). */
  busy = 0;
  /** Remaining work of the job taken by the last `preempt` call. */
  lastRemainingWork = 0;

  readonly busyLevel: TimeWeightedLevel;
  readonly capacityLevel: TimeWeightedLevel;
  readonly overtimeLevel: TimeWeightedLevel;

  private readonly completionKind: number;
  private readonly calendarKind: number;
  private readonly calendar: CapacityCalendar | null;
  private readonly realiser: CapacityRealiser | null;
  private jobs: Int32Array;
  private levels: Int32Array;
  private starts: Float64Array;
  private ends: Float64Array;
  private handles: Float64Array;
  private idle: Int32Array;
  private idleCount = 0;
  private slotCount = 0;
  private horizon = Number.POSITIVE_INFINITY;

  constructor(
    private readonly sim: Simulation,
    private readonly listener: ServerPoolListener,
    options: ServerPoolOptions,
  ) {
    this.id = options.id ?? 0;
    this.speed = options.speed ?? 1;
    requirePositive('server speed', this.speed);
    this.dropPolicy = options.dropPolicy ?? 'finish';
    if (this.dropPolicy !== 'finish' && this.dropPolicy !== 'handback') {
      throw new EngineError(`capacity drop policy must be finish or handback, got ${String(this.dropPolicy)}`);
    }
    if (typeof options.capacity === 'number') {
      if (!Number.isInteger(options.capacity) || options.capacity < 0) {
        throw new EngineError(`fixed capacity must be a whole number >= 0, got ${options.capacity}`);
      }
      this.calendar = null;
      this.realiser = null;
      this.capacity = options.capacity;
    } else {
      this.calendar = options.capacity;
      this.realiser = new CapacityRealiser(options.capacity);
    }
    const n = Math.max(4, this.capacity);
    this.jobs = new Int32Array(n);
    this.levels = new Int32Array(n);
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.handles = new Float64Array(n);
    this.idle = new Int32Array(n);
    this.busyLevel = new TimeWeightedLevel(0, sim.now, options.busyPeriods ?? null);
    this.capacityLevel = new TimeWeightedLevel(this.capacity, sim.now, options.capacityPeriods ?? null);
    this.overtimeLevel = new TimeWeightedLevel(0, sim.now, options.overtimePeriods ?? null);
    this.completionKind = sim.registerKind(this);
    this.calendarKind = sim.registerKind(this);
  }

  /**
   * Starts following the calendar at the current time; calendar events stop at `horizon`.
   * Call once before running; a fixed-capacity pool needs no call.
   */
  open(horizon = Number.POSITIVE_INFINITY): void {
    this.horizon = horizon;
    if (this.calendar !== null) this.applyCalendar();
  }

  /** True when a server is free to start a job now. */
  canStart(): boolean {
    return this.busy < this.capacity;
  }

  /** Starts `job` needing `work` at priority `level`; the caller checks `canStart()` first. */
  start(job: number, work: number, level: number): void {
    if (this.busy >= this.capacity) throw new EngineError('no free server: check canStart() first');
    if (!(work >= 0)) throw new EngineError(`job work must be >= 0, got ${work}`);
    const now = this.sim.now;
    const slot = this.idleCount > 0 ? this.idle[--this.idleCount] : this.newSlot();
    const end = now + work / this.speed;
    this.jobs[slot] = job;
    this.levels[slot] = level;
    this.starts[slot] = now;
    this.ends[slot] = end;
    this.handles[slot] = this.sim.at(end, this.completionKind, slot);
    this.setBusy(now, this.busy + 1);
  }

  /**
   * The least urgent level in service (the largest number), or -1 when no server is busy.
   * An owner preempts only when its new job is more urgent than this.
   */
  leastUrgentLevel(): number {
    let worst = -1;
    for (let s = 0; s < this.slotCount; s++) {
      if (this.handles[s] >= 0 && this.levels[s] > worst) worst = this.levels[s];
    }
    return worst;
  }

  /**
   * Interrupts the least urgent job in service if its level is above `level` (less urgent);
   * among equals, the one started last. Returns the job (its remaining work is in
   * `lastRemainingWork`) or -1 if none qualifies. The freed server is idle afterwards.
   */
  preempt(level: number): number {
    const slot = this.victim(level);
    if (slot < 0) return -1;
    return this.interrupt(slot);
  }

  handleEvent(kind: number, payload: number): void {
    if (kind === this.completionKind) {
      const slot = payload;
      const job = this.jobs[slot];
      this.freeSlot(slot);
      this.listener.serviceCompleted(this, job);
    } else {
      this.applyCalendar();
    }
  }

  /** Brings the period integrals up to `now`. */
  flushMonitors(now: number): void {
    this.busyLevel.flush(now);
    this.capacityLevel.flush(now);
    this.overtimeLevel.flush(now);
  }

  /** Restarts the whole-run monitors at `now` (end of warm-up). */
  resetMonitors(now: number): void {
    this.busyLevel.reset(now);
    this.capacityLevel.reset(now);
    this.overtimeLevel.reset(now);
  }

  private applyCalendar(): void {
    const cal = this.calendar as CapacityCalendar;
    const now = this.sim.now;
    const next = cal.nextChange(now);
    const servers = (this.realiser as CapacityRealiser).serversFor(now, next);
    const before = this.capacity;
    this.capacity = servers;
    this.capacityLevel.update(now, servers);
    this.overtimeLevel.update(now, Math.max(0, this.busy - servers));
    if (next < this.horizon) this.sim.at(next, this.calendarKind, 0);
    if (servers > before) {
      this.listener.capacityRaised(this);
    } else if (servers < this.busy && this.dropPolicy === 'handback') {
      while (this.busy > this.capacity) {
        const slot = this.victim(-1);
        const job = this.interrupt(slot);
        this.listener.jobHandedBack(this, job, this.lastRemainingWork);
      }
    }
  }

  private victim(level: number): number {
    let best = -1;
    for (let s = 0; s < this.slotCount; s++) {
      if (this.handles[s] < 0) continue;
      const l = this.levels[s];
      if (l <= level) continue;
      if (best < 0 || l > this.levels[best] || (l === this.levels[best] && this.starts[s] > this.starts[best])) best = s;
    }
    return best;
  }

  private interrupt(slot: number): number {
    const now = this.sim.now;
    this.sim.cancel(this.handles[slot]);
    this.lastRemainingWork = Math.max(0, (this.ends[slot] - now) * this.speed);
    const job = this.jobs[slot];
    this.freeSlot(slot);
    return job;
  }

  private freeSlot(slot: number): void {
    this.handles[slot] = -1;
    this.idle[this.idleCount++] = slot;
    this.setBusy(this.sim.now, this.busy - 1);
  }

  private setBusy(now: number, busy: number): void {
    this.busy = busy;
    this.busyLevel.update(now, busy);
    const over = busy > this.capacity ? busy - this.capacity : 0;
    if (over !== this.overtimeLevel.value) this.overtimeLevel.update(now, over);
  }

  private newSlot(): number {
    if (this.slotCount === this.jobs.length) {
      const cap = this.jobs.length * 2;
      this.jobs = grown(this.jobs, cap);
      this.levels = grown(this.levels, cap);
      this.idle = grown(this.idle, cap);
      this.starts = grown(this.starts, cap);
      this.ends = grown(this.ends, cap);
      this.handles = grown(this.handles, cap);
    }
    return this.slotCount++;
  }
}
