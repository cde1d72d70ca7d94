import {
  CapacityCalendar,
  type EventHandler,
  PeriodSeries,
  RandomStreams,
  ServerPool,
  type ServerPoolListener,
  Simulation,
  WaitingLine,
} from '../engine/index.js';
import { type DepartmentConfig, periodCountOf } from './department-config.js';
import { type DepartmentPart, departmentParts } from './department-parts.js';
import { DispatchState } from './dispatch-state.js';
import { TRACE, type TraceListener, triageCallMasks } from './event-trace.js';
import { ExternalProvider } from './external-provider.js';
import { PartsMerge } from './parts-merge.js';
import { firstFreeGroup, preemptionGroup, type RoutingPolicy } from './routing-policy.js';
import { type MetricsState, type ReaderGroupTime, RunMetrics } from './run-metrics.js';
import type { RunResult } from './run-result.js';
import { giveBackStudyStore, type StudyStore, storeCapacityFor, takeStudyStore } from './study-store.js';
import { StudyStream } from './study-stream.js';
import { mostUrgentFirst, type WorklistPolicy } from './worklist-policy.js';

export interface RunOptions {
  seed: number;
  replication: number;
  /** Name of the arm, carried into the result. */
  arm?: string;
  /** Told of arrivals, reads started and ended, and shift changes (event-trace.ts); none when absent. */
  trace?: TraceListener;
  /** Which reader group takes a study coming onto the worklist (default `firstFreeGroup`, routing-policy.ts). */
  routing?: RoutingPolicy;
  /** Which study a free reader takes next (default `mostUrgentFirst`, worklist-policy.ts). */
  worklist?: WorklistPolicy;
  /** The department is one part of a larger one: keep the metrics mergeable (see metricsState). */
  mergeable?: boolean;
}

/**
 * A reading department on the engine: streams of studies arrive, wait on a worklist (one
 * multi-level line per modality), and are read by reader groups (server pools following their
 * rosters). AI tools act on arrival: triage moves flagged studies up a level
 * (`StreamAi.levelOnArrival`), assistance changes the reading work, autonomous tools clear
 * studies or cut their reads (the reading rules: study-stream.ts `settleReading`).
 *
 * Who reads what is decided by two policies: the routing policy (routing-policy.ts) gives a
 * study that comes onto the worklist to a reader group with a free reader, and the worklist
 * policy (worklist-policy.ts) gives a reader who becomes free the next study. At a shift end
 * (ServerPool `applyCalendar`) a read in hand is finished as overtime (`finish`) or handed
 * back to the worklist (`handover`, `jobHandedOver` here); the new shift's readers then take
 * work through `capacityRaised`.
 *
 * Levels: with `order: priority`, a study of priority p waits at level p + 1; with `fifo`,
 * every study at level 1. Level 0 is above the top priority: where flagged top-priority
 * studies (and escalated ones) go.
 */
