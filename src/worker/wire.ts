/** Errors across the worker boundary: structured cloning keeps plain data only. */
import { ShapeError } from '../engine/errors';
import type { WireError } from './protocol';

/** Turns any thrown value into something that survives structured cloning. */
export function toWire(e: unknown): WireError {
  if (e instanceof ShapeError) return { name: e.name, message: e.message, code: e.code, param: e.param, details: e.details };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** The inverse of toWire: a ShapeError again where it was one. */
export function fromWire(e: WireError): Error {
  if (e.code && e.param !== undefined) return new ShapeError(e.code, e.param, e.message, e.details ?? {});
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
