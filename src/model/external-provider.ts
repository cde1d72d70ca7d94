import { type Distribution, makeDistribution, type RandomStream, type RandomStreams, WEEK } from '../engine/index.js';
import type { DepartmentConfig, ExternalProviderConfig } from './department-config.js';

/**
 * An external reporting provider (outsourcing, teleradiology) as the department uses it: which
 * studies its policy sends out, the weekly cap, and the turnaround of each study sent. It has no
 * roster and reads any number of studies at once, so a study sent out is reported after one
 * turnaround draw. Its random numbers come from streams named after the provider, so an arm with
 * outsourcing draws the same studies (arrivals, findings, read times) as an arm without.
 */
export class ExternalProvider {
  private readonly turnaroundDist: Distribution;
  private readonly shareRng: RandomStream;
  private readonly turnaroundRng: RandomStream;
  /** Per minute of the week, for `hours`: 1 = arrivals in that minute go out. */
  private readonly inHours: Uint8Array | null;
  private week = -1;
  private sentThisWeek = 0;
  // Studies waiting to reach the `waited` threshold, in order of due time: id, admission, due.
  private watchIds: number[] = [];
  private watchAdmissions: number[] = [];
  private watchDue: number[] = [];
  private watchHead = 0;

  constructor(
    readonly index: number,
    readonly config: ExternalProviderConfig,
    streams: RandomStreams,
  ) {
    this.turnaroundDist = makeDistribution(config.turnaround);
    this.shareRng = streams.stream(`outsourcing/${config.name}`);
    this.turnaroundRng = streams.stream(`outsourced-turnaround/${config.name}`);
    if (config.when === 'hours') {
      const minutes = new Uint8Array(WEEK);
      for (const h of config.hours) minutes.fill(1, Math.max(0, Math.floor(h.from)), Math.min(WEEK, Math.ceil(h.to)));
      this.inHours = minutes;
    } else this.inHours = null;
  }

  /** Does the provider take studies of this stream at all (in this arm)? */
  reads(stream: number): boolean {
    return this.config.when !== 'never' && this.config.eligible[stream];
  }

  /** Is the policy one that decides on arrival (always, hours, backlog)? */
  get decidesOnArrival(): boolean {
    const w = this.config.when;
    return w === 'always' || w === 'hours' || w === 'backlog';
  }

  get watchesWaits(): boolean {
    return this.config.when === 'waited';
  }

  /**
   * Does the provider take a study of `stream` arriving at `now`, with `backlog` studies
   * unreported in-house? Draws the share (only for studies the policy would otherwise send).
   * Does not count the study: call `send` when it goes.
   */
  takesOnArrival(stream: number, now: number, backlog: number): boolean {
    if (!this.reads(stream) || !this.decidesOnArrival || !this.underCap(now)) return false;
    const c = this.config;
    if (c.when === 'backlog') return backlog > c.backlogAbove;
    if (this.inHours !== null) {
      const minute = Math.floor(now % WEEK);
      if (this.inHours[minute] === 0) return false;
    }
    return c.share >= 1 || this.shareRng.uniform() < c.share;
  }

  /** Room under this week's cap at `now`? */
  underCap(now: number): boolean {
    const w = Math.floor(now / WEEK);
    if (w !== this.week) {
      this.week = w;
      this.sentThisWeek = 0;
    }
    return this.sentThisWeek < this.config.weeklyCap;
  }

  /** A study goes out at `now`: counts it against the cap and returns its turnaround (minutes). */
  send(now: number): number {
    this.underCap(now);
    this.sentThisWeek++;
    return this.turnaroundDist.sample(this.turnaroundRng);
  }

  /** With `waited`: remember a study left waiting, due at `due`. Due times arrive in order. */
  watch(id: number, admission: number, due: number): void {
    this.watchIds.push(id);
    this.watchAdmissions.push(admission);
    this.watchDue.push(due);
  }

  /** Due time of the first watched study (Infinity if none). */
  nextDue(): number {
    return this.watchHead < this.watchDue.length ? this.watchDue[this.watchHead] : Number.POSITIVE_INFINITY;
  }

  /** Takes the watched studies due by `now`, calling `visit(id, admission)` for each. */
  takeDue(now: number, visit: (id: number, admission: number) => void): void {
    while (this.watchHead < this.watchDue.length && this.watchDue[this.watchHead] <= now) {
      const i = this.watchHead++;
      visit(this.watchIds[i], this.watchAdmissions[i]);
    }
    if (this.watchHead > 4096 && this.watchHead * 2 > this.watchIds.length) {
      this.watchIds = this.watchIds.slice(this.watchHead);
      this.watchAdmissions = this.watchAdmissions.slice(this.watchHead);
      this.watchDue = this.watchDue.slice(this.watchHead);
      this.watchHead = 0;
    }
  }
}

/**
 * The expectation of `ExternalProvider.takesOnArrival`, for the analytic companion: the share
 * of a stream's studies that providers with an `always` or `hours` policy send out on arrival:
 * share x the part of the stream's weekly arrival pattern inside the hours. Providers are tried
 * in order, so each takes its share of what the earlier ones left. Weekly caps and the
 * `waited` and `backlog` policies depend on the queue and are not counted here.
 */
export function outsourcedShare(cfg: DepartmentConfig, s: number): number {
  const st = cfg.streams[s];
  let left = 1;
  for (const x of cfg.external ?? []) {
    if (x.when === 'never' || !x.eligible[s]) continue;
    if (x.when === 'always') left *= 1 - x.share;
    else if (x.when === 'hours') left *= 1 - x.share * patternShareIn(st.pattern, x.hours);
  }
  return 1 - left;
}

/** The part of a weekly pattern (168 hourly weights) inside pieces of the week (minutes). */
export function patternShareIn(pattern: number[], pieces: ExternalProviderConfig['hours']): number {
  const total = pattern.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return 0;
  let inside = 0;
  for (let h = 0; h < 168; h++) {
    let minutes = 0;
    for (const p of pieces) minutes += Math.max(0, Math.min(p.to, (h + 1) * 60) - Math.max(p.from, h * 60));
    inside += pattern[h] * Math.min(1, minutes / 60);
  }
  return inside / total;
}
