/**
 * The worker's message types, derived from the handlers themselves (`Api = typeof handlers`),
 * so the protocol cannot drift from the implementation.
 */
import type { ShapeErrorCode, ShapeErrorDetails } from '../engine';
import type { handlers } from './handlers';
import type { JobName, Jobs } from './jobs';

export type Api = typeof handlers;
export type Method = keyof Api;

export interface WorkerRequest<M extends Method = Method> {
  readonly id: number;
  readonly method: M;
  readonly args: Parameters<Api[M]>;
}

/** A long job (jobs.ts): answered by progress messages, then one response, unless cancelled. */
export interface JobRequest<J extends JobName = JobName> {
  readonly id: number;
  readonly job: J;
  readonly args: Parameters<Jobs[J]>;
}

/** Stops the job `cancel` between two of its pieces (it then answers with an AbortError). */
export interface CancelRequest {
  readonly id: number;
  readonly cancel: true;
}

/** Buffers of a result the page no longer shows, transferred back for the next jobs to write into (engine/bufferPool.ts). */
export interface RecycleRequest {
  readonly recycle: readonly ArrayBuffer[];
}

/** Everything the page sends the worker. */
export type ToWorker = WorkerRequest | JobRequest | CancelRequest | RecycleRequest;

/** An error as it crosses the worker boundary; ShapeErrors keep their code, param and details. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: ShapeErrorCode;
  readonly param?: string;
  readonly details?: ShapeErrorDetails;
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown; /** A job's wall-clock milliseconds in the worker. */ readonly ms?: number }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/** A job's fraction done (0–1), sent after each of its pieces. */
export interface JobProgress {
  readonly id: number;
  readonly progress: number;
}

/** Everything the worker sends the page. */
export type FromWorker = WorkerResponse | JobProgress;

/** Every ArrayBuffer inside `value` (one level of objects and arrays deep per step), to transfer. */
export function transferables(value: unknown, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) transferables(v, out);
  }
  return out;
}
