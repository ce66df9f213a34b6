/**
 * The worked examples of the tutorials ConvArith teaches from, one click away. Each preset is
 * a query string (the same language as every link), so opening one is parsing a URL.
 * Titles and sources are message keys (src/i18n/en-presets.ts): the words are translated, the
 * numbers here are not.
 */
import type { enPresets } from '../i18n/en-presets';
import { registerPresetQueries } from './presetRegistry';

/** A message key of the presets catalogue. */
export type PresetMessage = keyof typeof enPresets;

/** The ids the catalogue has a title for (so a preset without its words does not compile). */
export type PresetId = PresetMessage extends infer K ? (K extends `preset.${infer I}.title` ? I : never) : never;

/**
 * Where a preset comes from, for grouping the picker's list: one of the four tutorials of
 * ../shared/seeds (t0…t3, in the README's order), PyTorch's documentation, or Dumoulin & Visin's guide.
 */
export type PresetGroup = 't0' | 't1' | 't2' | 't3' | 'torch' | 'guide';

/** A worked example: fixed id, a title and its source (message keys, shown on screen), its query, its group, and the example that follows it. */
export interface Preset {
  readonly id: string;
  readonly title: PresetMessage;
  readonly source: PresetMessage;
  readonly query: string;
  readonly group: PresetGroup;
  /** The next example of a chain (the DCGAN generator's layers), offered as a link under the caption. */
  readonly next: string | null;
}

/** Dumoulin & Visin's 5×5 input and 3×3 kernel (chapter 1's numeric figures), row-major. */
const GUIDE_X = '3,3,2,1,0,0,0,1,3,1,3,1,2,2,3,2,0,0,2,2,2,0,0,0,1';
const GUIDE_W = '0,1,2,2,2,0,0,1,2';

/** The 4×4×2 image of the max_pool_with_argmax example, in NCHW: channel 0 rows 0…3, channel 1 rows 4…7. */
const ARGMAX_X = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((v) => [v, v, v, v]).join(',');
const ONE_TO_16 = Array.from({ length: 16 }, (_, i) => i + 1).join(',');

const preset = (group: PresetGroup, id: PresetId, query: string, next: PresetId | null = null): Preset => ({
  id,
  title: `preset.${id}.title` as const,
  source: `preset.${id}.source` as const,
  query,
  group,
  next,
});

/** The conv2d_transpose tutorial's conv results, transposed back: y2 (of the 5×5 ones) and y4 (of the 6×6 ones). */
const Y2 = '12,18,12,18,27,18,12,18,12';
const Y4 = '27,27,18,27,27,18,18,18,12';

