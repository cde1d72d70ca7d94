import { EngineError } from './errors.js';
import { EventCalendar, MAX_EVENT_KINDS } from './event-calendar.js';

/**
 * Receives the events of the kinds it registered. Dispatch is a method call with the event's
 * kind and integer payload: no closure or object per event.
 */
export interface EventHandler {
  handleEvent(kind: number, payload: number): void;
}

/**
 * The clock and the run loop (SimPy's `Environment` reduced to its kernel): one calendar,
 * one step function. Handlers register event kinds; an event is (time, kind, payload).
 */
export class Simulation {
  /** Current simulated time. */
  now = 0;
  /** Events dispatched so far. */
  eventsProcessed = 0;
  readonly calendar: EventCalendar;
  private handlers: EventHandler[] = [];
  private stopRequested = false;

  constructor(initialCapacity = 256) {
    this.calendar = new EventCalendar(initialCapacity);
  }

  /** Registers a handler for a new event kind and returns the kind number. */
  registerKind(handler: EventHandler): number {
    if (this.handlers.length === MAX_EVENT_KINDS) throw new EngineError(`at most ${MAX_EVENT_KINDS} event kinds`);
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  /**
   * Schedules an event at absolute time `time` (not before now). Returns a handle for `cancel`.
   * At most 2^21 - 1 events scheduled so may be pending at once (EngineError beyond); events
   * that are never cancelled should use `schedule`.
   */
  at(time: number, kind: number, payload = 0): number {
    if (!(time >= this.now)) {
      throw new EngineError(`cannot schedule an event at ${time}: it is before the current time ${this.now}`);
    }
    if (kind >>> 0 !== kind || kind >= this.handlers.length) throw new EngineError(`unknown event kind ${kind}`);
    return this.calendar.push(time, kind, payload);
  }

  /**
   * `at(times[index], kind, payload)`: the time read from the caller's array, so that no double
   * crosses the caller's call (one V8 does not inline allocates it as a heap number); `at` is
   * inlined here. Errors as `at`.
   */
  atFrom(times: Float64Array, index: number, kind: number, payload = 0): number {
    return this.at(times[index], kind, payload);
  }

  /**
   * Schedules an event at absolute time `time` (not before now) that will never be cancelled:
   * the same order as `at`, but no handle, so any number may be pending (`at` allows 2^21 - 1).
   * Errors as `at`.
   */
  schedule(time: number, kind: number, payload = 0): void {
    if (!(time >= this.now)) {
      throw new EngineError(`cannot schedule an event at ${time}: it is before the current time ${this.now}`);
    }
    if (kind >>> 0 !== kind || kind >= this.handlers.length) throw new EngineError(`unknown event kind ${kind}`);
    this.calendar.pushFixed(time, kind, payload);
  }

  /** Schedules an event `delay` after now. */
  after(delay: number, kind: number, payload = 0): number {
    if (!(delay >= 0)) throw new EngineError(`event delay must be >= 0, got ${delay}`);
    return this.at(this.now + delay, kind, payload);
  }

  /** Cancels a scheduled event; false if it already ran or was cancelled. */
  cancel(handle: number): boolean {
    return this.calendar.cancel(handle);
  }

  /** Makes the current run call return after the event being handled. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Runs the earliest event. Returns false when there is none. */
  step(): boolean {
    const cal = this.calendar;
    if (cal.size === 0) return false;
    cal.take();
    this.now = cal.poppedTime;
    this.eventsProcessed++;
    this.handlers[cal.poppedKind].handleEvent(cal.poppedKind, cal.poppedPayload);
    return true;
  }

  /**
   * Runs every event with time <= `until`, then sets the clock to `until`
   * (Infinity: until no events are left, the clock stays at the last event).
   */
  runUntil(until: number): void {
    if (Number.isNaN(until)) throw new EngineError('run limit must be a number, got NaN');
    const cal = this.calendar;
    const handlers = this.handlers;
    this.stopRequested = false;
    while (cal.size > 0 && cal.peekTime() <= until) {
      cal.take();
      this.now = cal.poppedTime;
      this.eventsProcessed++;
      handlers[cal.poppedKind].handleEvent(cal.poppedKind, cal.poppedPayload);
      if (this.stopRequested) return;
    }
    if (until !== Number.POSITIVE_INFINITY && until > this.now) this.now = until;
  }

  /** Runs until no events are left. */
  run(): void {
    this.runUntil(Number.POSITIVE_INFINITY);
  }

  /** Runs while `condition()` holds (checked before each event) and events are left. */
  runWhile(condition: () => boolean): void {
    this.stopRequested = false;
    while (condition() && this.step()) {
      if (this.stopRequested) return;
    }
  }
}
