import type { DepartmentConfig } from './department-config.js';

/**
 * One part of a department that shares nothing with the rest: its own department config (the
 * part's streams and reader groups; the department's priorities, findings, tools, providers and
 * years), and where its streams and groups sit in the whole department.
 */
export interface DepartmentPart {
  config: DepartmentConfig;
  /** streams[i]: the department's index of the part's stream i. */
  streams: number[];
  /** groups[i]: the department's index of the part's reader group i. */
  groups: number[];
}

/**
 * The parts of a department that share no readers and nothing else, so that each can be
 * simulated on its own (and on its own thread) and the results merged (parts-merge.ts).
 *
 * Streams are joined (union-find) when:
 * - they are of the same modality (one worklist line per modality);
 * - a reader group reads both their modalities (a group without a modality list reads every
 *   modality, so it joins them all);
 * - an external provider may take both (its share draws, weekly cap and `waited` watch list are
 *   shared); a provider with the `backlog` policy looks at the department's whole backlog, so it
 *   joins every stream.
 * AI tools do not join streams: a tool's calls are drawn from a random stream per (tool, study
 * stream) and it keeps no state between studies. Every random stream is named after its study
 * stream, tool or provider (engine/random-stream.ts), so a part draws the same numbers alone as
 * beside the others.
 *
 * A reader group that reads none of the department's modalities joins the first part (its
 * rostered time still counts). Parts come in the order of their first stream; a department with
 * one part gives that one part, the config itself, unchanged.
 */
export function departmentParts(config: DepartmentConfig): DepartmentPart[] {
  const S = config.streams.length;
  const parent = Array.from({ length: S }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const join = (members: number[]) => {
    for (let i = 1; i < members.length; i++) {
      const a = find(members[0]);
      const b = find(members[i]);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  };
  const modalities = [...new Set(config.streams.map((s) => s.modality))];
  const streamsOf = (ms: readonly string[] | null) =>
    config.streams.flatMap((s, i) => (ms === null || ms.includes(s.modality) ? [i] : []));
  for (const m of modalities) join(streamsOf([m]));
  for (const g of config.readers) join(streamsOf(g.modalities));
  for (const x of config.external ?? []) {
    if (x.when === 'never') continue;
    if (x.when === 'backlog') join(streamsOf(null));
    else join(config.streams.flatMap((_, i) => (x.eligible[i] ? [i] : [])));
  }
  const roots = [...new Set(config.streams.map((_, i) => find(i)))];
  if (roots.length <= 1) {
    return [{ config, streams: config.streams.map((_, i) => i), groups: config.readers.map((_, i) => i) }];
  }
  const partOfStream = config.streams.map((_, i) => roots.indexOf(find(i)));
  return roots.map((_, part) => {
    const streams = config.streams.flatMap((_, i) => (partOfStream[i] === part ? [i] : []));
    const partModalities = new Set(streams.map((i) => config.streams[i].modality));
    const groups = config.readers.flatMap((g, i) => {
      const reads = g.modalities === null || g.modalities.some((m) => partModalities.has(m));
      const readsNothing = g.modalities !== null && !g.modalities.some((m) => modalities.includes(m));
      return reads || (readsNothing && part === 0) ? [i] : [];
    });
    const index = new Map(streams.map((s, i) => [s, i]));
    const partConfig: DepartmentConfig = {
      ...config,
      streams: streams.map((i) => config.streams[i]),
      readers: groups.map((i) => config.readers[i]),
      tools: config.tools.map((t) => ({
        ...t,
        streams: t.streams.flatMap((s) => (index.has(s) ? [index.get(s) as number] : [])),
      })),
      external: config.external?.map((x) => ({ ...x, eligible: streams.map((i) => x.eligible[i]) })),
    };
    return { config: partConfig, streams, groups };
  });
}
