/**
 * The JSON Schema that editors use: every property has a description (help on hover), and the
 * bundled scenarios, relative values in arms included (`count: "+2"`), pass it, so an editor
 * flags none of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';

type Node = Record<string, unknown>;
const schema = scenarioJsonSchema() as Node;
const defs = (schema.$defs ?? {}) as Record<string, Node>;

function deref(n: Node): Node {
  let x = n;
  for (let i = 0; i < 50 && typeof x.$ref === 'string'; i++) {
    const { $ref, ...rest } = x;
    x = { ...defs[($ref as string).split('/').pop() as string], ...rest };
  }
  return x;
}

/**
 * The problems of `v` against `n`, for the keywords the generated schema uses (type, const,
 * enum, pattern, minimum, maximum, anyOf, oneOf, properties, required, additionalProperties,
 * items, minItems, maxItems). Enough to say whether an editor would flag a scenario.
 */
function problems(n0: Node, v: unknown, path = ''): string[] {
  const n = deref(n0);
  const alts = (n.anyOf ?? n.oneOf) as Node[] | undefined;
  if (alts) {
    const fits = alts.filter((a) => problems(a, v, path).length === 0).length;
    if (n.oneOf ? fits !== 1 : fits === 0) return [`${path}: ${JSON.stringify(v)} fits ${fits} of ${alts.length} choices`];
  }
  const out: string[] = [];
  const t = n.type as string | undefined;
  const typeOk =
    t === undefined ||
    (t === 'integer' && Number.isInteger(v)) ||
    (t === 'number' && typeof v === 'number') ||
    (t === 'string' && typeof v === 'string') ||
    (t === 'boolean' && typeof v === 'boolean') ||
    (t === 'array' && Array.isArray(v)) ||
    (t === 'object' && typeof v === 'object' && v !== null && !Array.isArray(v));
  if (!typeOk) return [`${path}: expected ${t}, found ${JSON.stringify(v)}`];
  if (n.const !== undefined && v !== n.const) out.push(`${path}: expected ${String(n.const)}`);
  if (Array.isArray(n.enum) && !n.enum.includes(v)) out.push(`${path}: not one of ${n.enum.join(', ')}`);
  if (typeof v === 'string' && typeof n.pattern === 'string' && !new RegExp(n.pattern, 'u').test(v))
    out.push(`${path}: ${v} does not match ${n.pattern}`);
  if (typeof v === 'number' && typeof n.minimum === 'number' && v < n.minimum) out.push(`${path}: below ${n.minimum}`);
  if (typeof v === 'number' && typeof n.maximum === 'number' && v > n.maximum) out.push(`${path}: above ${n.maximum}`);
  if (Array.isArray(v)) {
    if (typeof n.minItems === 'number' && v.length < n.minItems) out.push(`${path}: fewer than ${n.minItems} items`);
    if (typeof n.maxItems === 'number' && v.length > n.maxItems) out.push(`${path}: more than ${n.maxItems} items`);
    if (n.items)
      v.forEach((x, i) => {
        out.push(...problems(n.items as Node, x, `${path}[${i}]`));
      });
  } else if (typeof v === 'object' && v !== null) {
    const props = (n.properties ?? {}) as Record<string, Node>;
    for (const r of (n.required as string[]) ?? []) if (!(r in v)) out.push(`${path}.${r}: missing`);
    for (const [k, x] of Object.entries(v)) {
      if (props[k]) out.push(...problems(props[k], x, `${path}.${k}`));
      else if (n.additionalProperties === false) out.push(`${path}.${k}: not allowed`);
      else if (n.additionalProperties && typeof n.additionalProperties === 'object')
        out.push(...problems(n.additionalProperties as Node, x, `${path}.${k}`));
    }
  }
  return out;
}

/** Every property of the schema, with its path, walking refs and unions. */
function properties(n0: Node, path: string, seen: Set<string>, out: { path: string; node: Node }[] = []) {
  const n = deref(n0);
  const ref = typeof n0.$ref === 'string' ? n0.$ref : '';
  if (ref && seen.has(ref)) return out;
  const s = ref ? new Set([...seen, ref]) : seen;
  for (const a of [...((n.anyOf as Node[]) ?? []), ...((n.oneOf as Node[]) ?? [])]) properties(a, path, s, out);
  if (n.items) properties(n.items as Node, `${path}[]`, s, out);
  if (n.additionalProperties && typeof n.additionalProperties === 'object')
    properties(n.additionalProperties as Node, `${path}.<name>`, s, out);
  for (const [k, v] of Object.entries((n.properties ?? {}) as Record<string, Node>)) {
    out.push({ path: `${path}.${k}`, node: v });
    properties(v, `${path}.${k}`, s, out);
  }
  return out;
}

describe('scenario.schema.json', () => {
  it('describes every property, so that editors show help on hover', () => {
    const all = properties(schema, '', new Set());
    expect(all.length).toBeGreaterThan(250);
    const bare = all.filter(({ node }) => !deref(node).description).map((p) => p.path);
    expect([...new Set(bare)]).toEqual([]);
  });

  it('is the committed schema/scenario.schema.json', () => {
    expect(JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8'))).toEqual(schema);
  });

  it('accepts every bundled scenario, relative values in arms included', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(problems(schema, load(readFileSync(`scenarios/${f}`, 'utf8'))), f).toEqual([]);
    expect(readFileSync('scenarios/widening-gap.yaml', 'utf8')).toContain('count: "+2"');
  });

  it('takes relative values wherever an arm changes a number, and only there', () => {
    const base = load(readFileSync('scenarios/widening-gap.yaml', 'utf8')) as Node;
    const withArm = (arm: Node) => ({ ...base, arms: [{ name: 'base' }, { name: 'x', ...arm }] });
    for (const arm of [
      { readers: { radiologists: { count: '-1', efficiency: 'x1.1' } } },
      { readers: { radiologists: { roster: [{}, {}, {}, { on: '+1' }] } } },
      { streams: { 'ed-ct': { volume: 'x1.1', readTime: { mean: 'x1.2' } } } },
    ])
      expect(problems(schema, withArm(arm)), JSON.stringify(arm)).toEqual([]);
    // Not where a number is not meant, and not outside the arms.
    expect(problems(schema, withArm({ readers: { radiologists: { shiftEnd: '+1' } } })).length).toBeGreaterThan(0);
    expect(problems(schema, withArm({ readers: { radiologists: { count: 'two more' } } })).length).toBeGreaterThan(0);
    const streams = (base.streams as Node[]).map((s, i) => (i === 0 ? { ...s, volume: 'x1.1' } : s));
    expect(problems(schema, { ...base, streams }).length).toBeGreaterThan(0);
  });
});
