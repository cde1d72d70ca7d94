// The YAML editor: CodeMirror with completion from the scenario JSON Schema (schema/) and inline
// errors carrying the command line's own messages (the same validator, the same words).
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { basicSetup, EditorView } from 'codemirror';
import schema from '../../schema/scenario.schema.json';
import { formatIssue, ScenarioError } from '../scenario/scenario-error.js';
import { parseScenarioText, validateScenario } from '../scenario/scenario-text.js';

type JsonSchema = {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  additionalProperties?: JsonSchema | boolean;
};

const root = schema as unknown as JsonSchema & { $defs?: Record<string, JsonSchema> };

function deref(s: JsonSchema | undefined): JsonSchema | undefined {
  let n = s;
  for (let i = 0; n?.$ref && i < 10; i++) n = root.$defs?.[n.$ref.replace('#/$defs/', '')];
  return n;
}

/** The alternatives of a schema node (anyOf/oneOf flattened), dereferenced. */
function options(s: JsonSchema | undefined): JsonSchema[] {
  const n = deref(s);
  if (!n) return [];
  const alts = [...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])];
  return alts.length ? alts.flatMap(options) : [n];
}

function child(s: JsonSchema | undefined, step: string | number): JsonSchema | undefined {
  for (const o of options(s)) {
    if (typeof step === 'number' && o.items) return o.items;
    if (typeof step === 'string' && o.properties?.[step]) return o.properties[step];
    if (typeof step === 'string' && typeof o.additionalProperties === 'object') return o.additionalProperties;
  }
  return undefined;
}

/** The path of mappings and lists above a line, from the indentation of the lines above it. */
function pathAt(lines: string[], line: number, indent: number): (string | number)[] {
  const path: (string | number)[] = [];
  let limit = indent;
  for (let i = line - 1; i >= 0 && limit > 0; i--) {
    const text = lines[i];
    if (!text.trim() || text.trim().startsWith('#')) continue;
    const ind = text.length - text.trimStart().length;
    if (ind >= limit) continue;
    const m = /^(\s*)(- )?([A-Za-z_][\w-]*):/.exec(text);
    const dash = /^\s*- /.test(text);
    if (dash && ind + 2 <= limit) {
      if (m && ind + 2 < limit) path.unshift(m[3]);
      path.unshift(0);
      limit = ind;
      continue;
    }
    if (m) {
      path.unshift(m[3]);
      limit = ind;
    }
  }
  return path;
}

function complete(context: CompletionContext): CompletionResult | null {
  const word = context.matchBefore(/[A-Za-z_][\w-]*/);
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const lines = context.state.doc.toString().split('\n');
  const valueMatch = /^(\s*)(- )?([A-Za-z_][\w-]*):\s*(\S*)$/.exec(before);
  if (valueMatch) {
    // A value: the enum of the key's schema.
    const indent = valueMatch[1].length + (valueMatch[2] ? 2 : 0);
    const path = [...pathAt(lines, line.number - 1, indent), ...(valueMatch[2] ? [0] : []), valueMatch[3]];
    let s: JsonSchema | undefined = root;
    for (const p of path) s = child(s, p);
    const values = options(s).flatMap((o) => [...(o.enum ?? []), ...(o.const !== undefined ? [o.const] : [])]);
    if (!values.length) return null;
    return { from: context.pos - valueMatch[4].length, options: values.map((v) => ({ label: String(v), type: 'enum' })) };
  }
  if (!/^\s*(- )?[A-Za-z_-]*$/.test(before) || (!word && !context.explicit)) return null;
  const indent = before.length - before.trimStart().length + (/^\s*- /.test(before) ? 2 : 0);
  const path = [...pathAt(lines, line.number - 1, indent), ...(/^\s*- /.test(before) ? [0] : [])];
  let s: JsonSchema | undefined = root;
  for (const p of path) s = child(s, p);
  const props = options(s).flatMap((o) => Object.entries(o.properties ?? {}));
  if (!props.length) return null;
  return {
    from: word ? word.from : context.pos,
    options: props.map(([k, v]) => ({ label: k, type: 'property', apply: `${k}: `, info: deref(v)?.description })),
  };
}

/** The CLI's messages for a scenario text, placed on the field they name. */
export function scenarioDiagnostics(file: string, text: string): Diagnostic[] {
  try {
    validateScenario(file, parseScenarioText(file, text));
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) return [{ from: 0, to: 0, severity: 'error', message: (e as Error).message }];
    return e.issues.map((issue) => {
      // The scenario layer placed each issue on the field it names (file:line:column).
      const range: [number, number] = issue.position
        ? [issue.position.from, issue.position.to]
        : [0, Math.min(text.length, text.indexOf('\n') >>> 0)];
      return {
        from: range[0],
        to: Math.min(range[1], text.length),
        severity: 'error' as const,
        message: formatIssue(file, issue),
      };
    });
  }
}

export function createEditor(
  parent: HTMLElement,
  text: string,
  fileName: () => string,
  onChange: (text: string) => void,
): EditorView {
  return new EditorView({
    parent,
    doc: text,
    extensions: [
      basicSetup,
      yaml(),
      lintGutter(),
      linter((view) => scenarioDiagnostics(fileName(), view.state.doc.toString()), { delay: 300 }),
      autocompletion({ override: [complete] }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) onChange(u.state.doc.toString());
      }),
      EditorView.contentAttributes.of({ 'aria-label': 'scenario YAML' }),
    ],
  });
}

export function setEditorText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
