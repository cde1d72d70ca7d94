import type { ResolvedScenario } from './resolve.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value in words: "(none)", "6%/y", "perStudy 680, growth 6%/y". */
function show(v: unknown): string {
  if (v === undefined) return '(none)';
  if (isObject(v))
    return Object.entries(v)
      .map(([k, x]) => `${k} ${show(x)}`)
      .join(', ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * The changes from `from` to `to` under `label`, field by field inside objects:
 * "outpatient-mr readTime.growth (none) -> 2%/y"; a block the baseline does not have is given
 * whole: "ed-ct images: perStudy 680, growth 6%/y". Unchanged fields are left out.
 */
function changes(label: string, from: unknown, to: unknown): string[] {
  if (isObject(to) && isObject(from)) return Object.entries(to).flatMap(([k, v]) => changes(`${label}.${k}`, from[k], v));
  if (isObject(to) && from === undefined) return [`${label}: ${show(to)}`];
  if (JSON.stringify(from) === JSON.stringify(to)) return [];
  return [`${label} ${show(from)} -> ${show(to)}`];
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
      else parts.push(...changes(`${name} ${field}`, from, v));
    }
    if (change.count !== undefined && change.roster === undefined && change.count !== base?.count)
      parts[parts.length - 1] += ' (roster scaled in proportion)';
  }
  for (const [name, change] of Object.entries(arm.streams ?? {})) {
    const base = r.streams.find((s) => s.name === name);
    for (const [field, v] of Object.entries(change))
      parts.push(...changes(`${name} ${field}`, base ? (base as Record<string, unknown>)[field] : undefined, v));
  }
  for (const [name, change] of Object.entries(arm.tools ?? {})) {
    const base = r.ai.find((t) => t.name === name);
    for (const [field, v] of Object.entries(change))
      parts.push(...changes(`${name} ${field}`, base ? (base as Record<string, unknown>)[field] : undefined, v));
  }
  for (const [field, v] of Object.entries(arm.worklist ?? {}))
    parts.push(...changes(`worklist ${field}`, (r.worklist as Record<string, unknown>)[field], v));
  return parts.length ? parts.join('; ') : 'no AI tools, no changes (the scenario as written)';
}
