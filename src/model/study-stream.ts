import { type Distribution, makeDistribution, PoissonArrivals, type RandomStream, RandomStreams } from '../engine/index.js';
import { StreamAi } from './ai-tools.js';
import type { DepartmentConfig, StreamConfig } from './department-config.js';

/** Does a stream model human reading accuracy (recalls and human misses)? */
export function hasHumanAccuracy(s: StreamConfig): boolean {
  return s.humanFalsePositive > 0 || s.readerAgreement > 0 || s.findings.some((f) => f.humanSensitivity < 1);
}

import type { StudyStore } from './study-store.js';
import { WorkPerStudy } from './work-per-study.js';

/**
 * The most findings and acting AI tools (triage, second reader, autonomous) one stream may have
 * together: the reading expectation sums over 2^(findings + tools) outcomes. The scenario
 * check refuses more (src/scenario/check-scenario.ts).
 */
export const MAX_OUTCOME_BITS = 20;

/** A stream's reading on average per study, at time 0 (see `StudyStream.expectation`). */
export interface ReadingExpectation {
  /** Human reads per study. */
  readsPerStudy: number;
  /** Human reading work per study (minutes of reading, AI assistance included; 0 for a study the AI clears). */
  workPerStudy: number;
  /** One human read's work: mean (minutes) and second moment (minutes squared), over all reads. */
  readMean: number;
  readSecondMoment: number;
  /** Share of studies an autonomous tool reports with no human read. */
  clearedShare: number;
  /** Share of studies recalled (any verdict, after arbitration). */
  recalledShare: number;
}

/**
 * The reading expectation of stream `stream` of a department in its arm (see
 * `StudyStream.expectation`): what the analytic companion (`readsim explain`) and the staffing
 * solver build the offered load from. Draws no random number.
 */
