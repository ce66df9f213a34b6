/**
 * Which form field an engine refusal belongs to, and what a field's text means. The engine
 * names parameters as its API spells them (`weight`, `outputPadding`); the form uses the URL's
 * keys (`k`, `a`), so the message can sit next to the field the learner has to change.
 */
import type { ShapeError } from '../engine';

/** The form's fields the engine can blame (URL keys): the sizes, and the channels and groups. */
export type FormField = 'in' | 'k' | 's' | 'p' | 'd' | 'a' | 'out' | 'cin' | 'cout' | 'g';

/** Where a refusal points: a field, and the axis (0 = height, 1 = width) when the engine says which. */
export interface FieldFault {
  readonly field: FormField | null;
  readonly axis: 0 | 1 | null;
}

const PARAM_FIELD: Readonly<Record<string, FormField>> = {
  input: 'in',
  x: 'in',
  kernel: 'k',
  weight: 'k',
  stride: 's',
  padding: 'p',
  dilation: 'd',
  outputPadding: 'a',
  outputShape: 'out',
  // Pooling and unpooling spell the window and the unpooled size as PyTorch does.
  kernelSize: 'k',
  outputSize: 'out',
  inChannels: 'cin',
  outChannels: 'cout',
  groups: 'g',
};

/** The field an engine parameter name maps to, or null for one the form has no field for. */
export function fieldOfParam(param: string): FormField | null {
  return PARAM_FIELD[param] ?? null;
}

const AXIS_OF: Readonly<Record<string, 0 | 1>> = { height: 0, top: 0, bottom: 0, width: 1, left: 1, right: 1 };

/** Whether `v` is a list of numbers (details values are numbers, strings or number lists). */
const isList = (v: unknown): v is readonly number[] => Array.isArray(v);

/**
 * The field and axis at fault. The axis comes from `details.axis` when the engine gives it; for
 * an impossible output_shape it is the axis whose requested size is not among the legal ones
 * (null when both are, or neither is, at fault).
 */
export function faultOf(error: Pick<ShapeError, 'param' | 'details'>): FieldFault {
  const field = fieldOfParam(error.param);
  const axisName = error.details.axis;
  if (typeof axisName === 'string' && axisName in AXIS_OF) return { field, axis: AXIS_OF[axisName] };
  const { requested, legalH, legalW } = error.details;
  if (field === 'out' && isList(requested) && isList(legalH) && isList(legalW)) {
    const badH = !legalH.includes(requested[0]);
    const badW = !legalW.includes(requested[1]);
    return { field, axis: badH === badW ? null : badH ? 0 : 1 };
  }
  return { field, axis: null };
}

/** Inclusive bounds of a numeric field. */
export interface FieldBounds {
  readonly min: number;
  readonly max: number;
}

/**
 * The whole number a field's text spells, when it lies within `bounds`; null otherwise (the
 * text is then kept as a draft and the field says what it accepts).
 */
export function parseWhole(text: string, bounds: FieldBounds): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= bounds.min && n <= bounds.max ? n : null;
}