export class Department implements EventHandler, ServerPoolListener {
  readonly sim = new Simulation(1024);
  readonly store: StudyStore;
  private readonly streams: StudyStream[];
  private readonly pools: ServerPool[] = [];
  private readonly lines: WaitingLine[];
  /** Modality line of each stream. */
  private readonly lineOfStream: Int32Array;
  /** Who reads what, lines with studies waiting, groups with a free reader: what the policies look at. */
  private readonly dispatchState: DispatchState;
  private readonly routing: RoutingPolicy;
  private readonly worklist: WorklistPolicy;
  private readonly baseLevel: Int32Array;
  /** The least urgent level a study can have (the largest base level: aging and triage only move studies up). */
  private readonly lastBaseLevel: number;
  private readonly metrics: RunMetrics;
  private readonly preemptive: boolean;
  private readonly efficiency: number[];
  private readonly arrivalKind: number;
  private readonly periodKind: number;
  private readonly warmupKind: number;
  private readonly escalationKind: number;
  /** Per stream, the calendar timer that holds its next arrival (timer 0 is the escalation's). */
  private readonly arrivalTimers: Int32Array;
  private escalationAt = Number.POSITIVE_INFINITY;
  /** Studies admitted so far: the tie-break that keeps a study's place among equal arrivals. */
  private admissions = 0;
  /** Studies of the initial backlog (admitted first, at time 0). */
  private readonly initialBacklog: number;
  /** Per stream: the study's class on the worklist (its priority; 0 under fifo). */
  private readonly classOfStream: Int32Array;
  private period = 0;
  private inWindow: boolean;
  private readonly periodCount: number;
  private readonly busyPeriods: PeriodSeries[] = [];
  private readonly capacityPeriods: PeriodSeries[] = [];
  private readonly overtimePeriods: PeriodSeries[] = [];
  private ran = false;
  /** External providers (outsourcing) and their event kinds (registered only when there are any). */
  private readonly providers: ExternalProvider[];
  private readonly returnKind: number = -1;
  private readonly waitedKind: number = -1;
  /** Studies with a provider now (unreported, but no longer on the worklist). */
  private outsourcedLive = 0;
  /** Marks an outsourced study in store.started (0 = never read, 1 = a read started). */
  private static readonly OUTSOURCED = 2;
  private readonly trace: TraceListener | null;
  /** Per stream, the call bits of every triage tool on it (deployed in this arm or not); only when tracing. */
  private readonly traceMasks: number[];

  constructor(
    readonly config: DepartmentConfig,
    readonly options: RunOptions,
  ) {
    this.trace = options.trace ?? null;
    this.traceMasks = this.trace ? triageCallMasks(config) : [];
    const rs = new RandomStreams(options.seed, options.replication);
    this.streams = config.streams.map((s, i) => new StudyStream(i, s, config, rs));
    for (const s of this.streams) s.arrivals.limit = config.horizon;
    this.store = takeStudyStore(
      {
        maxReads: Math.max(1, ...this.streams.map((s) => s.readSlots)),
        streams: config.streams.length,
        levels: config.priorities.length + 2,
        findings: config.findings.length,
        tools: config.tools.length,
      },
      storeCapacityFor(config),
    );
    this.preemptive = config.worklist.preemption === 'resume';
    this.periodCount = periodCountOf(config);
    this.metrics = new RunMetrics(config, this.periodCount, options.mergeable === true);
    this.metrics.clock = this.sim;
    this.metrics.store = this.store;
    this.inWindow = config.warmup <= 0;

    // Worklist: one line per modality.
    const modalities = [...new Set(config.streams.map((s) => s.modality))];
    const levelCount = config.worklist.order === 'priority' ? config.priorities.length + 1 : 2;
    // Level 0 is the top; level p + 1 holds priority p (fifo: every study at level 1).
    const esc = config.worklist.escalateAfter;
    const byPriority = config.worklist.order === 'priority';
    const aging = byPriority ? [0, ...esc] : [0, esc.length ? Math.max(...esc) : 0];
    // Escalation rule: a study of the top priority may age into level 0 (beside flagged ones,
    // by arrival); any other study at most into the top priority's own level, and there (and
    // at any level it reaches by aging) behind the studies that are at that level on arrival,
    // escalated ones among themselves by priority. So escalation never delays a more urgent
    // priority's new arrivals, however long the backlog.
    const classes = byPriority
      ? config.priorities.map((_, p) => ({ ceiling: p === 0 ? 0 : 1, agedRank: p }))
      : [{ ceiling: 0, agedRank: 0 }];
    // Lines start small and grow with the largest study slot they hold (the store's slots are
    // handed out lowest first, so that follows the backlog, not the studies simulated).
    this.lines = modalities.map(() => new WaitingLine(levelCount, aging, Math.min(this.store.length, 4096), classes, this.store));
    this.classOfStream = Int32Array.from(config.streams.map((s) => (byPriority ? s.priority : 0)));
    this.initialBacklog = config.streams.reduce((n, s) => n + s.backlog, 0);
    this.lineOfStream = Int32Array.from(config.streams.map((s) => modalities.indexOf(s.modality)));
    this.baseLevel = Int32Array.from(config.streams.map((s) => (config.worklist.order === 'priority' ? s.priority + 1 : 1)));
    this.lastBaseLevel = Math.max(0, ...this.baseLevel);

    // Kinds registered in this order so that, at equal times, period ends and the end of the
    // warm-up are handled before arrivals scheduled later.
    this.periodKind = this.sim.registerKind(this);
    this.warmupKind = this.sim.registerKind(this);
    this.arrivalKind = this.sim.registerKind(this);
    this.escalationKind = this.sim.registerKind(this);
    // Each stream has one arrival pending at a time: a timer, not a heap entry (event-calendar.ts).
    this.arrivalTimers = Int32Array.from(this.streams, () => this.sim.calendar.addTimer());
    this.providers = (config.external ?? []).map((x, i) => new ExternalProvider(i, x, rs));
    if (this.providers.length > 0) {
      this.returnKind = this.sim.registerKind(this);
      this.waitedKind = this.sim.registerKind(this);
    }

    this.efficiency = config.readers.map((g) => g.efficiency);
    config.readers.forEach((g, i) => {
      const busy = new PeriodSeries(config.periodLength, this.periodCount + 1);
      const cap = new PeriodSeries(config.periodLength, this.periodCount + 1);
      const over = new PeriodSeries(config.periodLength, this.periodCount + 1);
      this.busyPeriods.push(busy);
      this.capacityPeriods.push(cap);
      this.overtimePeriods.push(over);
      const pool = new ServerPool(this.sim, this, {
        id: i,
        capacity: new CapacityCalendar(g.roster, g.growth),
        // Efficiency e: a read of w minutes of work holds the reader w/e minutes of the roster.
        speed: g.efficiency,
        shiftEnd: g.shiftEnd,
        busyPeriods: busy,
        capacityPeriods: cap,
        overtimePeriods: over,
      });
      this.pools.push(pool);
    });
    this.dispatchState = new DispatchState(
      this.lines,
      this.pools,
      config.readers.map((g) => modalities.map((m) => g.modalities === null || g.modalities.includes(m))),
    );
    this.routing = options.routing ?? firstFreeGroup;
    this.worklist = options.worklist ?? mostUrgentFirst;
  }

