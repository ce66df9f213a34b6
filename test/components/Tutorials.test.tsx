// @vitest-environment jsdom
/**
 * Issue 7's components in English and Chinese: the Names note beside the operation choice (its
 * body loads when opened), the picture of an impossible choice (ImpossiblePicture, through
 * Stage), and the direct view's three steps with their formulas (DirectSteps). Expected words
 * are the catalogues'; numbers are the tutorials' (named in the titles) or the engine's.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Controls } from '../../src/components/Controls';
import { DirectFormulas } from '../../src/components/DirectSteps';
import { Stage } from '../../src/components/Stage';
import { computeConvTranspose2DInfo, symmetricPads } from '../../src/engine';
import { addMessages, loadCatalogue, loadErrorSentences, setLanguage, t } from '../../src/i18n';
import { enTranspose } from '../../src/i18n/en-transpose';
import { loadQuery, useStore } from '../../src/store';

beforeAll(async () => {
  addMessages(enTranspose);
  await Promise.all([loadCatalogue('zh'), loadErrorSentences()]);
});

afterEach(() => {
  cleanup();
  setLanguage('en');
});

for (const lang of ['en', 'zh'] as const) {
  describe(`${lang}`, () => {
    it('the Names note: a tooltip on the operation choice, a disclosure whose body names 反卷积, 逆卷积, 解卷积, deconvolution and fractionally-strided convolution and opens the round trip', async () => {
      setLanguage(lang);
      loadQuery('op=convT&in=3&k=3&s=2');
      const user = userEvent.setup();
      render(<Controls />);
      const convT = screen.getByRole('radio', { name: t('op.convT') });
      expect(convT.closest('label')).toHaveAttribute('title', t('op.convT.tip'));
      for (const name of ['反卷积', '逆卷积', '解卷积']) expect(t('op.convT.tip')).toContain(name);
      await user.click(screen.getByText(t('names.summary')));
      const button = await waitFor(() => screen.getByRole('button', { name: t('names.roundTrip') }), { timeout: 15_000 });
      const aka = t('names.aka');
      for (const name of ['反卷积', '逆卷积', '解卷积', 'deconvolution', 'fractionally-strided convolution']) expect(aka).toContain(name);
      expect(screen.getByText(aka)).toBeInTheDocument();
      await user.click(button);
      expect(useStore.getState().params.panel).toBe('roundtrip');
      await user.click(screen.getByRole('button', { name: t('names.dcgan') }));
      expect(useStore.getState().params.preset).toBe('dcgan-layer1');
    }, 60_000);

    it('an impossible output_shape ([1,10,10,3] of “TensorFlow tf.nn.conv2d_transpose是怎样实现反卷积的”) draws 10×10 → 5×5 ≠ 3×3 with 5 and 6 as choices, never “nothing to draw”', async () => {
      setLanguage(lang);
      loadQuery('preset=tf-impossible-10x10');
      useStore.setState({ picture: null });
      const user = userEvent.setup();
      render(<Stage />);
      const region = await waitFor(() => screen.getByRole('region', { name: t('impossible.title') }), { timeout: 15_000 });
      expect(within(region).getByRole('img', { name: t('impossible.box.forward', { size: '5 × 5' }) })).toBeInTheDocument();
      expect(within(region).getByRole('img', { name: t('impossible.box.value', { size: '3 × 3' }) })).toBeInTheDocument();
      expect(screen.queryByText(/Nothing to draw|暂时没有/)).toBeNull();
      await user.click(within(region).getByRole('button', { name: t('impossible.choose', { size: '5 × 5' }) }));
      expect(useStore.getState().params.out).toEqual([5, 5]);
    }, 60_000);

    it('a refusal the page does not draw, with no picture yet, says what is not possible (no “last valid picture”)', async () => {
      setLanguage(lang);
      loadQuery('op=conv&cin=3&g=2');
      useStore.setState({ picture: null });
      render(<Stage />);
      await waitFor(() => expect(screen.getByText(new RegExp(t('app.refused', { message: '' }).trim().slice(0, 6)))).toBeInTheDocument(), { timeout: 15_000 });
      expect(screen.queryByText(t('error.kept'))).toBeNull();
    }, 60_000);

    it('the direct view’s formulas: “深入浅出理解转置卷积Conv2DTranspose” 7.1 (H = 2, k = 3, s = 1, p = 0 → H′ = 2, p′ = 2, Hout = 4)', () => {
      setLanguage(lang);
      const info = computeConvTranspose2DInfo([1, 1, 2, 2], [1, 1, 3, 3], { stride: [1, 1], pad: symmetricPads(0, 0), dilation: [1, 1], groups: 1, outputPadding: [0, 0] });
      const { unmount } = render(<DirectFormulas info={info} stage="zero-insert" />);
      expect(screen.getByText(t('stage.zeroFormula', { n: 'H', i: 2, s: 1, zero: 2 }))).toBeInTheDocument();
      unmount();
      render(<DirectFormulas info={info} stage="kernel" />);
      expect(screen.getByText(t('stage.pPrimeSimple', { k: 3, p: 0, value: 2 }))).toBeInTheDocument();
      expect(screen.getByText(t('stage.pPrimeGeneral', { d: 1, k: 3, p: 0, value: 2 }))).toBeInTheDocument();
      cleanup();
      render(<DirectFormulas info={info} stage="sweep" />);
      expect(screen.getByText(t('stage.sweepFormula', { n: 'H', zero: 2, before: 2, after: 2, kPrime: 3, out: 4 }))).toBeInTheDocument();
      expect(screen.getByText(t('stage.shortcut', { n: 'H', i: 2, s: 1, p: 0, k: 3, out: 4 }))).toBeInTheDocument();
    }, 60_000);

    it('with dilation the general p′ = d(k − 1) − p is shown, and the tutorials’ k − p − 1 is not (torch-dilation: d = 2, k = 3 → p′ = 4)', () => {
      setLanguage(lang);
      const info = computeConvTranspose2DInfo([1, 1, 2, 2], [1, 1, 3, 3], { stride: [1, 1], pad: symmetricPads(0, 0), dilation: [2, 2], groups: 1, outputPadding: [0, 0] });
      render(<DirectFormulas info={info} stage="kernel" />);
      expect(screen.getByText(t('stage.pPrimeGeneral', { d: 2, k: 3, p: 0, value: 4 }))).toBeInTheDocument();
      expect(screen.queryByText(t('stage.pPrimeSimple', { k: 3, p: 0, value: 4 }))).toBeNull();
      expect(screen.getByText(t('stage.kPrimeDilated', { k: 3, d: 2, kPrime: 5 }))).toBeInTheDocument();
    }, 60_000);
  });
}
