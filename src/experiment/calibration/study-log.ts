import type { StudyRecorder } from '../../model/study-recorder.js';
import type { StudyStore } from '../../model/study-store.js';

/**
 * A StudyRecorder that keeps one record per study: stream, arrival, the start of the read that
 * reported it, the report time, and which reader did it. Readers are numbered within their
 * group as the lowest free place when a read starts (a stand-in for a person: the model's
 * groups are pools, not individuals). Times in simulated minutes; NaN = did not happen.
 */
export class StudyLog implements StudyRecorder {
  stream: number[] = [];
  arrival: number[] = [];
  readStart: number[] = [];
  reportedAt: number[] = [];
  group: number[] = [];
  place: number[] = [];
  private readonly live = new Map<number, number>();
  private readonly busy: number[][] = [];
  private readonly placeOf = new Map<number, number>();

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
    while (this.busy.length <= group) this.busy.push([]);
    const taken = this.busy[group];
    let p = 0;
    while (taken[p] === 1) p++;
    taken[p] = 1;
    this.placeOf.set(id, p);
    this.readStart[k] = now;
    this.group[k] = group;
    this.place[k] = p;
  }

  readEnded(id: number, group: number, _now: number, _interrupted: boolean): void {
    const p = this.placeOf.get(id);
    if (p === undefined) return;
    this.busy[group][p] = 0;
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
