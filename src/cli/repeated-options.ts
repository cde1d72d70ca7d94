import { UsageError } from './cli-error.js';

/**
 * yargs middleware (run before validation): refuses an option that takes one value but was given
 * more than once (`--charts all --charts png`), which yargs would turn into a list that passes
 * its checks and then does something nobody asked for (no chart files at all, for `--charts`).
 * Options declared as lists (`--set`, repeatable) may repeat. `argv`: the parsed arguments;
 * `options.array`: the names declared as lists. Throws a UsageError naming the option and the
 * values given.
 */
export function refuseRepeatedOptions(argv: Record<string, unknown>, options: { array: string[] }): void {
  const lists = new Set(options.array);
  const repeated = Object.entries(argv).filter(([k, v]) => k !== '_' && Array.isArray(v) && !lists.has(k));
  if (repeated.length === 0) return;
  // An option and its alias (-j, --jobs) both hold the list: name the long one.
  const [name, values] = repeated.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  throw new UsageError(
    `${name.length > 1 ? '--' : '-'}${name} was given ${(values as unknown[]).length} times (${(values as unknown[]).join(', ')}): it takes one value, give it once`,
  );
}
