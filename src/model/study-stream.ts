import { type Distribution, makeDistribution, PoissonArrivals, type RandomStream, type RandomStreams } from '../engine/index.js';
import { StreamAi } from './ai-tools.js';
import type { DepartmentConfig, StreamConfig } from './department-config.js';

/** Does a stream model human reading accuracy (recalls and human misses)? */
export function hasHumanAccuracy(s: StreamConfig): boolean {
  return s.humanFalsePositive > 0 || s.readerAgreement > 0 || s.findings.some((f) => f.humanSensitivity < 1);
}

import type { StudyStore } from './study-store.js';
import { WorkPerStudy } from './work-per-study.js';

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
  /** Human accuracy: per finding the chance one read flags it; for normal studies, a false flag. */
  private readonly humanRng: RandomStream | null;
  private readonly humanMiss: Float64Array;
  private readonly humanFalsePositive: number;
  /** Read slots drawn per study: the reads, plus one for arbitration. */
  readonly readSlots: number;
  /** How the reading work per study grows with the arrival time (readTime.growth, images). */
  readonly work: WorkPerStudy;

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
    this.humanMiss = Float64Array.from(config.findings.map((f) => 1 - f.humanSensitivity));
    this.humanFalsePositive = config.humanFalsePositive;
    this.humanRng = hasHumanAccuracy(config) ? streams.stream(`human-reads/${config.name}`) : null;
    this.readSlots = config.reads + (config.arbitration ? 1 : 0);
    this.work = new WorkPerStudy(config);
  }

  /** The next arrival after `t` (Infinity if none before `limit`). */
  nextArrival(t: number, limit: number): number {
    return this.arrivals.next(t, -Math.log(this.arrivalRng.uniform()), limit);
  }

  /**
   * Draws a new study into slot `id`: findings, AI calls, the human work and verdict of each
   * possible read (drawn for every read even when an arm's AI removes some, to keep the draws
   * aligned), then settles the reads this arm gives it and whether the reading flags it.
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
    const slots = this.readSlots;
    const base = id * store.maxReads;
    // Growing work per study scales each draw (the same random number in every arm).
    const factor = this.work.grows ? this.work.factorAt(now) : 1;
    for (let r = 0; r < slots; r++) store.work[base + r] = this.ai.readWork(dist.sample(this.readRng) * factor, calls);
    const verdicts = this.humanVerdicts(findings);
    this.settleReading(store, id, calls, verdicts);
  }

  /** Bit r set: human read r would flag the study (readers are perfect unless told otherwise). */
  private humanVerdicts(findings: number): number {
    const rng = this.humanRng;
    if (rng === null) return findings !== 0 ? -1 : 0;
    let pFlag = this.humanFalsePositive;
    if (findings !== 0) {
      let miss = 1;
      for (let i = 0; i < this.findingBits.length; i++) if ((findings & this.findingBits[i]) !== 0) miss *= this.humanMiss[i];
      pFlag = 1 - miss;
    }
    // Always the same number of draws, whatever the verdicts: the streams stay aligned.
    const shared = rng.uniform() < this.config.readerAgreement;
    const common = rng.uniform() < pFlag;
    let bits = 0;
    for (let r = 0; r < this.readSlots; r++) {
      const own = rng.uniform() < pFlag;
      if (shared ? common : own) bits |= 1 << r;
    }
    return bits;
  }

  /**
   * The reads this arm gives the study and its outcome: autonomous AI may clear it or cut its
   * reads; an AI second reader replaces one human read with its own verdict; with arbitration,
   * disagreeing verdicts get one more human read, which decides. Otherwise the study is
   * flagged when any verdict flags it.
   */
  private settleReading(store: StudyStore, id: number, calls: number, human: number): void {
    const ai = this.ai;
    let reads = ai.readsAfterAutonomous(calls, this.config.reads);
    let flagged = 0;
    if (reads > 0) {
      let flags = 0;
      let verdicts = 0;
      const srs = ai.secondReaderBits;
      for (let i = 0; i < srs.length; i++) {
        if (reads >= 2) reads--; // the AI reads instead of one radiologist
        verdicts++;
        if ((calls & srs[i]) !== 0) flags++;
      }
      for (let r = 0; r < reads; r++) {
        verdicts++;
        if ((human >> r) & 1) flags++;
      }
      if (this.config.arbitration && verdicts >= 2 && flags > 0 && flags < verdicts) {
        flagged = (human >> reads) & 1; // the arbitration read decides
        reads++;
      } else flagged = flags > 0 ? 1 : 0;
    }
    store.readsNeeded[id] = reads;
    store.flagged[id] = flagged;
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
