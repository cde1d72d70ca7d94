import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The readsim package's folder (where its package.json is), found from a module's URL by walking
 * up: the same from src/<layer>/ (tsx, tests), dist/<layer>/ (tsc's output) and dist/bin/ (the
 * bundled command, whose chunks hold code from every layer), in the clone or installed under
 * node_modules/readsim/. Throws an Error naming the URL when no folder above holds a package.json.
 */
export function packageRoot(moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json in a folder above ${start}: is readsim installed whole?`);
  }
}
