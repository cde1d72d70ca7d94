// Parsing and validating scenario text: no file access, so that it runs in the browser too.
import { load as loadYaml } from 'js-yaml';
import type { DepartmentConfig } from '../model/department-config.js';
import { checkScenario } from './check-scenario.js';
import { allowsMinus, applyRelative, isWholePath, parseRelative, resolveRelativeArms } from './relative-value.js';
import { type ResolvedScenario, resolveScenario } from './resolve.js';
import { editDistance, fromZodIssues, locateIssues, ScenarioError, type ScenarioIssue } from './scenario-error.js';
import { describeValue, Scenario as ScenarioSchema } from './schema.js';
import { getPath, parseAssignment, parseValue, setPath } from './set-path.js';
import { type PositionLookup, type SourcePosition, sourcePositions } from './source-positions.js';
import { toDepartmentConfig } from './to-department-config.js';

/** The extension of a file name, lower case with its dot ('' if none); like node:path's extname, but browser-safe. */
export function fileExtension(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** A file name without its folder and extension (the default results folder name). */
export function fileStem(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** A loaded, validated scenario: what every command starts from. */
export interface LoadedScenario {
  /** The file it came from (as given), for messages. */
  file: string;
  /** Its name without directory and extension: the default results folder name. */
  stem: string;
  resolved: ResolvedScenario;
  /** One department per arm, in arm order. */
  departments: DepartmentConfig[];
}

export interface LoadOptions {
  /** `PATH=VALUE` changes applied before validation (`--set`). */
  set?: string[];
  /** Run only these arms, by name, in this order (the first is the baseline the others are compared with). */
  arms?: string[];
}

/** The arms named in `names`, in that order; throws a ScenarioError naming the arms there are. */
function pickArms(file: string, resolved: ResolvedScenario, names: string[]): ResolvedScenario {
  const known = resolved.arms.map((a) => a.name);
  const missing = names.filter((n) => !known.includes(n));
  if (missing.length)
    throw new ScenarioError(file, [
      {
        path: [],
        message: `--arms: no arm named ${missing.map((m) => `"${m}"`).join(', ')} (the arms are: ${known.join('; ')})`,
      },
    ]);
  return { ...resolved, arms: names.map((n) => resolved.arms[known.indexOf(n)]) };
}

/**
 * The value a `--set` assignment puts at its path: `+2`, `-1` (counts) and `x1.1` are relative
 * to the value there now; anything else is read as YAML. `{ error }` when a relative value has
 * nothing to change.
 */
function setValue(raw: Record<string, unknown>, path: string, text: string): unknown {
  const rel = parseRelative(text, allowsMinus(path));
  if (!rel) return parseValue(text);
  const r = applyRelative(getPath(raw, path), rel, isWholePath(path));
  return 'error' in r ? { error: r.error } : r.value;
}

/**
 * The text each raw scenario object was parsed from, so that validation can say on which line
 * and column a problem is written. A raw object built in code (or cloned) has none, and its
 * messages name the file and the field only.
 */
const SOURCES = new WeakMap<object, PositionLookup>();

/** The place in `text` of a parser's error: a js-yaml mark (0-based), or JSON.parse's "at position N". */
function syntaxErrorPosition(text: string, e: unknown): SourcePosition {
  const mark = (e as { mark?: { position?: number } }).mark;
  const offset =
    typeof mark?.position === 'number'
      ? mark.position
      : Number(/at position (\d+)/.exec((e as Error).message)?.[1] ?? text.length);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1, from: offset, to: offset + 1 };
}

/**
 * Parses YAML or JSON text (JSON is YAML) into a raw object, or throws a ScenarioError whose
 * message starts `file:line:column:`. The object remembers its text: {@link validateScenario}'s
 * messages then carry the line and column of each field they name.
 */
export function parseScenarioText(file: string, text: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = fileExtension(file) === '.json' ? JSON.parse(text) : loadYaml(text);
  } catch (e) {
    // js-yaml ends its reason with the "(line:column)" the message now starts with.
    const msg = (e as Error).message.split('\n')[0].replace(/ \(\d+:\d+\)$/, '');
    throw new ScenarioError(file, [
      {
        path: [],
        message: `cannot be read as ${fileExtension(file) === '.json' ? 'JSON' : 'YAML'}: ${msg}`,
        position: syntaxErrorPosition(text, e),
      },
    ]);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    // Never echo the file: a table export passed by mistake holds patient data.
    const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
    const looksLikeTable = /[,;\t]/.test(firstLine) && text.split(/\r?\n/, 3).length > 1;
    const found = Array.isArray(raw)
      ? 'a list'
      : looksLikeTable
        ? `a table (${firstLine.split(/[,;\t]/).length} columns on line 1), not a scenario; to build a scenario from a RIS export run: readsim calibrate ${file} --out our-department.yaml`
        : typeof raw === 'string'
          ? `text (${raw.length} characters)`
          : describeValue(raw);
    throw new ScenarioError(file, [
      {
        path: [],
        message: `expected a scenario (a mapping with name, horizon, streams, readers, ...), found ${found}`,
        position: sourcePositions(text)([]) ?? undefined,
      },
    ]);
  }
  SOURCES.set(raw, sourcePositions(text));
  return raw as Record<string, unknown>;
}