  /** Runs to the horizon and returns the run's statistics. A department runs once. */
  run(): RunResult {
    if (this.ran) throw new Error('a Department runs once; make a new one for another run');
    this.ran = true;
    const cfg = this.config;
    const sim = this.sim;
    sim.schedule(Math.min(cfg.periodLength, cfg.horizon), this.periodKind, 0);
    if (cfg.warmup > 0) sim.schedule(cfg.warmup, this.warmupKind, 0);
    for (const pool of this.pools) pool.open(cfg.horizon);
    // The initial backlog: studies waiting since time 0.
    this.streams.forEach((s, i) => {
      for (let n = 0; n < cfg.streams[i].backlog; n++) this.admit(s);
    });
    if (cfg.warmup <= 0) this.metrics.backlogStart = this.store.live;
    for (const s of this.streams) this.scheduleArrival(s);
    sim.runUntil(cfg.horizon);
    const result = this.finish();
    // The next run in this thread writes into the same memory (study-store.ts takeStudyStore).
    giveBackStudyStore(this.store);
    return result;
  }

  handleEvent(kind: number, payload: number): void {
    if (kind === this.arrivalKind) {
      const s = this.streams[payload];
      this.admit(s);
      this.scheduleArrival(s);
    } else if (kind === this.periodKind) {
      this.closePeriod(payload);
      const next = (payload + 2) * this.config.periodLength;
      if (payload + 1 < this.periodCount) this.sim.schedule(Math.min(next, this.config.horizon), this.periodKind, payload + 1);
      this.period = payload + 1;
    } else if (kind === this.warmupKind) {
      this.inWindow = true;
      this.metrics.backlogStart = this.store.live;
      for (const pool of this.pools) pool.resetMonitors(this.sim.now);
    } else if (kind === this.returnKind) {
      this.outsourcedLive--;
      this.complete(payload);
    } else if (kind === this.waitedKind) {
      this.outsourceWaited(payload);
    } else {
      this.escalate();
    }
  }

