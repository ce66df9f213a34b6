/**
 * The picture on screen as a runnable TensorFlow script: the page's input and kernel written
 * out (in the page's NCHW order, then transposed to NHWC and to TF's filter layouts), the `tf.nn`
 * call, a Keras layer that does the same where Keras can, and `print` of what the page shows.
 * With PyTorch semantics the script still reproduces the page's numbers: numeric padding becomes
 * `tf.pad` + VALID, output_padding a crop of the full scatter. Things TensorFlow's CPU kernels
 * refuse (grouped convolutions, dilated conv2d_transpose) are written the long way so the script
 * runs anywhere. The recipes are exported so tests can replay them with the engine. Pure: params
 * and values in, text out; the numbers are only formatted, never computed on.
 */
import { convTransposeOutSize, hasPadding, paddedInputSize, type Conv2DInfo, type Explored, type HW, type Pads, type Unpool2DInfo } from '../engine';
import { addMessages, t } from '../i18n';
import { enCode } from '../i18n/en-code';
import { avgUnpoolSizes, axisList, comment, inputShape, pyCall, pyList, pyPair, pyTensorAssign, shapeText, type CodeSource } from './format';

// The code panel loads on demand, so its words come with it rather than with the first page.
addMessages(enCode);

/** How the script pads a convolution: TF's own SAME/VALID, or PyTorch's pads as an explicit `tf.pad` (then VALID). */
export interface TfConvRecipe {
  readonly padding: 'SAME' | 'VALID';
  /** Pads `tf.pad` adds first (PyTorch semantics with padding > 0), else null. */
  readonly pre: Pads | null;
}

/** The convolution recipe for a record in `fw`'s terms. */
export function tfConvRecipe(e: Extract<Explored, { op: 'conv' }>): TfConvRecipe {
  if (typeof e.spec.padding === 'string') return { padding: e.spec.padding, pre: null };
  const p = e.info.pad;
  return { padding: 'VALID', pre: hasPadding(p) ? p : null };
}

/**
 * How the script reaches a transposed convolution's output. `kernel` is the filter size the
 * script passes (the dilated size when the taps are spread with zeros, because TF's CPU
 * conv2d_transpose cannot dilate). `native`: conv2d_transpose with the page's output_shape and
 * SAME/VALID. `crop` (PyTorch semantics): the full VALID scatter of `full` size, `extend`
 * rows/columns of zeros at the bottom/right (output padding), then rows × cols [start, end).
 */
export type TfTransposeRecipe =
  | { readonly kind: 'native'; readonly kernel: HW; readonly padding: 'SAME' | 'VALID'; readonly outputShape: HW }
  | { readonly kind: 'crop'; readonly kernel: HW; readonly full: HW; readonly extend: HW; readonly rows: HW; readonly cols: HW };

/** The transposed-convolution recipe for a record in `fw`'s terms. */
export function tfTransposeRecipe(e: Extract<Explored, { op: 'convT' }>): TfTransposeRecipe {
  const { info } = e;
  const kernel: HW = [info.effKH, info.effKW];
  if (typeof e.spec.padding === 'string') return { kind: 'native', kernel, padding: e.spec.padding, outputShape: [info.outH, info.outW] };
  return {
    kind: 'crop',
    kernel,
    full: [info.fullH, info.fullW],
    extend: [info.outputPaddingH, info.outputPaddingW],
    rows: [info.pad.top, info.pad.top + info.outH],
    cols: [info.pad.left, info.pad.left + info.outW],
  };
}

/**
 * The `output_padding` a Keras Conv2DTranspose needs to produce `out` from `v` (one axis of
 * kernel `k`, already dilated, stride `s`): Keras sizes a 'same' layer as v·s without
 * output_padding and (v − 1)s + k mod 2 + a with it (⌊k/2⌋ padding per side), a 'valid' one as
 * (v − 1)s + k + a, and requires a < s. Returns null for "leave output_padding out", or 'impossible'.
 */
