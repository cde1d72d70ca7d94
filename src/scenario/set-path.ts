import { load as loadYaml } from 'js-yaml';
import type { ScenarioIssue } from './scenario-error.js';

/** Top-level lists whose items `--set` and `--vary` name by their `name` field. */
const NAMED_LISTS: Record<string, string> = {
  priorities: 'priority',
  streams: 'stream',
  readers: 'reader group',
  ai: 'AI tool',
  arms: 'arm',
};

/** Names that are never fields: setting them would change JavaScript's objects themselves. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** A `--set PATH=VALUE` assignment, split. */
export interface Assignment {
  path: string;
  value: string;
}

export function parseAssignment(text: string): Assignment | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  return { path: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

/** A value as YAML reads it: `8` is a number, `7%/y` a string, `[a, b]` a list. */
export function parseValue(text: string): unknown {
  try {
    return loadYaml(text);
  } catch {
    return text;
  }
}

/**
 * Sets a dotted path in a raw scenario object, naming list items by their name
 * (`readers.general.count`, `ai.ich-triage.sensitivity`, `streams.ed-head-ct.readTime.mean`).
 * Returns the problem, or null when set. Every step but the last must exist.
 */
export function setPath(raw: Record<string, unknown>, path: string, value: unknown): ScenarioIssue | null {
  const parts = splitSetPath(path);
  if (parts.some((p) => p.length === 0))
    return { path: [], message: `--set ${path}: expected a dotted path such as readers.general.count, found "${path}"` };
  // These would reach into JavaScript's own objects (and change every object), never a field.
  const reserved = parts.find((p) => RESERVED.has(p));
  if (reserved) return { path: [], message: `--set ${path}: "${reserved}" is not a field of a scenario` };
  let node: unknown = raw;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    const here = parts.slice(0, i + 1).join('.');
    if (Array.isArray(node)) {
      const items = node as { name?: unknown }[];
      const byIndex = listItem(items, key);
      if (byIndex.item !== undefined) {
        node = byIndex.item;
        continue;
      }
      if (byIndex.problem) return { path: [], message: `--set ${path}: ${parts[i - 1]}${byIndex.problem}` };
      const found = items.find((it) => it && typeof it === 'object' && it.name === key);
      if (!found) {
        const what = NAMED_LISTS[parts[i - 1]] ?? 'item';
        const names = items.map((it) => String(it?.name)).join(', ');
        return { path: [], message: `--set ${path}: no ${what} named "${key}" (${names})` };
      }
      node = found;
    } else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (!Object.hasOwn(obj, key) || obj[key] === undefined) {
        if (i === 0 || !Object.hasOwn(obj, key)) {
          // A missing intermediate object is created (e.g. worklist.order when there is no worklist).
          if (NAMED_LISTS[key]) return { path: [], message: `--set ${path}: the scenario has no ${key} list to set ${here} in` };
          obj[key] = {};
        }
      }
      node = obj[key];
    } else {
      return { path: [], message: `--set ${path}: ${parts.slice(0, i).join('.')} is not an object or a named list` };
    }
  }
  const last = parts[parts.length - 1];
  if (Array.isArray(node) || !node || typeof node !== 'object') {
    return {
      path: [],
      message: `--set ${path}: ${parts.slice(0, -1).join('.') || 'the scenario'} is not an object to set "${last}" in`,
    };
  }
  (node as Record<string, unknown>)[last] = value;
  return null;
}

/**
 * Splits a `--set` path into its steps: dots separate them, and `[n]` picks the n-th item
 * (from 0) of a list: `readers.radiologists.roster[3].on` -> readers, radiologists, roster, [3], on.
 */
export function splitSetPath(path: string): string[] {
  return path.split('.').flatMap((part) => {
    const m = /^([^[\]]*)((?:\[\d+\])+)$/.exec(part);
    if (!m) return [part];
    const indexes = m[2].match(/\[\d+\]/g) ?? [];
    return m[1] ? [m[1], ...indexes] : indexes;
  });
}

/**
 * A list item picked by `[n]` (or by a bare number in a list whose items have no names), or
 * the problem with the pick, naming the valid ones; neither when `key` names an item by name.
 */
function listItem(items: { name?: unknown }[], key: string): { item?: unknown; problem?: string } {
  const named = items.some((it) => it && typeof it === 'object' && typeof it.name === 'string');
  const m = /^\[(\d+)\]$/.exec(key) ?? (!named && /^(\d+)$/.exec(key));
  const valid = items.length === 0 ? 'the list is empty' : `valid: [0] to [${items.length - 1}]`;
  if (m) {
    const n = Number(m[1]);
    return n < items.length ? { item: items[n] } : { problem: ` has no item [${n}] (${valid})` };
  }
  if (!named) return { problem: ` is a list without names: pick an item by its place, such as [0] (${valid})` };
  return {};
}

/**
 * The value at a `--set` path in a raw scenario (list items by name or `[n]`), or undefined
 * when there is none.
 */
export function getPath(raw: Record<string, unknown>, path: string): unknown {
  let node: unknown = raw;
  for (const key of splitSetPath(path)) {
    if (Array.isArray(node)) {
      const m = /^\[(\d+)\]$/.exec(key);
      node = m ? node[Number(m[1])] : node.find((it) => it && typeof it === 'object' && it.name === key);
    } else if (node && typeof node === 'object') {
      node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    } else return undefined;
  }
  return node;
}
