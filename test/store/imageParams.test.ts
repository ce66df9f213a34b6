/** Image mode's questions read from the params: the kernel, the job, and the explorer's params for a patch. */
import { describe, expect, it } from 'vitest';
import { explore, IMAGE_KERNELS, rgbaToPlanes, upsamplingKernel } from '../../src/engine';
import { explorerPatch, imageJobSpec, imageKernel, ownKernelPatch, PATCH_SIZE, taskPatch, withKernelValue } from '../../src/store/imageParams';
import { upsamplingPlan } from '../../src/store/imageOverlap';
import { specOf } from '../../src/store/spec';
import { applyChange } from '../../src/store/transitions';
import { DEFAULTS, parseQuery, writeQuery, type Params } from '../../src/store/urlParams';
import { overlapCounts, interiorCounts } from '../../src/viz/matrixLooks';

const image = (patch: Partial<Params> = {}): Params => ({ ...parseQuery('op=image').params, ...patch });

describe('image mode in the address', () => {
  it('reads op=image and its keys, and writes them back only when they differ from the defaults', () => {
    const { params, notices } = parseQuery('op=image&img=rings&task=pool&kern=gauss&color=grey&pool=avg&k=2&s=2');
    expect(notices).toEqual([]);
    expect([params.op, params.img, params.task, params.kern, params.color, params.pool]).toEqual(['image', 'rings', 'pool', 'gauss', 'grey', 'avg']);
    expect(parseQuery(writeQuery(params)).params).toEqual(params);
    expect(writeQuery({ ...DEFAULTS, op: 'image' })).toBe('op=image');
  });

  it('ignores a sample that does not exist, with a notice naming the samples there are', () => {
    const { params, notices } = parseQuery('op=image&img=cat');
    expect(params.img).toBe('scene');
    expect(notices).toEqual([{ key: 'img', value: 'cat', reason: 'bad-value', allowed: { kind: 'oneOf', values: ['scene', 'letters', 'rings', 'checker'] } }]);
  });

  it('keeps the learner’s own kernel (k×k values in w) through the address', () => {
    const params = parseQuery('op=image&kern=own&k=2&w=1,2,3,4').params;
    expect(imageKernel(params)).toEqual({ values: [1, 2, 3, 4], k: [2, 2] });
    expect(parseQuery('op=image&kern=own&k=2&w=1,2,3').notices.map((n) => n.key)).toEqual(['w']);
  });
});

describe('the kernel and the job', () => {
  it('names a table kernel (3×3) or the learner’s own; an own kernel not yet typed is the identity', () => {
    expect(imageKernel(image({ kern: 'gauss' }))).toEqual({ values: IMAGE_KERNELS.gauss, k: [3, 3] });
    expect(imageKernel(image({ kern: 'own', k: [1, 3] }))).toEqual({ values: [0, 1, 0], k: [1, 3] });
  });

  it('starts the own kernel from the one on screen, and writes a typed value into its cell', () => {
    const p = image({ kern: 'sobely' });
    const own = applyChange(p, ownKernelPatch(p)).params;
    expect(imageKernel(own).values).toEqual(IMAGE_KERNELS.sobely);
    const typed = withKernelValue(own, 2, 0, 7);
    expect(typed).toEqual([-1, -2, -1, 0, 0, 0, 7, 2, 1]);
  });

  it('asks the worker for the operation on screen; TensorFlow padding names count as none here', () => {
    expect(imageJobSpec(image({ task: 'convT', color: 'grey' }))).toEqual({ task: 'convT', color: 'grey' });
    expect(imageJobSpec(image({ task: 'pool', pool: 'avg', k: [2, 2], s: [2, 2], p: [1, 1] }))).toEqual({
      task: 'pool', color: 'rgb', pool: 'avg', k: [2, 2], stride: [2, 2], padding: [1, 1],
    });
    expect(imageJobSpec(image({ p: 'same', kern: 'box', d: [2, 2] }))).toEqual({
      task: 'conv', color: 'rgb', kernel: IMAGE_KERNELS.box, k: [3, 3], stride: [1, 1], padding: [0, 0], dilation: [2, 2],
    });
  });

  it('switching the task brings sizes that suit it', () => {
    expect(taskPatch('pool')).toEqual({ task: 'pool', k: [2, 2], s: [2, 2], p: [0, 0] });
    expect(taskPatch('convT')).toEqual({ task: 'convT' });
  });

  it('the overlap plans of the ×2 comparison: 1, 2, 4 taps for k = 3, 4 everywhere inside for k = 4 (Odena et al. 2016, "Deconvolution and Checkerboard Artifacts")', () => {
    expect(interiorCounts(overlapCounts(upsamplingPlan(3, 5)))).toEqual([1, 2, 4]);
    expect(interiorCounts(overlapCounts(upsamplingPlan(4, 5)))).toEqual([4]);
  });
});

