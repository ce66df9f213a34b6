/**
 * Spare buffers for image mode's results. A job's pictures are large (a ×2 transposed RGB
 * result is 2 × 3 × 1024² numbers, 48 MB), they are transferred to the page, and a fresh
 * ArrayBuffer costs the system a page fault per 4 KB the first time it is written: on the
 * machines measured here that was most of a job's time. When the page stops showing a result it
 * gives its buffers back (the client's `recycle`), and the next job of the same sizes writes
 * into them instead of into new memory.
 *
 * A buffer taken from here holds old bytes: whoever takes one writes every element of it.
 */

/** The most bytes kept waiting (two ×2 RGB results and a bit). */
const KEEP_BYTES = 160 * 1024 * 1024;

const spare: ArrayBuffer[] = [];
let spareBytes = 0;

/** An ArrayBuffer of exactly `bytes` bytes: a spare one when one fits, else a new one. Its contents are undefined. */
export function takeBuffer(bytes: number): ArrayBuffer {
  const at = spare.findIndex((b) => b.byteLength === bytes);
  if (at < 0) return new ArrayBuffer(bytes);
  const [buffer] = spare.splice(at, 1);
  spareBytes -= bytes;
  return buffer;
}

/** Keeps `buffers` for later jobs (detached or empty ones are skipped); the oldest go beyond the limit. */
export function giveBuffers(buffers: readonly ArrayBuffer[]): void {
  for (const b of buffers) {
    if (b.byteLength === 0 || spare.includes(b)) continue;
    spare.push(b);
    spareBytes += b.byteLength;
  }
  while (spareBytes > KEEP_BYTES && spare.length > 0) spareBytes -= spare.shift()!.byteLength;
}

/** A Float64Array of `length` on a spare buffer when one fits (contents undefined: write them all). */
export function takeFloat64(length: number): Float64Array {
  return new Float64Array(takeBuffer(8 * length));
}

/** A Uint8ClampedArray of `length` on a spare buffer when one fits (contents undefined: write them all). */
export function takeBytes(length: number): Uint8ClampedArray {
  return new Uint8ClampedArray(takeBuffer(length));
}

/** How many bytes wait (for tests). */
export function spareByteCount(): number {
  return spareBytes;
}
