import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { DepartmentConfig } from '../model/department-config.js';
import { checkScenario } from './check-scenario.js';
import { type ResolvedScenario, resolveScenario } from './resolve.js';
import { fromZodIssues, ScenarioError, type ScenarioIssue } from './scenario-error.js';
import { Scenario as ScenarioSchema } from './schema.js';
import { parseAssignment, parseValue, setPath } from './set-path.js';
import { toDepartmentConfig } from './to-department-config.js';

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
}

/** Parses YAML or JSON text (JSON is YAML) into a raw object, or throws a ScenarioError. */
export function parseScenarioText(file: string, text: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : loadYaml(text);
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    throw new ScenarioError(file, [
      { path: [], message: `cannot be read as ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${msg}` },
    ]);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ScenarioError(file, [
      {
        path: [],
        message: `expected a scenario (a mapping with name, horizon, streams, readers, ...), found ${Array.isArray(raw) ? 'a list' : JSON.stringify(raw)}`,
      },
    ]);
  }
  return raw as Record<string, unknown>;
}

/** Validates a raw scenario object: schema, then references; returns the resolved scenario and its departments. */
export function validateScenario(file: string, raw: Record<string, unknown>, options: LoadOptions = {}): LoadedScenario {
  const setIssues: ScenarioIssue[] = [];
  for (const text of options.set ?? []) {
    const a = parseAssignment(text);
    if (!a) {
      setIssues.push({ path: [], message: `--set ${text}: expected PATH=VALUE, such as readers.general.count=8` });
      continue;
    }
    const issue = setPath(raw, a.path, parseValue(a.value));
    if (issue) setIssues.push(issue);
  }
  if (setIssues.length) throw new ScenarioError(file, setIssues);
  const parsed = ScenarioSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(file, fromZodIssues(parsed.error.issues));
  const resolved = resolveScenario(parsed.data);
  const issues = checkScenario(resolved);
  if (issues.length) throw new ScenarioError(file, issues);
  const departments = resolved.arms.map((_, i) => toDepartmentConfig(resolved, i));
  return { file, stem: basename(file, extname(file)), resolved, departments };
}

/** Reads, parses and validates a scenario file. Throws ScenarioError on bad input. */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError(file, [
      { path: [], message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (e as Error).message})` },
    ]);
  }
  return validateScenario(file, parseScenarioText(file, text), options);
}
