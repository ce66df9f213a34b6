/**
 * Making the files: one frame as PNG or SVG, a range of frames as an animated GIF. Frames come
 * from frame.ts, scenes from scene.ts, pixels from canvas.ts; the GIF is quantised and encoded
 * in a worker (gif.worker.ts), which also draws the frames when it has an OffscreenCanvas. On
 * the page's thread the work is cut in slices (one frame's scene at a time, yielding between),
 * so the page keeps answering while a long animation is made, and Cancel stops it at once.
 */
import type { Lang } from '../i18n';
import { drawScene, type Context2D } from './canvas';
import { frameAt, type FrameSource } from './frame';
import type { FromGifWorker, ToGifWorker } from './gifProtocol';
import type { Palette } from '../viz/palette';
import { layoutFrame, paintScene } from './scene';
import { sceneToSvg } from './svg';

/** Device pixels per CSS pixel of a PNG: at least 2, and enough for a 1920-pixel-wide projector (at most 4). */
export function pngScale(width: number): number {
  return Math.min(4, Math.max(2, Math.ceil((1920 / width) * 4) / 4));
}

/** The frame at `step` as an SVG file. */
export function svgBlob(source: FrameSource, step: number, lang: Lang, palette: Palette): Blob {
  return new Blob([sceneToSvg(paintScene(frameAt(source, step), lang, palette))], { type: 'image/svg+xml' });
}

/** The frame at `step` as a PNG file, drawn at pngScale. */
export function pngBlob(source: FrameSource, step: number, lang: Lang, palette: Palette): Promise<Blob> {
  const scene = paintScene(frameAt(source, step), lang, palette);
  const scale = pngScale(scene.width);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(scene.width * scale);
  canvas.height = Math.round(scene.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('no 2D canvas'));
  drawScene(ctx as Context2D, scene, scale);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'));
}

/** Lets the page breathe: resolves on the next task. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Thrown (as a rejection) when a GIF is cancelled. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export interface GifOptions {
  readonly from: number;
  readonly to: number;
  readonly lang: Lang;
  readonly palette: Palette;
  /** Milliseconds per frame (the last one stays longer). */
  readonly delay: number;
  /** Called as frames are encoded: `done` of `total`. */
  readonly onProgress: (done: number, total: number) => void;
  readonly signal: AbortSignal;
  /** Makes the worker (a test may hand in another). */
  readonly createWorker?: () => Worker;
}

const defaultWorker = (): Worker => new Worker(new URL('./gif.worker.ts', import.meta.url), { type: 'module' });

/** Frames `from`…`to` (inclusive) as an animated GIF, one frame per step. Rejects with Cancelled when `signal` aborts. */
export async function gifBlob(source: FrameSource, options: GifOptions): Promise<Blob> {
  const { from, to, lang, palette, signal, onProgress } = options;
  const total = to - from + 1;
  const check = () => {
    if (signal.aborted) throw new Cancelled();
  };
  // Every frame must fit the GIF's one size: lay them all out first (positions only, cheap).
  let width = 0;
  let height = 0;
  let sliceStart = performance.now();
  for (let i = from; i <= to; i++) {
    const layout = layoutFrame(frameAt(source, i), palette);
    width = Math.max(width, layout.width);
    height = Math.max(height, layout.height);
    if (performance.now() - sliceStart > 20) {
      await nextTask();
      check();
      sliceStart = performance.now();
    }
  }
  check();
  const worker = (options.createWorker ?? defaultWorker)();
  try {
    return await new Promise<Blob>((resolve, reject) => {
      let canDraw = false;
      let sent = 0;
      let done = 0;
      let pageCanvas: HTMLCanvasElement | null = null;
      const abort = () => reject(new Cancelled());
      signal.addEventListener('abort', abort, { once: true });
      const post = (message: ToGifWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
      // One frame per task, at most two waiting in the worker: the page never holds a long task, memory stays flat.
      const pump = async () => {
        while (sent < total && sent - done < 2 && !signal.aborted) {
          const index = sent++;
          const scene = paintScene(frameAt(source, from + index), lang, palette, { width, height });
          if (canDraw) {
            post({ type: 'scene', index, scene, scale: 1 });
          } else {
            pageCanvas ??= Object.assign(document.createElement('canvas'), { width, height });
            const ctx = pageCanvas.getContext('2d', { willReadFrequently: true });
            if (!ctx) throw new Error('no 2D canvas');
            drawScene(ctx as Context2D, scene, 1);
            const rgba = ctx.getImageData(0, 0, width, height).data;
            post({ type: 'rgba', index, rgba }, [rgba.buffer]);
          }
          await nextTask();
        }
      };
      const fail = (e: unknown) => reject(e instanceof Error ? e : new Error(String(e)));
      worker.onerror = (e) => fail(new Error(e.message || 'worker'));
      worker.onmessage = (event: MessageEvent<FromGifWorker>) => {
        const message = event.data;
        if (message.type === 'ready') {
          canDraw = message.canDraw;
          post({ type: 'start', width, height, frames: total, delay: options.delay, lastDelay: Math.max(options.delay, 1500) });
          pump().catch(fail);
        } else if (message.type === 'progress') {
          done = message.done;
          onProgress(done, total);
          pump().catch(fail);
        } else if (message.type === 'done') {
          signal.removeEventListener('abort', abort);
          resolve(message.gif);
        } else {
          fail(new Error(message.message));
        }
      };
    });
  } finally {
    worker.terminate();
  }
}

/** Hands a file to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
