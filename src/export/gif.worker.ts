/// <reference lib="webworker" />
/**
 * The GIF worker: draws each frame's scene on an OffscreenCanvas (or takes the RGBA the page
 * drew), reduces it to 256 colours and encodes it with gifenc, off the page's thread. It tells
 * the page after every frame, and sends the file's bytes at the end.
 */
import { applyPalette, GIFEncoder, quantize, type Encoder } from 'gifenc';
import { drawScene, type Context2D } from './canvas';
import type { FromGifWorker, ToGifWorker } from './gifProtocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromGifWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

let job: { encoder: Encoder; width: number; height: number; frames: number; delay: number; lastDelay: number; done: number } | null = null;
let canvas: OffscreenCanvas | null = null;

const canDraw = typeof OffscreenCanvas !== 'undefined' && (() => {
  try {
    return new OffscreenCanvas(1, 1).getContext('2d') !== null;
  } catch {
    return false;
  }
})();

function encode(rgba: Uint8ClampedArray): void {
  if (!job) return;
  const palette = quantize(rgba, 256);
  const index = applyPalette(rgba, palette);
  const last = job.done === job.frames - 1;
  job.encoder.writeFrame(index, job.width, job.height, { palette, delay: last ? job.lastDelay : job.delay, repeat: 0 });
  job.done++;
  post({ type: 'progress', done: job.done });
  if (job.done === job.frames) {
    job.encoder.finish();
    // The file is made here: the page receives a Blob handle, not megabytes to copy on its thread.
    const gif = new Blob([job.encoder.bytesView()], { type: 'image/gif' });
    job = null;
    post({ type: 'done', gif });
  }
}

self.onmessage = (event: MessageEvent<ToGifWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'start') {
      job = { encoder: GIFEncoder(), width: message.width, height: message.height, frames: message.frames, delay: message.delay, lastDelay: message.lastDelay, done: 0 };
      return;
    }
    if (!job) return;
    if (message.type === 'rgba') {
      encode(message.rgba);
      return;
    }
    canvas ??= new OffscreenCanvas(job.width, job.height);
    if (canvas.width !== job.width || canvas.height !== job.height) {
      canvas.width = job.width;
      canvas.height = job.height;
    }
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as unknown as Context2D & OffscreenCanvasRenderingContext2D;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = message.scene.background;
    ctx.fillRect(0, 0, job.width, job.height);
    drawScene(ctx, message.scene, message.scale);
    encode(ctx.getImageData(0, 0, job.width, job.height).data);
  } catch (e) {
    job = null;
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};

post({ type: 'ready', canDraw });
