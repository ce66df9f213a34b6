/// <reference lib="webworker" />
/** The worker: answers each request with its handler's result, transferring typed-array buffers. */
import { respond } from './respond';
import type { WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const response = respond(event.data);
  self.postMessage(response.message, response.transfer);
};
