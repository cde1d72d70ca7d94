import {
  type CapacityCalendar,
  type Distribution,
  type EventHandler,
  grown,
  PeriodSeries,
  type RandomStream,
  RandomStreams,
  ServerPool,
  type ServerPoolListener,
  Simulation,
  Tally,
  TimeWeightedLevel,
  WaitingLine,
} from '../src/engine/index.js';

/**
 * A multi-class queue built only from engine parts (event calendar, server pool, waiting line,
 * tallies and time-weighted levels): the one reference queue of the engine's validation tests
 * (tests/engine/) and of the benchmarks' M/M/c (`npm run bench:engine`, `bench:model`, with one
 * class, first come first served). Class 0 is the most urgent. Times are in whatever unit the
 * rates are given in.
 */
export interface QueueClass {
  rate: number;
  service: Distribution;
}

export interface QueueOptions {
  classes: QueueClass[];
  servers: number | CapacityCalendar;
  /** fifo: one level, oldest first; priority: one level per class. */
  discipline: 'fifo' | 'priority';
  preemptive?: boolean;
  /** Customers to arrive in all (the run ends when all have left). */
  customers: number;
  /** Customers whose waits are not recorded (the first ones to arrive). */
  warmupCustomers?: number;
  seed?: number;
  replication?: number;
  shiftEnd?: 'finish' | 'handover';
  /** With a width, the pool keeps per-period integrals of busy servers, capacity and overtime. */
  periodWidth?: number;
  /** Keep a trace of (time, what, customer) for the trace tests. */
  trace?: boolean;
}

export interface QueueResult {
  waits: Tally[];
  sojourns: Tally[];
  waitAll: Tally;
  served: number;
  endTime: number;
  events: number;
  queueLength: TimeWeightedLevel;
  inSystem: TimeWeightedLevel;
  pool: ServerPool;
  workDone: number;
  trace: string[];
}

export class QueueModel implements EventHandler, ServerPoolListener {
  readonly sim = new Simulation();
  readonly pool: ServerPool;
  private readonly line: WaitingLine;
  private readonly arrivalKind: number;
  private readonly arrivalRng: RandomStream[];
  private readonly serviceRng: RandomStream[];
  private arrival = new Float64Array(1024);
  private klass = new Int32Array(1024);
  private service = new Float64Array(1024);
  private remaining = new Float64Array(1024);
  private started = new Uint8Array(1024);
  private serial = new Float64Array(1024);
  private free: number[] = [];
  private slots = 0;
  private arrived = 0;
  private readonly waits: Tally[];
  private readonly sojourns: Tally[];
  private readonly waitAll = new Tally();
  private readonly queueLength = new TimeWeightedLevel();
  private readonly inSystem = new TimeWeightedLevel();
  private served = 0;
  private workDone = 0;
  private readonly trace: string[] = [];
  // Options read per customer, kept as fields.
  private readonly customers: number;
  private readonly preemptive: boolean;
  private readonly warmup: number;
  private readonly tracing: boolean;
  private readonly priority: boolean;

  constructor(private readonly o: QueueOptions) {
    this.customers = o.customers;
    this.preemptive = o.preemptive ?? false;
    this.warmup = o.warmupCustomers ?? 0;
    this.tracing = o.trace ?? false;
    this.priority = o.discipline === 'priority';
    const streams = new RandomStreams(o.seed ?? 1, o.replication ?? 0);
    this.arrivalRng = o.classes.map((_, k) => streams.stream(`arrivals/${k}`));
    this.serviceRng = o.classes.map((_, k) => streams.stream(`service/${k}`));
    const periods = () => (o.periodWidth ? new PeriodSeries(o.periodWidth) : null);
    this.pool = new ServerPool(this.sim, this, {
      capacity: o.servers,
      shiftEnd: o.shiftEnd ?? 'finish',
      busyPeriods: periods(),
      capacityPeriods: periods(),
      overtimePeriods: periods(),
    });
    this.line = new WaitingLine(o.discipline === 'priority' ? o.classes.length : 1);
    this.arrivalKind = this.sim.registerKind(this);
    this.waits = o.classes.map(() => new Tally());
    this.sojourns = o.classes.map(() => new Tally());
  }

