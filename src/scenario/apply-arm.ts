import type { ResolvedArm, ResolvedReaderGroup, ResolvedScenario, ResolvedStream, ResolvedTool } from './resolve.js';

/**
 * The scenario as one arm sees it: the arm's changes to reader groups, streams, the worklist and
 * tool parameters applied to a copy. When an arm changes a group's headcount but not its
 * roster, the roster's `on` counts scale with the headcount (as they do with headcount growth):
 * two more radiologists read in proportion, they are not left off the roster.
 */
export function applyArm(r: ResolvedScenario, armIndex: number): ResolvedScenario {
  const arm: ResolvedArm = r.arms[armIndex];
  const readers = r.readers.map((g): ResolvedReaderGroup => {
    const change = arm.readers?.[g.name];
    if (!change) return g;
    const merged = { ...g, ...change } as ResolvedReaderGroup;
    // An external provider's block merges field by field, so an arm can switch `when` alone.
    if (change.external !== undefined) merged.external = { ...g.external, ...change.external } as ResolvedReaderGroup['external'];
    if (change.count !== undefined && change.roster === undefined && g.count > 0) {
      const scale = change.count / g.count;
      merged.roster = g.roster.map((s) => ({ ...s, on: s.on * scale }));
    }
    return merged;
  });
  const streams = r.streams.map((s): ResolvedStream => {
    const change = arm.streams?.[s.name];
    return change ? ({ ...s, ...change } as ResolvedStream) : s;
  });
  const ai = r.ai.map((t): ResolvedTool => {
    const change = arm.tools?.[t.name];
    return change ? ({ ...t, ...change } as ResolvedTool) : t;
  });
  return { ...r, readers, streams, ai, worklist: { ...r.worklist, ...(arm.worklist ?? {}) } };
}