  // --- the life of a study -------------------------------------------------------------

  /** A study arrives: draw it, let the AI act, then report it, start it or queue it. */
  private admit(s: StudyStream): void {
    const store = this.store;
    const now = this.sim.now;
    const id = store.alloc();
    store.arrival[id] = now;
    s.drawStudy(store, id);
    store.admission[id] = this.admissions++;
    const k = this.period;
    const col = this.metrics.col;
    const initial = store.admission[id] < this.initialBacklog;
    if (!initial) {
      col.arrivals[k]++;
      if (this.inWindow) this.metrics.arrived++;
    }
    const reads = store.readsNeeded[id];
    if (reads === 0) {
      // Reported by an autonomous AI without a human read.
      col.cleared_by_ai[k]++;
      if (this.inWindow) this.metrics.clearedCount++;
      const counted = !initial && now >= this.config.warmup;
      // Its turnaround is 0: it arrived now.
      this.metrics.reported(id, k, false, counted, true);
      if (counted) this.metrics.outcome(store.findings[id], 0);
      this.trace?.event(TRACE.arrival, now, id, s.index, 0, traceFlags(store, id, this.traceMasks[s.index]) | 4);
      store.release(id);
      return;
    }
    if (s.config.images) {
      const images = s.work.imagesAt(now);
      if (!initial) col.images[k] += images;
      if (!initial && this.inWindow) this.metrics.images += images;
    }
    if (this.providers.length > 0 && this.outsourceOnArrival(s.index, id)) return;
    let workload = 0;
    const base = id * store.maxReads;
    for (let r = 0; r < reads; r++) workload += store.work[base + r];
    col.workload_min[k] += workload;
    const level = s.ai.levelOnArrival(this.baseLevel[s.index], store.calls[id]);
    store.level[id] = level;
    this.trace?.event(TRACE.arrival, now, id, s.index, level, traceFlags(store, id, this.traceMasks[s.index]));
    this.dispatch(id, true);
    if (this.providers.length > 0 && store.started[id] === 0) this.watchWaiting(s.index, id);
  }

  // --- outsourcing -------------------------------------------------------------------------

  /** Sends a new study out if a provider's arrival policy takes it (the first provider that does). */
  private outsourceOnArrival(stream: number, id: number): boolean {
    const now = this.sim.now;
    const backlog = this.store.live - 1 - this.outsourcedLive;
    for (const p of this.providers) {
      if (p.takesOnArrival(stream, now, backlog)) {
        this.sendOut(p, id);
        return true;
      }
    }
    return false;
  }

  /** A study left waiting: providers with a `waited` policy watch it. */
  private watchWaiting(stream: number, id: number): void {
    for (const p of this.providers) {
      if (!p.watchesWaits || !p.reads(stream)) continue;
      const wasIdle = p.nextDue() === Number.POSITIVE_INFINITY;
      const due = this.store.arrival[id] + p.config.after;
      p.watch(id, this.store.admission[id], due);
      if (wasIdle) this.sim.schedule(Math.max(due, this.sim.now), this.waitedKind, p.index);
      return; // the first provider that watches it
    }
  }

  /** Studies still unread at a `waited` provider's threshold go out (within the weekly cap). */
  private outsourceWaited(provider: number): void {
    const p = this.providers[provider];
    const store = this.store;
    const now = this.sim.now;
    p.takeDue(now, (id, admission) => {
      // Still the same study (slots are reused), never started, still on the worklist.
      if (store.admission[id] !== admission || store.started[id] !== 0) return;
      const line = this.lines[this.lineOfStream[store.stream[id]]];
      if (!line.has(id) || !p.underCap(now)) return;
      line.remove(id);
      this.dispatchState.lineChanged(this.lineOfStream[store.stream[id]]);
      this.sendOut(p, id);
    });
    const next = p.nextDue();
    if (next < Number.POSITIVE_INFINITY) this.sim.schedule(Math.max(next, now), this.waitedKind, provider);
  }

