import { spawn, spawnSync } from 'node:child_process';

/** The command as users get it (package.json's bin): the bundle, built by the tests' global setup. */
export const CLI = `${process.cwd()}/dist/bin/readsim.js`;

/** Runs the CLI (as `readsim ...`), in `cwd`. */
export function readsim(args: string[], cwd = process.cwd()): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The line the CLI writes on stderr once a run has started and its signal handlers are in place. */
export const STARTED = /\(Ctrl-C stops it\)/;

/**
 * Starts the CLI and, once it says on stderr that the run has started (never after a fixed
 * delay), sends it `signal` (`times` times in a row). Resolves with the exit code and stderr.
 */
export function readsimInterrupted(
  args: string[],
  options: { signal?: NodeJS.Signals; times?: number; after?: RegExp; cwd?: string } = {},
): Promise<{ code: number | null; stderr: string }> {
  const { signal = 'SIGINT', times = 1, after = STARTED, cwd = process.cwd() } = options;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!sent && after.test(stderr)) {
        sent = true;
        for (let i = 0; i < times; i++) child.kill(signal);
      }
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** Starts the CLI and resolves once it has said `after` on stderr; the caller ends it. */
export function readsimStarted(
  args: string[],
  cwd = process.cwd(),
  after = STARTED,
): Promise<{ stop: (signal?: NodeJS.Signals) => Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (after.test(stderr))
        resolve({
          stop: (signal = 'SIGINT') => {
            child.kill(signal);
            return exited;
          },
        });
    });
    child.on('exit', (code) => reject(new Error(`exited (${code}) before starting: ${stderr}`)));
  });
}
