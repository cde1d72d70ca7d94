import type { CapacityCalendar } from './capacity-calendar.js';
import { EngineError, requirePositive } from './errors.js';
import type { PeriodSeries } from './period-series.js';
import type { EventHandler, Simulation } from './simulation.js';
import { TimeWeightedLevel } from './time-weighted.js';
import { grown } from './typed-arrays.js';

/** What a server whose shift ends does with the job in hand. */
export type ShiftEndPolicy =
  /**
   * The server finishes the job in hand as overtime, at full speed (speed 1: the share of
   * rostered time that `speed` below 1 stands for ends with the shift), then leaves.
   */
  | 'finish'
  /** The job goes back to the owner with its remaining work (resumed later by anyone). */
  | 'handover';

/** The owner of a pool: told when a job ends, servers come, or a job is handed over. */
export interface ServerPoolListener {
  serviceCompleted(pool: ServerPool, job: number): void;
  capacityRaised(pool: ServerPool): void;
  jobHandedOver(pool: ServerPool, job: number, remainingWork: number): void;
  /**
   * Optional: the count on shift has just been set by the calendar (a shift change, or servers
   * coming or going), before the completions, hand-overs and new servers of that instant are told.
   */
  capacityChanged?(pool: ServerPool): void;
}

export interface ServerPoolOptions {
  /** A number the owner chooses to tell its pools apart in callbacks. */
  id?: number;
  /** Whole servers, or a calendar of shifts (fractions realised as part-time servers). */
  capacity: number | CapacityCalendar;
  /** Work done per unit of rostered time by one server (1 = work is measured in time). */
  speed?: number;
  shiftEnd?: ShiftEndPolicy;
  /** Optional per-period integrals of busy servers, capacity and overtime. */
  busyPeriods?: PeriodSeries | null;
  capacityPeriods?: PeriodSeries | null;
  overtimePeriods?: PeriodSeries | null;
}

/**
 * A pool of identical servers whose number follows a calendar of shifts. Jobs are whole
 * numbers owned by the listener; each runs with a priority level (0 most urgent) so that the
 * owner can preempt the least urgent one (preemptive-resume: its remaining work is returned).
 *
 * Shift changes follow the usual rule (Ciw's `Schedule` without preemption): at the start of a
 * shift every server of the shift before leaves and the new shift's servers are all free to
 * start, whatever the leaving ones are doing. A leaving server that holds a job either
 * finishes it as overtime (`finish`: it does not count against the new shift, cannot be
 * preempted, and goes home when done) or hands it over (`handover`). When the number of
 * servers falls within a shift (a part-time server leaving), idle servers leave first.
 * A job that ends exactly when a shift ends is complete before the change.
 *
 * Monitors (time-weighted): `busyLevel` servers of the shift at work, `capacityLevel` servers
 * on shift, `overtimeLevel` servers finishing a job after their shift.
 *
 * Errors: EngineError for a bad option, or `start` without a free server.
 */
export class ServerPool implements EventHandler {
  readonly id: number;
  readonly speed: number;
  readonly shiftEnd: ShiftEndPolicy;
  /** Servers on shift now. */
  capacity = 0;
  /** Servers on shift at work now (never above `capacity`). */
  busy = 0;
  /** Servers past their shift finishing a job. */
  overtime = 0;
  /** Remaining work of the job taken by the last `preempt` call. */
  lastRemainingWork = 0;

  readonly busyLevel: TimeWeightedLevel;
  readonly capacityLevel: TimeWeightedLevel;
  readonly overtimeLevel: TimeWeightedLevel;

  private readonly completionKind: number;
  private readonly calendarKind: number;
  private readonly calendar: CapacityCalendar | null;
  private jobs: Int32Array;
  private levels: Int32Array;
  private starts: Float64Array;
  private ends: Float64Array;
  private handles: Float64Array;
  /** 1 while the slot's server works past its shift. */
  private late: Uint8Array;
  private idle: Int32Array;
  private idleCount = 0;
  private slotCount = 0;
  private horizon = Number.POSITIVE_INFINITY;
  private nextCalendarAt = Number.POSITIVE_INFINITY;
  // Scratch lists for a calendar change (reused: no allocation per change).
  private due: Int32Array = new Int32Array(4);
  private dueJobs: Int32Array = new Int32Array(4);
  private handed: Int32Array = new Int32Array(4);
  private handedWork: Float64Array = new Float64Array(4);