  private sendOut(p: ExternalProvider, id: number): void {
    const now = this.sim.now;
    const k = this.period;
    const turnaround = p.send(now);
    this.store.started[id] = Department.OUTSOURCED;
    this.outsourcedLive++;
    this.metrics.col.outsourced[k]++;
    this.metrics.col.outsourcing_cost[k] += p.config.costPerStudy;
    if (this.inWindow) {
      this.metrics.outsourcedStudies[p.index]++;
      this.metrics.outsourcedCost[p.index] += p.config.costPerStudy;
    }
    this.sim.schedule(now + turnaround, this.returnKind, id);
  }

  /**
   * A study comes onto the worklist (new, or with `finish` after preemption): the routing
   * policy gives it to a free reader's group; else, with preemption, it takes the reader of the
   * least urgent read in hand if that is less urgent (routing-policy.ts `preemptionGroup`);
   * else it waits on its line.
   */
  private dispatch(id: number, mayPreempt: boolean): void {
    const line = this.lineOfStream[this.store.stream[id]];
    const group = this.routing(this.dispatchState, line);
    if (group >= 0) {
      this.start(group, id);
      return;
    }
    // A study at the least urgent level can interrupt nobody: no read in hand is less urgent.
    if (mayPreempt && this.preemptive && this.store.level[id] < this.lastBaseLevel) {
      const level = this.store.level[id];
      const best = preemptionGroup(this.dispatchState, line, level);
      if (best >= 0) {
        const pool = this.pools[best];
        const victim = pool.preempt(level);
        this.interrupted(victim, pool.lastRemainingWork);
        this.start(best, id);
        this.dispatch(victim, false);
        return;
      }
    }
    this.enqueue(id);
  }

  private start(group: number, id: number): void {
    const store = this.store;
    const now = this.sim.now;
    if (store.started[id] === 0) {
      store.started[id] = 1;
      if (!this.preemptive && this.counted(id)) {
        this.metrics.waitOnStart(id, this.period);
      }
    }
    store.startedAt[id] = now;
    const pool = this.pools[group];
    // The work left of an interrupted read, else the next read's (passed as array and index: see startFrom).
    if (store.remaining[id] >= 0) pool.startFrom(id, store.remaining, id, store.level[id]);
    else pool.startFrom(id, store.work, id * store.maxReads + store.readsDone[id], store.level[id]);
    store.remaining[id] = -1;
    if (!pool.canStart()) this.dispatchState.busy(group);
    this.trace?.event(TRACE.start, now, id, group, pool.busy, pool.capacity);
  }

  private interrupted(id: number, remainingWork: number): void {
    const store = this.store;
    store.inService[id] += this.sim.now - store.startedAt[id];
    store.remaining[id] = remainingWork;
  }

  serviceCompleted(pool: ServerPool, id: number): void {
    const store = this.store;
    const now = this.sim.now;
    const group = pool.id;
    this.dispatchState.mayBeFree(group);
    store.inService[id] += now - store.startedAt[id];
    store.readsDone[id]++;
    this.trace?.event(TRACE.complete, now, id, group, pool.busy, pool.capacity);
    this.metrics.col.human_reads[this.period]++;
    if (this.inWindow) this.metrics.humanReads++;
    if (store.readsDone[id] < store.readsNeeded[id]) {
      // Double reading: the study goes back on the worklist for its next read.
      this.enqueue(id);
      this.pull(group);
      if (this.lines[this.lineOfStream[store.stream[id]]].has(id)) this.offerToFreeReader(id);
      return;
    }
    this.complete(id);
    this.pull(group);
  }

  capacityRaised(pool: ServerPool): void {
    const group = pool.id;
    this.dispatchState.mayBeFree(group);
    while (pool.canStart() && this.pull(group)) {
      // keep filling the new places
    }
  }

  /** For the trace only: readers come on or go off shift (server-pool.ts tells it before the reads of that instant). */
  capacityChanged(pool: ServerPool): void {
    this.trace?.event(TRACE.shift, this.sim.now, -1, pool.id, pool.busy, pool.capacity);
  }

