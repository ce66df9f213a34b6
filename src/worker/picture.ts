/**
 * Image mode's pictures, decoded where the jobs run (the worker, or the main-thread fallback) and
 * kept there: the page hands over the picture's file (a Blob: a sample it fetched, or the
 * learner's own, which never leaves the browser) with an id, and later jobs name the same id, so
 * the page neither decodes the pixels (a long task on its thread) nor posts them with every job.
 * Browser-API glue only (createImageBitmap, a 2d canvas); the arithmetic is the engine's.
 */
import { fitWithin, MAX_IMAGE_SIDE } from '../engine/imagePixels';
import { keepRecent } from '../keepRecent';

/** A picture as the page names it: an id of its own choosing, and the file (sent again with each job, a handle and not a copy, so a restarted worker can decode it anew). */
export interface PictureRef {
  readonly id: number;
  readonly blob: Blob;
}

/** A picture's sizes: as used (at most MAX_IMAGE_SIDE a side), and as the file had it. */
export interface PictureSize {
  readonly width: number;
  readonly height: number;
  readonly width0: number;
  readonly height0: number;
}

/** A decoded picture: RGBA bytes, row by row, with its sizes. */
export interface Picture extends PictureSize {
  readonly rgba: Uint8ClampedArray;
}

/** A width×height 2d context to read pixels back from: an OffscreenCanvas's (workers have no document), else a canvas element's. */
function readableContext(width: number, height: number): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D {
  let ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (typeof OffscreenCanvas !== 'undefined') {
    ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  } else {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    ctx = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!ctx) throw new Error('No 2d canvas to decode the picture on.');
  return ctx;
}

/** Decodes a picture file (its exact bytes: no colour conversion, alpha not premultiplied) and scales it down to at most MAX_IMAGE_SIDE a side. */
export async function decodePicture(blob: Blob): Promise<Picture> {
  const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, MAX_IMAGE_SIDE);
    const ctx = readableContext(width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    return { rgba: ctx.getImageData(0, 0, width, height).data, width, height, width0: bitmap.width, height0: bitmap.height };
  } finally {
    bitmap.close();
  }
}

/** How many decoded pictures are kept (a sample, the learner's own, the one before: about 1 MB each). */
export const KEPT_PICTURES = 3;

/** Decoded pictures (or their decoding under way) by id, the least recently used first. */
const kept = new Map<number, Promise<Picture>>();

/**
 * The picture `ref` names: the kept one with its id, else its file decoded now (and kept). A file
 * that cannot be decoded rejects and is not kept, so naming it again tries again.
 */
export function picture(ref: PictureRef): Promise<Picture> {
  let decoded = kept.get(ref.id);
  if (!decoded) {
    const mine = decodePicture(ref.blob);
    mine.catch(() => {
      if (kept.get(ref.id) === mine) kept.delete(ref.id);
    });
    decoded = mine;
  }
  keepRecent(kept, ref.id, decoded, KEPT_PICTURES);
  return decoded;
}

/** The sizes of the picture `ref` names (decoding and keeping it): what the page learns of it. */
export async function pictureSize(ref: PictureRef): Promise<PictureSize> {
  const { width, height, width0, height0 } = await picture(ref);
  return { width, height, width0, height0 };
}

/** How many pictures are kept (for tests). */
export function keptPictureCount(): number {
  return kept.size;
}
