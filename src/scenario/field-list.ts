/** One field of the scenario format, as the JSON Schema gives it. */
export interface FieldEntry {
  /** E.g. "streams[].readTime.mean", "arms[].readers.<group>.count". */
  path: string;
  /** What the field holds, in short: "text", "number", "list", "mapping", a value form, or choices. */
  kind: string;
  required: boolean;
  description: string;
}

type Node = Record<string, unknown>;

/**
 * Every field of the scenario format, walking the JSON Schema (scenario.schema.json): list items
 * as `[]`, mapping keys as `<name>`, the variants of a union merged (AI tool kinds). Deterministic,
 * so a document generated from it can be checked against the schema by a test.
 */
export function fieldList(schema: Node): FieldEntry[] {
  const defs = (schema.$defs ?? {}) as Record<string, Node>;
  const deref = (n: Node): Node => {
    let x = n;
    for (let i = 0; i < 50 && typeof x.$ref === 'string'; i++) {
      const d = defs[(x.$ref as string).split('/').pop() as string] ?? {};
      x = { ...d, ...(x.description !== undefined ? { description: x.description } : {}) };
    }
    return x;
  };
  const out = new Map<string, FieldEntry>();
  const kindOf = (n: Node): string => {
    const x = deref(n);
    if (Array.isArray(x.enum)) return `one of ${(x.enum as unknown[]).join(', ')}`;
    if (x.const !== undefined) return `"${String(x.const)}"`;
    const alts = (x.anyOf ?? x.oneOf) as Node[] | undefined;
    if (alts) return [...new Set(alts.map(kindOf))].join(' or ');
    if (x.type === 'array') return 'list';
    if (x.type === 'object') return 'mapping';
    if (x.type === 'string') return 'text';
    if (x.type === 'integer') return 'whole number';
    return String(x.type ?? 'any');
  };
  const walk = (n: Node, path: string, required: boolean, description?: string) => {
    const x = deref(n);
    const desc = description ?? (typeof x.description === 'string' ? x.description : '');
    if (path) {
      const prev = out.get(path);
      const kind = kindOf(n);
      out.set(path, {
        path,
        kind: prev && prev.kind !== kind ? `${prev.kind} or ${kind}` : kind,
        required: (prev?.required ?? true) && required,
        description: prev?.description || desc,
      });
      if (prev) out.get(path)!.required = prev.required && required;
    }
    const alts = (x.anyOf ?? x.oneOf) as Node[] | undefined;
    if (alts) for (const a of alts) walkChildren(deref(a), path);
    else walkChildren(x, path);
  };
  const walkChildren = (x: Node, path: string) => {
    if (x.type === 'array' && x.items) walk(x.items as Node, `${path}[]`, true, '');
    if (x.properties) {
      const req = new Set((x.required as string[]) ?? []);
      for (const [k, v] of Object.entries(x.properties as Record<string, Node>)) walk(v, path ? `${path}.${k}` : k, req.has(k));
    }
    if (x.additionalProperties && typeof x.additionalProperties === 'object' && Object.keys(x.additionalProperties).length)
      walk(x.additionalProperties as Node, `${path}.<name>`, false, '');
  };
  walk(schema, '', true);
  // A list's items are described by the list itself.
  return [...out.values()].filter((e) => !e.path.endsWith('[]'));
}
