// Growing the typed arrays the clusterer keeps its state in.

type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/** A copy of `old` in a new array of the same kind holding `size` elements (at least
 * old.length); the added elements are `fill`. */
export function grown<T extends TypedArray>(old: T, size: number, fill = 0): T {
  const out = new (old.constructor as new (length: number) => T)(size);
  out.set(old);
  if (fill !== 0) out.fill(fill, old.length);
  return out;
}
