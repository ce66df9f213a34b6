/**
 * The TensorFlow script generator: exact lines for the worked examples, valid Python for random
 * pictures (python3's own parser), and the recipes the script follows (NHWC transposes, the
 * filter layouts, tf.pad + VALID for PyTorch's padding, groups split by hand, spread kernels
 * for dilation, the argmax scatter) replayed with the engine's TensorFlow adapter, which the
 * fixtures tie to TensorFlow. Keras's output_padding choice is checked against Keras's own
 * size rule, written out here.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { avgPool2d, tensor, tf, type Tensor } from '../../src/engine';
import { kerasOutputPadding, tfCode, tfConvRecipe, tfPoolRecipe, tfTransposeRecipe } from '../../src/codegen/tf';
import { fromQuery, linesOf, meanOfRealCells, padWith, parsePython, pictures, runAvgLoop, statements, type Picture } from './pictures';



// ---------------------------------------------------------------------------------------------
// Rank-4 helpers mirroring the script's tf.transpose / tf.pad / tf.split / tf.concat / slicing
// ---------------------------------------------------------------------------------------------

/** tf.transpose(t, perm): output axis a is input axis perm[a]. */
function transpose4(t: Tensor, perm: readonly number[]): Tensor {
  const shape = perm.map((a) => t.shape[a]);
  const inStrides = [t.shape[1] * t.shape[2] * t.shape[3], t.shape[2] * t.shape[3], t.shape[3], 1];
  const out = new Float64Array(t.data.length);
  let o = 0;
  for (let i = 0; i < shape[0]; i++) for (let j = 0; j < shape[1]; j++) for (let k = 0; k < shape[2]; k++) for (let l = 0; l < shape[3]; l++) {
    const idx = [i, j, k, l];
    let src = 0;
    for (let a = 0; a < 4; a++) src += idx[a] * inStrides[perm[a]];
    out[o++] = t.data[src];
  }
  return { shape, data: out };
}

/** tf.pad of an NHWC tensor (height and width only) with a constant. */
function padNHWC(t: Tensor, top: number, bottom: number, left: number, right: number, value = 0): Tensor {
  const [n, h, w, c] = t.shape;
  const H = h + top + bottom;
  const W = w + left + right;
  const out = new Float64Array(n * H * W * c).fill(value);
  for (let b = 0; b < n; b++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let ch = 0; ch < c; ch++) {
    out[((b * H + y + top) * W + x + left) * c + ch] = t.data[((b * h + y) * w + x) * c + ch];
  }
  return { shape: [n, H, W, c], data: out };
}

/** t[:, r0:r1, c0:c1, :] */
function sliceNHWC(t: Tensor, [r0, r1]: readonly [number, number], [c0, c1]: readonly [number, number]): Tensor {
  const [n, h, w, c] = t.shape;
  expect(r1).toBeLessThanOrEqual(h);
  expect(c1).toBeLessThanOrEqual(w);
  const out: number[] = [];
  for (let b = 0; b < n; b++) for (let y = r0; y < r1; y++) for (let x = c0; x < c1; x++) for (let ch = 0; ch < c; ch++) out.push(t.data[((b * h + y) * w + x) * c + ch]);
  return tensor([n, r1 - r0, c1 - c0, c], out);
}

/** tf.split(t, g, axis=3)[i] */
function splitLast(t: Tensor, g: number, i: number): Tensor {
  const c = t.shape[3] / g;
  const out: number[] = [];
  for (let r = 0; r < t.data.length / t.shape[3]; r++) for (let ch = i * c; ch < (i + 1) * c; ch++) out.push(t.data[r * t.shape[3] + ch]);
  return tensor([t.shape[0], t.shape[1], t.shape[2], c], out);
}

/** tf.concat(parts, axis=3) */
function concatLast(parts: readonly Tensor[]): Tensor {
  const c = parts.reduce((s, p) => s + p.shape[3], 0);
  const rows = parts[0].data.length / parts[0].shape[3];
  const out: number[] = [];
  for (let r = 0; r < rows; r++) for (const p of parts) for (let ch = 0; ch < p.shape[3]; ch++) out.push(p.data[r * p.shape[3] + ch]);
  return tensor([parts[0].shape[0], parts[0].shape[1], parts[0].shape[2], c], out);
}

const grouped = (x: Tensor, f: Tensor, g: number, call: (x: Tensor, f: Tensor) => Tensor): Tensor =>
  g === 1 ? call(x, f) : concatLast(Array.from({ length: g }, (_, i) => call(splitLast(x, g, i), splitLast(f, g, i))));


