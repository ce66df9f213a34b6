/**
 * Picture decoding for tests under Node, which has no createImageBitmap and no canvas: a "picture
 * file" is a Blob of its width and height (two little-endian uint32) then its RGBA bytes; the
 * fakes decode it, and draw it scaled (nearest pixel) the way src/worker/picture.ts asks a
 * canvas to. They record what they were asked, so a test can check the glue's calls.
 */
import { vi } from 'vitest';

/** A "picture file" of `width`×`height` RGBA bytes (anything else is not a picture to the fakes). */
export function rawPicture(width: number, height: number, rgba: ArrayLike<number>): Blob {
  return new Blob([new Uint32Array([width, height]), Uint8Array.from(rgba)]);
}

interface FakeBitmap {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
  closed: boolean;
  close(): void;
}

/** What the fakes saw: createImageBitmap's options, the canvases made, each drawImage's target size, the bitmaps. */
export interface Seen {
  readonly options: unknown[];
  readonly canvases: [number, number][];
  readonly draws: [number, number, number, number][];
  readonly bitmaps: FakeBitmap[];
  decodes: number;
}

/** Stubs createImageBitmap and OffscreenCanvas on this thread (@vitest/web-worker runs the worker here too); undo with vi.unstubAllGlobals(). */
export function fakeDecoding(): Seen {
  const seen: Seen = { options: [], canvases: [], draws: [], bitmaps: [], decodes: 0 };
  vi.stubGlobal('createImageBitmap', async (blob: Blob, options: unknown): Promise<FakeBitmap> => {
    seen.decodes++;
    seen.options.push(options);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const [width, height] = new Uint32Array(bytes.slice(0, 8).buffer);
    if (bytes.length < 8 || !width || !height || bytes.length !== 8 + 4 * width * height) throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
    const bitmap: FakeBitmap = {
      width,
      height,
      rgba: bytes.slice(8),
      closed: false,
      close() {
        bitmap.closed = true;
      },
    };
    seen.bitmaps.push(bitmap);
    return bitmap;
  });
  vi.stubGlobal(
    'OffscreenCanvas',
    class {
      readonly pixels: Uint8ClampedArray;
      constructor(readonly width: number, readonly height: number) {
        seen.canvases.push([width, height]);
        this.pixels = new Uint8ClampedArray(4 * width * height);
      }
      getContext(kind: string) {
        if (kind !== '2d') return null;
        return {
          drawImage: (b: FakeBitmap, x: number, y: number, w: number, h: number) => {
            seen.draws.push([x, y, w, h]);
            for (let r = 0; r < h; r++) {
              for (let c = 0; c < w; c++) {
                const from = 4 * (Math.floor(((r + 0.5) * b.height) / h) * b.width + Math.floor(((c + 0.5) * b.width) / w));
                this.pixels.set(b.rgba.subarray(from, from + 4), 4 * ((y + r) * this.width + x + c));
              }
            }
          },
          getImageData: (x: number, y: number, w: number, h: number) => {
            if (x !== 0 || y !== 0 || w !== this.width || h !== this.height) throw new Error('the fake reads whole canvases only');
            return { data: this.pixels.slice(), width: w, height: h };
          },
        };
      }
    },
  );
  return seen;
}
