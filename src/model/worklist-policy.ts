import type { DispatchState } from './dispatch-state.js';

/**
 * A worklist policy (a queue discipline, as Ciw's `choose_next_customer` with its
 * disciplines.py): which study a free reader of `group` takes next. The worklist keeps one line
 * per modality, each ordered by urgency (see `WaitingLine` and the department's levels); the
 * policy chooses among the heads of the lines the group reads and returns that line: the
 * reader takes its head. -1: nothing the group reads is waiting (the reader stays free).
 *
 * Called every time a reader becomes free: it must not allocate (scan with
 * `state.nextWaitingLine`, which skips empty lines 32 at a time). A new rule (say, oldest first
 * across modalities) is one new function of this type, passed as `RunOptions.worklist`.
 */
export type WorklistPolicy = (state: DispatchState, group: number) => number;

/**
 * The rule readsim uses: the most urgent study among the heads of the lines the group reads.
 * Each line's head is its most urgent study: the lowest level (level 0, then priority p at
 * level p + 1 with `order: priority`: a study flagged by a triage tool with action `reorder`
 * one level up, an escalated study a level up per `escalateAfter` waited), then within a level
 * rank 0 (studies at that level on arrival) before studies that reached it by escalation, then
 * the earliest arrival, then the earliest admitted. Across lines the same order decides: the
 * lowest level, then rank, then the earliest arrival; a tie (same arrival time to the minute's
 * fraction) goes to the line listed first (modalities in the order the streams first name them).
 */
export const mostUrgentFirst: WorklistPolicy = (state, group) => {
  let best = -1;
  let bestLevel = 0;
  let bestRank = 0;
  let bestKey = 0;
  for (let i = state.nextWaitingLine(group, -1); i >= 0; i = state.nextWaitingLine(group, i)) {
    const line = state.lines[i];
    const l = line.peekLevel();
    const r = line.peekRank();
    const k = line.peekKey();
    if (best < 0 || l < bestLevel || (l === bestLevel && (r < bestRank || (r === bestRank && k < bestKey)))) {
      best = i;
      bestLevel = l;
      bestRank = r;
      bestKey = k;
    }
  }
  return best;
};

/**
 * An alternative rule (not used by scenarios; a worked example of a new policy and tested so):
 * the oldest study first across the lines the group reads, whatever their urgency: the head of
 * each line is still that line's most urgent study, but between lines the earliest arrival wins
 * (the line listed first on a tie).
 */
export const oldestHeadFirst: WorklistPolicy = (state, group) => {
  let best = -1;
  let bestKey = 0;
  for (let i = state.nextWaitingLine(group, -1); i >= 0; i = state.nextWaitingLine(group, i)) {
    const k = state.lines[i].peekKey();
    if (best < 0 || k < bestKey) {
      best = i;
      bestKey = k;
    }
  }
  return best;
};
