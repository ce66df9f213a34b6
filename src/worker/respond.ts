/** Runs one request through the handlers: used by the worker and by the main-thread fallback. */
import { handlers } from './handlers';
import { drive, jobs } from './jobs';
import { transferables, type JobProgress, type JobRequest, type WorkerRequest, type WorkerResponse } from './protocol';
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

/**
 * Runs one job (jobs.ts) to its end (once what it waits for is in), reporting progress; never rejects: the response is the
 * value (with its milliseconds) or the error (an AbortError once `cancelled()` says so).
 */
export async function respondJob(
  req: JobRequest,
  onProgress: (progress: JobProgress) => void,
  cancelled: () => boolean,
  pause: () => Promise<void>,
): Promise<{ message: WorkerResponse; transfer: ArrayBuffer[] }> {
  try {
    const fn = jobs[req.job] as (...args: unknown[]) => Generator<number, unknown> | Promise<Generator<number, unknown>>;
    if (typeof fn !== 'function') throw new Error(`Unknown job ${String(req.job)}`);
    const { value, ms } = await drive(await fn(...(req.args as unknown[])), (progress) => onProgress({ id: req.id, progress }), cancelled, pause);
    return { message: { id: req.id, ok: true, value, ms }, transfer: transferables(value) };
  } catch (e) {
    return { message: { id: req.id, ok: false, error: toWire(e) }, transfer: [] };
  }
}
