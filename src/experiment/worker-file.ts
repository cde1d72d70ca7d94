/**
 * A worker thread's module, found beside the module that starts it (`moduleUrl`, its
 * import.meta.url): `<name>.js` in tsc's output and in the bundled command (dist/bin/, one flat
 * folder of chunks and workers), or `<name>.ts` under tsx and vitest, started with tsx as this
 * module resolves it (so that workers start whatever the current folder).
 */
export function workerFile(name: string, moduleUrl: string): { filename: string; execArgv: string[] } {
  if (moduleUrl.endsWith('.ts'))
    return { filename: new URL(`./${name}.ts`, moduleUrl).href, execArgv: ['--import', import.meta.resolve('tsx')] };
  return { filename: new URL(`./${name}.js`, moduleUrl).href, execArgv: [] };
}
