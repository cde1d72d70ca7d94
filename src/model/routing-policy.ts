import type { DispatchState } from './dispatch-state.js';

/**
 * A routing policy: which reader group takes a study that comes onto the worklist (a new
 * arrival, or a double-read study back for its next read), given the study's line (its
 * modality). Returns the group, which must read that line and have a free reader
 * (`state.pools[g].canStart()`), or -1: no group takes it now and it waits on its line, where
 * the worklist policy (worklist-policy.ts) finds it for the next free reader.
 *
 * Called once per arrival and per returning read: it must not allocate (scan with
 * `state.nextFreeGroup`, which visits 32 groups per step). A new rule (say, sub-specialty groups
 * first) is one new function of this type, passed as `RunOptions.routing`.
 */
export type RoutingPolicy = (state: DispatchState, line: number) => number;

/**
 * The rule readsim uses: the first reader group, in the order the scenario lists the groups,
 * that reads the study's modality and has a reader free to start now. A reader is free to
 * start when fewer of the group's readers on shift are reading than are on shift, and not in
 * the very instant of a shift change of that group (the change offers its free places itself).
 * No group free: the study waits (or, with preemption, see `preemptionGroup`).
 */
export const firstFreeGroup: RoutingPolicy = (state, line) => state.nextFreeGroup(line, -1);

/**
 * With `worklist.preemption: resume`, when no group takes a study of priority level `level`
 * (0 most urgent): the group whose least urgent read in hand (on shift, not overtime) is less
 * urgent than `level` and less urgent than every other group's (the first in scenario order
 * among equals), or -1 when no read in hand is less urgent than the newcomer. That group's
 * least urgent read (the one started last among equals) is interrupted and goes back to the
 * worklist with its remaining work; the newcomer takes its reader (see `ServerPool.preempt`).
 */
export function preemptionGroup(state: DispatchState, line: number, level: number): number {
  let best = -1;
  let bestLevel = level;
  for (let g = state.nextReader(line, -1); g >= 0; g = state.nextReader(line, g)) {
    const l = state.pools[g].leastUrgentLevel();
    if (l > bestLevel) {
      best = g;
      bestLevel = l;
    }
  }
  return best;
}
