import {
  type Distribution,
  type EventHandler,
  grown,
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
 * The benchmarks' M/M/c queue (arrival rate `lambda` per unit time, `servers` servers, service
 * times from `service`, first come first served), built only from engine parts: the event
 * calendar, a server pool, a one-level waiting line, a tally of waits and time-weighted levels of
 * the queue and of the customers in the system. `customers` arrive in all; the run ends when the
 * last has left.
 */
export interface MmcOptions {
  lambda: number;
  service: Distribution;
  servers: number;
  customers: number;
  seed: number;
}

export interface MmcResult {
  served: number;
  /** Waits before service (time units of the rates). */
  waits: Tally;
  events: number;
  endTime: number;
}

export class MmcModel implements EventHandler, ServerPoolListener {
  private readonly sim = new Simulation();
  private readonly pool: ServerPool;
  private readonly line = new WaitingLine(1);
  private readonly arrivalKind: number;
  private readonly arrivalRng: RandomStream;
  private readonly serviceRng: RandomStream;
  private arrivalTime = new Float64Array(1024);
  private free: number[] = [];
  private slots = 0;
  private arrived = 0;
  private served = 0;
  private readonly waits = new Tally();
  private readonly queueLength = new TimeWeightedLevel();
  private readonly inSystem = new TimeWeightedLevel();

  constructor(private readonly o: MmcOptions) {
    const streams = new RandomStreams(o.seed, 0);
    this.arrivalRng = streams.stream('arrivals/0');
    this.serviceRng = streams.stream('service/0');
    this.pool = new ServerPool(this.sim, this, { capacity: o.servers });
    this.arrivalKind = this.sim.registerKind(this);
  }

  run(): MmcResult {
    this.pool.open();
    this.scheduleArrival();
    this.sim.run();
    this.queueLength.flush(this.sim.now);
    this.inSystem.flush(this.sim.now);
    return { served: this.served, waits: this.waits, events: this.sim.eventsProcessed, endTime: this.sim.now };
  }

  handleEvent(): void {
    const now = this.sim.now;
    const c = this.alloc();
    this.arrivalTime[c] = now;
    this.arrived++;
    this.inSystem.add(now, 1);
    if (this.arrived < this.o.customers) this.scheduleArrival();
    if (this.pool.canStart()) this.begin(c, now);
    else {
      this.line.push(c, 0, now, now);
      this.queueLength.add(now, 1);
    }
  }

  serviceCompleted(_pool: ServerPool, c: number): void {
    const now = this.sim.now;
    this.served++;
    this.inSystem.add(now, -1);
    this.free.push(c);
    if (this.line.size > 0 && this.pool.canStart()) {
      const next = this.line.pop();
      this.queueLength.add(now, -1);
      this.begin(next, now);
    }
  }

  capacityRaised(): void {}

  jobHandedOver(): void {
    throw new Error('an M/M/c pool of fixed size never hands work back');
  }

  private begin(c: number, now: number): void {
    this.waits.add(now - this.arrivalTime[c]);
    this.pool.start(c, this.o.service.sample(this.serviceRng), 0);
  }

  private scheduleArrival(): void {
    this.sim.after(-Math.log(this.arrivalRng.uniform()) / this.o.lambda, this.arrivalKind, 0);
  }

  private alloc(): number {
    const f = this.free.pop();
    if (f !== undefined) return f;
    if (this.slots === this.arrivalTime.length) this.arrivalTime = grown(this.arrivalTime, this.slots * 2);
    return this.slots++;
  }
}
