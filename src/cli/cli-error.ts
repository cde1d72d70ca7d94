/** Bad use of the command line (exit code 1), as opposed to a bug (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_BAD_INPUT = 1;
export const EXIT_INTERNAL = 2;
/** Interrupted by Ctrl-C (128 + SIGINT), as shells expect. */
export const EXIT_INTERRUPTED = 130;
/** Stopped by SIGTERM (128 + 15). */
export const EXIT_TERMINATED = 143;
