// The scenarios shipped with readsim, bundled into the page as text (the CLI reads the same files).
const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

export interface BundledText {
  /** File name without extension: "widening-gap". */
  name: string;
  /** The file's name as the CLI would show it: "widening-gap.yaml". */
  file: string;
  text: string;
}

export const BUNDLED: BundledText[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    return { name: file.replace(/\.yaml$/, ''), file, text };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

export function bundled(name: string): BundledText {
  const b = BUNDLED.find((x) => x.name === name);
  if (!b) throw new Error(`no bundled scenario ${name}`);
  return b;
}
