import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { packageRoot } from '../../scenario/package-root.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';

/** Marks a file written by `readsim app --export`, so that a later export may replace it. */
export const APP_MARK = '<meta name="generator" content="readsim app" />';

/** The built app (one HTML file): dist/app/index.html in the package. */
export function appFile(): string {
  return join(packageRoot(import.meta.url), 'dist/app/index.html');
}

function readApp(): string {
  const file = appFile();
  if (!existsSync(file)) {
    throw new UsageError(`readsim app: the app is not built (${file} is missing); run "npm run build" in the readsim folder`);
  }
  return readFileSync(file, 'utf8');
}

/** Writes the app to `target`; refuses to replace a file that an earlier export did not write. */
export function exportApp(target: string): string {
  const html = readApp();
  const out = resolve(target);
  if (existsSync(out)) {
    let old = '';
    try {
      old = readFileSync(out, 'utf8');
    } catch {
      // a folder or an unreadable file: refused below
    }
    if (!old.includes(APP_MARK)) {
      throw new UsageError(
        `--export ${target}: expected a new file name or a classroom file readsim wrote before, found an existing file that readsim did not write (left as it is)`,
      );
    }
  }
  if (!existsSync(dirname(out)))
    throw new UsageError(`--export ${target}: expected a file in an existing folder, found no folder ${dirname(out)}`);
  const tmp = `${out}.partial-${process.pid}`;
  writeFileSync(tmp, html);
  renameSync(tmp, out);
  return out;
}

interface AppArgs {
  port: number;
  export?: string;
}

export const appCommand: CommandModule<object, AppArgs> = {
  ...COMMAND_INFO.app,
  builder: (y) =>
    y
      .option('port', {
        alias: 'p',
        type: 'number',
        default: 5178,
        describe: 'port to serve on, on 127.0.0.1 (0: any free port)',
      })
      .option('export', {
        type: 'string',
        describe: 'write the app as one self-contained HTML file instead of serving it (open it from disk, hand it out)',
      })
      .example('$0 app', 'serve the app on http://127.0.0.1:5178/')
      .example('$0 app --export classroom.html', 'one HTML file that works offline'),
  handler: async (argv) => {
    if (argv.export !== undefined) {
      if (!argv.export) throw new UsageError('--export: expected a file name such as classroom.html, found nothing');
      const out = exportApp(argv.export);
      const size = readFileSync(out).length;
      process.stdout.write(`Wrote ${argv.export} (${(size / 1e6).toFixed(1)} MB): open it in a browser; it needs no network.\n`);
      return;
    }
    if (!Number.isInteger(argv.port) || argv.port < 0 || argv.port > 65535) {
      throw new UsageError(`--port: expected a whole number from 0 to 65535, found ${argv.port}`);
    }
    const html = readApp();
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(html);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('not found: the classroom is at /\n');
      }
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        fail(
          e.code === 'EADDRINUSE'
            ? new UsageError(`--port ${argv.port}: expected a free port, found it in use (try --port 0 for any free port)`)
            : e,
        ),
      );
      server.listen(argv.port, '127.0.0.1', () => ok());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : argv.port;
    process.stdout.write(`readsim classroom: http://127.0.0.1:${port}/ (Ctrl-C to stop)\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        server.close(() => done());
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
