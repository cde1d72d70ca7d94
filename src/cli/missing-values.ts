import { UsageError } from './cli-error.js';

/** What yargs knows of the options declared so far (its getOptions(), in part). */
export interface DeclaredOptions {
  string: string[];
  number: string[];
  array: string[];
  choices: Record<string, readonly unknown[]>;
  alias: Record<string, string[]>;
}

/**
 * Refuses an option that takes a value but was given none (`readsim run x.yaml --charts`, or
 * `--jobs` followed by another option): yargs would take an empty value or none and run with the
 * default, which is not what was asked. `args`: the command line as typed (after the program
 * name); `options`: the options declared (string, number, list or with choices, and their
 * aliases). `--name=value` always has its value; a value may be a negative number (`--seed -3`);
 * everything after `--` is left alone. Throws a UsageError naming the option (and its choices).
 */
export function refuseMissingValues(args: readonly string[], options: DeclaredOptions): void {
  const takesValue = new Set([...options.string, ...options.number, ...options.array, ...Object.keys(options.choices)]);
  const choicesOf = new Map<string, readonly unknown[]>(Object.entries(options.choices));
  for (const [name, aliases] of Object.entries(options.alias)) {
    const group = [name, ...aliases];
    if (!group.some((n) => takesValue.has(n))) continue;
    const choices = group.map((n) => choicesOf.get(n)).find((c) => c !== undefined);
    for (const n of group) {
      takesValue.add(n);
      if (choices) choicesOf.set(n, choices);
    }
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return;
    // --name or -n, not --name=value, nor a group of one-letter flags (-qv).
    const m = /^(--?)([^=]+)$/.exec(a);
    if (!m || (m[1] === '-' && m[2].length > 1) || !takesValue.has(m[2])) continue;
    const next = args[i + 1];
    if (next !== undefined && !(next.startsWith('-') && !/^-\d|^-\.\d/.test(next))) continue;
    const choices = choicesOf.get(m[2]);
    throw new UsageError(`${a} needs a value${choices ? `: one of ${choices.join(', ')}` : ''}`);
  }
}
