/**
 * The stages of the transposed convolution's equivalent direct convolution, each a whole
 * tensor so the animation can show it and the tests can check it. Readable, not fast.
 */
import { ShapeError } from '../errors';
import { checkInt, MAX_PARAM, zeroInsertedSize, type Pads } from '../shape';
import { checkTensor, numel, type Tensor } from '../tensor';

const NCHW = '[N, C, H, W]';

/**
 * Puts s − 1 zeros between neighbouring cells of every (n, c) plane.
 * x `[N, C, H, W]` → `[N, C, (H − 1)·strideH + 1, (W − 1)·strideW + 1]`; allocates the result.
 */
export function zeroInsert(x: Tensor, strideH: number, strideW: number): Tensor {
  const [n, c, h, w] = checkTensor(x, 4, 'x', NCHW);
  const sh = checkInt(strideH, 'stride', 1, MAX_PARAM, 'height');
  const sw = checkInt(strideW, 'stride', 1, MAX_PARAM, 'width');
  const outH = zeroInsertedSize(h, sh);
  const outW = zeroInsertedSize(w, sw);
  const out = new Float64Array(numel([n, c, outH, outW], 'output'));
  for (let plane = 0; plane < n * c; plane++) {
    for (let y = 0; y < h; y++) {
      for (let xx = 0; xx < w; xx++) {
        out[(plane * outH + y * sh) * outW + xx * sw] = x.data[(plane * h + y) * w + xx];
      }
    }
  }
  return { shape: [n, c, outH, outW], data: out };
}

/**
 * Adds `pads` rows/columns of zeros around every (n, c) plane; a negative pad crops that many
 * instead (the direct form of a transposed convolution crops when p > d(k − 1)).
 * x `[N, C, H, W]` → `[N, C, H + top + bottom, W + left + right]`; allocates the result.
 */
export function padOrCrop(x: Tensor, pads: Pads): Tensor {
  const [n, c, h, w] = checkTensor(x, 4, 'x', NCHW);
  const top = checkInt(pads.top, 'pads', -h, Number.MAX_SAFE_INTEGER, 'top');
  const bottom = checkInt(pads.bottom, 'pads', -h, Number.MAX_SAFE_INTEGER, 'bottom');
  const left = checkInt(pads.left, 'pads', -w, Number.MAX_SAFE_INTEGER, 'left');
  const right = checkInt(pads.right, 'pads', -w, Number.MAX_SAFE_INTEGER, 'right');
  const outH = h + top + bottom;
  const outW = w + left + right;
  if (outH < 1 || outW < 1) {
    throw new ShapeError(
      'empty-output',
      'pads',
      `Cropping a ${h}×${w} plane by these pads leaves ${outH}×${outW}: crop less, so at least one row and one column remain.`,
      { got: [outH, outW], input: [h, w] },
    );
  }
  const out = new Float64Array(numel([n, c, outH, outW], 'output'));
  // Copy only the rows and columns that survive a crop.
  const y0 = Math.max(0, -top);
  const y1 = Math.min(h, outH - top);
  const x0 = Math.max(0, -left);
  const x1 = Math.min(w, outW - left);
  for (let plane = 0; plane < n * c; plane++) {
    for (let y = y0; y < y1; y++) {
      const src = (plane * h + y) * w;
      out.set(x.data.subarray(src + x0, src + x1), (plane * outH + y + top) * outW + x0 + left);
    }
  }
  return { shape: [n, c, outH, outW], data: out };
}

/**
 * Rotates every kH×kW plane of a kernel by 180° (reverses rows and columns); the axes keep
 * their order. w `[A, B, kH, kW]` → same shape; allocates the result.
 */
export function flipKernel(w: Tensor): Tensor {
  const [a, b, kH, kW] = checkTensor(w, 4, 'weight', '[A, B, kH, kW]');
  const plane = kH * kW;
  const out = new Float64Array(w.data.length);
  for (let p = 0; p < a * b; p++) {
    for (let i = 0; i < plane; i++) out[p * plane + i] = w.data[p * plane + plane - 1 - i];
  }
  return { shape: [a, b, kH, kW], data: out };
}

/**
 * Turns a transposed convolution's weight `[Cin, Cout/groups, kH, kW]` into a convolution's
 * `[Cout, Cin/groups, kH, kW]`, group by group (the planes are not flipped). Allocates the result.
 */
export function swapKernelInOut(w: Tensor, groups: number): Tensor {
  const [cIn, outPerGroup, kH, kW] = checkTensor(w, 4, 'weight', '[Cin, Cout/groups, kH, kW]');
  const g = checkInt(groups, 'groups', 1, cIn);
  if (cIn % g !== 0) {
    throw new ShapeError(
      'groups',
      'groups',
      `${cIn} input channels cannot be split into ${g} groups: the channel count must be divisible by groups.`,
      { channels: cIn, groups: g, side: 'in' },
    );
  }
  const inPerGroup = cIn / g;
  const plane = kH * kW;
  const out = new Float64Array(w.data.length);
  for (let ci = 0; ci < cIn; ci++) {
    const group = Math.floor(ci / inPerGroup);
    for (let cj = 0; cj < outPerGroup; cj++) {
      const co = group * outPerGroup + cj;
      const src = (ci * outPerGroup + cj) * plane;
      out.set(w.data.subarray(src, src + plane), (co * inPerGroup + (ci - group * inPerGroup)) * plane);
    }
  }
  return { shape: [outPerGroup * g, inPerGroup, kH, kW], data: out };
}
