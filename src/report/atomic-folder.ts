import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import {
  CHART_CONFIG,
  type ChartFormats,
  type ChartRenderer,
  type RenderedChart,
  renderChart,
  type VegaLiteSpec,
} from './render-chart.js';

/** Writes one file (path relative to the folder) of a folder being written. */
export type PutFile = (name: string, data: string | Buffer) => Promise<void>;

/**
 * The file that marks a folder as readsim's own: readsim replaces a results folder only when it
 * holds this file, and never touches anything else.
 */
export const MARKER = '.readsim-results';
const MARKER_TEXT =
  'This folder was written by readsim. A later run to the same --out replaces it as a whole.\n' +
  'Delete this file to keep readsim from ever replacing the folder.\n';

/** A folder at --out that readsim must not write (bad input: exit code 1). */
export class OutputFolderError extends Error {
  override readonly name = 'OutputFolderError';
}

/**
 * A folder name made from a file name: letters, digits, `.`, `_` and `-` only, never starting
 * with a dot (so `..yaml` gives `scenario`, not the parent folder).
 */
export function safeFolderName(stem: string): string {
  const cleaned = stem
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 100);
  return cleaned.length > 0 ? cleaned : 'scenario';
}

/**
 * How a results folder sits on disk. `--out` is a symbolic link to a hidden sibling holding the
 * files (`.<name>.readsim-<stamp>`); a new run writes a new sibling and swaps the link with one
 * rename(2), which POSIX makes atomic: a reader of `--out` sees the old results or the new ones,
 * never nothing and never a mix. The old sibling is removed after the swap.
 */
interface Layout {
  out: string;
  parent: string;
  name: string;
  lock: string;
}

