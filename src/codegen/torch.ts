/**
 * The picture on screen as a runnable PyTorch script: the page's input and kernel written out,
 * the `torch.nn.functional` call with the page's parameters, the `nn` layer that does the same,
 * and `print` of what the page shows. With TensorFlow semantics the script still reproduces the
 * page's numbers: TF's uneven SAME pads become an explicit `F.pad` or a crop (the recipes below,
 * exported so tests can replay them with the engine). Pure: params and values in, text out; the
 * numbers are only formatted, never computed on.
 */
import { hasPadding, paddedInputSize, type Conv2DInfo, type ConvTranspose2DInfo, type Explored, type HW, type Pads, type Pool2DInfo, type Unpool2DInfo } from '../engine';
import { addMessages, t } from '../i18n';
import { enCode } from '../i18n/en-code';
import { avgUnpoolSizes, axisList, comment, inputShape, pyCall, pyComment, pyPair, pyTensorAssign, shapeText, type CodeSource } from './format';

// The code panel loads on demand, so its words come with it rather than with the first page.
addMessages(enCode);

/** How the script pads a convolution's input: PyTorch's own `padding=`, or `F.pad` first when TF's pads are uneven. */
export type TorchConvPadding =
  | { readonly kind: 'symmetric'; readonly padding: HW }
  | { readonly kind: 'explicit'; readonly pads: Pads };

/** The padding recipe for a convolution record's pads (symmetric ones go to `padding=`). */
export function torchConvPadding(pad: Pads): TorchConvPadding {
  return pad.top === pad.bottom && pad.left === pad.right ? { kind: 'symmetric', padding: [pad.top, pad.left] } : { kind: 'explicit', pads: pad };
}

/**
 * How the script reaches a transposed convolution's output: PyTorch's `padding=` and
 * `output_padding=` when the crop is even, else the full scatter (no padding), `F.pad` of
 * `extend` rows/columns of zeros at the bottom/right (output padding beyond the scatter), and
 * the slice rows [start, end) × cols [start, end).
 */
export type TorchTransposeRecipe =
  | { readonly kind: 'symmetric'; readonly padding: HW; readonly outputPadding: HW }
  | { readonly kind: 'crop'; readonly extend: HW; readonly rows: HW; readonly cols: HW };

/** The recipe for a transposed-convolution record (TF's uneven SAME crops need the slice). */
export function torchTransposeRecipe(info: ConvTranspose2DInfo): TorchTransposeRecipe {
  const { pad } = info;
  if (pad.top === pad.bottom && pad.left === pad.right) {
    return { kind: 'symmetric', padding: [pad.top, pad.left], outputPadding: [info.outputPaddingH, info.outputPaddingW] };
  }
  return {
    kind: 'crop',
    extend: [info.outputPaddingH, info.outputPaddingW],
    rows: [pad.top, pad.top + info.outH],
    cols: [pad.left, pad.left + info.outW],
  };
}

/**
 * How the script pools and max-unpools: PyTorch's own `padding=` (PyTorch semantics, or TF with
 * no padding), or TF's uneven pads applied first (−inf for max, so padding never wins), pooling
 * and unpooling in the padded plane of `paddedSize`, then the slice rows × cols.
 */
export type TorchPoolRecipe =
  | { readonly kind: 'direct'; readonly padding: HW; readonly outputSize: HW }
  | { readonly kind: 'padded'; readonly pads: Pads; readonly paddedSize: HW; readonly rows: HW; readonly cols: HW };

/** The pooling recipe for a pool/unpool pair of records. */
export function torchPoolRecipe(pool: Pool2DInfo, unpool: Unpool2DInfo, fw: 'torch' | 'tf'): TorchPoolRecipe {
  const { pad } = pool;
  if (fw === 'torch' || !hasPadding(pad)) return { kind: 'direct', padding: [pad.top, pad.left], outputSize: [unpool.outH, unpool.outW] };
  const padded = paddedInputSize(pool);
  return {
    kind: 'padded',
    pads: pad,
    paddedSize: [padded.rows, padded.cols],
    rows: [pad.top, pad.top + pool.inH],
    cols: [pad.left, pad.left + pool.inW],
  };
}

/** F.pad's order: left, right, top, bottom. */
const fPad = (p: Pads): string => `(${p.left}, ${p.right}, ${p.top}, ${p.bottom})`;
const slice = (rows: HW, cols: HW): string => `[:, :, ${rows[0]}:${rows[1]}, ${cols[0]}:${cols[1]}]`;
const DTYPE = 'torch.float64';

/** Writes the PyTorch script for the picture on screen. Returns the whole text (ends with a newline). */
export function torchCode(src: CodeSource): string {
  const e = src.explored;
  const lines = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];
  const xShape = inputShape(e);
  lines.push(comment('code.py.input', { shape: shapeText(xShape) }), ...pyTensorAssign('x', 'torch.tensor', src.x, xShape, DTYPE), '');
  if (e.op === 'conv') lines.push(...convLines(e, src.w));
  else if (e.op === 'convT') lines.push(...convTLines(e, src.w));
  else lines.push(...poolLines(e));
  return `${lines.join('\n')}\n`;
}