/** The headcount a `readers.<name>.count` path points at now, or null for other paths. */
function headcountOf(raw: Record<string, unknown>, path: string): number | null {
  const m = /^readers\.([^.]+)\.count$/.exec(path);
  if (!m || !Array.isArray(raw.readers)) return null;
  const g = (raw.readers as { name?: unknown; count?: unknown }[]).find((x) => x?.name === m[1]);
  return g && typeof g.count === 'number' && g.count > 0 ? g.count : null;
}

/**
 * After `--set readers.<name>.count=N`, the group's roster scales with the headcount (as it
 * does for an arm that changes the count, and for headcount growth), unless the roster is set too.
 */
function scaleRoster(raw: Record<string, unknown>, path: string, before: number): void {
  const name = path.split('.')[1];
  const g = (raw.readers as { name?: unknown; count?: unknown; roster?: unknown }[]).find((x) => x?.name === name);
  if (!g || typeof g.count !== 'number' || !Array.isArray(g.roster)) return;
  const scale = g.count / before;
  for (const shift of g.roster as { on?: unknown }[]) {
    if (shift && typeof shift.on === 'number') shift.on = Number((shift.on * scale).toFixed(4));
  }
}

/** The value at a field path of a raw scenario (undefined where there is none). */
function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let node = raw;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/**
 * The positions of fields in the file `raw` was parsed from; none for a field whose value --set
 * changed (`asWritten`: the raw object before --set), whose message then names the field only.
 */
function placesInFile(raw: Record<string, unknown>, asWritten: Record<string, unknown> | null): PositionLookup | undefined {
  const lookup = SOURCES.get(raw);
  if (!lookup || !asWritten) return lookup;
  const same = (path: readonly (string | number)[]) =>
    JSON.stringify(valueAt(raw, path)) === JSON.stringify(valueAt(asWritten, path));
  return (path) => (same(path) ? lookup(path) : null);
}

/**
 * A file whose fields are mostly not a scenario's (package.json, tsconfig.json) is not a scenario
 * with many mistakes: one line says so, instead of one a field. It is taken for one when it has
 * none of the fields every scenario has (horizon, streams, readers), more than half of its
 * fields are unknown, and none of those is a near miss of a scenario field (one edit away, two
 * for five letters or more: a draft with `stream:` gets its "did you mean" instead). Throws that
 * ScenarioError.
 */
function notAScenario(file: string, raw: Record<string, unknown>): void {
  const keys = Object.keys(raw);
  const fields = Object.keys(ScenarioSchema.shape);
  if (keys.length === 0 || ['horizon', 'streams', 'readers'].some((k) => k in raw)) return;
  const unknown = keys.filter((k) => !fields.includes(k));
  const nearMiss = (k: string) => fields.some((f) => editDistance(k.toLowerCase(), f.toLowerCase()) <= (k.length >= 5 ? 2 : 1));
  if (2 * unknown.length <= keys.length || unknown.some(nearMiss)) return;
  const shown = unknown.slice(0, 4).join(', ') + (unknown.length > 4 ? ', ...' : '');
  throw new ScenarioError(file, [
    {
      path: [],
      message: `not a readsim scenario: most of its fields (${shown}) are not a scenario's; a scenario has name, horizon, streams and readers (docs/scenario-format.md; readsim init writes one)`,
    },
  ]);
}

/** Validates a raw scenario object: schema, then references; returns the resolved scenario and its departments. */
export function validateScenario(file: string, raw: Record<string, unknown>, options: LoadOptions = {}): LoadedScenario {
  const setIssues: ScenarioIssue[] = [];
  // The file as written, to tell the fields --set changed (their values are not on any line).
  const asWritten = options.set?.length && SOURCES.has(raw) ? structuredClone(raw) : null;
  const assignments = (options.set ?? []).map((text) => ({ text, a: parseAssignment(text) }));
  for (const { text, a } of assignments) {
    if (!a) {
      setIssues.push({ path: [], message: `--set ${text}: expected PATH=VALUE, such as readers.general.count=8` });
      continue;
    }
    if (a.path === 'growth') {
      // A shortcut: every stream's growth.
      const streams = Array.isArray(raw.streams) ? (raw.streams as Record<string, unknown>[]) : [];
      for (const st of streams) if (st && typeof st === 'object') st.growth = parseValue(a.value);
      continue;
    }
    const before = headcountOf(raw, a.path);
    const value = setValue(raw, a.path, a.value);
    if (typeof value === 'object' && value !== null && 'error' in value) {
      setIssues.push({ path: [], message: `--set ${text}: ${(value as { error: string }).error}` });
      continue;
    }
    const issue = setPath(raw, a.path, value);
    if (issue) setIssues.push(issue);
    else if (before !== null && !assignments.some((x) => x.a?.path === a.path.replace(/count$/, 'roster')))
      scaleRoster(raw, a.path, before);
  }
  // --set problems are on the command line, not in the file: they keep no position.
  if (setIssues.length) throw new ScenarioError(file, setIssues);
  const source = placesInFile(raw, asWritten);
  const relativeIssues = resolveRelativeArms(raw);
  if (relativeIssues.length) throw new ScenarioError(file, locateIssues(relativeIssues, source));
  notAScenario(file, raw);
  const parsed = ScenarioSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(file, locateIssues(fromZodIssues(parsed.error.issues), source));
  let resolved = resolveScenario(parsed.data);
  if (options.arms?.length) resolved = pickArms(file, resolved, options.arms);
  const issues = checkScenario(resolved);
  if (issues.length) throw new ScenarioError(file, locateIssues(issues, source));
  const departments = resolved.arms.map((_, i) => toDepartmentConfig(resolved, i));
  return { file, stem: fileStem(file), resolved, departments };
}