export function kerasOutputPadding(v: HW, out: HW, k: HW, s: HW, padding: 'SAME' | 'VALID'): HW | null | 'impossible' {
  // Keras sizes a 'same' layer given output_padding as a transposed convolution padded by ⌊k/2⌋ per side, a 'valid' one unpadded.
  const axis = (i: 0 | 1): number => out[i] - convTransposeOutSize(v[i], k[i], s[i], padding === 'VALID' ? 0 : 2 * Math.floor(k[i] / 2));
  if (padding === 'SAME' && out[0] === v[0] * s[0] && out[1] === v[1] * s[1]) return null;
  const a: [number, number] = [axis(0), axis(1)];
  return a.every((ai, i) => ai >= 0 && ai < s[i]) ? a : 'impossible';
}

/**
 * How the script pools and max-unpools. `native`: TF's SAME/VALID, the argmax scattered back
 * into the input's shape. `torch`: PyTorch's pads applied with `tf.pad` (−inf for max, zeros
 * for average), VALID, and the argmax turned into PyTorch's per-plane y·W + x placed in the
 * `outputSize` plane (as max_unpool2d does).
 */
export type TfPoolRecipe =
  | { readonly kind: 'native'; readonly padding: 'SAME' | 'VALID' }
  | { readonly kind: 'torch'; readonly pre: Pads | null; readonly outputSize: HW };

/** The pooling recipe for a pool/unpool pair in `fw`'s terms. */
export function tfPoolRecipe(e: Extract<Explored, { op: 'unpool' }>): TfPoolRecipe {
  if (typeof e.spec.padding === 'string') return { kind: 'native', padding: e.spec.padding };
  const p = e.pool.pad;
  const pre = hasPadding(p) ? p : null;
  if (!pre && e.unpool.outH === e.pool.inH && e.unpool.outW === e.pool.inW) return { kind: 'native', padding: 'VALID' };
  return { kind: 'torch', pre, outputSize: [e.unpool.outH, e.unpool.outW] };
}

const DTYPE = 'tf.float64';
const toNCHW = (expr: string): string => `print(tf.transpose(${expr}, [0, 3, 1, 2]))  # ${t('code.tf.print')}`;
/** tf.pad's paddings for NHWC. */
const tfPad = (p: Pads): string => `[[0, 0], [${p.top}, ${p.bottom}], [${p.left}, ${p.right}], [0, 0]]`;
const sliceNHWC = (rows: HW, cols: HW): string => `[:, ${rows[0]}:${rows[1]}, ${cols[0]}:${cols[1]}, :]`;
const quoted = (s: string): string => `'${s}'`;
/** tf.nn's strides over NHWC, written as the tutorials write them: `[1,2,2,1]`. */
const nhwcStrides = (h: number, w: number): string => `[1,${h},${w},1]`;

/** Writes the TensorFlow script for the picture on screen. Returns the whole text (ends with a newline). */
export function tfCode(src: CodeSource): string {
  const e = src.explored;
  const lines = ['import numpy as np', 'import tensorflow as tf', ''];
  const xShape = inputShape(e);
  lines.push(
    comment('code.tf.input', { shape: shapeText(xShape) }),
    ...pyTensorAssign('x_nchw', 'tf.constant', src.x, xShape, DTYPE),
    'x = tf.transpose(x_nchw, [0, 2, 3, 1])',
    '',
  );
  if (e.op === 'conv') lines.push(...convLines(e, src.w));
  else if (e.op === 'convT') lines.push(...convTLines(e, src.w));
  else lines.push(...poolLines(e));
  return `${lines.join('\n')}\n`;
}

function filterLines(info: Conv2DInfo, w: readonly number[], transposed: boolean): string[] {
  const shape = transposed ? [info.inChannels, info.outPerGroup, info.kH, info.kW] : [info.outChannels, info.inPerGroup, info.kH, info.kW];
  const tfShape = transposed ? [info.kH, info.kW, info.outPerGroup, info.inChannels] : [info.kH, info.kW, info.inPerGroup, info.outChannels];
  return [
    comment(transposed ? 'code.tf.convTFilter' : 'code.tf.convFilter', { shape: shapeText(shape), tfShape: shapeText(tfShape) }),
    ...pyTensorAssign('w', 'tf.constant', w, shape, DTYPE),
    'filters = tf.transpose(w, [2, 3, 1, 0])',
    '',
  ];
}

