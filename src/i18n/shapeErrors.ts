/**
 * The engine's refusals in the page's language. The engine names the rule it applied (`code`),
 * the parameter at fault (`param`, as its API spells it) and the numbers (`details`); this
 * module picks the catalogue sentence for that rule and fills it with those numbers. It never
 * reads the engine's English `message`. Loaded on demand (index.ts `loadErrorSentences`) with
 * its English sentences (en-errors.ts); components call index.ts `errorText`. Only formatting happens here: every number a sentence
 * shows is one the engine put into `details`.
 */
import type { ShapeError, ShapeErrorDetails } from '../engine/errors';
import { fieldOfParam, faultOf, type FormField } from '../viz/fieldErrors';
import { enErrors } from './en-errors';
import { addMessages, listOf, t, type MessageKey, type Vars } from './index';

addMessages(enErrors);

/** What the translator reads of an error (a ShapeError, also one rebuilt after the worker). */
export type ShapeErrorLike = Pick<ShapeError, 'code' | 'param' | 'details'>;

/** A sentence: its catalogue key and the values of its placeholders. */
export interface Sentence {
  readonly key: MessageKey;
  readonly vars: Vars;
}

/** Parameters whose name on the page differs from the form field they map to. */
const OWN_NAMES: Readonly<Record<string, MessageKey>> = { kernelSize: 'ch.field.window', outputSize: 'ch.field.unpoolOut' };

const FIELD_NAMES: Readonly<Record<FormField, MessageKey>> = {
  in: 'field.in', k: 'field.k', s: 'field.s', p: 'field.p', d: 'field.d', a: 'field.a', out: 'field.out',
  cin: 'ch.field.cin', cout: 'ch.field.cout', g: 'ch.field.g',
};

const num = (d: ShapeErrorDetails, key: string): number | string => {
  const v = d[key];
  return typeof v === 'number' || typeof v === 'string' ? v : '';
};
const pair = (d: ShapeErrorDetails, key: string): readonly number[] => {
  const v = d[key];
  return Array.isArray(v) ? v : [];
};
/** Alternatives: "5 or 6", "4, 5 or 6" / "5 或 6", "4、5 或 6". */
function orList(items: readonly (string | number)[]): string {
  if (items.length <= 1) return items.join('');
  return t('list.or', { head: listOf(items.slice(0, -1)), last: items[items.length - 1] });
}

/** `5 × 4`, or `5` when both axes agree and `square` allows it. */
const hw = (v: readonly number[], square = false): string => (square && v[0] === v[1] ? String(v[0]) : `${v[0]} × ${v[1]}`);

/** The parameter as the page names it ("Padding", "Window"), or its API name when the form has no field for it. */
function paramName(param: string): string {
  const own = OWN_NAMES[param];
  if (own) return t(own);
  const field = fieldOfParam(param);
  return field ? t(FIELD_NAMES[field]) : param;
}

/** "Padding (height)" when the engine says which axis, else "Padding". */
function where(e: ShapeErrorLike): string {
  const { axis } = faultOf(e);
  const name = paramName(e.param);
  return axis === null ? name : t('field.axis', { field: name, axis: t(axis === 0 ? 'axis.h' : 'axis.w') });
}

/** The axis a one-axis rule speaks of ("height" / "width"). */
function axisWord(e: ShapeErrorLike): string {
  return t(faultOf(e).axis === 1 ? 'axis.w' : 'axis.h');
}

