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
  ms: number,
  cwd = process.cwd(),
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${process.cwd()}/src/cli/main.ts`, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    setTimeout(() => child.kill('SIGINT'), ms);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}
