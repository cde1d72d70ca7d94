import type { RandomStream, RandomStreams } from '../engine/index.js';
import type { DepartmentConfig } from './department-config.js';

/** How a tool's call on a study is scored against the truth (for waits by AI call). */
export const CALL_TP = 0;
export const CALL_FP = 1;
export const CALL_FN = 2;
export const CALL_TN = 3;
export const CALL_NAMES = ['TP', 'FP', 'FN', 'TN'] as const;

/**
 * The AI tools as they act on one stream in one arm. Calls of every tool are drawn for every
 * study, in every arm, each tool from its own random stream per study stream: an arm that
 * leaves a tool out still knows what it would have said, so that the same patients can be
 * compared across arms.
 */
export class StreamAi {
  /** Tools that make calls on this stream (triage and autonomous), in scenario order. */
  readonly callingTools: number[] = [];
  private readonly rngs: RandomStream[] = [];
  /** Per calling tool: finding mask for triage (0 for autonomous), thresholds. */
  private readonly truthMask: number[] = [];
  private readonly isTriage: boolean[] = [];
  private readonly pPositiveIfTrue: number[] = [];
  private readonly pPositiveIfFalse: number[] = [];
  /**
   * Calls mask of the triage tools this arm deploys on this stream: the flags its readers see
   * (a tool the arm lacks still draws its calls, for comparing arms, but shows no flag).
   */
  readonly flagMask: number;
  /** Calls mask of active triage tools with action reorder. */
  readonly reorderMask: number;
  /** Active autonomous tools on this stream: call bits and the reads they leave. */
  readonly autonomousBits: number[] = [];
  readonly autonomousReadsLeft: number[] = [];
  /** Active second-reader tools on this stream: their call bits (a verdict each). */
  readonly secondReaderBits: number[] = [];
  /**
   * Calling tools (indices into `callingTools`) whose call changes something in this arm: the
   * active triage tools (a flag, and with assistance the read time), autonomous tools and
   * second readers. The others still draw their calls (common random numbers) to no effect.
   */
  readonly effectiveCalls: number[] = [];
  /** Active assist tools on this stream combined: factors multiply, extra times add. */
  readonly assistActive: boolean;
  readonly factorFlagged: number;
  readonly factorUnflagged: number;
  readonly extraPerFlag: number;

  constructor(config: DepartmentConfig, stream: number, streams: RandomStreams) {
    let triageMask = 0;
    let reorderMask = 0;
    let assistActive = false;
    let ff = 1;
    let fu = 1;
    let extra = 0;
    const streamName = config.streams[stream].name;
    config.tools.forEach((tool, t) => {
      if (!tool.streams.includes(stream)) return;
      const active = config.active[t];
      if (tool.kind === 'assist') {
        if (active) {
          assistActive = true;
          ff *= tool.factorFlagged;
          fu *= tool.factorUnflagged;
          extra += tool.extraTimePerFlag;
        }
        return;
      }
      this.callingTools.push(t);
      this.rngs.push(streams.stream(`ai/${tool.name}/${streamName}`));
      if (tool.kind === 'triage') {
        this.truthMask.push(1 << tool.finding);
        this.isTriage.push(true);
        this.pPositiveIfTrue.push(tool.sensitivity);
        this.pPositiveIfFalse.push(1 - tool.specificity);
        if (active) triageMask |= 1 << t;
        if (active) this.effectiveCalls.push(this.callingTools.length - 1);
        if (active && tool.action === 'reorder') reorderMask |= 1 << t;
      } else if (tool.kind === 'second-reader') {
        // A positive call is "abnormal, recall": a verdict like a human read's.
        this.truthMask.push(0);
        this.isTriage.push(false);
        this.pPositiveIfTrue.push(tool.sensitivity);
        this.pPositiveIfFalse.push(1 - tool.specificity);
        if (active) this.secondReaderBits.push(1 << t);
        if (active) this.effectiveCalls.push(this.callingTools.length - 1);
      } else {
        // Autonomous: a positive call is "clear"; the truth that matters is "abnormal".
        this.truthMask.push(0);
        this.isTriage.push(false);
        this.pPositiveIfTrue.push(tool.misses);
        this.pPositiveIfFalse.push(tool.clears);
        if (active) {
          this.effectiveCalls.push(this.callingTools.length - 1);
          this.autonomousBits.push(1 << t);
          this.autonomousReadsLeft.push(tool.readsLeft);
        }
      }
    });
    this.flagMask = triageMask;
    this.reorderMask = reorderMask;
    this.assistActive = assistActive;
    this.factorFlagged = ff;
    this.factorUnflagged = fu;
    this.extraPerFlag = extra;
  }

  /**
   * The chance that calling tool i (an index into `callingTools`) makes a positive call on a
   * study with these findings (a mask of finding bits): a triage tool flags its finding
   * (sensitivity if the study has it, 1 - specificity if not); a second reader says "abnormal,
   * recall" (against any finding); an autonomous tool clears (its `misses` for a study with any
   * finding, its `clears` for a normal one). Calls are independent given the findings.
   */
  positiveChance(i: number, findings: number): number {
    const truth = this.isTriage[i] ? (findings & this.truthMask[i]) !== 0 : findings !== 0;
    return truth ? this.pPositiveIfTrue[i] : this.pPositiveIfFalse[i];
  }

  /** Draws every tool's call for a study with the given findings; returns the calls mask. */
  drawCalls(findings: number): number {
    let calls = 0;
    for (let i = 0; i < this.callingTools.length; i++) {
      const u = this.rngs[i].uniform();
      if (u < this.positiveChance(i, findings)) calls |= 1 << this.callingTools[i];
    }
    return calls;
  }

  /**
   * How triage reorders the worklist: a study that an active triage tool with action `reorder`
   * flags waits one level above the level of its priority (`level`: 0 is the top, priority p
   * waits at p + 1 with `order: priority`, every study at 1 with `fifo`), so a flagged study
   * of the top priority goes to level 0, above every unflagged one. Action `flag` shows the
   * flag (for assistance) without moving the study. Returns the study's level on arrival.
   */
  levelOnArrival(level: number, calls: number): number {
    return (calls & this.reorderMask) !== 0 ? level - 1 : level;
  }

  /**
   * Reads a study still needs after the active autonomous tools: the first of them (in the
   * scenario's order) whose call clears the study decides, leaving min(reads, its readsLeft).
   */
  readsAfterAutonomous(calls: number, reads: number): number {
    for (let i = 0; i < this.autonomousBits.length; i++) {
      if ((calls & this.autonomousBits[i]) !== 0) return Math.min(reads, this.autonomousReadsLeft[i]);
    }
    return reads;
  }

  /**
   * Human work for a read of base time `t` (minutes), given the study's calls: with active
   * assist tools, t x (the product of their flagged factors if any active triage tool flagged
   * the study, else of their unflagged factors) + (their summed extra time) x (number of such
   * flags). Affine in t, so the mean read follows from the mean base time.
   */
  readWork(t: number, calls: number): number {
    if (!this.assistActive) return t;
    const flags = popcount(calls & this.flagMask);
    return t * (flags > 0 ? this.factorFlagged : this.factorUnflagged) + this.extraPerFlag * flags;
  }
}

/** The score of tool t's call on a study, given the tool's truth for it. */
export function callCategory(positiveCall: boolean, truth: boolean): number {
  return truth ? (positiveCall ? CALL_TP : CALL_FN) : positiveCall ? CALL_FP : CALL_TN;
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
