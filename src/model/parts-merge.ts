import { type DepartmentConfig, periodCountOf } from './department-config.js';
import type { DepartmentPart } from './department-parts.js';
import { type MetricsState, RunMetrics } from './run-metrics.js';
import type { RunResult } from './run-result.js';

/**
 * The result of a department simulated in parts (department-parts.ts), merged from the parts'
 * metrics states as they come, in any order: each is merged as soon as every part before it is
 * (sums of doubles depend on the order, so it is always the parts' order), and dropped then, so
 * that a department in many parts holds only the states that came early, not all of them.
 * The result is the same, byte for byte, whatever order the states come in.
 */
export class PartsMerge {
  private readonly metrics: RunMetrics;
  private readonly early: (MetricsState | undefined)[];
  private next = 0;
  private given = 0;

  constructor(
    config: DepartmentConfig,
    private readonly parts: readonly DepartmentPart[],
  ) {
    const periodCount = periodCountOf(config);
    this.metrics = RunMetrics.merging(config, periodCount);
    this.early = new Array(parts.length);
  }

  /** Part k's state (k: its index in the parts). Error when part k was given before. */
  add(k: number, state: MetricsState): void {
    if (k < this.next || this.early[k] !== undefined) throw new Error(`part ${k} given twice`);
    this.early[k] = state;
    this.given++;
    for (let s = this.early[this.next]; s !== undefined; s = this.early[this.next]) {
      const p = this.parts[this.next];
      this.metrics.mergePart({ state: s, streams: p.streams, groups: p.groups });
      this.early[this.next] = undefined;
      this.next++;
    }
  }

  /** Have all parts been merged? */
  get complete(): boolean {
    return this.next === this.parts.length;
  }

  /** The department's result. Error until every part is merged. */
  result(arm: string, replication: number): RunResult {
    if (!this.complete) throw new Error(`${this.parts.length - this.given} of ${this.parts.length} parts not given yet`);
    return this.metrics.mergedResult(arm, replication);
  }
}