/** `target = fn(x, filters, …)`, or the same per group, concatenated (TF's CPU kernels have no groups). */
function groupedCall(target: string, groups: number, fn: string, options: readonly string[]): string[] {
  if (groups === 1) return [pyCall(`${target} = ${fn}`, ['x', 'filters', ...options])];
  return [
    comment('code.tf.groups', { g: groups }),
    `${target} = tf.concat([`,
    pyCall(fn, ['xg', 'fg', ...options], 4),
    `    for xg, fg in zip(tf.split(x, ${groups}, axis=3), tf.split(filters, ${groups}, axis=3))`,
    '], axis=3)',
  ];
}

/** Build a Keras layer, give it the filters, and check it against y (through `post`). */
function kerasCheck(layer: string, args: readonly string[], post: (expr: string) => string): string[] {
  return [
    comment('code.tf.keras'),
    pyCall(`layer = ${layer}`, args),
    'layer.build(x.shape)',
    'layer.set_weights([filters.numpy()])',
    `print(np.allclose(${post('layer(x)')}, y))  # ${t('code.py.sameNumbers')}`,
  ];
}

function convLines(e: Extract<Explored, { op: 'conv' }>, w: readonly number[]): string[] {
  const { info } = e;
  const recipe = tfConvRecipe(e);
  const lines = filterLines(info, w, false);
  if (recipe.pre) {
    lines.push(comment('code.tf.explicitPad', { pair: pyPair([info.pad.top, info.pad.left]) }), `x = tf.pad(x, ${tfPad(recipe.pre)})`);
  }
  const strides = nhwcStrides(info.strideH, info.strideW);
  const dilations = pyList([info.dilationH, info.dilationW]);
  lines.push(...groupedCall('y', info.groups, 'tf.nn.conv2d', [`strides=${strides}`, `padding=${quoted(recipe.padding)}`, `dilations=${dilations}`]), toNCHW('y'), '');
  // With TensorFlow's own padding, the tutorials' way back: conv2d_transpose to the input's shape with the same filters and strides.
  const back = recipe.pre === null && info.groups === 1 && info.dilationH === 1 && info.dilationW === 1;
  const nhwc = [info.batch, info.inH, info.inW, info.inChannels];
  const strided = info.strideH > 1 || info.strideW > 1;
  const dilated = info.dilationH > 1 || info.dilationW > 1;
  if (info.groups > 1) lines.push(comment('code.tf.kerasGroups'));
  else if (strided && dilated) lines.push(comment('code.tf.kerasStrideDilation'));
  else {
    const args = [
      `${info.outChannels}`, pyPair([info.kH, info.kW]), `strides=${pyPair([info.strideH, info.strideW])}`, `padding=${quoted(recipe.padding.toLowerCase())}`,
      `dilation_rate=${pyPair([info.dilationH, info.dilationW])}`, 'use_bias=False', "dtype='float64'",
    ];
    lines.push(...kerasCheck('tf.keras.layers.Conv2D', args, (expr) => expr));
  }
  if (back) {
    lines.push(
      '',
      comment('code.tf.back', { shape: `[${nhwc.join(',')}]` }),
      pyCall('x_back = tf.nn.conv2d_transpose', ['y', 'filters', `output_shape=[${nhwc.join(',')}]`, `strides=${strides}`, `padding=${quoted(recipe.padding)}`]),
      toNCHW('x_back'),
    );
  }
  return lines;
}

