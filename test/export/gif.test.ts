/**
 * The GIF pipeline's page side (exporter.ts gifBlob) against a stand-in worker that answers as
 * gif.worker.ts does: one scene per step of the range, all of one size, never more than two
 * frames waiting, and Cancel rejects at once and ends the worker.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../../src/store';
import { Cancelled, gifBlob } from '../../src/export/exporter';
import type { FromGifWorker, ToGifWorker } from '../../src/export/gifProtocol';
import { DEFAULT_PALETTE } from '../../src/viz/palette';
import { showFrames } from './showFrames';

const initial = useStore.getInitialState();
beforeEach(() => useStore.setState(initial, true));

/** A worker stand-in: says it can draw, acknowledges each frame on a later task, sends a file after the last. */
function fakeWorker(options: { stallAfter?: number } = {}) {
  const log = { received: [] as ToGifWorker[], maxWaiting: 0, waiting: 0, terminated: false };
  let frames = 0;
  let done = 0;
  let listener: ((e: MessageEvent<FromGifWorker>) => void) | null = null;
  const worker = {
    // Like a worker's port, messages wait until a listener is set: the first is 'ready'.
    get onmessage() {
      return listener;
    },
    set onmessage(f: ((e: MessageEvent<FromGifWorker>) => void) | null) {
      listener = f;
      setTimeout(() => listener?.({ data: { type: 'ready', canDraw: true } } as MessageEvent<FromGifWorker>), 0);
    },
    onerror: null as unknown,
    postMessage(message: ToGifWorker) {
      log.received.push(message);
      if (message.type === 'start') frames = message.frames;
      if (message.type !== 'scene') return;
      log.waiting++;
      log.maxWaiting = Math.max(log.maxWaiting, log.waiting);
      if (options.stallAfter !== undefined && done >= options.stallAfter) return;
      setTimeout(() => {
        log.waiting--;
        done++;
        worker.onmessage?.({ data: { type: 'progress', done } } as MessageEvent<FromGifWorker>);
        if (done === frames) worker.onmessage?.({ data: { type: 'done', gif: new Blob(['GIF89a'], { type: 'image/gif' }) } } as MessageEvent<FromGifWorker>);
      }, 1);
    },
    terminate() {
      log.terminated = true;
    },
  };
  return { worker: worker as unknown as Worker, log };
}

describe('GIF frames on the page’s side', () => {
  it('sends one scene per step of the range, in order, all of the GIF’s one size, at most two waiting; reports progress to the end', async () => {
    // The direct form's stages differ in size: every frame must still fit the GIF's size.
    const source = showFrames('?op=convT&in=3&k=3&s=2&view=direct').source;
    const { worker, log } = fakeWorker();
    const progress: number[] = [];
    const blob = await gifBlob(source, {
      from: 0, to: 6, lang: 'en', palette: DEFAULT_PALETTE, delay: 500, signal: new AbortController().signal,
      onProgress: (done, total) => progress.push(done / total), createWorker: () => worker,
    });
    expect(blob.type).toBe('image/gif');
    const start = log.received.find((m) => m.type === 'start');
    const scenes = log.received.filter((m) => m.type === 'scene');
    expect(start).toMatchObject({ frames: 7, delay: 500 });
    expect(scenes.map((m) => (m.type === 'scene' ? m.index : -1))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const m of scenes) {
      if (m.type !== 'scene' || start?.type !== 'start') throw new Error('unexpected message');
      expect([m.scene.width, m.scene.height]).toEqual([start.width, start.height]);
    }
    // The zero insertion (frame 0) and the sweep (frame 6) are different pictures.
    const names = scenes.map((m) => (m.type === 'scene' ? m.scene.grids.map((g) => g.name).join() : ''));
    expect(names[0]).not.toBe(names[6]);
    expect(log.maxWaiting).toBeLessThanOrEqual(2);
    expect(progress.at(-1)).toBe(1);
    expect(log.terminated).toBe(true);
  });

  it('Cancel rejects with Cancelled, sends nothing more, and ends the worker', async () => {
    const source = showFrames('?in=12&k=3').source;
    const { worker, log } = fakeWorker({ stallAfter: 3 });
    const controller = new AbortController();
    const scenesSent = () => log.received.filter((m) => m.type === 'scene').length;
    let atAbort = -1;
    controller.signal.addEventListener('abort', () => {
      atAbort = scenesSent();
    });
    const made = gifBlob(source, {
      from: 0, to: 99, lang: 'en', palette: DEFAULT_PALETTE, delay: 250, signal: controller.signal,
      onProgress: (done) => {
        if (done === 3) setTimeout(() => controller.abort(), 5);
      },
      createWorker: () => worker,
    });
    await expect(made).rejects.toBeInstanceOf(Cancelled);
    expect(log.terminated).toBe(true);
    // Some tasks later, still nothing more than when Cancel was pressed (and far from the 100 frames asked for).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(atAbort).toBeGreaterThanOrEqual(3);
    expect(scenesSent()).toBe(atAbort);
    expect(atAbort).toBeLessThan(10);
  });
});
