/** An 8-bit RGB PNG of `rgb` (width·height·3 bytes, row by row) (png.mjs). */
export function png(width: number, height: number, rgb: Uint8Array): Buffer;
