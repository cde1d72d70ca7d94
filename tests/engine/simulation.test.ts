import { describe, expect, it } from 'vitest';
import { QueueModel } from '../../bench/queue-model.js';
import {
  EngineError,
  type EventHandler,
  Exponential,
  ServerPool,
  type ServerPoolListener,
  Simulation,
  WaitingLine,
} from '../../src/engine/index.js';

/** A tiny single-server priority queue with given jobs, for a trace computed by hand. */
class TinyQueue implements EventHandler, ServerPoolListener {
  readonly sim = new Simulation();
  readonly trace: string[] = [];
  private readonly pool: ServerPool;
  private readonly line = new WaitingLine(2);
  private readonly arrivalKind: number;
  private readonly remaining: number[];

  constructor(
    private readonly jobs: { name: string; at: number; work: number; level: number }[],
    private readonly preemptive: boolean,
    servers = 1,
  ) {
    this.pool = new ServerPool(this.sim, this, { capacity: servers });
    this.arrivalKind = this.sim.registerKind(this);
    this.remaining = jobs.map((j) => j.work);
    for (let i = 0; i < jobs.length; i++) this.sim.at(jobs[i].at, this.arrivalKind, i);
  }

  run(): string[] {
    this.sim.run();
    return this.trace;
  }

  handleEvent(_kind: number, i: number): void {
    const j = this.jobs[i];
    this.log(`arrive ${j.name}`);
    if (this.pool.canStart()) this.begin(i);
    else if (this.preemptive && this.pool.leastUrgentLevel() > j.level) {
      const v = this.pool.preempt(j.level);
      this.remaining[v] = this.pool.lastRemainingWork;
      this.log(`preempt ${this.jobs[v].name} (${this.remaining[v]} left)`);
      this.line.push(v, this.jobs[v].level, this.jobs[v].at, this.sim.now);
      this.begin(i);
    } else this.line.push(i, j.level, j.at, this.sim.now);
  }

  serviceCompleted(_p: ServerPool, i: number): void {
    this.log(`done ${this.jobs[i].name}`);
    const next = this.line.pop();
    if (next >= 0) this.begin(next);
  }

  capacityRaised(): void {}
  jobHandedOver(): void {}

  private begin(i: number): void {
    this.log(`start ${this.jobs[i].name}`);
    this.pool.start(i, this.remaining[i], this.jobs[i].level);
  }

  private log(what: string): void {
    this.trace.push(`${this.sim.now} ${what}`);
  }
}

const JOBS = [
  { name: 'A', at: 0, work: 3, level: 1 },
  { name: 'B', at: 1, work: 2, level: 1 },
  { name: 'C', at: 2, work: 1, level: 0 },
  { name: 'D', at: 6, work: 1, level: 1 },
];

describe('simulation kernel', () => {
  it('reproduces a hand-computed trace: non-preemptive priority', () => {
    expect(new TinyQueue(JOBS, false).run()).toEqual([
      '0 arrive A',
      '0 start A',
      '1 arrive B',
      '2 arrive C',
      '3 done A',
      '3 start C', // C is more urgent than B, which came first
      '4 done C',
      '4 start B',
      // Both at 6: D's arrival was scheduled at the start, B's end only at 4, so D comes first
      // (first-in first-out among simultaneous events) and waits the instant until B is done.
      '6 arrive D',
      '6 done B',
      '6 start D',
      '7 done D',
    ]);
  });

  it('reproduces a hand-computed trace: preemptive-resume priority', () => {
    expect(new TinyQueue(JOBS, true).run()).toEqual([
      '0 arrive A',
      '0 start A',
      '1 arrive B',
      '2 arrive C',
      '2 preempt A (1 left)',
      '2 start C',
      '3 done C',
      '3 start A', // A resumes before B: same level, earlier arrival
      '4 done A',
      '4 start B',
      '6 arrive D',
      '6 done B',
      '6 start D',
      '7 done D',
    ]);
  });

  it('runs simultaneous events in the order they were scheduled', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const kind = sim.registerKind({ handleEvent: (_k, p) => seen.push(p) });
    for (let i = 0; i < 50; i++) sim.at(1, kind, i);
    sim.run();
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('same seed, same trace; another seed, another trace', () => {
    const trace = (seed: number) =>
      new QueueModel({
        classes: [{ rate: 0.9, service: new Exponential(1) }],
        servers: 1,
        discipline: 'fifo',
        customers: 200,
        seed,
        trace: true,
      }).run().trace;
    const a = trace(7);
    expect(a.length).toBe(600);
    expect(trace(7)).toEqual(a);
    expect(trace(8)).not.toEqual(a);
  });

  it('runUntil stops at the limit and sets the clock; stop() ends a run early', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const kind = sim.registerKind({
      handleEvent: (_k, p) => {
        seen.push(p);
        if (p === 3) sim.stop();
      },
    });
    for (let i = 1; i <= 5; i++) sim.at(i, kind, i);
    sim.runUntil(2.5);
    expect(seen).toEqual([1, 2]);
    expect(sim.now).toBe(2.5);
    sim.run();
    expect(seen).toEqual([1, 2, 3]);
    sim.run();
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('cancels by handle', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const kind = sim.registerKind({ handleEvent: (_k, p) => seen.push(p) });
    const h = sim.at(1, kind, 1);
    sim.at(2, kind, 2);
    expect(sim.cancel(h)).toBe(true);
    expect(sim.cancel(h)).toBe(false);
    sim.run();
    expect(seen).toEqual([2]);
  });

  it('rejects scheduling in the past, negative delays and unknown kinds with a typed error', () => {
    const sim = new Simulation();
    const kind = sim.registerKind({ handleEvent: () => {} });
    sim.at(5, kind);
    sim.run();
    expect(() => sim.at(4, kind)).toThrow(EngineError);
    expect(() => sim.at(4, kind)).toThrow(/before the current time 5/);
    expect(() => sim.after(-1, kind)).toThrow(/delay must be >= 0/);
    expect(() => sim.at(6, 99)).toThrow(/unknown event kind 99/);
    expect(() => sim.at(Number.NaN, kind)).toThrow(EngineError);
  });
});
