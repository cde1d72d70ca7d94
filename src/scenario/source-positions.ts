// Where a field of a scenario file is written: line and column for the messages. No file
// access, so that it runs in the browser too (the editor underlines the same places).
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument } from 'yaml';

/** A place in a scenario's text: 1-based line and column, and the character range [from, to). */
export interface SourcePosition {
  line: number;
  column: number;
  from: number;
  to: number;
}

/** The position of a field path, e.g. ['streams', 0, 'readTime', 'cv'], in the text (null: not from the text). */
export type PositionLookup = (path: readonly (string | number)[]) => SourcePosition | null;

/**
 * A lookup of field paths in YAML or JSON text (JSON is YAML; the `yaml` package's
 * parseDocument keeps every node's range). A path is placed on the key of its last field
 * (`cv:`), or on a list item; a path that is not in the text (a missing field, or one added by
 * `--set`) on the deepest part of it that is; the empty path on the document's first node
 * (line 1, column 1 for an empty file). The text is parsed on the first call only.
 */
export function sourcePositions(text: string): PositionLookup {
  let parsed: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | null = null;
  const at = (lines: LineCounter, from: number, to: number): SourcePosition => {
    const { line, col } = lines.linePos(from);
    return { line, column: col, from, to: Math.max(to, from + 1) };
  };
  return (path) => {
    if (!parsed) {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines };
    }
    const { doc, lines } = parsed;
    let node = doc.contents as Node | null;
    if (!node?.range) return at(lines, 0, 0);
    let place: [number, number] = [node.range[0], node.range[1]];
    for (const step of path) {
      let next: Node | null = null;
      let key: [number, number] | null = null;
      if (isMap(node)) {
        const pair: Pair<unknown, unknown> | undefined = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
        if (pair && isScalar(pair.key) && pair.key.range) key = [pair.key.range[0], pair.key.range[1]];
        next = (pair?.value as Node | null) ?? null;
        if (pair && !key) break;
      } else if (isSeq(node) && typeof step === 'number') {
        next = (node.items[step] as Node | undefined) ?? null;
      } else break;
      if (key) place = key;
      else if (next?.range) place = [next.range[0], next.range[1]];
      else break;
      if (!next) break;
      node = next;
    }
    return at(lines, place[0], place[1]);
  };
}
