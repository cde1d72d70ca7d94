import { type Distribution, makeDistribution, PoissonArrivals, type RandomStream, type RandomStreams } from '../engine/index.js';
import { StreamAi } from './ai-tools.js';
import type { DepartmentConfig, StreamConfig } from './department-config.js';
import type { StudyStore } from './study-store.js';

/**
 * One stream of studies: its Poisson arrivals and what is drawn for each study (findings,
 * reading times, AI calls), each from a random stream named after the stream, so that every
 * arm of a scenario sees the same patients.
 */
export class StudyStream {
  readonly arrivals: PoissonArrivals;
  readonly ai: StreamAi;
  private readonly arrivalRng: RandomStream;
  private readonly findingRng: RandomStream;
  private readonly readRng: RandomStream;
  private readonly readTime: Distribution;
  private readonly findingBits: Int32Array;
  private readonly prevalence: Float64Array;
  /** Per finding of the stream: its own read time for positive studies, or null. */
  private readonly findingReadTime: (Distribution | null)[];
  /** Mask of the stream's findings that carry their own read time, in listed order. */
  private readonly overrideOrder: number[];

  constructor(
    readonly index: number,
    readonly config: StreamConfig,
    department: DepartmentConfig,
    streams: RandomStreams,
  ) {
    this.arrivals = new PoissonArrivals(config.volume, config.growth, config.pattern);
    this.arrivalRng = streams.stream(`arrivals/${config.name}`);
    this.findingRng = streams.stream(`findings/${config.name}`);
    this.readRng = streams.stream(`read-times/${config.name}`);
    this.readTime = makeDistribution(config.readTime);
    this.findingBits = Int32Array.from(config.findings.map((f) => 1 << f.finding));
    this.prevalence = Float64Array.from(config.findings.map((f) => f.prevalence));
    this.findingReadTime = config.findings.map((f) => (f.readTime ? makeDistribution(f.readTime) : null));
    this.overrideOrder = config.findings.flatMap((f, i) => (f.readTime ? [i] : []));
    this.ai = new StreamAi(department, index, streams);
  }

  /** The next arrival after `t` (Infinity if none before `limit`). */
  nextArrival(t: number, limit: number): number {
    return this.arrivals.next(t, -Math.log(this.arrivalRng.uniform()), limit);
  }

  /**
   * Draws a new study into slot `id`: findings, AI calls, and the human work of each read
   * (drawn for every read even when an arm's AI removes some, to keep the draws aligned).
   */
  drawStudy(store: StudyStore, id: number, now: number): void {
    store.arrival[id] = now;
    store.stream[id] = this.index;
    let findings = 0;
    for (let i = 0; i < this.findingBits.length; i++) {
      if (this.findingRng.uniform() < this.prevalence[i]) findings |= this.findingBits[i];
    }
    store.findings[id] = findings;
    const calls = this.ai.drawCalls(findings);
    store.calls[id] = calls;
    const dist = this.readTimeFor(findings);
    const reads = this.config.reads;
    const base = id * store.maxReads;
    for (let r = 0; r < reads; r++) store.work[base + r] = this.ai.readWork(dist.sample(this.readRng), calls);
    store.readsNeeded[id] = this.ai.readsAfterAutonomous(calls, reads);
  }

  private readTimeFor(findings: number): Distribution {
    if (findings !== 0) {
      for (let k = 0; k < this.overrideOrder.length; k++) {
        const i = this.overrideOrder[k];
        if ((findings & this.findingBits[i]) !== 0) return this.findingReadTime[i] as Distribution;
      }
    }
    return this.readTime;
  }
}
