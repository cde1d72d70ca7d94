import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CHART_CONFIG, type ChartFormats, renderChart, type VegaLiteSpec } from './render-chart.js';

/** Writes one file (path relative to the folder) of a folder being written. */
export type PutFile = (name: string, data: string | Buffer) => Promise<void>;

/**
 * Writes a folder atomically: `fill` puts every file into a sibling temporary folder, which is
 * renamed into place at the end, so a failed or interrupted write leaves no half-written
 * folder. Returns the files written, relative to the folder.
 */
export async function writeFolderAtomically(
  outDir: string,
  fill: (put: PutFile) => Promise<void>,
  signal?: AbortSignal,
): Promise<string[]> {
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = `${outDir}.partial-${stamp}`;
  const files: string[] = [];
  const put: PutFile = async (name, data) => {
    if (signal?.aborted) throw Object.assign(new Error('the run was interrupted'), { name: 'AbortError' });
    await mkdir(dirname(join(tmp, name)), { recursive: true });
    await writeFile(join(tmp, name), data);
    files.push(name);
  };
  try {
    await mkdir(tmp, { recursive: true });
    await fill(put);
    await replaceDir(tmp, outDir, stamp);
    return files;
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Renders a chart and puts it as charts/<name>.vl.json (with the shared config), and as .svg
 * and/or .png as `formats` says ('none' puts nothing and draws nothing). Returns the SVG, or
 * null with 'none'.
 */
export async function putChart(put: PutFile, name: string, spec: VegaLiteSpec, formats: ChartFormats): Promise<string | null> {
  if (formats === 'none') return null;
  const { svg, png } = await renderChart(spec, { png: formats === 'png' || formats === 'all' });
  await put(`charts/${name}.vl.json`, `${JSON.stringify({ config: CHART_CONFIG, ...spec }, null, 2)}\n`);
  if (formats === 'svg' || formats === 'all') await put(`charts/${name}.svg`, svg);
  if (png) await put(`charts/${name}.png`, png);
  return svg;
}

/** Puts `from` where `to` is, moving an older `to` aside first and removing it after. */
async function replaceDir(from: string, to: string, stamp: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const old = `${to}.old-${stamp}`;
  let moved = false;
  try {
    await rename(to, old);
    moved = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    await rename(from, to);
  } catch (e) {
    if (moved) await rename(old, to);
    throw e;
  }
  if (moved) await rm(old, { recursive: true, force: true });
}
