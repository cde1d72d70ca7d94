import { spawn, spawnSync } from 'node:child_process';

/** Runs the CLI from source (as `readsim ...`), in `cwd`. */
export function readsim(args: string[], cwd = process.cwd()): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${process.cwd()}/src/cli/main.ts`, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI and sends it Ctrl-C after `ms`. */
export function readsimInterrupted(
  args: string[],
  readyText: string,
  cwd = process.cwd(),
): Promise<{ code: number | null; stderr: string }> {
  // Ctrl-C is sent once the child says (on stderr) that its work is under way: no fixed delay.
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${process.cwd()}/src/cli/main.ts`, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!sent && stderr.includes(readyText)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}