function convTLines(e: Extract<Explored, { op: 'convT' }>, w: readonly number[]): string[] {
  const { info } = e;
  const recipe = tfTransposeRecipe(e);
  const lines = filterLines(info, w, true);
  if (info.dilationH > 1 || info.dilationW > 1) {
    lines.push(
      comment('code.tf.spread', { dh: info.dilationH, dw: info.dilationW }),
      `spread = np.zeros((${recipe.kernel[0]}, ${recipe.kernel[1]}, ${info.outPerGroup}, ${info.inChannels}))`,
      `spread[::${info.dilationH}, ::${info.dilationW}] = filters.numpy()`,
      'filters = tf.constant(spread)',
      '',
    );
  }
  const strides = nhwcStrides(info.strideH, info.strideW);
  const perGroup = (h: number, wd: number): string => pyList([1, h, wd, info.groups === 1 ? info.outChannels : info.outPerGroup]);
  let post = (expr: string) => expr;
  let kerasPadding: 'SAME' | 'VALID';
  let kerasOut: HW | null | 'impossible';
  if (recipe.kind === 'native') {
    lines.push(
      comment('code.tf.outputShape', { vh: info.inH, vw: info.inW, legal: axisList((a) => e.axes[a].legalOut) }),
      ...groupedCall('y', info.groups, 'tf.nn.conv2d_transpose', [
        `output_shape=${perGroup(info.outH, info.outW)}`, `strides=${strides}`, `padding=${quoted(recipe.padding)}`,
      ]),
    );
    kerasPadding = recipe.padding;
    kerasOut = kerasOutputPadding([info.inH, info.inW], [info.outH, info.outW], recipe.kernel, [info.strideH, info.strideW], recipe.padding);
  } else {
    lines.push(
      comment('code.tf.fullScatter', { fh: recipe.full[0], fw: recipe.full[1] }),
      ...groupedCall('full', info.groups, 'tf.nn.conv2d_transpose', [
        `output_shape=${perGroup(recipe.full[0], recipe.full[1])}`, `strides=${strides}`, "padding='VALID'",
      ]),
    );
    const extend = recipe.extend[0] > 0 || recipe.extend[1] > 0;
    const crop = hasPadding(info.pad);
    post = (expr) => {
      const padded = extend ? `tf.pad(${expr}, [[0, 0], [0, ${recipe.extend[0]}], [0, ${recipe.extend[1]}], [0, 0]])` : expr;
      return crop ? `${padded}${sliceNHWC(recipe.rows, recipe.cols)}` : padded;
    };
    if (extend || crop) {
      lines.push(comment('code.tf.crop', { padding: pyPair([info.pad.top, info.pad.left]), outputPadding: pyPair([info.outputPaddingH, info.outputPaddingW]) }));
    }
    lines.push(`y = ${post('full')}`);
    kerasPadding = 'VALID';
    kerasOut = [0, 0];
  }
  lines.push(toNCHW('y'), '');
  if (info.groups > 1) lines.push(comment('code.tf.kerasTransposeGroups'));
  else if (kerasOut === 'impossible') lines.push(comment('code.tf.kerasOutputShape', { h: info.outH, w: info.outW }));
  else {
    const args = [
      `${info.outChannels}`, pyPair(recipe.kernel), `strides=${pyPair([info.strideH, info.strideW])}`, `padding=${quoted(kerasPadding.toLowerCase())}`,
      `output_padding=${kerasOut === null ? 'None' : pyPair(kerasOut)}`, 'use_bias=False', "dtype='float64'",
    ];
    lines.push(...kerasCheck('tf.keras.layers.Conv2DTranspose', args, post));
  }
  return lines;
}