  run(): QueueResult {
    this.pool.open();
    for (let k = 0; k < this.o.classes.length; k++) this.scheduleArrival(k);
    this.sim.run();
    this.queueLength.flush(this.sim.now);
    this.inSystem.flush(this.sim.now);
    this.pool.flushMonitors(this.sim.now);
    return {
      waits: this.waits,
      sojourns: this.sojourns,
      waitAll: this.waitAll,
      served: this.served,
      endTime: this.sim.now,
      events: this.sim.eventsProcessed,
      queueLength: this.queueLength,
      inSystem: this.inSystem,
      pool: this.pool,
      workDone: this.workDone,
      trace: this.trace,
    };
  }

  handleEvent(_kind: number, k: number): void {
    // Arrival of class k.
    const now = this.sim.now;
    if (this.arrived >= this.customers) return;
    const c = this.alloc();
    this.arrival[c] = now;
    this.klass[c] = k;
    this.serial[c] = this.arrived++;
    const s = this.o.classes[k].service.sample(this.serviceRng[k]);
    this.service[c] = s;
    this.remaining[c] = s;
    this.started[c] = 0;
    this.inSystem.add(now, 1);
    if (this.tracing) this.trace.push(`${now.toFixed(4)} arrive ${this.serial[c]}`);
    if (this.arrived < this.customers) this.scheduleArrival(k);
    const level = this.levelOf(k);
    if (this.pool.canStart()) this.begin(c);
    else if (this.preemptive && this.pool.leastUrgentLevel() > level) {
      const victim = this.pool.preempt(level);
      this.remaining[victim] = this.pool.lastRemainingWork;
      this.workDone -= this.pool.lastRemainingWork;
      if (this.tracing) this.trace.push(`${now.toFixed(4)} preempt ${this.serial[victim]}`);
      this.enqueue(victim);
      this.begin(c);
    } else this.enqueue(c);
  }

  serviceCompleted(_pool: ServerPool, c: number): void {
    const now = this.sim.now;
    const k = this.klass[c];
    this.served++;
    this.inSystem.add(now, -1);
    // A calendar keeps scheduling shift changes for ever: end the run with the last customer.
    if (this.served === this.customers) this.sim.stop();
    if (this.tracing) this.trace.push(`${now.toFixed(4)} depart ${this.serial[c]}`);
    if (this.preemptive && this.serial[c] >= this.warmup) {
      const sojourn = now - this.arrival[c];
      const w = sojourn - this.service[c];
      this.waits[k].add(w);
      this.waitAll.add(w);
    }
    if (this.serial[c] >= this.warmup) this.sojourns[k].add(now - this.arrival[c]);
    this.free.push(c);
    this.pullNext();
  }

  capacityRaised(): void {
    while (this.pool.canStart() && this.line.size > 0) this.pullNext();
  }

  jobHandedOver(_pool: ServerPool, c: number, remaining: number): void {
    this.remaining[c] = remaining;
    this.workDone -= remaining;
    this.enqueue(c);
  }

  private pullNext(): void {
    if (this.line.size === 0 || !this.pool.canStart()) return;
    const c = this.line.pop();
    this.queueLength.add(this.sim.now, -1);
    this.begin(c);
  }

  private begin(c: number): void {
    const now = this.sim.now;
    if (this.started[c] === 0) {
      this.started[c] = 1;
      if (!this.preemptive && this.serial[c] >= this.warmup) {
        const w = now - this.arrival[c];
        this.waits[this.klass[c]].add(w);
        this.waitAll.add(w);
      }
    }
    if (this.tracing) this.trace.push(`${now.toFixed(4)} start ${this.serial[c]}`);
    this.workDone += this.remaining[c];
    this.pool.start(c, this.remaining[c], this.levelOf(this.klass[c]));
  }

  private enqueue(c: number): void {
    this.line.push(c, this.levelOf(this.klass[c]), this.arrival[c], this.sim.now);
    this.queueLength.add(this.sim.now, 1);
  }

  private levelOf(k: number): number {
    return this.priority ? k : 0;
  }

  private scheduleArrival(k: number): void {
    const rate = this.o.classes[k].rate;
    if (rate <= 0) return;
    this.sim.schedule(this.sim.now - Math.log(this.arrivalRng[k].uniform()) / rate, this.arrivalKind, k);
  }

  private alloc(): number {
    const f = this.free.pop();
    if (f !== undefined) return f;
    if (this.slots === this.arrival.length) {
      const n = this.slots * 2;
      this.arrival = grown(this.arrival, n);
      this.service = grown(this.service, n);
      this.remaining = grown(this.remaining, n);
      this.serial = grown(this.serial, n);
      this.klass = grown(this.klass, n);
      this.started = grown(this.started, n);
    }
    return this.slots++;
  }
}