  jobHandedOver(pool: ServerPool, id: number, remainingWork: number): void {
    // Shift end with `handover`: the read in hand goes back to the worklist, work kept, in its
    // old place (by arrival, and admission among equal arrivals). The pool then offers its
    // own free places; readers of other groups free now take the most urgent study they can.
    this.interrupted(id, remainingWork);
    this.trace?.event(TRACE.handover, this.sim.now, id, pool.id, pool.busy, pool.capacity);
    this.enqueue(id);
    const state = this.dispatchState;
    state.mayBeFree(pool.id);
    const line = this.lineOfStream[this.store.stream[id]];
    for (let g = state.nextFreeGroup(line, -1); g >= 0; g = state.nextFreeGroup(line, g)) {
      if (g === pool.id) continue;
      while (this.pools[g].canStart() && this.pull(g)) {
        // keep filling that group's free places
      }
    }
  }

  /** Does a study count in the statistics of studies (arrived after the warm-up, not the initial backlog)? */
  private counted(id: number): boolean {
    return this.store.admission[id] >= this.initialBacklog && this.store.arrival[id] >= this.config.warmup;
  }

  private complete(id: number): void {
    const store = this.store;
    const counted = this.counted(id);
    if (store.admission[id] < this.initialBacklog) this.metrics.initialBacklogReported(this.sim.now - store.arrival[id]);
    this.metrics.col.reported[this.period]++;
    this.metrics.reported(id, this.period, this.inWindow, counted, false);
    if (this.preemptive && counted && store.started[id] !== Department.OUTSOURCED) {
      // Under preemption the wait is the time in the department not being read.
      this.metrics.waitOnReport(id, this.period);
    }
    if (counted) this.metrics.outcome(store.findings[id], store.recalled[id]);
    store.release(id);
  }

  // --- the worklist -----------------------------------------------------------------------

  private enqueue(id: number): void {
    const store = this.store;
    const stream = store.stream[id];
    const line = this.lines[this.lineOfStream[stream]];
    const due = line.push(id, store.level[id], store.arrival[id], this.sim.now, store.admission[id], this.classOfStream[stream]);
    this.dispatchState.lineChanged(this.lineOfStream[stream]);
    // Each level ages on its own timer: an earlier due time than the one pending re-arms it.
    if (due < this.escalationAt) this.armEscalation(due);
  }

  /** A free reader of the group takes the study the worklist policy gives it. False if none waits. */
  private pull(group: number): boolean {
    // After a shift end under `finish`, a reader who completes a read goes home.
    if (!this.pools[group].canStart()) return false;
    const best = this.worklist(this.dispatchState, group);
    if (best < 0) return false;
    const line = this.lines[best];
    const level = line.peekLevel();
    const id = line.pop();
    this.dispatchState.lineChanged(best);
    this.store.level[id] = level;
    this.start(group, id);
    return true;
  }

  /** A double-read study back on its line for its next read goes to the group the routing policy gives it, if any. */
  private offerToFreeReader(id: number): void {
    const l = this.lineOfStream[this.store.stream[id]];
    const group = this.routing(this.dispatchState, l);
    if (group < 0) return;
    const line = this.lines[l];
    this.store.level[id] = line.levelOf(id);
    line.remove(id);
    this.dispatchState.lineChanged(l);
    this.start(group, id);
  }

  /**
   * Sets the escalation timer to `at` (replacing a later one); none at or past the horizon.
   * The rule is one escalation at every due time, in its place among that time's events as if
   * scheduled when the due time was first the earliest (by this call); the timer stands for
   * those events, one at a time, see escalate().
   */
  private armEscalation(at: number): void {
    if (!(at < this.config.horizon)) return;
    this.escalationAt = at;
    this.sim.calendar.setTimer(Math.max(at, this.sim.now), this.escalationKind, 0);
  }