export function expectedReading(department: DepartmentConfig, stream: number): ReadingExpectation {
  // The random streams are made but never drawn from.
  return new StudyStream(stream, department.streams[stream], department, new RandomStreams(0, 0)).expectation();
}

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
  /** Human accuracy: per finding the chance one read misses it; for normal studies, the chance of a false recall. */
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

  /**
   * Moves `arrivals.at` from this stream's last arrival (time 0 at first) to its next (Infinity if
   * none before `arrivals.limit`, which the department sets to its horizon).
   */
  nextArrival(): void {
    this.arrivals.advance(this.arrivalRng);
  }

  /**
   * Draws a new study into slot `id`, whose arrival time (store.arrival[id]) is set: findings, AI calls, the human work and verdict of each
   * possible read (drawn for every read even when an arm's AI removes some, to keep the draws
   * aligned), then settles the reads this arm gives it and whether the reading recalls it.
   */
  drawStudy(store: StudyStore, id: number): void {
    // Its arrival time the caller has written (a double passed as an argument would be boxed).
    const now = store.arrival[id];
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
    const settled = this.settleReading(calls, this.humanVerdicts(findings));
    store.readsNeeded[id] = settled >> 1;
    store.recalled[id] = settled & 1;
  }

  /**
   * The chance that one human read recalls a study with these findings (a mask of finding
   * bits): 1 - the product of the readers' miss chances of its findings, or for a normal
   * study the false-recall chance `humanFalsePositive`. Perfect readers unless told otherwise.
   */
  private humanRecallChance(findings: number): number {
    if (findings === 0) return this.humanFalsePositive;
    let miss = 1;
    for (let i = 0; i < this.findingBits.length; i++) if ((findings & this.findingBits[i]) !== 0) miss *= this.humanMiss[i];
    return 1 - miss;
  }

  /**
   * Bit r set: human read r would recall the study. With chance `readerAgreement` every read
   * shares one verdict; otherwise each read decides on its own, each with `humanRecallChance`.
   */
  private humanVerdicts(findings: number): number {
    const rng = this.humanRng;
    if (rng === null) return findings !== 0 ? -1 : 0;
    const pRecall = this.humanRecallChance(findings);
    // Always the same number of draws, whatever the verdicts: the streams stay aligned.
    const shared = rng.uniform() < this.config.readerAgreement;
    const common = rng.uniform() < pRecall;
    let bits = 0;
    for (let r = 0; r < this.readSlots; r++) {
      const own = rng.uniform() < pRecall;
      if (shared ? common : own) bits |= 1 << r;
    }
    return bits;
  }

  /**
   * The reading rule: the human reads this arm gives a study and whether it is recalled, from
   * the tools' calls and the human verdicts (bit r: read r would recall). Autonomous AI may
   * clear it or cut its reads (`StreamAi.readsAfterAutonomous`); each active AI second reader
   * gives a verdict of its own and replaces one human read while two or more are left; with
   * `arbitration`, when two or more verdicts disagree, one more human read (the next verdict
   * bit) decides. Otherwise the study is recalled when any verdict recalls it. A study with
   * no read left is reported by the AI alone, not recalled.
   * Returns reads x 2 + recalled (1 or 0), to allocate nothing per study.
   */
  private settleReading(calls: number, human: number): number {
    const ai = this.ai;
    let reads = ai.readsAfterAutonomous(calls, this.config.reads);
    let recalled = 0;
    if (reads > 0) {
      let recalls = 0;
      let verdicts = 0;
      const srs = ai.secondReaderBits;
      for (let i = 0; i < srs.length; i++) {
        if (reads >= 2) reads--; // the AI reads instead of one radiologist
        verdicts++;
        if ((calls & srs[i]) !== 0) recalls++;
      }
      for (let r = 0; r < reads; r++) {
        verdicts++;
        if ((human >> r) & 1) recalls++;
      }
      if (this.config.arbitration && verdicts >= 2 && recalls > 0 && recalls < verdicts) {
        recalled = (human >> reads) & 1; // the arbitration read decides
        reads++;
      } else recalled = recalls > 0 ? 1 : 0;
    }
    return reads * 2 + recalled;
  }

  /**
   * What the reading rules above give on average per study of this stream, at time 0 (work
   * per study then grows by `work.factorAt(t)`): exact, as the sum over every outcome (the
   * study's findings, the calls of the tools that act in this arm, the human verdicts) of its
   * chance times what `settleReading`, `readTimeFor` and `StreamAi.readWork` make of it: the
   * very functions the simulation applies to each study. Costs 2^(findings + acting tools)
   * x (2 + 2^read slots) evaluations: a few hundred for the bundled scenarios. Draws nothing.
   * Errors: Error when a stream has more than 20 findings and acting tools together.
   */
  expectation(): ReadingExpectation {
    const ai = this.ai;
    const nf = this.findingBits.length;
    const tools = ai.effectiveCalls;
    const nt = tools.length;
    if (nf + nt > MAX_OUTCOME_BITS)
      throw new Error(`stream ${this.config.name}: too many findings and AI tools (${nf + nt}) to sum over every outcome`);
    const slots = this.readSlots;
    const allSlots = (1 << slots) - 1;
    const agreement = this.humanRng === null ? 0 : this.config.readerAgreement;
    let reads = 0;
    let work = 0;
    let second = 0;
    let cleared = 0;
    let recalled = 0;
    for (let fm = 0; fm < 1 << nf; fm++) {
      let pFindings = 1;
      let findings = 0;
      for (let i = 0; i < nf; i++) {
        if ((fm >> i) & 1) {
          pFindings *= this.prevalence[i];
          findings |= this.findingBits[i];
        } else pFindings *= 1 - this.prevalence[i];
      }
      if (pFindings === 0) continue;
      const dist = this.readTimeFor(findings);
      const t1 = dist.mean;
      const t2 = dist.variance + t1 * t1;
      const pRecall = this.humanRng === null ? (findings !== 0 ? 1 : 0) : this.humanRecallChance(findings);
      for (let cm = 0; cm < 1 << nt; cm++) {
        let pCalls = pFindings;
        let calls = 0;
        for (let j = 0; j < nt; j++) {
          const q = ai.positiveChance(tools[j], findings);
          if ((cm >> j) & 1) {
            pCalls *= q;
            calls |= 1 << ai.callingTools[tools[j]];
          } else pCalls *= 1 - q;
        }
        if (pCalls === 0) continue;
        // One read's work is affine in its base time: w = f t + e.
        const e = ai.readWork(0, calls);
        const f = ai.readWork(1, calls) - e;
        const w1 = f * t1 + e;
        const w2 = f * f * t2 + 2 * f * e * t1 + e * e;
        for (let h = 0; h <= allSlots; h++) {
          let ones = 0;
          for (let r = 0; r < slots; r++) ones += (h >> r) & 1;
          const independent = pRecall ** ones * (1 - pRecall) ** (slots - ones);
          const shared = h === allSlots ? pRecall : h === 0 ? 1 - pRecall : 0;
          const p = pCalls * (agreement * shared + (1 - agreement) * independent);
          if (p === 0) continue;
          const settled = this.settleReading(calls, h);
          const n = settled >> 1;
          reads += p * n;
          work += p * n * w1;
          second += p * n * w2;
          if (n === 0) cleared += p;
          recalled += p * (settled & 1);
        }
      }
    }
    return {
      readsPerStudy: reads,
      workPerStudy: work,
      readMean: reads > 0 ? work / reads : 0,
      readSecondMoment: reads > 0 ? second / reads : 0,
      clearedShare: cleared,
      recalledShare: recalled,
    };
  }

  /**
   * The base read time of a study: a study with a finding that has its own read time takes
   * that of the first such finding in the stream's list; any other study the stream's.
   */
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
