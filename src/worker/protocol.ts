/**
 * The worker's message types, derived from the handlers themselves (`Api = typeof handlers`),
 * so the protocol cannot drift from the implementation.
 */
import type { ShapeErrorCode, ShapeErrorDetails } from '../engine';
import type { handlers } from './handlers';

export type Api = typeof handlers;
export type Method = keyof Api;

export interface WorkerRequest<M extends Method = Method> {
  readonly id: number;
  readonly method: M;
  readonly args: Parameters<Api[M]>;
}

/** An error as it crosses the worker boundary; ShapeErrors keep their code, param and details. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: ShapeErrorCode;
  readonly param?: string;
  readonly details?: ShapeErrorDetails;
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/** Every ArrayBuffer inside `value` (one level of objects and arrays deep per step), to transfer. */
export function transferables(value: unknown, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) transferables(v, out);
  }
  return out;
}
