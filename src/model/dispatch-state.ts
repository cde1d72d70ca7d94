import type { ServerPool, WaitingLine } from '../engine/index.js';

/**
 * What the dispatch policies (routing-policy.ts, worklist-policy.ts) look at: the worklist's
 * lines (one per modality), the reader groups' pools, who reads what, which lines have studies
 * waiting and which groups may have a free reader. The last two are bit sets kept up to date
 * by the department, so that finding work costs about the same with 50 reader groups as with
 * one (issue 12): a scan visits 32 groups or lines per machine word, not each in turn.
 *
 * Free groups are kept as candidates: every group with a free reader is in the set (the
 * department adds a group whenever a reader of it may have become free: a read ends, servers
 * come on shift, a read is handed over), and a candidate found busy when scanned is dropped
 * (`nextFreeGroup`). So the scans return exactly what a loop over every group in index order
 * asking `canStart()` would, and results stay byte-identical.
 *
 * Nothing here allocates after construction.
 */
export class DispatchState {
  readonly groupCount: number;
  readonly lineCount: number;
  /** Words of a group set, and of a line set. */
  private readonly groupWords: number;
  private readonly lineWords: number;
  /** Per line: the set of groups that read it (line x groupWords words). */
  private readonly readersOfLine: Uint32Array;
  /** Per group: the set of lines it reads (group x lineWords words). */
  private readonly linesOfGroup: Uint32Array;
  /** Groups that may have a free reader (a superset of those that have one). */
  private readonly freeGroups: Uint32Array;
  /** Lines with at least one study waiting (exactly). */
  private readonly waitingLines: Uint32Array;

  /**
   * `reads[g][l]`: does group g read line l. `lines` and `pools` are the department's own
   * (index = line, index = group), read by the policies.
   */
  constructor(
    readonly lines: readonly WaitingLine[],
    readonly pools: readonly ServerPool[],
    reads: readonly (readonly boolean[])[],
  ) {
    this.groupCount = pools.length;
    this.lineCount = lines.length;
    this.groupWords = Math.max(1, Math.ceil(this.groupCount / 32));
    this.lineWords = Math.max(1, Math.ceil(this.lineCount / 32));
    this.readersOfLine = new Uint32Array(this.lineCount * this.groupWords);
    this.linesOfGroup = new Uint32Array(this.groupCount * this.lineWords);
    this.freeGroups = new Uint32Array(this.groupWords);
    this.waitingLines = new Uint32Array(this.lineWords);
    for (let g = 0; g < this.groupCount; g++) {
      for (let l = 0; l < this.lineCount; l++) {
        if (!reads[g][l]) continue;
        this.readersOfLine[l * this.groupWords + (g >>> 5)] |= 1 << (g & 31);
        this.linesOfGroup[g * this.lineWords + (l >>> 5)] |= 1 << (l & 31);
      }
    }
  }

  /** Does group g read line l? */
  reads(group: number, line: number): boolean {
    return (this.linesOfGroup[group * this.lineWords + (line >>> 5)] & (1 << (line & 31))) !== 0;
  }

  /** A reader of group g may have become free (a read ended, servers came, a read was handed over). */
  mayBeFree(group: number): void {
    this.freeGroups[group >>> 5] |= 1 << (group & 31);
  }

  /** Group g has no free reader now (after it started a read). */
  busy(group: number): void {
    this.freeGroups[group >>> 5] &= ~(1 << (group & 31));
  }

  /** Line l changed size (a study joined or left it). */
  lineChanged(line: number): void {
    const bit = 1 << (line & 31);
    if (this.lines[line].size > 0) this.waitingLines[line >>> 5] |= bit;
    else this.waitingLines[line >>> 5] &= ~bit;
  }

  /**
   * The first group after `after` (-1: from the start), in index order, that reads `line` and
   * has a reader free to start now (`ServerPool.canStart()`); -1 when none.
   */
  nextFreeGroup(line: number, after: number): number {
    const words = this.groupWords;
    const base = line * words;
    const from = after + 1;
    for (let w = from >>> 5; w < words; w++) {
      let bits = this.readersOfLine[base + w] & this.freeGroups[w];
      if (w === from >>> 5) bits &= -1 << (from & 31);
      while (bits !== 0) {
        const low = bits & -bits;
        const g = (w << 5) + 31 - Math.clz32(low);
        if (this.pools[g].canStart()) return g;
        // A stale candidate: busy, or no one starts in the instant of its shift change
        // (the shift change offers its free places again through capacityRaised).
        this.freeGroups[w] &= ~low;
        bits ^= low;
      }
    }
    return -1;
  }

  /** The first line after `after` (-1: from the start), in index order, that group g reads and that has studies waiting; -1 when none. */
  nextWaitingLine(group: number, after: number): number {
    const words = this.lineWords;
    const base = group * words;
    const from = after + 1;
    for (let w = from >>> 5; w < words; w++) {
      let bits = this.linesOfGroup[base + w] & this.waitingLines[w];
      if (w === from >>> 5) bits &= -1 << (from & 31);
      if (bits !== 0) return (w << 5) + 31 - Math.clz32(bits & -bits);
    }
    return -1;
  }

  /** The first group after `after` (-1: from the start), in index order, that reads `line`, free or not; -1 when none. */
  nextReader(line: number, after: number): number {
    const words = this.groupWords;
    const base = line * words;
    const from = after + 1;
    for (let w = from >>> 5; w < words; w++) {
      let bits = this.readersOfLine[base + w];
      if (w === from >>> 5) bits &= -1 << (from & 31);
      if (bits !== 0) return (w << 5) + 31 - Math.clz32(bits & -bits);
    }
    return -1;
  }
}
