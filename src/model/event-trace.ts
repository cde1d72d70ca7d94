/**
 * An optional, bounded trace of what a department does, for the browser app's "day in the
 * reading room" animation: what is drawn is what the simulation computed. Off by default (the
 * department then makes no calls at all); on, it keeps at most `limit` events between `from`
 * and `to` (minutes of simulated time) and ignores the rest.
 */

import type { DepartmentConfig } from './department-config.js';

/** What happened. */
export const TRACE = { arrival: 0, start: 1, complete: 2, shift: 3, handover: 4 } as const;
export type TraceKind = (typeof TRACE)[keyof typeof TRACE];

/**
 * The department's side: one call per event, plain numbers (no allocation when off).
 * - arrival: study `id` of stream `a` arrives at worklist level `b` (0 = top); flags `c`: 1 an AI
 *   triage tool flagged it (its call is drawn in every arm, deployed or not), 2 it has a finding, 4 an autonomous AI reported it alone (it never waits).
 *   Ids are reused once a study is reported.
 * - start: study `id` starts a read by reader group `a`, which now has `b` readers busy and `c` on duty.
 * - complete: a read of study `id` by group `a` ends (`b` busy, `c` on duty after it).
 * - shift: group `a` now has `c` readers on duty (`id` = -1, `b` busy): at every change of the
 *   roster's count or shift (readers going off shift as well as coming on), before the reads that
 *   end or are handed over at that instant are told.
 * - handover: at a shift's end (`shiftEnd: handover`) the read of study `id` by group `a` stops
 *   and the study goes back to the worklist with its remaining work (`b` busy, `c` on duty after it).
 * Escalations (a study moving up the worklist as it waits) are not traced yet.
 */
export interface TraceListener {
  event(kind: TraceKind, time: number, id: number, a: number, b: number, c: number): void;
}

export interface TraceEvent {
  kind: TraceKind;
  /** Minutes from the start of the run. */
  time: number;
  id: number;
  a: number;
  b: number;
  c: number;
}

export interface TraceOptions {
  /** First minute kept (default 0). */
  from?: number;
  /** Minute after the last kept (default: no end). */
  to?: number;
  /** Most events kept (default 20,000); later ones are dropped and `truncated` set. */
  limit?: number;
}

/** A TraceListener that keeps a bounded window of events as plain data (so it crosses to a worker's caller). */
export class TraceRecorder implements TraceListener {
  readonly events: TraceEvent[] = [];
  truncated = false;
  private readonly from: number;
  private readonly to: number;
  private readonly limit: number;

  constructor(options: TraceOptions = {}) {
    this.from = options.from ?? 0;
    this.to = options.to ?? Number.POSITIVE_INFINITY;
    this.limit = options.limit ?? 20_000;
  }

  event(kind: TraceKind, time: number, id: number, a: number, b: number, c: number): void {
    if (time < this.from || time >= this.to) return;
    if (this.events.length >= this.limit) {
      this.truncated = true;
      return;
    }
    this.events.push({ kind, time, id, a, b, c });
  }
}

/** Per stream: the study-call bits of every triage tool that reads it (the bit of tool t is 1 << t, as in ai-tools.ts). */
export function triageCallMasks(config: DepartmentConfig): number[] {
  return config.streams.map((_, stream) =>
    config.tools.reduce((mask, tool, t) => (tool.kind === 'triage' && tool.streams.includes(stream) ? mask | (1 << t) : mask), 0),
  );
}