/** The sentence for an engine refusal (exported for tests: the key and its values). */
export function errorSentence(e: ShapeErrorLike): Sentence {
  const d = e.details;
  const name = where(e);
  const axis = axisWord(e);
  const got = num(d, 'got');
  switch (e.code) {
    case 'not-finite':
      return 'index' in d ? { key: 'err.valueNotFinite', vars: { name, got, index: num(d, 'index') } } : { key: 'err.notNumber', vars: { name, got } };
    case 'not-integer':
      return 'suggest' in d ? { key: 'err.notWhole', vars: { name, got, suggest: num(d, 'suggest') } } : { key: 'err.dimension', vars: { name, got, dim: num(d, 'axis') } };
    case 'out-of-range':
      if (d.framework === 'tf') return { key: 'err.tfPadding', vars: {} };
      if (d.framework === 'torch') return { key: 'err.torchPadding', vars: {} };
      if ('min' in d) return { key: 'err.range', vars: { name, got, min: num(d, 'min'), max: num(d, 'max') } };
      if ('axis' in d) return { key: 'err.dimension', vars: { name, got, dim: num(d, 'axis') } };
      return { key: 'err.notAccepted', vars: { name, got } };
    case 'rank':
      return { key: 'err.rank', vars: { name } };
    case 'data-length':
      return { key: 'err.dataLength', vars: { name, expected: num(d, 'expected'), got } };
    case 'too-large':
      if (d.limit === 'cells') {
        return {
          key: 'err.tooLargeToDraw',
          vars: { output: hw(pair(d, 'output')), canvas: hw(pair(d, 'canvas')), padded: hw(pair(d, 'padded')), side: num(d, 'side') },
        };
      }
      return { key: d.limit === 'work' ? 'err.tooMuchWork' : 'err.tooManyNumbers', vars: { name, got, max: num(d, 'max') } };
    case 'kernel-too-large': {
      const vars = { axis, kernel: num(d, 'kernel'), padded: num(d, 'padded'), input: num(d, 'input'), padding: num(d, 'padding'), more: num(d, 'more'), perSide: num(d, 'perSide') };
      if (e.param === 'kernelSize') return { key: 'err.windowTooLarge', vars };
      if (num(d, 'dilation') !== 1) return { key: 'err.dilatedKernelTooLarge', vars: { ...vars, size: num(d, 'size'), dilation: num(d, 'dilation') } };
      return { key: 'err.kernelTooLarge', vars };
    }
    case 'empty-output':
      return { key: 'err.emptyOutput', vars: { axis, padding: num(d, 'padding'), full: num(d, 'full'), got, maxPad: num(d, 'maxPad') } };
    case 'groups':
      return { key: d.side === 'out' ? 'err.groupsOut' : 'err.groupsIn', vars: { channels: num(d, 'channels'), groups: num(d, 'groups') } };
    case 'channels':
      return { key: 'err.channels', vars: { expected: num(d, 'expected'), got } };
    case 'bias':
      return { key: 'err.bias', vars: { expected: num(d, 'expected') } };
    case 'output-padding':
      return { key: 'err.outputPadding', vars: { axis, got, stride: num(d, 'stride'), dilation: num(d, 'dilation'), max: num(d, 'max') } };
    case 'pool-padding':
      if ('window' in d) {
        return { key: 'err.windowOnlyPadding', vars: { axis, window: num(d, 'window'), kernel: num(d, 'kernel'), dilation: num(d, 'dilation'), padding: num(d, 'padding') } };
      }
      return { key: 'err.poolPadding', vars: { axis, got, kernel: num(d, 'kernel'), max: num(d, 'max') } };
    case 'same-stride':
      return { key: 'err.sameStride', vars: { stride: hw(pair(d, 'stride')) } };
    case 'output-size': {
      if ('expected' in d) return { key: 'err.tfUnpoolSize', vars: { expected: hw(pair(d, 'expected')), got: hw(pair(d, 'got')) } };
      const legal = pair(d, 'legal');
      if (legal.length === 0) return { key: 'err.unpoolEmpty', vars: { axis } };
      return { key: 'err.unpoolSize', vars: { axis, got, default: num(d, 'default'), legal: orList(legal) } };
    }
    case 'output-shape': {
      const [legalH, legalW] = [pair(d, 'legalH'), pair(d, 'legalW')];
      const value = hw(pair(d, 'actual'));
      const sameLists = legalH.length === legalW.length && legalH.every((h, i) => h === legalW[i]);
      const legal =
        legalH.length === 0 || legalW.length === 0
          ? t('err.outputShapeNone', { value })
          : t('err.outputShapeLegal', {
              value,
              sizes: sameLists ? orList(legalH) : t('list.perAxis', { h: orList(legalH), w: orList(legalW) }),
            });
      return {
        key: 'err.outputShape',
        vars: {
          requested: hw(pair(d, 'requested')), k: hw(pair(d, 'kernel'), true), s: hw(pair(d, 'stride'), true),
          padding: num(d, 'padding'), forward: hw(pair(d, 'forward')), value, legal,
        },
      };
    }
    case 'indices':
      return { key: 'err.indices', vars: { got, index: num(d, 'index'), max: num(d, 'max') } };
  }
}

/** The engine's refusal as a sentence in the page's language. */
export function errorText(e: ShapeErrorLike): string {
  const s = errorSentence(e);
  return t(s.key, s.vars);
}