function weightLines(info: Conv2DInfo, w: readonly number[], transposed: boolean): string[] {
  const shape = transposed ? [info.inChannels, info.outPerGroup, info.kH, info.kW] : [info.outChannels, info.inPerGroup, info.kH, info.kW];
  return [comment(transposed ? 'code.py.convTWeight' : 'code.py.convWeight', { shape: shapeText(shape) }), ...pyTensorAssign('w', 'torch.tensor', w, shape, DTYPE), ''];
}

/** `name = layer(args)`, `with torch.no_grad(): name.weight.copy_(w)`, and the check that it gives y. */
function layerCheck(name: string, layer: string, args: readonly string[], output: string): string[] {
  return [
    comment('code.py.layer', { layer }),
    pyCall(`${name} = ${layer}`, args),
    'with torch.no_grad():',
    `    ${name}.weight.copy_(w)`,
    `print(torch.equal(${output}, y))  # ${t('code.py.sameNumbers')}`,
  ];
}

function convLines(e: Extract<Explored, { op: 'conv' }>, w: readonly number[]): string[] {
  const { info } = e;
  const recipe = torchConvPadding(info.pad);
  const lines = weightLines(info, w, false);
  let input = 'x';
  let padding: string;
  if (recipe.kind === 'symmetric') {
    padding = pyPair(recipe.padding);
    if (e.spec.fw === 'tf') lines.push(comment('code.torch.tfPadsEven', { padding: tfName(e.spec.padding), pair: padding }));
  } else {
    const p = recipe.pads;
    lines.push(comment('code.torch.tfPadsUneven', { padding: tfName(e.spec.padding), top: p.top, bottom: p.bottom, left: p.left, right: p.right }));
    lines.push(`xp = F.pad(x, ${fPad(p)})`);
    input = 'xp';
    padding = '0';
  }
  const options = [`stride=${pyPair([info.strideH, info.strideW])}`, `padding=${padding}`, `dilation=${pyPair([info.dilationH, info.dilationW])}`, `groups=${info.groups}`];
  lines.push(pyCall('y = F.conv2d', [input, 'w', ...options]), 'print(y)', '');
  const layerArgs = [`${info.inChannels}`, `${info.outChannels}`, `kernel_size=${pyPair([info.kH, info.kW])}`, ...options, 'bias=False', `dtype=${DTYPE}`];
  lines.push(...layerCheck('conv', 'nn.Conv2d', layerArgs, `conv(${input})`));
  return lines;
}

function tfName(padding: Explored['spec']['padding']): string {
  return typeof padding === 'string' ? padding : '';
}

function convTLines(e: Extract<Explored, { op: 'convT' }>, w: readonly number[]): string[] {
  const { info } = e;
  const recipe = torchTransposeRecipe(info);
  const lines = weightLines(info, w, true);
  const stride = `stride=${pyPair([info.strideH, info.strideW])}`;
  const tail = [`groups=${info.groups}`, `dilation=${pyPair([info.dilationH, info.dilationW])}`];
  const legal = axisList((a) => e.axes[a].legalOut);
  let post = (expr: string) => expr;
  let options: string[];
  if (recipe.kind === 'symmetric') {
    options = [stride, `padding=${pyPair(recipe.padding)}`, `output_padding=${pyPair(recipe.outputPadding)}`, ...tail];
    const several = e.axes.some((a) => a.outputPaddingChoices.length > 1);
    if (e.spec.fw === 'torch' && several) {
      const choices = axisList((a) => e.axes[a].outputPaddingChoices.map((ch) => t('code.torch.choice', { a: ch.a, size: ch.size })));
      lines.push(comment('code.torch.outputPaddingChoices', { choices }));
    } else if (e.spec.fw === 'tf') {
      lines.push(comment('code.torch.tfOutputEven', { h: info.outH, w: info.outW, legal, padding: pyPair(recipe.padding), outputPadding: pyPair(recipe.outputPadding) }));
    }
    lines.push(pyCall('y = F.conv_transpose2d', ['x', 'w', ...options]));
  } else {
    const p = info.pad;
    options = [stride, ...tail];
    const extend = recipe.extend[0] > 0 || recipe.extend[1] > 0;
    const uneven = t('code.torch.tfOutputUneven', { h: info.outH, w: info.outW, legal, top: p.top, bottom: p.bottom, left: p.left, right: p.right });
    const added = extend ? ` ${t('code.torch.tfOutputPadding', { oh: recipe.extend[0], ow: recipe.extend[1] })}` : '';
    lines.push(pyComment(`${uneven}${added} ${t('code.torch.tfOutputCut')}`));
    post = (expr) => `${extend ? `F.pad(${expr}, (0, ${recipe.extend[1]}, 0, ${recipe.extend[0]}))` : expr}${slice(recipe.rows, recipe.cols)}`;
    lines.push(pyCall('full = F.conv_transpose2d', ['x', 'w', ...options]), `y = ${post('full')}`);
  }
  lines.push('print(y)', '');
  const layerArgs = [`${info.inChannels}`, `${info.outChannels}`, `kernel_size=${pyPair([info.kH, info.kW])}`, ...options, 'bias=False', `dtype=${DTYPE}`];
  lines.push(...layerCheck('convT', 'nn.ConvTranspose2d', layerArgs, post('convT(x)')));
  return lines;
}