describe('the numeric explorer on the patch around a pixel', () => {
  const w = 12;
  const h = 10;
  const rgba = Uint8ClampedArray.from({ length: w * h * 4 }, (_, i) => (i * 37) % 256);
  const planes = (color: 'rgb' | 'grey') => {
    const values = rgbaToPlanes(rgba, w, h, color);
    return { width: w, height: h, channels: color === 'rgb' ? 3 : 1, values };
  };

  it('opens the convolution with the 8×8 patch of each channel and the kernel on each channel alone (groups = channels)', () => {
    const p = image({ kern: 'sharpen', s: [1, 1], p: [1, 1] });
    const input = planes('rgb');
    const patch = explorerPatch(p, input, 5, 6);
    const next = applyChange(p, patch).params;
    expect([next.op, next.in, next.cin, next.cout, next.g, next.k]).toEqual(['conv', [PATCH_SIZE, PATCH_SIZE], 3, 3, 3, [3, 3]]);
    expect(next.w).toEqual([...IMAGE_KERNELS.sharpen, ...IMAGE_KERNELS.sharpen, ...IMAGE_KERNELS.sharpen]);
    // Rows 2–9, columns 3–10 (the pixel at (5, 6) is 4th of 8 from the top-left), channel by channel.
    const want: number[] = [];
    for (let c = 0; c < 3; c++) for (let r = 2; r < 10; r++) for (let col = 3; col < 11; col++) want.push(rgba[4 * (r * w + col) + c]);
    expect(next.x).toEqual(want);
    expect(() => explore(specOf(next))).not.toThrow();
    // The link that opens it reads back the same.
    expect(parseQuery(writeQuery(next)).params).toEqual(next);
  });

  it('opens the transposed convolution with the k of the picture clicked, and pooling as pooling then unpooling', () => {
    const input = planes('grey');
    const convT = applyChange(image({ task: 'convT' }), explorerPatch(image({ task: 'convT' }), input, 0, 0, 3)).params;
    expect([convT.op, convT.k, convT.s, convT.p, convT.a, convT.cin, convT.cout, convT.g]).toEqual(['convT', [3, 3], [2, 2], [1, 1], [1, 1], 1, 1, 1]);
    expect(convT.w).toEqual(upsamplingKernel(3, 2));
    expect(() => explore(specOf(convT))).not.toThrow();
    const pool = applyChange(image({ task: 'pool', pool: 'avg', k: [2, 2], s: [2, 2] }), explorerPatch(image({ task: 'pool', pool: 'avg', k: [2, 2], s: [2, 2] }), input, 9, 11)).params;
    expect([pool.op, pool.pool, pool.k, pool.s, pool.in, pool.cin]).toEqual(['unpool', 'avg', [2, 2], [2, 2], [8, 8], 1]);
    expect(pool.x?.slice(0, 8)).toEqual(Array.from(input.values.slice(2 * w + 4, 2 * w + 12)));
    expect(() => explore(specOf(pool))).not.toThrow();
  });
});
