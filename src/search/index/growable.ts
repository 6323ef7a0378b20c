/**
 * Append-only typed-array buffers that grow geometrically, so building an index of a million
 * passages never holds one JavaScript object per posting.
 */

type TypedArrayCtor<T> = { new (length: number): T; BYTES_PER_ELEMENT: number };
type Numeric = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

export class Growable<T extends Numeric> {
  array: T;
  length = 0;

  constructor(
    private readonly ctor: TypedArrayCtor<T>,
    initialCapacity = 1024,
  ) {
    this.array = new ctor(Math.max(16, initialCapacity));
  }

  /** Make room for `extra` more elements; 1.5× growth keeps the copy cost amortised O(1). */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.array.length) return;
    let capacity = this.array.length;
    while (capacity < needed) capacity = Math.ceil(capacity * 1.5);
    const next = new this.ctor(capacity);
    next.set(this.array.subarray(0, this.length) as never);
    this.array = next;
  }

  push(value: number): void {
    if (this.length === this.array.length) this.reserve(1);
    this.array[this.length++] = value;
  }

  /** A right-sized copy; the builder drops its buffers afterwards. */
  trimmed(): T {
    return this.array.slice(0, this.length) as T;
  }
}