function poolLines(e: Extract<Explored, { op: 'unpool' }>): string[] {
  const { pool, unpool } = e;
  const recipe = torchPoolRecipe(pool, unpool, e.spec.fw);
  const k = [`kernel_size=${pyPair([pool.kH, pool.kW])}`, `stride=${pyPair([pool.strideH, pool.strideW])}`];
  const lines: string[] = [];
  const max = e.spec.pool !== 'avg';
  const p = pool.pad;
  if (max) {
    if (recipe.kind === 'direct') {
      const kp = [...k, `padding=${pyPair(recipe.padding)}`];
      const outputSize = `output_size=${pyPair(recipe.outputSize)}`;
      lines.push(
        comment('code.torch.maxPool'),
        pyCall('pooled, indices = F.max_pool2d', ['x', ...kp, 'return_indices=True']),
        'print(pooled)',
        `print(indices)  # ${t('code.torch.indices')}`,
        '',
        comment('code.torch.maxUnpool'),
        pyCall('y = F.max_unpool2d', ['pooled', 'indices', ...kp, outputSize]),
        'print(y)',
        '',
        comment('code.torch.poolLayers'),
        pyCall('pool = nn.MaxPool2d', [...kp, 'return_indices=True']),
        pyCall('unpool = nn.MaxUnpool2d', kp),
        'pooled2, indices2 = pool(x)',
        `print(torch.equal(unpool(pooled2, indices2, ${outputSize}), y))  # ${t('code.py.sameNumbers')}`,
      );
    } else {
      lines.push(
        comment('code.torch.tfMaxPad', { top: p.top, bottom: p.bottom, left: p.left, right: p.right }),
        `xp = F.pad(x, ${fPad(p)}, value=float('-inf'))`,
        pyCall('pooled, indices = F.max_pool2d', ['xp', ...k, 'return_indices=True']),
        'print(pooled)',
        '',
        comment('code.torch.tfMaxIndices'),
        pyCall('y = F.max_unpool2d', ['pooled', 'indices', ...k, `output_size=${pyPair(recipe.paddedSize)}`], 0, slice(recipe.rows, recipe.cols)),
        'print(y)',
      );
    }
    return lines;
  }
  if (recipe.kind === 'direct') {
    lines.push(
      comment(e.spec.fw === 'torch' ? 'code.torch.avgPool' : 'code.torch.avgPoolValid'),
      pyCall('pooled = F.avg_pool2d', ['x', ...k, `padding=${pyPair(recipe.padding)}`]),
    );
  } else {
    lines.push(
      comment('code.torch.tfAvg', { top: p.top, bottom: p.bottom, left: p.left, right: p.right }),
      pyCall('sums = F.avg_pool2d', [`F.pad(x, ${fPad(p)})`, ...k, 'divisor_override=1']),
      pyCall('cells = F.avg_pool2d', [`F.pad(torch.ones_like(x), ${fPad(p)})`, ...k, 'divisor_override=1']),
      'pooled = sums / cells',
    );
  }
  lines.push('print(pooled)', '', ...avgUnpoolLoop(unpool, 'PyTorch'));
  return lines;
}

/** Average unpooling as a loop over the pooled cells (no PyTorch op does it). */
function avgUnpoolLoop(u: Unpool2DInfo, framework: string): string[] {
  return [
    comment('code.avgUnpool', { framework }),
    ...avgUnpoolSizes(u),
    `y = torch.zeros(1, ${u.channels}, H, W, dtype=${DTYPE})`,
    `count = torch.zeros(1, ${u.channels}, H, W, dtype=${DTYPE})`,
    'for i in range(pooled.shape[2]):',
    '    for j in range(pooled.shape[3]):',
    '        top, left = i * sH - pad_top, j * sW - pad_left',
    '        rows = slice(max(top, 0), min(top + kH, H))',
    '        cols = slice(max(left, 0), min(left + kW, W))',
    '        y[:, :, rows, cols] += pooled[:, :, i:i + 1, j:j + 1]',
    '        count[:, :, rows, cols] += 1',
    'y = torch.where(count > 0, y / count.clamp(min=1), y)',
    'print(y)',
  ];
}
