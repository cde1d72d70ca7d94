/**
 * What-ifs relative to the baseline: `+2` / `-1` add to a count, `x1.1` multiplies a number
 * (keeping its unit: `x1.1` of `12000/y` is `13200/y`). Used by `--set` and by arms, so that
 * "two more radiologists" stays two more when the baseline changes.
 */

export interface Relative {
  op: 'add' | 'times';
  by: number;
  /** As written, for messages and labels. */
  text: string;
}

/**
 * `+N` (or `-N` where `allowMinus`, for counts) adds; `xF`, `×F` or `*F` multiplies. Null for an
 * absolute value. A quoted YAML string, so `count: "+2"` (YAML reads an unquoted +2 as 2).
 */
export function parseRelative(value: unknown, allowMinus = false): Relative | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  const add = (allowMinus ? /^[+-]\s*(\d+(?:\.\d+)?)$/ : /^\+\s*(\d+(?:\.\d+)?)$/).exec(t);
  if (add) return { op: 'add', by: (t.startsWith('-') ? -1 : 1) * Number(add[1]), text: t };
  const times = /^[x×*]\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (times) return { op: 'times', by: Number(times[1]), text: t };
  return null;
}

/** A number, or a number followed by a unit ("15m", "12000/y", "6%/y"), split; null otherwise. */
function numberAndUnit(v: unknown): { n: number; unit: string } | null {
  if (typeof v === 'number') return { n: v, unit: '' };
  if (typeof v !== 'string') return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(\S*)\s*$/.exec(v);
  return m ? { n: Number(m[1]), unit: m[2] } : null;
}

/**
 * The value `rel` makes of `current`, or a message saying why it cannot. Adding keeps whole
 * numbers whole; multiplying a count rounds to the nearest whole number (a headcount of 26.4 is no
 * headcount); other numbers keep 6 significant digits.
 */
export function applyRelative(
  current: unknown,
  rel: Relative,
  wholeNumber = false,
): { value: number | string } | { error: string } {
  const cur = numberAndUnit(current);
  if (!cur)
    return {
      error: `${rel.text} needs a number to change, found ${current === undefined ? 'nothing' : JSON.stringify(current)}`,
    };
  let n = rel.op === 'add' ? cur.n + rel.by : cur.n * rel.by;
  n = wholeNumber ? Math.round(n) : Number(n.toPrecision(6));
  return { value: cur.unit ? `${n}${cur.unit}` : n };
}

/** Paths whose values are whole numbers (a headcount, a backlog): multiplying them rounds. */
export function isWholePath(path: string): boolean {
  return /(^|\.)(count|backlog|replications)$/.test(path);
}

/** Paths where `-N` means "N fewer" (numbers that cannot be negative): headcounts and numbers on duty. */
export function allowsMinus(path: string): boolean {
  return /(^|\.)(count|on)$/.test(path);
}

const ARM_TARGETS: [armKey: 'readers' | 'streams' | 'tools', listKey: string][] = [
  ['readers', 'readers'],
  ['streams', 'streams'],
  ['tools', 'ai'],
];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Does `v` hold a relative value anywhere inside? */
function holdsRelative(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(holdsRelative);
  if (isObject(v)) return Object.values(v).some(holdsRelative);
  return parseRelative(v, true) !== null;
}

type Issue = { path: (string | number)[]; message: string };

/**
 * `v` with its relative values turned into values, against `base` (the baseline's value at the
 * same place; `key` is the field's name). A block (an object) holding a relative value is
 * completed from the baseline's block, so `readTime: { mean: "x1.1" }` keeps the baseline's
 * distribution and spread (unless it names another `dist`); a list's items are matched by place
 * (`roster: [{ on: "+1" }, {}, ...]` changes the baseline's first shift and keeps its second).
 */
function resolveValue(
  v: unknown,
  base: unknown,
  key: string,
  path: (string | number)[],
  issues: Issue[],
  complete = false,
): unknown {
  const rel = parseRelative(v, allowsMinus(key));
  if (rel) {
    const r = applyRelative(base, rel, isWholePath(key));
    if ('error' in r) {
      issues.push({ path, message: r.error });
      return v;
    }
    return r.value;
  }
  if (Array.isArray(v)) {
    // In a list that holds a relative value, `{}` keeps the baseline's item at its place.
    const c = holdsRelative(v);
    return v.map((x, i) => resolveValue(x, Array.isArray(base) ? base[i] : undefined, key, [...path, i], issues, c));
  }
  if (isObject(v)) {
    const b = isObject(base) ? base : undefined;
    const sameKind = b !== undefined && (v.dist === undefined || v.dist === b.dist);
    const out: Record<string, unknown> = (complete || holdsRelative(v)) && sameKind ? { ...b, ...v } : { ...v };
    for (const [k, x] of Object.entries(v)) out[k] = resolveValue(x, b?.[k], k, [...path, k], issues);
    return out;
  }
  return v;
}

/**
 * Turns every relative value in the arms' changes into the value it makes of the baseline's:
 * `readers: { radiologists: { count: "+2" } }`, and inside nested fields too
 * (`streams: { ed-ct: { readTime: { mean: "x1.1" } } }`, a roster entry's `on: "+1"`).
 * Returns the problems, as [path, message] pairs.
 */
export function resolveRelativeArms(raw: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  if (!Array.isArray(raw.arms)) return issues;
  raw.arms.forEach((arm: unknown, a: number) => {
    if (!arm || typeof arm !== 'object') return;
    for (const [armKey, listKey] of ARM_TARGETS) {
      const changes = (arm as Record<string, unknown>)[armKey];
      if (!changes || typeof changes !== 'object') continue;
      const list = Array.isArray(raw[listKey]) ? (raw[listKey] as Record<string, unknown>[]) : [];
      for (const [name, change] of Object.entries(changes as Record<string, unknown>)) {
        if (!isObject(change)) continue;
        const base = list.find((x) => x && typeof x === 'object' && x.name === name);
        for (const [field, v] of Object.entries(change)) {
          if (!holdsRelative(v)) continue;
          const path = ['arms', a, armKey, name, field];
          if (!base) {
            issues.push({ path, message: `a value relative to ${listKey} "${name}", which the scenario does not have` });
            continue;
          }
          change[field] = resolveValue(v, base[field], field, path, issues);
        }
      }
    }
  });
  return issues;
}
