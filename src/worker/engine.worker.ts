/// <reference lib="webworker" />
/**
 * The worker: answers each request with its handler's result, transferring typed-array buffers;
 * runs jobs piece by piece, posting their progress and hearing cancels between pieces; keeps the
 * buffers the page hands back for the next jobs.
 */
import { giveBuffers } from '../engine/bufferPool';
import { macrotask } from './jobs';
import { respond, respondJob } from './respond';
import { toWire } from './wire';
import type { ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const cancelled = new Set<number>();

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const data = event.data;
  if ('recycle' in data) {
    giveBuffers(data.recycle);
  } else if ('cancel' in data) {
    cancelled.add(data.id);
  } else if ('job' in data) {
    void respondJob(data, (progress) => self.postMessage(progress), () => cancelled.has(data.id), macrotask).then((response) => {
      cancelled.delete(data.id);
      try {
        self.postMessage(response.message, response.transfer);
      } catch (e) {
        // A value that cannot cross (a DataCloneError) must still answer, or the page waits for ever.
        self.postMessage({ id: data.id, ok: false, error: toWire(e) });
      }
    });
  } else {
    const response = respond(data);
    self.postMessage(response.message, response.transfer);
  }
};
