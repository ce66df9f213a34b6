/**
 * Engine refusals in both languages (issue 7: "errors (including the engine's: translate by
 * `code` and `details`, never by parsing its English)"). Each case asks the real engine for an
 * impossible choice the page can make, catches the ShapeError and phrases it: the sentence is
 * the one for that rule, names the numbers of the case (stated here from the rule, or from the
 * tutorial named in the title), fills every placeholder, and the Chinese one is Chinese.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { explore, isShapeError, type ExploreSpec, type ShapeError } from '../../src/engine';
import { loadCatalogue, setLanguage, t, type MessageKey } from '../../src/i18n';
import { G } from '../../src/i18n/glossary';
import { errorSentence, errorText } from '../../src/i18n/shapeErrors';

const base: ExploreSpec = {
  op: 'conv', fw: 'torch', input: [5, 5], kernel: [3, 3], stride: [1, 1], padding: [0, 0], dilation: [1, 1],
  outputPadding: [0, 0], outputShape: null, channels: { in: 1, out: 1, groups: 1 },
};

function refusal(patch: Partial<ExploreSpec>): ShapeError {
  try {
    explore({ ...base, ...patch });
  } catch (e) {
    if (isShapeError(e)) return e;
    throw e;
  }
  throw new Error('expected the engine to refuse');
}

interface Case {
  readonly title: string;
  readonly spec: Partial<ExploreSpec>;
  readonly key: MessageKey;
  /** Numbers (as the page writes them) that both sentences must contain. */
  readonly numbers: readonly string[];
  /** Glossary terms the Chinese sentence must use. */
  readonly terms: readonly string[];
}

const CASES: readonly Case[] = [
  {
    title: 'kernel-too-large: kernel 7 on a 3×3 input without padding (the padded input is 3 wide; 2 more padding on each side would fit it)',
    spec: { input: [3, 3], kernel: [7, 7] }, key: 'err.kernelTooLarge', numbers: ['7', '3', '2'], terms: [G.kernel, G.padding, G.height],
  },
  {
    title: 'kernel-too-large with dilation: k = 3, d = 3 spans 3·(3 − 1) + 1 = 7 > 5',
    spec: { dilation: [3, 3] }, key: 'err.dilatedKernelTooLarge', numbers: ['7', '5', '3'], terms: [G.dilatedConv, G.dilation],
  },
  {
    title: 'kernel-too-large for pooling: a 5×5 window on a 3×3 input',
    spec: { op: 'unpool', input: [3, 3], kernel: [5, 5], stride: [5, 5] }, key: 'err.windowTooLarge', numbers: ['5', '3'], terms: [G.pool, G.window],
  },
  {
    title: 'empty-output: a 2×2 input, k = 3, stride 1 scatters to 4; padding 3 per side crops 6, leaving −2; at most (4 − 1) / 2 → 1 per side',
    spec: { op: 'convT', input: [2, 2], padding: [3, 3] }, key: 'err.emptyOutput', numbers: ['4', '6', '-2', '1'], terms: [G.padding, G.crop],
  },
  {
    title: 'output-padding: 2 with stride 2 (it must stay below the stride: 0 or 1)',
    spec: { op: 'convT', input: [3, 3], stride: [2, 2], outputPadding: [2, 0] }, key: 'err.outputPadding', numbers: ['2', '1'], terms: [G.outputPadding, G.stride],
  },
  {
    title: 'groups: 3 input channels do not split into 2 groups',
    spec: { channels: { in: 3, out: 2, groups: 2 } }, key: 'err.groupsIn', numbers: ['3', '2'], terms: [G.channel, G.groups],
  },
  {
    title: 'groups: 3 output channels do not split into 2 groups',
    spec: { channels: { in: 2, out: 3, groups: 2 } }, key: 'err.groupsOut', numbers: ['3', '2'], terms: [G.channel, G.groups],
  },
  {
    title: 'pool-padding: padding 2 is more than half a 2-wide window (at most 1)',
    spec: { op: 'unpool', input: [4, 4], kernel: [2, 2], stride: [2, 2], padding: [2, 2] }, key: 'err.poolPadding', numbers: ['2', '1'], terms: [G.pool, G.padding],
  },
  {
    title: 'output-size (PyTorch): 4×4 pooled 2×2 by 2 → 2×2, which unpools to 4 by default and accepts 3, 4 or 5, not 7',
    spec: { op: 'unpool', input: [4, 4], kernel: [2, 2], stride: [2, 2], outputShape: [7, 4] }, key: 'err.unpoolSize', numbers: ['7', '4', '3', '5'], terms: [G.unpool],
  },
  {
    title: 'output-size (TensorFlow): the argmax indices point into the 4×4 input, so 5×5 is refused',
    spec: { op: 'unpool', fw: 'tf', padding: 'SAME', input: [4, 4], kernel: [2, 2], stride: [2, 2], outputShape: [5, 5] },
    key: 'err.tfUnpoolSize', numbers: ['4 × 4', '5 × 5'], terms: [G.unpool, G.input],
  },
  {
    title: 'output-shape: the conv2d_transpose tutorial’s impossible [1,10,10,3] (10×10 convolves to 5×5, not 3×3; legal 5 or 6)',
    spec: { op: 'convT', fw: 'tf', padding: 'SAME', input: [3, 3], stride: [2, 2], outputShape: [10, 10] },
    key: 'err.outputShape', numbers: ['10 × 10', '5 × 5', '3 × 3', '5', '6', 'SAME'], terms: [G.conv, G.input],
  },
  {
    title: 'output-shape: the conv_transpose notes’ 97×97 with stride 3 from 25×25 (TensorFlow: "actual = 25, computed = 33")',
    spec: { op: 'convT', fw: 'tf', padding: 'SAME', input: [25, 25], stride: [3, 3], outputShape: [97, 97] },
    key: 'err.outputShape', numbers: ['97 × 97', '33 × 33', '25 × 25'], terms: [G.conv],
  },
  {
    title: 'too-large: 32×32 with k = 7, s = 8 would scatter to (32 − 1)·8 + 7 = 255 per side, beyond the 160×160 the page draws',
    spec: { op: 'convT', input: [32, 32], kernel: [7, 7], stride: [8, 8] }, key: 'err.tooLargeToDraw', numbers: ['255 × 255', '160 × 160'], terms: [G.output, G.scatter],
  },
  {
    title: 'out-of-range: an input of 2000 (the engine takes 1 to 1024)',
    spec: { input: [2000, 5] }, key: 'err.range', numbers: ['2000', '1', '1024'], terms: [G.input, G.height],
  },
  {
    title: 'not-integer: a stride of 1.5 (try 2)',
    spec: { stride: [1.5, 1] }, key: 'err.notWhole', numbers: ['1.5', '2'], terms: [G.stride],
  },
  {
    title: 'not-finite: a kernel width that is not a number',
    spec: { kernel: [3, Number.NaN] }, key: 'err.notNumber', numbers: ['NaN'], terms: [G.kernel, G.width],
  },
];

