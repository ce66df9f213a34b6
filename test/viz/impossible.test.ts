/**
 * The pictures of an impossible choice as records: an output_shape TensorFlow refuses (the
 * conv2d_transpose tutorial's [1,10,10,3], the conv_transpose notes' 97×97 with stride 3), and a
 * kernel larger than the padded input. Refusals come from the engine; expected numbers from the
 * tutorials named in the titles or worked out here by hand.
 */
import { describe, expect, it } from 'vitest';
import { explore, isShapeError, type ExploreSpec, type ShapeError } from '../../src/engine';
import { overhangCell, overhangPicture, outputShapePicture } from '../../src/viz/impossible';
import { drawsRefusal } from '../../src/viz/refusals';

const BASE: ExploreSpec = {
  op: 'convT', fw: 'tf', input: [3, 3], kernel: [3, 3], stride: [2, 2], padding: 'SAME', dilation: [1, 1], outputPadding: [0, 0],
  outputShape: [10, 10], channels: { in: 1, out: 3, groups: 1 }, pool: 'max',
};

function refusal(spec: ExploreSpec): ShapeError {
  try {
    explore(spec);
  } catch (e) {
    if (isShapeError(e)) return e;
  }
  throw new Error('expected a refusal');
}

describe('outputShapePicture', () => {
  it('“TensorFlow tf.nn.conv2d_transpose是怎样实现反卷积的”: output_shape 10×10 convolves to 5×5, not the value’s 3×3; 5 and 6 work', () => {
    const e = refusal(BASE);
    expect(drawsRefusal(e)).toBe(true);
    const p = outputShapePicture(e, 1);
    if (!p) throw new Error('expected a picture');
    expect([p.requested, p.forward, p.value]).toEqual([[10, 10], [5, 5], [3, 3]]);
    expect(p.matches).toEqual([false, false]);
    expect(p.legal).toEqual([[5, 5], [5, 6], [6, 5], [6, 6]]);
    expect(p.padding).toBe('SAME');
    expect(p.largest).toBe(10);
  });

  it('“tensorflow学习笔记(三十二)”: 25×25 back to 97×97 with stride 3 — TensorFlow’s own words, actual = 25, computed = 33', () => {
    const p = outputShapePicture(refusal({ ...BASE, input: [25, 25], stride: [3, 3], outputShape: [97, 97] }), 20);
    if (!p) throw new Error('expected a picture');
    expect(p.tf.backprop).toBe("InvalidArgumentError: Conv2DSlowBackpropInput: Size of out_backprop doesn't match computed: actual = 25, computed = 33");
    expect(p.tf.shapes).toBe('ValueError: Shapes (1, 33, 33, 20) and (1, 25, 25, 20) are not compatible');
  });

  it('TensorFlow reports the first axis that differs: height fine, width wrong', () => {
    const p = outputShapePicture(refusal({ ...BASE, outputShape: [6, 10] }), 1);
    if (!p) throw new Error('expected a picture');
    expect(p.matches).toEqual([true, false]);
    expect(p.tf.backprop).toContain('actual = 3, computed = 5');
  });

  it('is not about other refusals', () => {
    const e = refusal({ ...BASE, op: 'conv', fw: 'torch', padding: [0, 0], kernel: [7, 7], outputShape: null, channels: { in: 1, out: 1, groups: 1 } });
    expect(outputShapePicture(e, 1)).toBeNull();
  });
});

describe('overhangPicture', () => {
  it('kernel 7 on a 3×3 input with padding 1: padded 5, the kernel sticks out by 2 on each axis; cells classified', () => {
    const spec: ExploreSpec = { ...BASE, op: 'conv', fw: 'torch', padding: [1, 1], kernel: [7, 7], outputShape: null, stride: [1, 1], channels: { in: 1, out: 1, groups: 1 } };
    const p = overhangPicture(refusal(spec), spec);
    if (!p) throw new Error('expected a picture');
    expect(p.h).toEqual({ input: 3, before: 1, after: 1, padded: 5, kernel: 7, span: 7, fits: false, over: 2 });
    expect(overhangCell(p, 0, 0)).toEqual({ kind: 'pad', kernel: true });
    expect(overhangCell(p, 1, 1)).toEqual({ kind: 'input', kernel: true });
    expect(overhangCell(p, 6, 6)).toEqual({ kind: 'none', kernel: true });
    // Count: 25 cells of the padded input, 9 of them input, 49 − 25 outside it.
    let input = 0;
    let none = 0;
    for (let r = 0; r < 7; r++) for (let c = 0; c < 7; c++) {
      const cell = overhangCell(p, r, c);
      if (cell.kind === 'input') input++;
      if (cell.kind === 'none') none++;
    }
    expect([input, none]).toEqual([9, 24]);
  });

  it('TensorFlow VALID: no padding; dilation spreads the kernel (3 taps, d = 3 → 7 cells on a 5×5 input)', () => {
    const spec: ExploreSpec = { ...BASE, op: 'conv', padding: 'VALID', input: [5, 5], dilation: [3, 3], outputShape: null, stride: [1, 1], channels: { in: 1, out: 1, groups: 1 } };
    const p = overhangPicture(refusal(spec), spec);
    if (!p) throw new Error('expected a picture');
    expect([p.h.padded, p.h.kernel, p.h.over, p.w.fits]).toEqual([5, 7, 2, false]);
  });
});
