// @vitest-environment jsdom
/**
 * The live region's narration: the step's position and arithmetic in words, from the engine's
 * trace and numbers, for every view, in English and Chinese. Expected numbers are the worked
 * examples' own (the source is in each title) or computed here from the values on screen.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Narration } from '../../src/components/Narration';
import { loadCatalogue, setLanguage, t } from '../../src/i18n';
import { enNarration } from '../../src/i18n/en-narration';
import { zh } from '../../src/i18n/zh';
import { useStore } from '../../src/store';
import { MAX_SPOKEN_TERMS, selectNarration, spokenSum } from '../../src/store/narration';
import '../../src/store/transposeNarration';
import '../../src/store/unpoolNarration';
import { showQuery } from './showQuery';

const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));
const region = () => screen.getByTestId('narration');

beforeAll(() => loadCatalogue('zh'));
afterEach(() => {
  cleanup();
  setLanguage('en');
});

describe('selectNarration', () => {
  it('convolution, Dumoulin & Visin 2016 numeric figure: output (1, 1) = 12, with the products of the values on screen', () => {
    const { x, w } = showQuery('?preset=guide-numeric-stride1');
    const n = selectNarration(useStore.getState());
    expect(n?.line.key).toBe('narr.conv');
    expect(n?.step).toBe(1);
    expect(n?.count).toBe(9);
    // The window of output (0, 0) is rows 0–2, columns 0–2 of the 5×5 input.
    const products = [0, 1, 2].flatMap((ky) => [0, 1, 2].map((kx) => ({ x: x[ky * 5 + kx], w: w[ky * 3 + kx], product: 0 })));
    expect(n?.line.vars).toMatchObject({ row: 1, col: 1, result: '12', terms: spokenSum(products) });
  });

  it('follows the active view’s step, and says nothing before a picture', () => {
    useStore.setState({ picture: null });
    expect(selectNarration(useStore.getState())).toBeNull();
    showQuery('?preset=guide-numeric-stride1&step=8');
    // Dumoulin & Visin's last output cell (3, 3) is 14.
    expect(selectNarration(useStore.getState())?.line.vars).toMatchObject({ row: 3, col: 3, result: '14' });
  });

  it('the direct form’s stages and sum, PyTorch ConvTranspose2d docs example ([[1,0],[2,1]] → [[1,0,1,0],[2,2,3,1],…])', () => {
    showQuery('?preset=torch-convT-2x2&view=direct&step=0');
    expect(selectNarration(useStore.getState())?.line).toEqual({ key: 'narr.insert', vars: { zh: 0, zw: 0, h: 2, w: 2, H: 2, W: 2 } });
    // Step 2 of the tutorials' three: the 3×3 kernel flipped, the 2×2 map padded by p′ = k − p − 1 = 2 per side.
    showQuery('?preset=torch-convT-2x2&view=direct&step=1');
    expect(selectNarration(useStore.getState())?.line).toEqual({
      key: 'narr.kernel', vars: { kh: 3, kw: 3, top: 2, bottom: 2, left: 2, right: 2, h: 2, w: 2, H: 6, W: 6 },
    });
    // Step 2 + j is output cell j: j = 4 is (1, 0) = 2.
    showQuery('?preset=torch-convT-2x2&view=direct&step=6');
    expect(selectNarration(useStore.getState())?.line.vars).toMatchObject({ row: 2, col: 1, result: '2' });
  });

  it('the scatter: input (0, 1) of 2×2 stamps a 3×3 kernel onto output rows 1–3, columns 2–4 (stride 1)', () => {
    showQuery('?preset=torch-convT-2x2&view=scatter&step=1');
    expect(selectNarration(useStore.getState())?.line).toEqual({ key: 'narr.scatter', vars: { row: 1, col: 2, co: 0, value: '0', r0: 1, r1: 3, c0: 2, c1: 4 } });
  });

  it('pooling then unpooling, PyTorch MaxUnpool2d docs (1…16 → [[6,8],[14,16]])', () => {
    showQuery('?preset=torch-maxunpool-4x4&step=1');
    expect(selectNarration(useStore.getState())?.line).toEqual({ key: 'narr.poolMax', vars: { row: 1, col: 2, result: '8', values: '3, 4, 7, 8', iy: 2, ix: 4 } });
    showQuery('?preset=torch-maxunpool-4x4&step=6');
    expect(selectNarration(useStore.getState())?.line).toEqual({ key: 'narr.unpoolMax', vars: { iy: 2, ix: 1, v: '14', oy: 4, ox: 2 } });
  });

  it('says at most MAX_SPOKEN_TERMS products, then “…”', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ x: i, w: -1, product: -i }));
    const text = spokenSum(many);
    expect(text.split(' + ')).toHaveLength(MAX_SPOKEN_TERMS);
    expect(text.endsWith('+ …')).toBe(true);
    expect(text.startsWith('0×(-1) + 1×(-1)')).toBe(true);
  });
});

describe('Narration', () => {
  it('is one polite live region that speaks the step in the page’s language', () => {
    showQuery('?preset=torch-maxunpool-4x4&step=7');
    render(<Narration />);
    expect(region()).toHaveAttribute('aria-live', 'polite');
    expect(region()).toHaveTextContent(`${fill(t('narr.step'), { i: 8, n: 8 })} ${fill(enNarration['narr.unpoolMax'], { v: 16, iy: 2, ix: 2, oy: 4, ox: 4 })}`);
    act(() => setLanguage('zh'));
    expect(region()).toHaveTextContent(`${fill(zh['narr.step'], { i: 8, n: 8 })} ${fill(zh['narr.unpoolMax'], { v: 16, iy: 2, ix: 2, oy: 4, ox: 4 })}`);
  });

  it('speaks again after each step', () => {
    showQuery('?preset=guide-numeric-stride1');
    render(<Narration />);
    act(() => useStore.getState().setStep('conv', 1));
    // Dumoulin & Visin: output (0, 1) = 12.
    expect(region()).toHaveTextContent(/^Step 2, of 9: Output row 1, column 2: .* = 12$/);
  });
});
