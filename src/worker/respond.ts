/** Runs one request through the handlers: used by the worker and by the main-thread fallback. */
import { handlers } from './handlers';
import { transferables, type WorkerRequest, type WorkerResponse } from './protocol';
import { toWire } from './wire';

/** Calls the handler named by the request; never throws. */
export function respond(req: WorkerRequest): { message: WorkerResponse; transfer: ArrayBuffer[] } {
  try {
    const fn = handlers[req.method] as (...args: unknown[]) => unknown;
    if (typeof fn !== 'function') throw new Error(`Unknown method ${String(req.method)}`);
    const value = fn(...(req.args as unknown[]));
    return { message: { id: req.id, ok: true, value }, transfer: transferables(value) };
  } catch (e) {
    return { message: { id: req.id, ok: false, error: toWire(e) }, transfer: [] };
  }
}
