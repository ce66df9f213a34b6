import { describe, expect, it } from 'vitest';
import { explore, isShapeError, type ShapeError } from '../../src/engine';
import { specOf } from '../../src/store';
import { parseQuery } from '../../src/store/urlParams';
import { faultOf, fieldOfParam, parseWhole } from '../../src/viz/fieldErrors';

/** The engine's refusal for a query (these queries are chosen to be impossible). */
function refusal(query: string): ShapeError {
  try {
    explore(specOf(parseQuery(query).params));
  } catch (e) {
    if (isShapeError(e)) return e;
    throw e;
  }
  throw new Error(`expected ${query} to be refused`);
}

describe('fieldErrors', () => {
  it('maps engine parameter names to form fields', () => {
    const pairs = {
      input: 'in', kernel: 'k', weight: 'k', stride: 's', padding: 'p', dilation: 'd', outputPadding: 'a', outputShape: 'out',
      kernelSize: 'k', outputSize: 'out', inChannels: 'cin', outChannels: 'cout', groups: 'g',
    };
    for (const [param, field] of Object.entries(pairs)) expect(fieldOfParam(param)).toBe(field);
    expect(fieldOfParam('bias')).toBeNull();
  });

  it('a kernel too tall for the input blames the kernel height', () => {
    expect(faultOf(refusal('in=3x5&k=5'))).toEqual({ field: 'k', axis: 0 });
    expect(faultOf(refusal('in=5x3&k=5'))).toEqual({ field: 'k', axis: 1 });
  });

  it('output padding not below the stride blames output padding', () => {
    expect(faultOf(refusal('op=convT&s=2x1&a=0x1'))).toEqual({ field: 'a', axis: 1 });
  });

  it('an illegal output_shape blames the axis whose size is not legal', () => {
    // in=3, s=2, SAME: legal 5 or 6 (issue 3); 9 is not.
    expect(faultOf(refusal('op=convT&fw=tf&in=3&k=3&s=2&p=same&out=9x5'))).toEqual({ field: 'out', axis: 0 });
    expect(faultOf(refusal('op=convT&fw=tf&in=3&k=3&s=2&p=same&out=9'))).toEqual({ field: 'out', axis: null });
  });

  it('parseWhole accepts whole numbers within bounds only', () => {
    const b = { min: 1, max: 7 };
    expect(parseWhole('3', b)).toBe(3);
    expect(parseWhole(' 7 ', b)).toBe(7);
    for (const bad of ['', '0', '8', '2.5', '-1', '1e1', 'x']) expect(parseWhole(bad, b)).toBeNull();
  });

  it('channels that groups cannot split blame the groups field', () => {
    expect(faultOf(refusal('cin=3&cout=2&g=2'))).toEqual({ field: 'g', axis: null });
    expect(faultOf(refusal('op=convT&cin=2&cout=3&g=2'))).toEqual({ field: 'g', axis: null });
  });

  it('pooling: a window too large blames the window (k), an unpooled size it cannot give blames out on its axis', () => {
    expect(faultOf(refusal('op=unpool&in=3x5&k=4&s=1'))).toEqual({ field: 'k', axis: 0 });
    // in=5, k=2, s=2: pooled 2, unpooled sizes 3..5; 7 is not one of them on the width.
    expect(faultOf(refusal('op=unpool&in=5&k=2&s=2&out=5x7'))).toEqual({ field: 'out', axis: 1 });
  });
});
