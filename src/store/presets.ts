/**
 * The worked examples of the tutorials ConvArith teaches from, one click away. Each preset is
 * a query string (the same language as every link), so opening one is parsing a URL.
 * Titles and sources are message keys (src/i18n/en-presets.ts): the words are translated, the
 * numbers here are not.
 */
import type { enPresets } from '../i18n/en-presets';

/** A message key of the presets catalogue. */
export type PresetMessage = keyof typeof enPresets;

/** The ids the catalogue has a title for (so a preset without its words does not compile). */
export type PresetId = PresetMessage extends infer K ? (K extends `preset.${infer I}.title` ? I : never) : never;

/** A worked example: fixed id, a title and its source (message keys, shown on screen), and its query. */
export interface Preset {
  readonly id: string;
  readonly title: PresetMessage;
  readonly source: PresetMessage;
  readonly query: string;
}

/** Where a preset comes from, for grouping the picker's list. */
export type PresetGroup = 'tf' | 'torch' | 'formula' | 'dcgan' | 'guide';

/** Dumoulin & Visin's 5×5 input and 3×3 kernel (chapter 1's numeric figures), row-major. */
const GUIDE_X = '3,3,2,1,0,0,0,1,3,1,3,1,2,2,3,2,0,0,2,2,2,0,0,0,1';
const GUIDE_W = '0,1,2,2,2,0,0,1,2';

/** The 4×4×2 image of the max_pool_with_argmax example, in NCHW: channel 0 rows 0…3, channel 1 rows 4…7. */
const ARGMAX_X = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((v) => [v, v, v, v]).join(',');
const ONE_TO_16 = Array.from({ length: 16 }, (_, i) => i + 1).join(',');

const preset = (id: PresetId, query: string): Preset => ({
  id,
  title: `preset.${id}.title` as const,
  source: `preset.${id}.source` as const,
  query,
});

/** Every worked example, in the picker's order. Ids are fixed (issue 4): links depend on them. */
export const PRESETS: readonly Preset[] = [
  preset('tf-ones-5x5', 'op=conv&fw=tf&in=5&k=3&s=2&p=same&cin=3&cout=1&vals=ones&panel=roundtrip'),
  preset('tf-ones-6x6', 'op=conv&fw=tf&in=6&k=3&s=2&p=same&cin=3&cout=1&vals=ones&panel=roundtrip'),
  preset('tf-3x3-to-6x6', 'op=convT&fw=tf&in=3&k=3&s=2&p=same&out=6&cin=1&cout=3&vals=ones'),
  preset('tf-impossible-10x10', 'op=convT&fw=tf&in=3&k=3&s=2&p=same&out=10&cin=1&cout=3&vals=ones'),
  preset('tf-4x4-valid', 'op=conv&fw=tf&in=4&k=2&s=2&p=valid&vals=ones&w=1,0,-1,-2&panel=roundtrip'),
  preset('tf-4x4-same', 'op=conv&fw=tf&in=4&k=2&s=2&p=same&vals=ones&w=1,0,-1,-2&panel=roundtrip'),
  preset('tf-97-stride4', 'op=convT&fw=tf&in=24&k=3&s=4&p=valid&out=97&vals=ones&panel=sizes'),
  preset('tf-argmax-unpool', `op=unpool&fw=tf&in=4&k=2&s=2&p=same&cin=2&pool=max&x=${ARGMAX_X}`),
  preset('torch-convT-2x2', 'op=convT&fw=torch&in=2&k=3&s=1&p=0&x=1,0,2,1&w=1,0,1,0,1,1,1,0,0'),
  preset('torch-maxunpool-4x4', `op=unpool&fw=torch&in=4&k=2&s=2&p=0&pool=max&x=${ONE_TO_16}`),
  preset('formula-s1-p0-k3', 'op=convT&fw=torch&in=2&k=3&s=1&p=0&view=direct'),
  preset('formula-s2-p0-k3', 'op=convT&fw=torch&in=2&k=3&s=2&p=0&view=direct'),
  preset('formula-s2-p1-k3', 'op=convT&fw=torch&in=3&k=3&s=2&p=1&view=direct'),
  preset('dcgan-generator', 'op=convT&fw=tf&in=7&k=5&s=2&p=same&out=14'),
  preset('guide-no-padding-unit-strides', 'op=conv&fw=torch&in=4&k=3&s=1&p=0&panel=matrix'),
  preset('guide-arbitrary-padding', 'op=conv&fw=torch&in=5&k=4&s=1&p=2'),
  preset('guide-half-padding', 'op=conv&fw=torch&in=5&k=3&s=1&p=1'),
  preset('guide-full-padding', 'op=conv&fw=torch&in=5&k=3&s=1&p=2'),
  preset('guide-no-padding-strided', 'op=conv&fw=torch&in=5&k=3&s=2&p=0'),
  preset('guide-padding-strided', 'op=conv&fw=torch&in=5&k=3&s=2&p=1'),
  preset('guide-padding-strided-odd', 'op=convT&fw=torch&in=3&k=3&s=2&p=1&a=1&panel=sizes'),
  preset('guide-pooling', `op=unpool&fw=torch&in=5&k=3&s=1&p=0&pool=max&x=${GUIDE_X}`),
  preset('guide-dilated', 'op=conv&fw=torch&in=7&k=3&s=1&p=0&d=2'),
  preset('guide-numeric-stride1', `op=conv&fw=torch&in=5&k=3&s=1&p=0&x=${GUIDE_X}&w=${GUIDE_W}`),
  preset('guide-numeric-stride2-pad1', `op=conv&fw=torch&in=5&k=3&s=2&p=1&x=${GUIDE_X}&w=${GUIDE_W}`),
];

/** The group a preset's id names by its prefix. */
export function presetGroup(id: string): PresetGroup {
  if (id.startsWith('tf-')) return 'tf';
  if (id.startsWith('torch-')) return 'torch';
  if (id.startsWith('formula-')) return 'formula';
  if (id.startsWith('dcgan-')) return 'dcgan';
  return 'guide';
}

/** The preset with this id, or null. */
export function presetById(id: string | null): Preset | null {
  return PRESETS.find((p) => p.id === id) ?? null;
}

/** id → query, for the URL parser. */
export const PRESET_QUERIES: Readonly<Record<string, string>> = Object.fromEntries(PRESETS.map((p) => [p.id, p.query]));
