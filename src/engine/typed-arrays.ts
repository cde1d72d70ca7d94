/**
 * Growing the typed arrays that hold the engine's state: a copy into a longer array, the new
 * tail filled with `fill`. Growth doubles, so its cost spreads to nothing per event.
 */
type Typed = Float64Array | Int32Array | Uint32Array | Uint8Array | Uint16Array;

export function grown<T extends Typed>(a: T, length: number, fill = 0): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  if (fill !== 0) b.fill(fill);
  b.set(a as never);
  return b;
}
