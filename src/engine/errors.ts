/**
 * Every refusal the engine makes. `code` says which rule was broken, `param` names the
 * parameter at fault (as the public API spells it), `details` carries the numbers so a UI
 * can phrase the message in its own language; `message` is the English sentence.
 */
export type ShapeErrorCode =
  | 'not-integer'
  | 'not-finite'
  | 'out-of-range'
  | 'rank'
  | 'data-length'
  | 'too-large'
  | 'kernel-too-large'
  | 'empty-output'
  | 'groups'
  | 'channels'
  | 'bias'
  | 'output-padding'
  | 'pool-padding'
  | 'same-stride'
  | 'output-size'
  | 'output-shape'
  | 'indices';

export type ShapeErrorDetails = Readonly<Record<string, number | string | readonly number[]>>;

/** Thrown for every request the engine cannot honour; never a partial result. */
export class ShapeError extends Error {
  readonly code: ShapeErrorCode;
  readonly param: string;
  readonly details: ShapeErrorDetails;

  constructor(code: ShapeErrorCode, param: string, message: string, details: ShapeErrorDetails = {}) {
    super(message);
    this.name = 'ShapeError';
    this.code = code;
    this.param = param;
    this.details = details;
  }
}

/** True for a ShapeError (also across realms, e.g. after a structured clone). */
export function isShapeError(e: unknown): e is ShapeError {
  return e instanceof ShapeError;
}
