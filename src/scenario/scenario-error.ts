import type { z } from 'zod';
import { describeValue } from './schema.js';

/** One problem in a scenario: where (a field path) and what (expected vs found). */
export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Bad input: one line per problem, each naming the file, the field path, what was expected and
 * what was found. The CLI prints the message and exits with code 1.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    readonly file: string,
    readonly issues: ScenarioIssue[],
  ) {
    super(issues.map((i) => formatIssue(file, i)).join('\n'));
  }
}

/** `streams[2].readTime.cv` */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_][\w]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

export function formatIssue(file: string, issue: ScenarioIssue): string {
  const where = formatPath(issue.path);
  return `${file}: ${where ? `${where}: ` : ''}${issue.message}`;
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
];

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

export function suggest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

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
        const hint = suggest(key, KNOWN_FIELDS);
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
      case 'invalid_type':
        push({
          path,
          message:
            input === undefined
              ? `is required (expected ${iss.expected})`
              : `expected ${iss.expected}, found ${describeValue(input)}`,
        });
        break;
      case 'invalid_value':
        push({ path, message: `expected one of ${iss.values.map(String).join(', ')}, found ${describeValue(input)}` });
        break;
      case 'too_small':
        push({
          path,
          message:
            iss.origin === 'array'
              ? `expected at least ${iss.minimum} item(s), found ${Array.isArray(input) ? input.length : describeValue(input)}`
              : `expected a value >= ${iss.minimum}, found ${describeValue(input)}`,
        });
        break;
      case 'too_big':
        push({
          path,
          message:
            iss.origin === 'array'
              ? `expected at most ${iss.maximum} item(s), found ${Array.isArray(input) ? input.length : describeValue(input)}`
              : `expected a value <= ${iss.maximum}, found ${describeValue(input)}`,
        });
        break;
      default:
        push({ path, message: `${iss.message}${input !== undefined ? `, found ${describeValue(input)}` : ''}` });
    }
  }
  return out;
}