function layoutOf(out: string): Layout {
  const parent = dirname(out);
  const name = basename(out);
  return { out, parent, name, lock: join(parent, `.${name}.readsim-lock`) };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const partialRe = (name: string) => new RegExp(`^\\.${escapeRe(name)}\\.partial-(\\d+)-[a-z0-9]+$`);
const versionRe = (name: string) => new RegExp(`^\\.${escapeRe(name)}\\.readsim-[a-z0-9-]+$`);

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function hasMarker(dir: string): boolean {
  try {
    return statSync(join(dir, MARKER)).isFile();
  } catch {
    return false;
  }
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** True when `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a file stands where a folder should be',
  ENOENT: 'that folder cannot be created there',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
  EEXIST: 'a file stands where a folder should be',
};

function cannotWrite(shown: string, e: unknown): OutputFolderError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return new OutputFolderError(`--out ${shown}: cannot write there (${REASONS[code] ?? code ?? (e as Error).message})`);
}

/**
 * Creates `dir` and its missing parents one level at a time (Node's recursive mkdir loops
 * forever under /proc).
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!existsSync(at)) {
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  if (existsSync(at) && !statSync(at).isDirectory()) {
    throw Object.assign(new Error(`${at} is a file`), { code: 'ENOTDIR' });
  }
  for (const d of missing) mkdirSync(d);
}

/** What is at --out now. */
type Existing = { kind: 'none' } | { kind: 'link'; target: string | null } | { kind: 'empty-dir' } | { kind: 'marked-dir' };

function inspect(l: Layout, shown: string): Existing {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(l.out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') throw cannotWrite(shown, e);
    throw e;
  }
  const refuse = (what: string) =>
    new OutputFolderError(
      `--out ${shown}: ${what}; readsim replaces only a results folder it wrote itself (one holding ${MARKER}). Choose another --out, or move it away yourself`,
    );
  if (st.isSymbolicLink()) {
    const target = readlinkSync(l.out);
    if (!versionRe(l.name).test(target)) throw refuse('is a link readsim did not make');
    const full = join(l.parent, target);
    if (existsSync(full) && !hasMarker(full)) throw refuse('is a link to a folder readsim did not write');
    return { kind: 'link', target: existsSync(full) ? target : null };
  }
  if (!st.isDirectory()) throw refuse('is a file');
  const entries = readdirSync(l.out);
  if (entries.length === 0) return { kind: 'empty-dir' };
  if (entries.includes(MARKER)) return { kind: 'marked-dir' };
  throw refuse('holds files readsim did not write');
}

function takeLock(l: Layout, shown: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(l.lock, 'wx');
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotWrite(shown, e);
      const pid = Number.parseInt(readFileSync(l.lock, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid))
        throw new OutputFolderError(
          `--out ${shown}: another readsim run (process ${pid}) is writing this folder now; wait for it to finish, or choose another --out`,
        );
      // Left by a run that died: take it over.
      rmSync(l.lock, { force: true });
    }
  }
  throw new OutputFolderError(`--out ${shown}: another readsim run is writing this folder now; try again`);
}

/**
 * A results folder claimed for writing: checked, locked against other runs, and proven writable
 * before the simulation starts. `write` fills and swaps it in; `release` gives it up.
 */
export interface ClaimedFolder {
  readonly out: string;
  write(fill: (put: PutFile) => Promise<void>, signal?: AbortSignal): Promise<string[]>;
  release(): void;
}

const claims = new Map<string, ClaimedFolder>();

export interface ClaimOptions {
  /** Files the run reads (the scenario): --out may be neither one of them nor a folder holding one. */
  inputs?: string[];
  /** --out as the user typed it, for messages (default: the path). */
  shown?: string;
}

/**
 * Claims `outDir` for a results folder, before any work: refuses (OutputFolderError) an empty
 * path, the current folder or one above it, a scenario file or a folder holding one, and
 * anything at `outDir` that readsim did not write; refuses while another run writes there;
 * removes stale partial folders of readsim's own from runs that died; and creates the folder
 * the results will be written into, so that an unwritable place is found now.
 */
export function claimOutputFolder(outDir: string, options: ClaimOptions = {}): ClaimedFolder {
  const shown = options.shown ?? outDir;
  if (outDir.trim() === '') throw new OutputFolderError('--out may not be empty: name a folder for the results');
  const out = resolve(outDir);
  const cwd = real(process.cwd());
  if (within(cwd, real(out)) || within(cwd, out))
    throw new OutputFolderError(
      `--out ${shown}: is the current folder or one above it; name a new folder for the results, such as output/results`,
    );
  for (const input of options.inputs ?? []) {
    if (within(real(input), real(out)) || within(resolve(input), out))
      throw new OutputFolderError(
        `--out ${shown}: would replace the scenario file ${input}${resolve(input) === out ? '' : ' (the folder holds it)'}; name another folder for the results`,
      );
  }
  const l = layoutOf(out);
  try {
    makeFolders(l.parent);
  } catch (e) {
    throw cannotWrite(shown, e);
  }
  if (claims.has(out)) throw new OutputFolderError(`--out ${shown}: already being written by this run`);
  inspect(l, shown);
  takeLock(l, shown);

  // From here on the lock is ours: every way out removes what this run made and nothing else.
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const partial = join(l.parent, `.${l.name}.partial-${stamp}`);
  const pending = new Set<string>();
  let released = false;
  const cleanUp = () => {
    for (const p of pending) rmSync(p, { recursive: true, force: true });
    pending.clear();
  };
  const release = () => {
    if (released) return;
    released = true;
    cleanUp();
    rmSync(l.lock, { force: true });
    process.off('exit', release);
    claims.delete(out);
  };
  process.on('exit', release);
  try {
    removeStale(l);
    mkdirSync(partial);
    pending.add(partial);
    writeFileSync(join(partial, MARKER), MARKER_TEXT);
  } catch (e) {
    release();
    throw e instanceof OutputFolderError ? e : cannotWrite(shown, e);
  }

  const claimed: ClaimedFolder = {
    out,
    release,
    async write(fill, signal) {
      if (released) throw new Error(`the claim on ${out} was given up`);
      const files: string[] = [];
      const put: PutFile = async (name, data) => {
        if (signal?.aborted) throw abortError();
        await mkdir(dirname(join(partial, name)), { recursive: true });
        await writeFile(join(partial, name), data);
        files.push(name);
      };
      try {
        await fill(put);
        if (signal?.aborted) throw abortError();
        swapIn(l, partial, stamp, pending);
        return files;
      } finally {
        release();
      }
    },
  };
  claims.set(out, claimed);
  return claimed;
}

/** Removes readsim's own partial folders of dead runs, and result versions no link points at. */
function removeStale(l: Layout): void {
  const existing = (() => {
    try {
      return lstatSync(l.out).isSymbolicLink() ? readlinkSync(l.out) : null;
    } catch {
      return null;
    }
  })();
  for (const entry of readdirSync(l.parent)) {
    const m = partialRe(l.name).exec(entry);
    const full = join(l.parent, entry);
    const stale = m ? !isAlive(Number(m[1])) : versionRe(l.name).test(entry) && entry !== existing;
    if (stale && hasMarker(full)) rmSync(full, { recursive: true, force: true });
  }
}

/**
 * The written folder becomes the results: renamed to its version name, then the link at --out
 * is replaced by one to it in a single rename. The version it replaces is removed.
 */
function swapIn(l: Layout, partial: string, stamp: string, pending: Set<string>): void {
  const version = `.${l.name}.readsim-${stamp}`;
  const versionPath = join(l.parent, version);
  renameSync(partial, versionPath);
  pending.delete(partial);
  pending.add(versionPath);
  const before = inspect(l, l.out);
  const link = join(l.parent, `.${l.name}.link-${stamp}`);
  if (process.platform === 'win32') symlinkSync(versionPath, link, 'junction');
  else symlinkSync(version, link);
  pending.add(link);
  if (before.kind === 'empty-dir') rmdirSync(l.out);
  if (before.kind === 'marked-dir') {
    // A results folder that is a plain folder (copied, or from an older readsim): it cannot be
    // swapped in one step, so it is moved aside for the instant of the swap, then removed.
    const aside = join(l.parent, `.${l.name}.readsim-old-${stamp}`);
    renameSync(l.out, aside);
    pending.add(aside);
  }
  renameSync(link, l.out);
  pending.delete(link);
  pending.delete(versionPath);
  if (before.kind === 'link' && before.target !== null) pending.add(join(l.parent, before.target));
}

function abortError(): Error {
  return Object.assign(new Error('the run was interrupted'), { name: 'AbortError' });
}

/**
 * Writes a folder atomically: `fill` puts every file into a hidden sibling folder, which
 * replaces the previous results in one step at the end, so a failed or interrupted write
 * leaves no half-written folder. Uses the claim made before the run (`claimOutputFolder`), or
 * claims the folder now. Returns the files written, relative to the folder.
 */
export async function writeFolderAtomically(
  outDir: string,
  fill: (put: PutFile) => Promise<void>,
  signal?: AbortSignal,
): Promise<string[]> {
  const claimed = claims.get(resolve(outDir)) ?? claimOutputFolder(outDir);
  return claimed.write(fill, signal);
}

/**
 * Renders a chart (with `draw`: renderChart in this thread, or a chart thread's) and puts it as
 * charts/<name>.vl.json (with the shared config), and as .svg and/or .png as `formats` says
 * ('none' puts nothing and draws nothing). Returns the SVG, or null with 'none'.
 */
export async function putChart(
  put: PutFile,
  name: string,
  spec: VegaLiteSpec,
  formats: ChartFormats,
  draw: ChartRenderer = renderChart,
): Promise<string | null> {
  if (formats === 'none') return null;
  return putDrawnChart(put, name, spec, formats, await draw(spec, { png: formatsHavePng(formats) }));
}

/** Whether `formats` asks for PNGs. */
export function formatsHavePng(formats: ChartFormats): boolean {
  return formats === 'png' || formats === 'all';
}

/** Puts a chart already drawn (with png when formatsHavePng) as putChart does; returns the SVG. */
export async function putDrawnChart(
  put: PutFile,
  name: string,
  spec: VegaLiteSpec,
  formats: Exclude<ChartFormats, 'none'>,
  drawn: RenderedChart,
): Promise<string> {
  await put(`charts/${name}.vl.json`, `${JSON.stringify({ config: CHART_CONFIG, ...spec }, null, 2)}\n`);
  if (formats === 'svg' || formats === 'all') await put(`charts/${name}.svg`, drawn.svg);
  if (drawn.png) await put(`charts/${name}.png`, drawn.png);
  return drawn.svg;
}