  constructor(
    private readonly sim: Simulation,
    private readonly listener: ServerPoolListener,
    options: ServerPoolOptions,
  ) {
    this.id = options.id ?? 0;
    this.speed = options.speed ?? 1;
    requirePositive('server speed', this.speed);
    this.shiftEnd = options.shiftEnd ?? 'finish';
    if (this.shiftEnd !== 'finish' && this.shiftEnd !== 'handover') {
      throw new EngineError(`shift-end policy must be finish or handover, got ${String(this.shiftEnd)}`);
    }
    if (typeof options.capacity === 'number') {
      if (!Number.isInteger(options.capacity) || options.capacity < 0) {
        throw new EngineError(`fixed capacity must be a whole number >= 0, got ${options.capacity}`);
      }
      this.calendar = null;
      this.capacity = options.capacity;
    } else {
      this.calendar = options.capacity;
    }
    const n = Math.max(4, this.capacity);
    this.jobs = new Int32Array(n);
    this.levels = new Int32Array(n);
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.handles = new Float64Array(n);
    this.late = new Uint8Array(n);
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

  /**
   * True when a server on shift is free to start a job now. Nobody starts in the instant a
   * calendar event is due (a reader whose shift ends at 18:00 does not start a read at 18:00);
   * the event then offers the free places through `capacityRaised`.
   */
  canStart(): boolean {
    return this.busy < this.capacity && this.nextCalendarAt !== this.sim.now;
  }

  /**
   * Starts `job` needing `work` at priority `level`; the caller checks `canStart()` first.
   * Errors: EngineError with no free server, or a work that is not a number >= 0.
   */
  start(job: number, work: number, level: number): void {
    if (!this.canStart()) throw new EngineError('no free server: check canStart() first');
    if (!(work >= 0)) throw new EngineError(`job work must be >= 0, got ${work}`);
    const now = this.sim.now;
    const slot = this.idleCount > 0 ? this.idle[--this.idleCount] : this.newSlot();
    const end = now + work / this.speed;
    this.jobs[slot] = job;
    this.levels[slot] = level;
    this.starts[slot] = now;
    this.ends[slot] = end;
    this.late[slot] = 0;
    this.handles[slot] = this.sim.atFrom(this.ends, slot, this.completionKind, slot);
    this.setBusy(this.busy + 1);
  }

  /**
   * `start(job, works[index], level)`: the work read from the caller's array, so that no double
   * crosses the caller's call (one V8 does not inline allocates it as a heap number); `start` is
   * inlined here. Errors as `start`.
   */
  startFrom(job: number, works: Float64Array, index: number, level: number): void {
    this.start(job, works[index], level);
  }

  /**
   * The least urgent level in service on shift (the largest number), or -1 when none.
   * Jobs finished in overtime are never preempted (that server is going home).
   * An owner preempts only when its new job is more urgent than this.
   */
  leastUrgentLevel(): number {
    let worst = -1;
    for (let s = 0; s < this.slotCount; s++) {
      if (this.handles[s] >= 0 && this.late[s] === 0 && this.levels[s] > worst) worst = this.levels[s];
    }
    return worst;
  }

  /**
   * Interrupts the least urgent job in service on shift if its level is above `level` (less
   * urgent); among equals, the one started last. Returns the job (its remaining work is in
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

  /**
   * A calendar event: jobs ending now complete first; at a shift change every server on shift
   * leaves, otherwise only the surplus (idle ones first); then the new count is on shift.
   * The listener hears of completions, hand-overs and new servers after the count is set.
   */
  private applyCalendar(): void {
    const cal = this.calendar as CapacityCalendar;
    const now = this.sim.now;
    const { servers, next } = cal.serversAt(now);
    if (next < this.horizon) this.sim.at(next, this.calendarKind, 0);
    this.nextCalendarAt = next;
    const change = cal.isShiftChange(now);
    if (!change && servers === this.capacity) {
      if (this.busy < this.capacity) this.listener.capacityRaised(this);
      return;
    }

    // Jobs that end exactly now are done before anyone leaves.
    let dueCount = 0;
    for (let s = 0; s < this.slotCount; s++) {
      if (this.handles[s] >= 0 && this.ends[s] <= now) {
        if (dueCount === this.due.length) {
          this.due = grown(this.due, dueCount * 2);
          this.dueJobs = grown(this.dueJobs, dueCount * 2);
        }
        this.due[dueCount] = s;
        this.dueJobs[dueCount++] = this.jobs[s];
        this.sim.cancel(this.handles[s]);
        this.freeSlot(s);
      }
    }

    // Who leaves: everyone on shift at a change; else the surplus, idle servers first.
    const leaving = change ? this.capacity : Math.max(0, this.capacity - servers);
    const idleOnShift = this.capacity - this.busy;
    let busyLeaving = leaving - Math.min(leaving, idleOnShift);
    let handedCount = 0;
    while (busyLeaving > 0) {
      const slot = this.victim(-1);
      busyLeaving--;
      if (this.shiftEnd === 'finish') {
        // Overtime at full speed: the remaining work, no longer stretched by 1/speed.
        const remainingWork = (this.ends[slot] - now) * this.speed;
        this.sim.cancel(this.handles[slot]);
        this.late[slot] = 1;
        this.ends[slot] = now + remainingWork;
        this.handles[slot] = this.sim.at(this.ends[slot], this.completionKind, slot);
        this.busy--;
        this.overtime++;
      } else {
        if (handedCount === this.handed.length) {
          this.handed = grown(this.handed, handedCount * 2);
          this.handedWork = grown(this.handedWork, handedCount * 2);
        }
        this.handed[handedCount] = this.interrupt(slot);
        this.handedWork[handedCount++] = this.lastRemainingWork;
      }
    }
    this.capacity = servers;
    this.capacityLevel.update(now, servers);
    this.busyLevel.update(now, this.busy);
    this.overtimeLevel.update(now, this.overtime);
    this.listener.capacityChanged?.(this);

    for (let i = 0; i < dueCount; i++) this.listener.serviceCompleted(this, this.dueJobs[i]);
    for (let i = 0; i < handedCount; i++) this.listener.jobHandedOver(this, this.handed[i], this.handedWork[i]);
    if (this.busy < this.capacity) this.listener.capacityRaised(this);
  }

  private victim(level: number): number {
    let best = -1;
    for (let s = 0; s < this.slotCount; s++) {
      if (this.handles[s] < 0 || this.late[s] === 1) continue;
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
    if (this.late[slot] === 1) {
      this.late[slot] = 0;
      this.overtime--;
      this.overtimeLevel.updateAt(this.sim, this.overtime);
    } else this.setBusy(this.busy - 1);
  }

  /** Sets the busy servers now. */
  private setBusy(busy: number): void {
    this.busy = busy;
    this.busyLevel.updateAt(this.sim, busy);
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
      this.late = grown(this.late, cap);
    }
    return this.slotCount++;
  }
}
