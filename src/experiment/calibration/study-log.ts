import { type CalendarPiece, WEEK } from '../../engine/index.js';
import type { StudyRecorder } from '../../model/study-recorder.js';
import type { StudyStore } from '../../model/study-store.js';

/**
 * A StudyRecorder that keeps one record per study: stream, arrival, the start of the read that
 * reported it, the report time, and which reader did it. The model's groups are pools, not
 * people: a read gets the lowest place free among the reads started in the same shift (the
 * roster piece in force when it starts), so that a reader finishing a read in overtime after
 * their shift is not mistaken for a second reader of the next shift. Times in simulated
 * minutes; NaN = did not happen.
 */
export class StudyLog implements StudyRecorder {
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

  private shiftKey(group: number, now: number): string {
    const t = ((now % WEEK) + WEEK) % WEEK;
    const pieces = this.rosters[group] ?? [];
    const i = pieces.findIndex((p) => (p.start <= t && t < p.end) || (p.end > WEEK && t + WEEK < p.end));
    return `${group}:${i}`;
  }

  arrived(store: StudyStore, id: number, now: number): void {
    this.live.set(id, this.arrival.length);
    this.stream.push(store.stream[id]);
    this.arrival.push(now);
    this.readStart.push(Number.NaN);
    this.reportedAt.push(Number.NaN);
    this.group.push(-1);
    this.place.push(-1);
  }

  readStarted(id: number, group: number, now: number): void {
    const k = this.live.get(id);
    if (k === undefined) return;
    const key = this.shiftKey(group, now);
    let taken = this.busy.get(key);
    if (!taken) {
      taken = [];
      this.busy.set(key, taken);
    }
    let p = 0;
    while (taken[p] === 1) p++;
    taken[p] = 1;
    this.placeOf.set(id, { key, place: p });
    this.readStart[k] = now;
    this.group[k] = group;
    this.place[k] = p;
  }

  readEnded(id: number, _group: number, _now: number, _interrupted: boolean): void {
    const p = this.placeOf.get(id);
    if (p === undefined) return;
    const taken = this.busy.get(p.key);
    if (taken) taken[p.place] = 0;
    this.placeOf.delete(id);
  }

  reported(id: number, now: number): void {
    const k = this.live.get(id);
    if (k === undefined) return;
    this.reportedAt[k] = now;
    this.live.delete(id);
  }

  get size(): number {
    return this.arrival.length;
  }
}
