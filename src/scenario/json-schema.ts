import * as z from 'zod';
import { Scenario } from './schema.js';

type Node = Record<string, unknown>;

/**
 * A relative value as the JSON Schema accepts it in an arm's changes: `"+2"`, `"-1"`, `"x1.1"`
 * (relative-value.ts says which fields take which; readsim checks that, an editor need not).
 */
export const RELATIVE_JSON_SCHEMA: Node = {
  type: 'string',
  pattern: '^\\s*([+-]\\s*\\d+(\\.\\d+)?|[x×*]\\s*\\d+(\\.\\d+)?)\\s*$',
  description: 'relative to the baseline: "+2" or "-1" add (headcounts, numbers on duty), "x1.1" multiplies and keeps the unit',
};

function isNumeric(n: Node): boolean {
  return n.type === 'number' || n.type === 'integer';
}

/** `node` with its `$ref`s followed (its own keys, such as a description, kept). */
function deref(node: Node, defs: Record<string, Node>): Node {
  let x = node;
  for (let i = 0; i < 50 && typeof x.$ref === 'string'; i++) {
    const { $ref, ...rest } = x;
    x = { ...defs[($ref as string).split('/').pop() as string], ...rest };
  }
  return x;
}

/**
 * A copy of `node` (refs inlined) in which every place that takes a number also takes a
 * relative value, and nested objects need none of their fields: in an arm, a nested block that
 * holds a relative value is completed from the baseline's (relative-value.ts), so `readTime:
 * { mean: "x1.1" }` is whole once readsim has read it. One of a union becomes any of, since a
 * partial block may fit several variants.
 */
function withRelative(node: Node, defs: Record<string, Node>, depth = 0): Node {
  const x = deref(node, defs);
  const out: Node = { ...x };
  const alts = (x.anyOf ?? x.oneOf) as Node[] | undefined;
  if (alts) {
    delete out.oneOf;
    const mapped = alts.map((a) => withRelative(a, defs, depth + 1));
    // A value form (a number, or text such as "15m"): the relative form is one more choice.
    const numeric = alts.some((a) => isNumeric(deref(a, defs)));
    out.anyOf = numeric ? [...alts.map((a) => deref(a, defs)), RELATIVE_JSON_SCHEMA] : mapped;
    return out;
  }
  if (isNumeric(x)) {
    const { description, ...plain } = x;
    return { ...(description !== undefined ? { description } : {}), anyOf: [plain, RELATIVE_JSON_SCHEMA] };
  }
  if (x.type === 'array' && x.items) out.items = withRelative(x.items as Node, defs, depth + 1);
  if (x.properties) {
    out.properties = Object.fromEntries(
      Object.entries(x.properties as Record<string, Node>).map(([k, v]) => [k, withRelative(v, defs, depth + 1)]),
    );
    if (depth > 0) delete out.required;
  }
  if (x.additionalProperties && typeof x.additionalProperties === 'object')
    out.additionalProperties = withRelative(x.additionalProperties as Node, defs, depth);
  return out;
}

/**
 * The scenario format as a JSON Schema, generated from the zod schema, so that editors can
 * complete and check scenario files (`# yaml-language-server: $schema=...` in a YAML file). In
 * an arm's `readers.<group>` and `streams.<stream>`, every number may also be written relative
 * to the baseline (`count: "+2"`, `volume: "x1.1"`, inside roster entries and read times too):
 * readsim turns those into values before it checks the arm against the zod schema.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    reused: 'ref',
    io: 'input',
  }) as Record<string, unknown>;
  const defs = (schema.$defs ?? {}) as Record<string, Node>;
  const props = schema.properties as Record<string, Node>;
  // The arm's item, with relative values allowed in its changes to reader groups and streams.
  const arms = deref(props.arms, defs);
  const arm = deref(arms.items as Node, defs);
  const armProps = { ...(arm.properties as Record<string, Node>) };
  for (const key of ['readers', 'streams']) if (armProps[key]) armProps[key] = withRelative(armProps[key], defs);
  props.arms = { ...arms, items: { ...arm, properties: armProps } };
  return { $id: 'https://readsim.invalid/scenario.schema.json', ...schema };
}