function poolLines(e: Extract<Explored, { op: 'unpool' }>): string[] {
  const { pool, unpool } = e;
  const recipe = tfPoolRecipe(e);
  const k = [`ksize=${pyList([pool.kH, pool.kW])}`, `strides=${pyList([pool.strideH, pool.strideW])}`];
  const max = e.spec.pool !== 'avg';
  const lines: string[] = [];
  const C = pool.channels;
  let input = 'x';
  if (recipe.kind === 'torch' && recipe.pre) {
    lines.push(
      comment(max ? 'code.tf.maxPadTorch' : 'code.tf.avgPadTorch', { pair: pyPair([pool.pad.top, pool.pad.left]) }),
      `xp = tf.pad(x, ${tfPad(recipe.pre)}${max ? ", constant_values=float('-inf')" : ''})`,
    );
    input = 'xp';
  }
  const padding = recipe.kind === 'native' ? recipe.padding : 'VALID';
  if (!max) {
    lines.push(
      comment(padding === 'SAME' ? 'code.tf.avgSame' : 'code.tf.avgValid'),
      pyCall('pooled = tf.nn.avg_pool2d', [input, ...k, `padding=${quoted(padding)}`]),
      toNCHW('pooled'),
      '',
      ...avgUnpoolLoop(unpool),
    );
    return lines;
  }
  lines.push(
    comment('code.tf.maxPool'),
    pyCall('pooled, argmax = tf.nn.max_pool_with_argmax', [input, ...k, `padding=${quoted(padding)}`]),
    toNCHW('pooled'),
  );
  if (recipe.kind === 'native') {
    lines.push(
      `print(tf.transpose(argmax, [0, 3, 1, 2]))  # ${t('code.tf.switches')}`,
      '',
      comment('code.tf.scatter'),
      pyCall('y = tf.tensor_scatter_nd_update', [`tf.zeros([${pool.inH} * ${pool.inW} * ${C}], ${DTYPE})`, 'tf.reshape(argmax, [-1, 1])', 'tf.reshape(pooled, [-1])']),
      `y = tf.reshape(y, [1, ${pool.inH}, ${pool.inW}, ${C}])`,
      toNCHW('y'),
    );
    return lines;
  }
  const [oh, ow] = recipe.outputSize;
  const p = pool.pad;
  const wp = paddedInputSize(pool).cols;
  lines.push(
    '',
    comment('code.tf.torchArgmax', { oh, ow }),
    `channel = argmax % ${C}`,
    recipe.pre ? `cell = argmax // ${C}  # y·Wp+x in the padded input, Wp = ${wp}` : `flat = argmax // ${C}`,
    ...(recipe.pre ? [`flat = (cell // ${wp} - ${p.top}) * ${pool.inW} + (cell % ${wp} - ${p.left})`] : []),
    `print(tf.transpose(flat, [0, 3, 1, 2]))  # ${t('code.tf.torchSwitches')}`,
    '',
    comment('code.tf.scatter'),
    pyCall('y = tf.tensor_scatter_nd_update', [`tf.zeros([${oh} * ${ow} * ${C}], ${DTYPE})`, `tf.reshape(flat * ${C} + channel, [-1, 1])`, 'tf.reshape(pooled, [-1])']),
    `y = tf.reshape(y, [1, ${oh}, ${ow}, ${C}])`,
    toNCHW('y'),
  );
  return lines;
}

/** Average unpooling as a numpy loop over the pooled cells (no TensorFlow op does it). */
function avgUnpoolLoop(u: Unpool2DInfo): string[] {
  return [
    comment('code.avgUnpool', { framework: 'TensorFlow' }),
    ...avgUnpoolSizes(u),
    'p = pooled.numpy()',
    `y = np.zeros((1, H, W, ${u.channels}))`,
    `count = np.zeros((1, H, W, ${u.channels}))`,
    'for i in range(p.shape[1]):',
    '    for j in range(p.shape[2]):',
    '        top, left = i * sH - pad_top, j * sW - pad_left',
    '        rows = slice(max(top, 0), min(top + kH, H))',
    '        cols = slice(max(left, 0), min(left + kW, W))',
    '        y[:, rows, cols, :] += p[:, i:i + 1, j:j + 1, :]',
    '        count[:, rows, cols, :] += 1',
    'y = np.where(count > 0, y / np.maximum(count, 1), y)',
    `print(np.transpose(y, (0, 3, 1, 2)))  # ${t('code.tf.print')}`,
  ];
}