const HAN = /[\u4e00-\u9fff]/;

describe('engine refusals phrased from code and details, in English and Chinese', () => {
  beforeAll(() => loadCatalogue('zh'));
  afterAll(() => setLanguage('en'));

  for (const c of CASES) {
    it(c.title, () => {
      const error = refusal(c.spec);
      expect(errorSentence(error).key).toBe(c.key);
      setLanguage('en');
      const english = errorText(error);
      setLanguage('zh');
      const chinese = errorText(error);
      setLanguage('en');
      for (const text of [english, chinese]) {
        expect(text).not.toMatch(/\{\w+\}/);
        for (const n of c.numbers) expect(text).toContain(n);
      }
      expect(english).toBe(t(c.key, errorSentence(error).vars));
      expect(chinese).toMatch(HAN);
      for (const term of c.terms) expect(chinese).toContain(term);
      // Chinese words, not the engine's English sentence or English words.
      expect(chinese).not.toContain(error.message);
      expect(chinese).not.toMatch(/\b(the|must|kernel|padding|stride|input|output)\b/i);
    });
  }

  it('never reads the English message: the same code and details give the same sentence whatever the message says', () => {
    const error = refusal({ input: [3, 3], kernel: [7, 7] });
    const rewritten = { code: error.code, param: error.param, details: error.details };
    expect(errorText(rewritten)).toBe(errorText(error));
  });
});

describe('loading the refusal sentences', () => {
  // A fresh module registry each time: the sentences start unloaded.
  const fresh = async () => {
    vi.resetModules();
    const i18n = await import('../../src/i18n');
    const heard: number[] = [];
    i18n.subscribeLanguage(() => heard.push(i18n.wordsRevision()));
    return { i18n, heard };
  };

  it('re-renders nobody when no refusal was phrased before they came (the learner’s first touch loads them)', async () => {
    const { i18n, heard } = await fresh();
    await i18n.loadErrorSentences();
    expect(heard).toEqual([]);
  });

  it('tells the page when a refusal was shown in the engine’s English meanwhile, and phrases it from then on', async () => {
    const { i18n, heard } = await fresh();
    const e = refusal({ input: [2, 2] });
    expect(i18n.errorText(e)).toBe(e.message);
    await i18n.loadErrorSentences();
    expect(heard).toHaveLength(1);
    expect(i18n.errorText(e)).toBe(errorText(e));
  });
});