/** Every worked example, in the picker's order. Ids are fixed (issue 4): links depend on them. */
export const PRESETS: readonly Preset[] = [
  // TensorFlow tf.nn.conv2d_transpose是怎样实现反卷积的
  preset('t0', 'tf-ones-5x5', 'op=conv&fw=tf&in=5&k=3&s=2&p=same&cin=3&cout=1&vals=ones&panel=code'),
  preset('t0', 'tf-5x5-back', `op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&cin=1&cout=3&vals=ones&x=${Y2}`),
  preset('t0', 'tf-ones-6x6', 'op=conv&fw=tf&in=6&k=3&s=2&p=same&cin=3&cout=1&vals=ones&panel=code'),
  preset('t0', 'tf-6x6-back', `op=convT&fw=tf&in=3&k=3&s=2&p=same&out=6&cin=1&cout=3&vals=ones&x=${Y4}`),
  preset('t0', 'tf-3x3-to-6x6', 'op=convT&fw=tf&in=3&k=3&s=2&p=same&out=6&cin=1&cout=3&vals=ones'),
  preset('t0', 'tf-impossible-10x10', 'op=convT&fw=tf&in=3&k=3&s=2&p=same&out=10&cin=1&cout=3&vals=ones'),
  // 第十四节,TensorFlow中的反卷积,反池化操作以及gradients的使用
  preset('t1', 'tf-4x4-valid', 'op=conv&fw=tf&in=4&k=2&s=2&p=valid&vals=ones&w=1,0,-1,-2&panel=roundtrip'),
  preset('t1', 'tf-4x4-valid-back', 'op=convT&fw=tf&in=2&k=2&s=2&p=valid&out=4&x=-2,-2,-2,-2&w=1,0,-1,-2'),
  preset('t1', 'tf-4x4-same', 'op=conv&fw=tf&in=4&k=2&s=2&p=same&vals=ones&w=1,0,-1,-2&panel=roundtrip'),
  preset('t1', 'tf-4x4-same-back', 'op=convT&fw=tf&in=2&k=2&s=2&p=same&out=4&x=-2,-2,-2,-2&w=1,0,-1,-2'),
  preset('t1', 'tf-argmax-unpool', `op=unpool&fw=tf&in=4&k=2&s=2&p=same&cin=2&pool=max&x=${ARGMAX_X}`),
  preset('t1', 'tf-avg-unpool', `op=unpool&fw=tf&in=4&k=2&s=2&p=same&cin=2&pool=avg&x=${ARGMAX_X}`),
  // 深入浅出理解转置卷积Conv2DTranspose
  preset('t2', 'formula-s1-p0-k3', 'op=convT&fw=torch&in=2&k=3&s=1&p=0&view=direct'),
  preset('t2', 'formula-s2-p0-k3', 'op=convT&fw=torch&in=2&k=3&s=2&p=0&view=direct'),
  preset('t2', 'formula-s2-p1-k3', 'op=convT&fw=torch&in=3&k=3&s=2&p=1&view=direct'),
  preset('t2', 'torch-convT-2x2', 'op=convT&fw=torch&in=2&k=3&s=1&p=0&x=1,0,2,1&w=1,0,1,0,1,1,1,0,0&view=direct'),
  preset('t2', 'torch-output-padding', 'op=convT&fw=torch&in=3&k=3&s=2&p=1&a=1&view=direct'),
  preset('t2', 'torch-dilation', 'op=convT&fw=torch&in=2&k=3&s=1&p=0&d=2&view=direct'),
  preset('t2', 'torch-groups', 'op=convT&fw=torch&in=3&k=3&s=1&p=0&cin=2&cout=2&g=2'),
  preset('t2', 'torch-checkerboard', 'op=convT&fw=torch&in=3&k=3&s=2&p=0&vals=ones&panel=checkerboard'),
  preset('t2', 'dcgan-layer1', 'op=convT&fw=tf&in=7&k=5&s=1&p=same&out=7', 'dcgan-generator'),
  preset('t2', 'dcgan-generator', 'op=convT&fw=tf&in=7&k=5&s=2&p=same&out=14', 'dcgan-layer3'),
  preset('t2', 'dcgan-layer3', 'op=convT&fw=tf&in=14&k=5&s=2&p=same&out=28'),
  // tensorflow学习笔记(三十二):conv2d_transpose ("解卷积")
  preset('t3', 'tf-2x2-to-5x5', 'op=convT&fw=tf&in=3&k=2&s=2&p=same&out=5&cin=1&cout=3'),
  preset('t3', 'tf-2x2-to-6x6', 'op=convT&fw=tf&in=3&k=2&s=2&p=same&out=6&cin=1&cout=3'),
  preset('t3', 'tf-97-stride4', 'op=convT&fw=tf&in=24&k=3&s=4&p=valid&out=97&vals=ones&panel=sizes'),
  preset('t3', 'tf-97-stride3-refused', 'op=convT&fw=tf&in=25&k=3&s=3&p=same&out=97'),
  // PyTorch's documentation
  preset('torch', 'torch-maxunpool-4x4', `op=unpool&fw=torch&in=4&k=2&s=2&p=0&pool=max&x=${ONE_TO_16}`),
  // Dumoulin & Visin, A guide to convolution arithmetic for deep learning
  preset('guide', 'guide-no-padding-unit-strides', 'op=conv&fw=torch&in=4&k=3&s=1&p=0&panel=matrix'),
  preset('guide', 'guide-arbitrary-padding', 'op=conv&fw=torch&in=5&k=4&s=1&p=2'),
  preset('guide', 'guide-half-padding', 'op=conv&fw=torch&in=5&k=3&s=1&p=1'),
  preset('guide', 'guide-full-padding', 'op=conv&fw=torch&in=5&k=3&s=1&p=2'),
  preset('guide', 'guide-no-padding-strided', 'op=conv&fw=torch&in=5&k=3&s=2&p=0'),
  preset('guide', 'guide-padding-strided', 'op=conv&fw=torch&in=5&k=3&s=2&p=1'),
  preset('guide', 'guide-padding-strided-odd', 'op=convT&fw=torch&in=3&k=3&s=2&p=1&a=1&panel=sizes'),
  preset('guide', 'guide-pooling', `op=unpool&fw=torch&in=5&k=3&s=1&p=0&pool=max&x=${GUIDE_X}`),
  preset('guide', 'guide-dilated', 'op=conv&fw=torch&in=7&k=3&s=1&p=0&d=2'),
  preset('guide', 'guide-numeric-stride1', `op=conv&fw=torch&in=5&k=3&s=1&p=0&x=${GUIDE_X}&w=${GUIDE_W}`),
  preset('guide', 'guide-numeric-stride2-pad1', `op=conv&fw=torch&in=5&k=3&s=2&p=1&x=${GUIDE_X}&w=${GUIDE_W}`),
];

/** The examples that are impossible choices on purpose (the tutorials' error cases): the page explains the refusal instead of a picture. */
export const REFUSED_PRESETS: readonly string[] = ['tf-impossible-10x10', 'tf-97-stride3-refused'];

/** The picker's groups, in its order. */
export const PRESET_GROUPS: readonly PresetGroup[] = ['t0', 't1', 't2', 't3', 'torch', 'guide'];

/** The preset with this id, or null. */
export function presetById(id: string | null): Preset | null {
  return PRESETS.find((p) => p.id === id) ?? null;
}

/** id → query, for the URL parser. */
export const PRESET_QUERIES: Readonly<Record<string, string>> = Object.fromEntries(PRESETS.map((p) => [p.id, p.query]));
registerPresetQueries(PRESET_QUERIES);
