import type { z } from 'zod';
import { describeValue } from './schema.js';
import type { PositionLookup, SourcePosition } from './source-positions.js';

/**
 * One problem in a scenario: where (a field path, and the line and column it is written at when
 * the scenario came from a text) and what (expected vs found).
 */
export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
  position?: SourcePosition;
}

/** The issues with the position of each one's path in the text (issues that have one keep it). */
export function locateIssues(issues: readonly ScenarioIssue[], lookup: PositionLookup | undefined): ScenarioIssue[] {
  if (!lookup) return [...issues];
  return issues.map((i) => {
    const position = i.position ?? lookup(i.path);
    return position ? { ...i, position } : i;
  });
}

/** Problems listed before the rest are summed up in one line. */
const MAX_SHOWN = 20;
/** Longest field name a path quotes. */
const KEY_LIMIT = 40;

/**
 * Bad input: one line per problem, each naming the file (with line and column where the problem
 * is written, `file:line:column:`), the field path, what was expected and what was found. The
 * CLI prints the message and exits with code 1.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    readonly file: string,
    readonly issues: ScenarioIssue[],
  ) {
    const shown = issues.slice(0, MAX_SHOWN).map((i) => formatIssue(file, i));
    if (issues.length > MAX_SHOWN) shown.push(`${file}: and ${issues.length - MAX_SHOWN} more problems like these`);
    super(shown.join('\n'));
  }
}

/** `streams[2].readTime.cv` */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && p.length <= KEY_LIMIT && /^[A-Za-z_][\w]*$/.test(p)) out += out ? `.${p}` : p;
    else {
      const key = String(p);
      out += `[${JSON.stringify(key.length > KEY_LIMIT ? `${key.slice(0, KEY_LIMIT - 3)}...` : key)}]`;
    }
  }
  return out;
}

/** `file:line:column: path: message` (`file: path: message` for an issue with no place in the text, such as one of --set). */
export function formatIssue(file: string, issue: ScenarioIssue): string {
  const where = formatPath(issue.path);
  const at = issue.position ? `:${issue.position.line}:${issue.position.column}` : '';
  return `${file}${at}: ${where ? `${where}: ` : ''}${issue.message}`;
}

/** Every field name of the format, for "did you mean" suggestions on unknown fields. */
const KNOWN_FIELDS = [
  'name',
  'description',
  'sources',
  'start',
  'horizon',
  'warmup',
  'period',
  'replications',
  'seed',
  'priorities',
  'target',
  'streams',
  'modality',
  'priority',
  'volume',
  'growth',
  'pattern',
  'readTime',
  'dist',
  'mean',
  'cv',
  'min',
  'mode',
  'max',
  'values',
  'reads',
  'findings',
  'prevalence',
  'backlog',
  'readers',
  'count',
  'modalities',
  'roster',
  'days',
  'from',
  'to',
  'on',
  'efficiency',
  'shiftEnd',
  'worklist',
  'order',
  'preemption',
  'escalateAfter',
  'ai',
  'kind',
  'finding',
  'sensitivity',
  'specificity',
  'action',
  'readTimeFactor',
  'flagged',
  'unflagged',
  'extraTimePerFlag',
  'clears',
  'misses',
  'readsLeft',
  'arms',
  'tools',
  'humanSensitivity',
  'humanFalsePositive',
  'arbitration',
  'readerAgreement',
];

/** Levenshtein distance, one row at a time (Wagner and Fischer, 1974). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** Words longer than this get no suggestion (no name of ours is so long): keeps "did you mean" fast. */
const SUGGEST_LIMIT = 64;

/**
 * The candidate closest to `word` by edit distance, if close enough (a third of its length, at
 * least 2); never `word` itself. Fast for long words and many calls: the length difference
 * bounds the distance, so most candidates are skipped without computing it.
 */
export function suggest(word: string, candidates: readonly string[]): string | null {
  if (word.length > SUGGEST_LIMIT) return null;
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    if (c === word || Math.abs(c.length - w.length) >= bestD) continue;
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** The schema library's type names in words. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (name: value lines)',
  record: 'a mapping (name: value lines)',
  null: 'null',
};

/** Turns zod's issues into ours, with messages that say what was expected and what was found. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const seen = new Set<string>();
  const push = (i: ScenarioIssue) => {
    // A failed form can be reported twice (its pattern, then its parser): keep one.
    const key = `${formatPath(i.path)}\u0000${i.message}`;
    if (!seen.has(key)) out.push(i);
    seen.add(key);
  };
  for (const iss of issues) {
    const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
    const input = (iss as { input?: unknown }).input;
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) {
        if (KNOWN_FIELDS.includes(key)) {
          push({ path: [...path, key], message: `"${key}" is not a field here` });
          continue;
        }
        // Only the first problems are shown: suggest for those only (10^5 unknown keys stay fast).
        const hint = out.length < MAX_SHOWN ? suggest(key, KNOWN_FIELDS) : null;
        push({ path: [...path, key], message: `unknown field${hint ? ` (did you mean "${hint}"?)` : ''}` });
      }
      continue;
    }
    // Our own messages (value forms, unions) already say expected and found.
    if (!/^(Invalid|Too (small|big))/.test(iss.message)) {
      push({ path, message: iss.message });
      continue;
    }
    switch (iss.code) {
      case 'invalid_type': {
        const expected = TYPE_WORDS[iss.expected] ?? 'another kind of value';
        push({
          path,
          message:
            input === undefined ? `is required (expected ${expected})` : `expected ${expected}, found ${describeValue(input)}`,
        });
        break;
      }
      case 'invalid_value':
        push({ path, message: `expected one of ${iss.values.map(String).join(', ')}, found ${describeValue(input)}` });
        break;
      case 'too_small':
        push({
          path,
          message:
            iss.origin === 'array'
              ? `expected at least ${iss.minimum} item(s), found ${Array.isArray(input) ? input.length : describeValue(input)}`
              : iss.origin === 'string'
                ? 'may not be empty'
                : `expected a value >= ${iss.minimum}, found ${describeValue(input)}`,
        });
        break;
      case 'too_big':
        push({
          path,
          message:
            iss.origin === 'array'
              ? `expected at most ${iss.maximum} item(s), found ${Array.isArray(input) ? input.length : describeValue(input)}`
              : iss.origin === 'string'
                ? `expected at most ${iss.maximum} characters, found ${describeValue(input)}`
                : `expected a value <= ${iss.maximum}, found ${describeValue(input)}`,
        });
        break;
      default:
        push({ path, message: `is not a value this field takes${input !== undefined ? `, found ${describeValue(input)}` : ''}` });
    }
  }
  return out;
}
