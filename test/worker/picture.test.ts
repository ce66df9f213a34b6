/**
 * Image mode's pictures decoded where the jobs run (src/worker/picture.ts): the decoder is asked
 * for the file's exact bytes, a large picture is drawn down to at most 512 a side with its
 * proportions, the pixels come back as drawn, a picture is decoded once per id and kept (a few),
 * a file that is no picture fails and is tried again when named again; through the client, in
 * the worker file and on the main thread. fakeDecoding.ts stands in for createImageBitmap and
 * OffscreenCanvas, which Node lacks.
 */
import '@vitest/web-worker';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMAGE_SIDE } from '../../src/engine';
import { createEngineClient, type EngineClient, type WorkerLike } from '../../src/worker/client';
import { decodePicture, KEPT_PICTURES, keptPictureCount, picture, type PictureRef } from '../../src/worker/picture';
import { fakeDecoding, rawPicture, type Seen } from './fakeDecoding';

let seen: Seen;
const clients: EngineClient[] = [];
beforeEach(() => {
  seen = fakeDecoding();
});
afterEach(() => {
  clients.splice(0).forEach((c) => c.dispose());
  vi.unstubAllGlobals();
});

/** A w×h picture whose bytes are a function of their index (alpha included). */
const bytes = (w: number, h: number) => Uint8Array.from({ length: 4 * w * h }, (_, i) => (i * 37 + 11) % 256);

let ids = 1;
const ref = (blob: Blob): PictureRef => ({ id: ids++, blob });

describe('decodePicture', () => {
  it('a small picture: the exact bytes, no colour conversion nor premultiplied alpha asked for, drawn 1:1, the bitmap closed', async () => {
    const rgba = bytes(5, 3);
    const p = await decodePicture(rawPicture(5, 3, rgba));
    expect(seen.options).toEqual([{ colorSpaceConversion: 'none', premultiplyAlpha: 'none' }]);
    expect([p.width, p.height, p.width0, p.height0]).toEqual([5, 3, 5, 3]);
    expect(seen.canvases).toEqual([[5, 3]]);
    expect(seen.draws).toEqual([[0, 0, 5, 3]]);
    expect(Array.from(p.rgba)).toEqual(Array.from(rgba));
    expect(seen.bitmaps.map((b) => b.closed)).toEqual([true]);
  });

  it(`a picture wider than ${MAX_IMAGE_SIDE}: drawn down to ${MAX_IMAGE_SIDE} wide with its proportions, its own size reported beside`, async () => {
    const p = await decodePicture(rawPicture(1000, 250, bytes(1000, 250)));
    // 1000 × 250 → 512 × 128 (the same 4 : 1).
    expect([p.width, p.height, p.width0, p.height0]).toEqual([512, 128, 1000, 250]);
    expect(seen.canvases).toEqual([[512, 128]]);
    expect(seen.draws).toEqual([[0, 0, 512, 128]]);
    expect(p.rgba.length).toBe(4 * 512 * 128);
  });

  it('a file that is no picture rejects', async () => {
    await expect(decodePicture(new Blob(['not a picture']))).rejects.toThrow();
    expect(seen.canvases).toEqual([]);
  });
});

describe('picture: kept by id', () => {
  it('the same id is decoded once; another id is decoded on its own', async () => {
    const a = ref(rawPicture(2, 2, bytes(2, 2)));
    const first = await picture(a);
    const again = await picture({ id: a.id, blob: new Blob(['ignored: the kept picture stands']) });
    expect(again).toBe(first);
    expect(seen.decodes).toBe(1);
    const b = await picture(ref(rawPicture(3, 1, bytes(3, 1))));
    expect([b.width, b.height]).toEqual([3, 1]);
    expect(seen.decodes).toBe(2);
  });

  it(`at most ${KEPT_PICTURES} are kept, the least recently named going first`, async () => {
    const refs = Array.from({ length: KEPT_PICTURES + 1 }, () => ref(rawPicture(1, 1, [1, 2, 3, 4])));
    for (const r of refs.slice(0, KEPT_PICTURES)) await picture(r);
    await picture(refs[0]); // named again: now the most recent
    await picture(refs[KEPT_PICTURES]); // one too many: refs[1] goes
    expect(keptPictureCount()).toBe(KEPT_PICTURES);
    const before = seen.decodes;
    await picture(refs[0]);
    expect(seen.decodes).toBe(before);
    await picture(refs[1]);
    expect(seen.decodes).toBe(before + 1);
  });

  it('a file that is no picture is not kept: named again, it is tried again', async () => {
    const bad = ref(new Blob(['nope']));
    await expect(picture(bad)).rejects.toThrow();
    await expect(picture(bad)).rejects.toThrow();
    expect(seen.decodes).toBe(2);
  });
});

describe('the picture job through the client', () => {
  const workerClient = () => {
    const client = createEngineClient({
      createWorker: () => new Worker(new URL('../../src/worker/engine.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike,
      maxRestarts: 0,
    });
    clients.push(client);
    return client;
  };

  it('in the worker file: the sizes of a picture, then a file that is no picture rejects, and the worker goes on', async () => {
    const client = workerClient();
    const { value } = await client.job('picture', [ref(rawPicture(700, 350, bytes(700, 350)))]).promise;
    expect(client.mode()).toBe('worker');
    expect(value).toEqual({ width: 512, height: 256, width0: 700, height0: 350 });
    await expect(client.job('picture', [ref(new Blob(['nope']))]).promise).rejects.toThrow();
    const small = await client.job('picture', [ref(rawPicture(4, 6, bytes(4, 6)))]).promise;
    expect(small.value).toEqual({ width: 4, height: 6, width0: 4, height0: 6 });
  });

  it('on the main thread (no worker): the same sizes', async () => {
    const client = createEngineClient();
    clients.push(client);
    const { value } = await client.job('picture', [ref(rawPicture(300, 900, bytes(300, 900)))]).promise;
    // 300 × 900 → 171 × 512 (300 · 512 / 900 = 170.7).
    expect(value).toEqual({ width: 171, height: 512, width0: 300, height0: 900 });
  });
});