/**
 * Replays the TF script's recipe with the engine's TF adapter; returns y in NCHW (what the
 * script prints) and, for pooling, the pooled values (average pooling: its unpooling loop run as
 * the script writes it).
 */
function replay(p: Picture): { y: Tensor; pooled?: Tensor } {
  const e = p.explored;
  const xShape = e.op === 'unpool' ? [1, e.pool.channels, e.pool.inH, e.pool.inW] : [1, e.info.inChannels, e.info.inH, e.info.inW];
  let x = transpose4(tensor(xShape, p.x), [0, 2, 3, 1]);
  if (e.op === 'conv') {
    const { info } = e;
    const r = tfConvRecipe(e);
    const filters = transpose4(tensor([info.outChannels, info.inPerGroup, info.kH, info.kW], p.w), [2, 3, 1, 0]);
    if (r.pre) x = padNHWC(x, r.pre.top, r.pre.bottom, r.pre.left, r.pre.right);
    const y = grouped(x, filters, info.groups, (xg, fg) =>
      tf.conv2d(xg, fg, { strides: [info.strideH, info.strideW], padding: r.padding, dilations: [info.dilationH, info.dilationW] }),
    );
    return { y: transpose4(y, [0, 3, 1, 2]) };
  }
  if (e.op === 'convT') {
    const { info } = e;
    const r = tfTransposeRecipe(e);
    let filters = transpose4(tensor([info.inChannels, info.outPerGroup, info.kH, info.kW], p.w), [2, 3, 1, 0]);
    if (info.dilationH > 1 || info.dilationW > 1) {
      // spread = np.zeros((effKH, effKW, out, in)); spread[::dH, ::dW] = filters
      const [kh, kw, o, i] = filters.shape;
      const spread = new Float64Array(r.kernel[0] * r.kernel[1] * o * i);
      for (let y = 0; y < kh; y++) for (let xx = 0; xx < kw; xx++) for (let q = 0; q < o * i; q++) {
        spread[((y * info.dilationH) * r.kernel[1] + xx * info.dilationW) * o * i + q] = filters.data[(y * kw + xx) * o * i + q];
      }
      filters = { shape: [r.kernel[0], r.kernel[1], o, i], data: spread };
    }
    const strides = [info.strideH, info.strideW] as const;
    const outPer = info.outPerGroup;
    if (r.kind === 'native') {
      const y = grouped(x, filters, info.groups, (xg, fg) => tf.conv2dTranspose(xg, fg, [1, r.outputShape[0], r.outputShape[1], outPer], { strides, padding: r.padding }));
      return { y: transpose4(y, [0, 3, 1, 2]) };
    }
    const full = grouped(x, filters, info.groups, (xg, fg) => tf.conv2dTranspose(xg, fg, [1, r.full[0], r.full[1], outPer], { strides, padding: 'VALID' }));
    return { y: transpose4(sliceNHWC(padNHWC(full, 0, r.extend[0], 0, r.extend[1]), r.rows, r.cols), [0, 3, 1, 2]) };
  }
  const { pool } = e;
  const r = tfPoolRecipe(e);
  const C = pool.channels;
  const opts = { ksize: [pool.kH, pool.kW] as const, strides: [pool.strideH, pool.strideW] as const };
  if (e.spec.pool === 'avg') {
    const nchw = tensor(xShape, p.x);
    const kernelSize = [pool.kH, pool.kW] as const;
    const stride = [pool.strideH, pool.strideW] as const;
    // tf.nn.avg_pool2d leaves SAME's padding out of the mean; tf.pad's zeros (PyTorch's padding) count.
    const pooled = r.kind === 'native'
      ? meanOfRealCells(nchw, pool.pad, kernelSize, stride)
      : avgPool2d(r.pre ? padWith(nchw, r.pre.top, r.pre.bottom, r.pre.left, r.pre.right, 0) : nchw, { kernelSize, stride });
    return { pooled, y: runAvgLoop(tfCode(p), pooled) };
  }
  if (r.kind === 'native') {
    const { output, argmax } = tf.maxPoolWithArgmax(x, { ...opts, padding: r.padding });
    const y = new Float64Array(pool.inH * pool.inW * C);
    argmax.data.forEach((a, i) => (y[a] = output.data[i]));
    return { pooled: transpose4(output, [0, 3, 1, 2]), y: transpose4({ shape: [1, pool.inH, pool.inW, C], data: y }, [0, 3, 1, 2]) };
  }
  const p0 = pool.pad;
  // −inf padding; the engine refuses non-finite values, and −1e300 never wins against the page's numbers either.
  const xp = r.pre ? padNHWC(x, p0.top, p0.bottom, p0.left, p0.right, -1e300) : x;
  const Wp = xp.shape[2];
  const { output, argmax } = tf.maxPoolWithArgmax(xp, { ...opts, padding: 'VALID' });
  const [oh, ow] = r.outputSize;
  const y = new Float64Array(oh * ow * C);
  argmax.data.forEach((a, i) => {
    const channel = a % C;
    const cell = Math.floor(a / C);
    const flat = r.pre ? (Math.floor(cell / Wp) - p0.top) * pool.inW + ((cell % Wp) - p0.left) : cell;
    y[flat * C + channel] = output.data[i];
  });
  return { pooled: transpose4(output, [0, 3, 1, 2]), y: transpose4({ shape: [1, oh, ow, C], data: y }, [0, 3, 1, 2]) };
}