  /**
   * The timer ran, ahead of the next event in the calendar. Nothing happens between now and that
   * event but escalations, each of which would set the timer to the next due time: so every due
   * time up to it is done here, each item moving up at its own due time. Due times equal to now
   * count (the timer went first); those equal to the next event's time do not (the timer, set
   * again now, would come after that event), unless that is now too.
   */
  private escalate(): void {
    this.escalationAt = Number.POSITIVE_INFINITY;
    const now = this.sim.now;
    const next = this.sim.calendar.peekTime();
    const inclusive = next === now;
    const through = inclusive ? now : Math.min(next, this.config.horizon);
    let due = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i];
      const bound = line.dueBound;
      if (bound < through || (bound === through && inclusive)) line.escalateThrough(through, inclusive);
      const d = line.nextEscalation();
      if (d < due) due = d;
    }
    this.armEscalation(due);
  }

  // --- time --------------------------------------------------------------------------------

  /** The stream's next arrival after its last one, which is now (or time 0 at the start); none at or past the horizon. */
  private scheduleArrival(s: StudyStream): void {
    s.nextArrival();
    const t = s.arrivals.at;
    if (t < this.config.horizon) this.sim.calendar.setTimer(t, this.arrivalKind, s.index, this.arrivalTimers[s.index]);
  }

  private closePeriod(k: number): void {
    this.metrics.closePeriod(k, this.sim.now, this.store.live, this.readerTime());
  }

  private finish(): RunResult {
    const o = this.options;
    return this.metrics.finish(this.sim.now, this.store, this.readerTime(), (id) => this.counted(id), o.arm ?? '', o.replication);
  }

  /** After run(), with `mergeable`: the metrics' raw state, to merge with the other parts' (parts-merge.ts). */
  metricsState(): MetricsState {
    return this.metrics.state();
  }

  /** The reader groups' time monitors, for the metrics' period and end-of-run accounting. */
  private readerTime(): ReaderGroupTime[] {
    return this.pools.map((pool, g) => ({
      pool,
      busy: this.busyPeriods[g],
      capacity: this.capacityPeriods[g],
      overtime: this.overtimePeriods[g],
      efficiency: this.efficiency[g],
    }));
  }
}

/** An arrival's flags for the trace: 1 an AI triage tool flagged it, 2 it has a finding (event-trace.ts). */
function traceFlags(store: StudyStore, id: number, triageMask: number): number {
  return ((store.calls[id] & triageMask) !== 0 ? 1 : 0) | (store.findings[id] !== 0 ? 2 : 0);
}

/**
 * Runs one arm of a department for one replication. A department that falls into parts sharing
 * no readers (department-parts.ts) is simulated part by part and the parts' metrics merged, so
 * that its result is the same whether the parts run here one after the other or on several
 * threads (simulatePart, mergeParts). With a trace, the department runs whole (the trace is in
 * time order, with the department's own indices).
 */
export function simulateDepartment(config: DepartmentConfig, options: RunOptions): RunResult {
  const parts = options.trace ? [] : departmentParts(config);
  if (parts.length <= 1) return new Department(config, options).run();
  // Each part's state merged as soon as it is made: one part's state held at a time.
  const merge = new PartsMerge(config, parts);
  for (let k = 0; k < parts.length; k++) merge.add(k, simulatePart(parts[k].config, options));
  return merge.result(options.arm ?? '', options.replication);
}

/** Simulates one part of a department (the config of one of its departmentParts) and returns its metrics' state. */
export function simulatePart(config: DepartmentConfig, options: RunOptions): MetricsState {
  const d = new Department(config, { ...options, trace: undefined, mergeable: true });
  d.run();
  return d.metricsState();
}

/** The department's result from its parts' states (in the parts' order). */
export function mergeParts(
  config: DepartmentConfig,
  parts: readonly DepartmentPart[],
  states: readonly MetricsState[],
  options: Pick<RunOptions, 'arm' | 'replication'>,
): RunResult {
  const merge = new PartsMerge(config, parts);
  for (let k = 0; k < states.length; k++) merge.add(k, states[k]);
  return merge.result(options.arm ?? '', options.replication);
}
