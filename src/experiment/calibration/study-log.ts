import { type CalendarPiece, WEEK } from '../../engine/index.js';
import { TRACE, type TraceKind, type TraceListener } from '../../model/event-trace.js';

/**
 * One record per study of a run, built from the department's event trace (event-trace.ts):
 * stream, arrival, the start of the read that reported it, the report time, and which reader
 * did it. A study's report is its last read's end (ids are reused only once a study is
 * reported); an autonomous AI's report is its arrival. The model's groups are pools, not people:
 * a read gets the lowest place free among the reads started in the same shift (the roster piece
 * in force when it starts), so that a reader finishing a read in overtime after their shift is
 * not mistaken for a second reader of the next shift. Times in simulated minutes; NaN = did not
 * happen. Limits: a study still waiting for its second read at the end counts as reported at its
 * first read's end; a read handed over or preempted keeps its place until it resumes.
 */
export class StudyLog implements TraceListener {
  stream: number[] = [];
  arrival: number[] = [];
  readStart: number[] = [];
  reportedAt: number[] = [];
  group: number[] = [];
  place: number[] = [];
  private readonly live = new Map<number, number>();
  private readonly busy = new Map<string, number[]>();
  private readonly placeOf = new Map<number, { key: string; place: number }>();

  /** @param rosters each group's roster pieces (minutes from Monday 00:00), to tell shifts apart; none: one shift */
  constructor(private readonly rosters: readonly (readonly CalendarPiece[])[] = []) {}

  get size(): number {
    return this.arrival.length;
  }

  event(kind: TraceKind, time: number, id: number, a: number, _b: number, c: number): void {
    if (kind === TRACE.arrival) {
      this.live.set(id, this.arrival.length);
      this.stream.push(a);
      this.arrival.push(time);
      this.readStart.push(Number.NaN);
      // Flag 4: reported by an autonomous AI on arrival.
      this.reportedAt.push((c & 4) !== 0 ? time : Number.NaN);
      this.group.push(-1);
      this.place.push(-1);
    } else if (kind === TRACE.start) {
      const k = this.live.get(id);
      if (k === undefined) return;
      this.free(id);
      const key = this.shiftKey(a, time);
      let taken = this.busy.get(key);
      if (!taken) {
        taken = [];
        this.busy.set(key, taken);
      }
      let p = 0;
      while (taken[p] === 1) p++;
      taken[p] = 1;
      this.placeOf.set(id, { key, place: p });
      this.readStart[k] = time;
      this.group[k] = a;
      this.place[k] = p;
    } else if (kind === TRACE.complete) {
      const k = this.live.get(id);
      if (k === undefined) return;
      this.free(id);
      this.reportedAt[k] = time;
    }
  }

  private free(id: number): void {
    const p = this.placeOf.get(id);
    if (p === undefined) return;
    const taken = this.busy.get(p.key);
    if (taken) taken[p.place] = 0;
    this.placeOf.delete(id);
  }

  private shiftKey(group: number, now: number): string {
    const t = ((now % WEEK) + WEEK) % WEEK;
    const pieces = this.rosters[group] ?? [];
    const i = pieces.findIndex((p) => (p.start <= t && t < p.end) || (p.end > WEEK && t + WEEK < p.end));
    return `${group}:${i}`;
  }
}