/** Keras's Conv2DTranspose size rule (keras conv_utils.deconv_output_length / Keras 3 _get_output_shape_given_tf_padding). */
function kerasLength(v: number, k: number, s: number, padding: 'same' | 'valid', a: number | null): number {
  if (padding === 'valid') return (v - 1) * s + k + (a ?? Math.max(k, s) - k);
  return a === null ? v * s : (v - 1) * s + (k % 2) + a;
}

// ---------------------------------------------------------------------------------------------

describe('TensorFlow code: exact calls for the worked examples', () => {
  it('tf-ones-5x5 (TF tutorial): NHWC input, [kh, kw, in, out] filters, tf.nn.conv2d SAME and Keras Conv2D', () => {
    const lines = statements(tfCode(fromQuery('op=conv&fw=tf&in=5&k=3&s=2&p=same&vals=ones')));
    expect(lines.slice(0, 2)).toEqual(['import numpy as np', 'import tensorflow as tf']);
    expect(lines).toContain('x = tf.transpose(x_nchw, [0, 2, 3, 1])');
    expect(lines).toContain('filters = tf.transpose(w, [2, 3, 1, 0])');
    expect(lines).toContain("y = tf.nn.conv2d(x, filters, strides=[1,2,2,1], padding='SAME', dilations=[1, 1])");
    expect(lines).toContain("layer = tf.keras.layers.Conv2D(1, (3, 3), strides=(2, 2), padding='same', dilation_rate=(1, 1), use_bias=False, dtype='float64')");
    expect(lines).toContain('layer.set_weights([filters.numpy()])');
    expect(lines).toContain('print(tf.transpose(y, [0, 3, 1, 2]))  # as [N, C, H, W], channel by channel like the page');
    const raw = linesOf(tfCode(fromQuery('op=conv&fw=tf&in=5&k=3&s=2&p=same&vals=ones')));
    expect(raw).toContain('    [[[[1, 1, 1, 1, 1],');
    expect(raw).toContain('    dtype=tf.float64,');
  });

  it('tf-ones-5x5 as “TensorFlow tf.nn.conv2d_transpose是怎样实现反卷积的” writes it: conv2d, then conv2d_transpose back to [1,5,5,3], both with strides=[1,2,2,1]', () => {
    const lines = statements(tfCode(fromQuery('op=conv&fw=tf&in=5&k=3&s=2&p=same&cin=3&cout=1&vals=ones')));
    expect(lines).toContain("y = tf.nn.conv2d(x, filters, strides=[1,2,2,1], padding='SAME', dilations=[1, 1])");
    expect(lines).toContain("x_back = tf.nn.conv2d_transpose(y, filters, output_shape=[1,5,5,3], strides=[1,2,2,1], padding='SAME')");
    expect(lines).toContain('print(tf.transpose(x_back, [0, 3, 1, 2]))  # as [N, C, H, W], channel by channel like the page');
    // PyTorch semantics (explicit tf.pad) have no such way back in the script.
    expect(statements(tfCode(fromQuery('op=conv&in=5&k=3&p=1'))).some((l) => l.startsWith('x_back'))).toBe(false);
  });

  it('PyTorch padding=(1, 1) becomes tf.pad + VALID; groups are split by hand and Keras is left out', () => {
    const lines = statements(tfCode(fromQuery('op=conv&in=5&k=3&p=1&cin=2&cout=2&g=2')));
    expect(lines).toContain('x = tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]])');
    expect(lines).toContain('y = tf.concat([');
    expect(lines).toContain("    tf.nn.conv2d(xg, fg, strides=[1,1,1,1], padding='VALID', dilations=[1, 1])");
    expect(lines).toContain('    for xg, fg in zip(tf.split(x, 2, axis=3), tf.split(filters, 2, axis=3))');
    expect(lines).toContain('], axis=3)');
    expect(lines.some((l) => l.startsWith('layer = '))).toBe(false);
  });

  it('tf-3x3-to-… (TF tutorial): conv2d_transpose with output_shape 5×5 and 6×6; Keras output_padding follows', () => {
    const five = statements(tfCode(fromQuery('op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones')));
    expect(five).toContain("y = tf.nn.conv2d_transpose(x, filters, output_shape=[1, 5, 5, 1], strides=[1,2,2,1], padding='SAME')");
    // Keras 'same' with output_padding a: (3 − 1)·2 + 3 mod 2 + a = 5 → a = 0.
    expect(five).toContain(
      "layer = tf.keras.layers.Conv2DTranspose(1, (3, 3), strides=(2, 2), padding='same', output_padding=(0, 0), use_bias=False, dtype='float64')",
    );
    const six = statements(tfCode(fromQuery('op=convT&fw=tf&in=3&k=3&s=2&p=same&out=6&vals=ones')));
    expect(six).toContain("y = tf.nn.conv2d_transpose(x, filters, output_shape=[1, 6, 6, 1], strides=[1,2,2,1], padding='SAME')");
    // Keras 'same' without output_padding gives 3·2 = 6.
    expect(six.some((l) => l.includes("padding='same', output_padding=None"))).toBe(true);
  });

  it('torch-convT-2x2 in TensorFlow: the full VALID scatter is the output', () => {
    const lines = statements(tfCode(fromQuery('op=convT&fw=torch&in=2&k=3&x=1,0,2,1&w=1,0,1,0,1,1,1,0,0')));
    expect(lines).toContain("full = tf.nn.conv2d_transpose(x, filters, output_shape=[1, 4, 4, 1], strides=[1,1,1,1], padding='VALID')");
    expect(lines).toContain('y = full');
    expect(linesOf(tfCode(fromQuery('op=convT&fw=torch&in=2&k=3&x=1,0,2,1&w=1,0,1,0,1,1,1,0,0')))).toContain('    [[[[1, 0, 1],');
  });

  it('PyTorch padding=1, output_padding=1, s=2 (3 → 6): crop the 7×7 scatter after adding the output padding', () => {
    // Independent: full (3 − 1)·2 + 3 = 7, output 7 − 2 + 1 = 6, rows 1 … 6.
    const lines = statements(tfCode(fromQuery('op=convT&in=3&k=3&s=2&p=1&a=1')));
    expect(lines).toContain("full = tf.nn.conv2d_transpose(x, filters, output_shape=[1, 7, 7, 1], strides=[1,2,2,1], padding='VALID')");
    expect(lines).toContain('y = tf.pad(full, [[0, 0], [0, 1], [0, 1], [0, 0]])[:, 1:7, 1:7, :]');
    expect(lines).toContain(
      "print(np.allclose(tf.pad(layer(x), [[0, 0], [0, 1], [0, 1], [0, 0]])[:, 1:7, 1:7, :], y))  # True: the same numbers",
    );
  });

  it('dilation 2 in conv2d_transpose: the kernel is spread with zeros to 5×5', () => {
    const lines = statements(tfCode(fromQuery('op=convT&fw=tf&in=3&k=3&s=2&p=same&d=2')));
    expect(lines).toContain('spread = np.zeros((5, 5, 1, 1))');
    expect(lines).toContain('spread[::2, ::2] = filters.numpy()');
    expect(lines).toContain('filters = tf.constant(spread)');
  });

  it('tf-argmax-unpool (TF max_pool_with_argmax docs): argmax, then the update back into [H·W·C]', () => {
    const lines = statements(tfCode(fromQuery('op=unpool&fw=tf&in=4&k=2&s=2&p=valid&cin=2')));
    expect(lines).toContain("pooled, argmax = tf.nn.max_pool_with_argmax(x, ksize=[2, 2], strides=[2, 2], padding='VALID')");
    expect(lines).toContain('y = tf.tensor_scatter_nd_update(tf.zeros([4 * 4 * 2], tf.float64), tf.reshape(argmax, [-1, 1]), tf.reshape(pooled, [-1]))');
    expect(lines).toContain('y = tf.reshape(y, [1, 4, 4, 2])');
  });

  it("PyTorch max pooling with padding=1: −inf tf.pad, and TF's index rebuilt as PyTorch's y·W + x", () => {
    // Independent: the padded width is 4 + 1 + 1 = 6.
    const lines = statements(tfCode(fromQuery('op=unpool&in=4&k=2&s=2&p=1')));
    expect(lines).toContain("xp = tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]], constant_values=float('-inf'))");
    expect(lines).toContain("pooled, argmax = tf.nn.max_pool_with_argmax(xp, ksize=[2, 2], strides=[2, 2], padding='VALID')");
    expect(lines).toContain('flat = (cell // 6 - 1) * 4 + (cell % 6 - 1)');
    expect(lines).toContain('y = tf.reshape(y, [1, 4, 4, 1])');
  });

  it('average pooling: tf.nn.avg_pool2d and the numpy unpooling loop', () => {
    const lines = statements(tfCode(fromQuery('op=unpool&fw=tf&in=5&k=2&s=2&p=same&pool=avg')));
    expect(lines).toContain("pooled = tf.nn.avg_pool2d(x, ksize=[2, 2], strides=[2, 2], padding='SAME')");
    expect(lines).toContain('        y[:, rows, cols, :] += p[:, i:i + 1, j:j + 1, :]');
    expect(lines).toContain('y = np.where(count > 0, y / np.maximum(count, 1), y)');
  });
});

