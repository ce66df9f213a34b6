/**
 * Long jobs (image mode's): progress after each piece, cancel between pieces, the same result
 * in the real worker file (run by @vitest/web-worker) and on the main-thread fallback as the
 * engine gives directly. The picture goes in as a file the job decodes (fakeDecoding.ts stands
 * in for the browser's decoder).
 */
import '@vitest/web-worker';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { imageJob, type ImageJobResult, type ImageJobSpec } from '../../src/engine';
import { createEngineClient, type EngineClient, type WorkerLike } from '../../src/worker/client';
import { drive } from '../../src/worker/jobControl';
import type { PictureRef } from '../../src/worker/picture';
import { fakeDecoding, rawPicture } from './fakeDecoding';

const clients: EngineClient[] = [];
beforeEach(() => {
  fakeDecoding();
});
afterEach(() => {
  clients.splice(0).forEach((c) => c.dispose());
  vi.unstubAllGlobals();
});

const W = 9;
const H = 7;
const rgba = Uint8ClampedArray.from({ length: W * H * 4 }, (_, i) => (i * 53) % 256);
let ids = 1000;
/** The picture as the page names it: a new id each time (the worker keeps pictures by id). */
const ref = (): PictureRef => ({ id: ids++, blob: rawPicture(W, H, rgba) });
const spec: ImageJobSpec = { task: 'conv', color: 'rgb', kernel: [0, -1, 0, -1, 5, -1, 0, -1, 0], k: [3, 3], stride: [1, 1], padding: [1, 1], dilation: [1, 1] };

function direct(): ImageJobResult {
  const gen = imageJob(spec, rgba, W, H);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

describe('driving a job', () => {
  it('reports each fraction and returns the value', async () => {
    const seen: number[] = [];
    const { value } = await drive(imageJob(spec, rgba, W, H), (f) => seen.push(f), () => false, () => Promise.resolve());
    expect(seen).toEqual([1 / 3, 2 / 3, 1]);
    expect(Array.from(value.outputs[0].image.values)).toEqual(Array.from(direct().outputs[0].image.values));
  });

  it('stops between pieces once cancelled, with an AbortError, before computing the rest', async () => {
    const seen: number[] = [];
    let stop = false;
    const job = drive(imageJob(spec, rgba, W, H), (f) => {
      seen.push(f);
      stop = true;
    }, () => stop, () => Promise.resolve());
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([1 / 3]);
  });
});

describe('the client’s jobs', () => {
  it('on the main thread (no worker): progress, then the engine’s result', async () => {
    const client = createEngineClient();
    clients.push(client);
    const seen: number[] = [];
    const { value, ms } = await client.job('image', [spec, ref()], (f) => seen.push(f)).promise;
    expect(seen).toEqual([1 / 3, 2 / 3, 1]);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(Array.from(value.outputs[0].image.rgba)).toEqual(Array.from(direct().outputs[0].image.rgba));
  });

  it('in the worker file: the same result; a cancelled job rejects with an AbortError and the next one still runs', async () => {
    const client = createEngineClient({
      createWorker: () => new Worker(new URL('../../src/worker/engine.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike,
      maxRestarts: 0,
    });
    clients.push(client);
    const picture = ref();
    const first = client.job('image', [spec, picture]);
    first.cancel();
    await expect(first.promise).rejects.toMatchObject({ name: 'AbortError' });
    const seen: number[] = [];
    const { value } = await client.job('image', [spec, picture], (f) => seen.push(f)).promise;
    expect(client.mode()).toBe('worker');
    expect(seen).toEqual([1 / 3, 2 / 3, 1]);
    expect(Array.from(value.outputs[0].image.values)).toEqual(Array.from(direct().outputs[0].image.values));
  });
});
