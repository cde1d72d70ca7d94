import type { ResolvedScenario } from './resolve.js';

function show(v: unknown): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * What an arm changes, in words, from the values it actually runs with (never from the file's
 * description text): "AI tools: reading-assist; radiologists count 24 -> 26 (roster scaled)".
 * "the baseline: no changes, no AI tools" for an arm that changes nothing.
 */
export function describeArm(r: ResolvedScenario, armIndex: number): string {
  const arm = r.arms[armIndex];
  const parts: string[] = [];
  if (arm.ai.length) {
    const tools = arm.ai.map((name) => {
      const t = r.ai.find((x) => x.name === name);
      if (!t) return name;
      const key =
        t.kind === 'assist'
          ? `reading time x${t.readTimeFactor}`
          : t.kind === 'autonomous'
            ? `clears ${t.clears} of normal studies`
            : `sensitivity ${t.sensitivity}, specificity ${t.specificity}`;
      return `${name} (${t.kind}: ${key})`;
    });
    parts.push(`AI tools: ${tools.join(', ')}`);
  }
  for (const [name, change] of Object.entries(arm.readers ?? {})) {
    const base = r.readers.find((g) => g.name === name);
    for (const [field, v] of Object.entries(change)) {
      const from = base ? (base as Record<string, unknown>)[field] : undefined;
      if (field === 'roster') parts.push(`${name} roster replaced`);
      else parts.push(`${name} ${field} ${show(from)} -> ${show(v)}`);
    }
    if (change.count !== undefined && change.roster === undefined) parts[parts.length - 1] += ' (roster scaled in proportion)';
  }
  for (const [name, change] of Object.entries(arm.streams ?? {})) {
    const base = r.streams.find((s) => s.name === name);
    for (const [field, v] of Object.entries(change))
      parts.push(`${name} ${field} ${show(base ? (base as Record<string, unknown>)[field] : undefined)} -> ${show(v)}`);
  }
  for (const [name, change] of Object.entries(arm.tools ?? {})) {
    const base = r.ai.find((t) => t.name === name);
    for (const [field, v] of Object.entries(change))
      parts.push(`${name} ${field} ${show(base ? (base as Record<string, unknown>)[field] : undefined)} -> ${show(v)}`);
  }
  for (const [field, v] of Object.entries(arm.worklist ?? {}))
    parts.push(`worklist ${field} ${show((r.worklist as Record<string, unknown>)[field])} -> ${show(v)}`);
  return parts.length ? parts.join('; ') : 'no AI tools, no changes (the scenario as written)';
}