describe('TensorFlow code is valid Python (python3 ast.parse)', () => {
  it('a dozen random pictures of each operation, both semantics, parse', () => {
    const sources: string[] = [];
    for (const op of ['conv', 'convT', 'unpool'] as const) {
      fc.assert(
        fc.property(pictures(op), (pic) => {
          sources.push(tfCode(pic));
        }),
        { numRuns: 12, seed: 40 + op.length },
      );
    }
    expect(sources).toHaveLength(36);
    parsePython(sources).forEach((v, i) => expect(v, sources[i]).toBeNull());
  }, 30_000);
});

describe('the TF scripts follow recipes that reproduce the page (replayed with the engine)', () => {
  for (const op of ['conv', 'convT', 'unpool'] as const) {
    it(`${op}: the recipe's output equals the page's numbers`, () => {
      fc.assert(
        fc.property(pictures(op), (pic) => {
          const n = pic.numbers;
          const { y, pooled } = replay(pic);
          // Exact for integers; random values may differ in the last bit where the sum order differs (a spread kernel adds its zeros elsewhere).
          const close = (got: Tensor, want: Tensor) => {
            expect(got.shape).toEqual(want.shape);
            got.data.forEach((v, i) => expect(Math.abs(v - want.data[i])).toBeLessThanOrEqual(1e-12));
          };
          close(y, n.output);
          if (n.op === 'unpool') close(pooled ?? tensor([0], []), n.pooled);
        }),
        { numRuns: 100 },
      );
    }, 30_000);
  }

  it("Keras Conv2DTranspose's output_padding reaches output_shape whenever Keras can, and is left out only when it must", () => {
    fc.assert(
      fc.property(pictures('convT', { fw: 'tf' }), (pic) => {
        const e = pic.explored;
        if (e.op !== 'convT' || typeof e.spec.padding !== 'string') throw new Error('a TensorFlow transposed convolution was asked for');
        const { info } = e;
        const padding = e.spec.padding === 'SAME' ? 'same' : 'valid';
        const v = [info.inH, info.inW] as const;
        const out = [info.outH, info.outW] as const;
        const k = [info.effKH, info.effKW] as const;
        const s = [info.strideH, info.strideW] as const;
        const got = kerasOutputPadding(v, out, k, s, e.spec.padding);
        const axes = [0, 1] as const;
        if (got === null) {
          axes.forEach((i) => expect(kerasLength(v[i], k[i], s[i], padding, null)).toBe(out[i]));
        } else if (got === 'impossible') {
          // Neither "no output_padding" nor any a < s on each axis reaches the output.
          const noneWorks = axes.every((i) => kerasLength(v[i], k[i], s[i], padding, null) === out[i]);
          const someA = axes.every((i) => Array.from({ length: s[i] }, (_, a) => a).some((a) => kerasLength(v[i], k[i], s[i], padding, a) === out[i]));
          expect(noneWorks || someA).toBe(false);
        } else {
          axes.forEach((i) => {
            expect(got[i]).toBeLessThan(s[i]);
            expect(kerasLength(v[i], k[i], s[i], padding, got[i])).toBe(out[i]);
          });
        }
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
