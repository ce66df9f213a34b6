// @vitest-environment jsdom
/**
 * The worked-examples picker: choosing an example loads its link into the store and names its
 * source; changing a number afterwards clears the caption (the picture is no longer the example).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Controls } from '../../src/components/Controls';
import { PresetPicker } from '../../src/components/PresetPicker';
import { t } from '../../src/i18n';
import { loadQuery, useStore } from '../../src/store';
import { enPresets } from '../../src/i18n/en-presets';
import { TUTORIAL_TITLES } from '../../src/i18n/tutorialTitles';
import { PRESET_QUERIES, PRESETS, presetById } from '../../src/store/presets';
import { parseQuery } from '../../src/store/urlParams';

const picker = () => screen.getByRole('combobox', { name: t('presets.label') });
/** Renders `ui` and waits until the examples' list (its own chunk) has arrived. */
async function renderLoaded(ui: Parameters<typeof render>[0]) {
  render(ui);
  // The list loads when the learner comes near the picker.
  picker().focus();
  await within(picker()).findByRole('option', { name: enPresets[PRESETS[0].title as keyof typeof enPresets] });
}

beforeEach(() => loadQuery(''));
afterEach(cleanup);

describe('PresetPicker', () => {
  it('lists every worked example once, grouped by tutorial, with nothing chosen at first and no caption', async () => {
    await renderLoaded(<PresetPicker />);
    const options = within(picker()).getAllByRole('option');
    // The placeholder plus one option per preset, labelled by its translated title.
    expect(options.map((o) => o.getAttribute('value'))).toEqual(['', ...PRESETS.map((p) => p.id)]);
    for (const p of PRESETS) expect(within(picker()).getByRole('option', { name: t(p.title) })).toBeInTheDocument();
    // Grouped by the tutorial they come from, each group named by the tutorial's title.
    const groups = within(picker()).getAllByRole('group').map((g) => g.getAttribute('label'));
    for (const title of TUTORIAL_TITLES) expect(groups).toContain(`“${title}”`);
    expect(picker()).toHaveValue('');
    expect(screen.queryByText(/^From:/)).toBeNull();
  });

  it('choosing a preset sets the params of its link and shows its title and source', async () => {
    const user = userEvent.setup();
    await renderLoaded(<PresetPicker />);
    const preset = presetById('guide-numeric-stride2-pad1');
    if (!preset) throw new Error('preset missing');
    await user.selectOptions(picker(), preset.id);
    const { params } = useStore.getState();
    expect(params).toEqual(parseQuery(`preset=${preset.id}`, PRESET_QUERIES).params);
    expect(params.preset).toBe(preset.id);
    expect(params.s).toEqual([2, 2]);
    expect(params.p).toEqual([1, 1]);
    expect(picker()).toHaveValue(preset.id);
    expect(screen.getByText(t('presets.from', { source: t(preset.source) }))).toBeInTheDocument();
    expect(screen.getByText(t(preset.title), { selector: 'p span' })).toBeInTheDocument();
    expect(picker()).toHaveAccessibleDescription(new RegExp(t('presets.from', { source: '' })));
  });

  it('opening another example replaces the caption and resets the step', async () => {
    const user = userEvent.setup();
    await renderLoaded(<PresetPicker />);
    await user.selectOptions(picker(), 'tf-ones-5x5');
    useStore.getState().setStep('conv', 3);
    await user.selectOptions(picker(), 'torch-maxunpool-4x4');
    const unpool = presetById('torch-maxunpool-4x4');
    if (!unpool) throw new Error('preset missing');
    expect(screen.getByText(t('presets.from', { source: t(unpool.source) }))).toBeInTheDocument();
    expect(screen.getAllByText(/^From:/)).toHaveLength(1);
    expect(useStore.getState().params.op).toBe('unpool');
    expect(useStore.getState().steps.conv).toBe(0);
  });

  it('changing a number clears the caption and the choice', async () => {
    const user = userEvent.setup();
    await renderLoaded(
      <>
        <PresetPicker />
        <Controls />
      </>,
    );
    await user.selectOptions(picker(), 'guide-half-padding');
    expect(screen.getByText(/^From:/)).toBeInTheDocument();
    const kernel = screen.getByLabelText('Kernel (height)');
    expect(kernel).toHaveValue(3);
    await user.clear(kernel);
    await user.type(kernel, '5');
    expect(useStore.getState().params.k[0]).toBe(5);
    expect(useStore.getState().params.preset).toBeNull();
    expect(screen.queryByText(/^From:/)).toBeNull();
    expect(picker()).toHaveValue('');
  });

  it('switching the panel keeps the example named (no number changed)', async () => {
    const user = userEvent.setup();
    await renderLoaded(<PresetPicker />);
    await user.selectOptions(picker(), 'tf-ones-5x5');
    useStore.getState().change({ panel: 'sizes' });
    expect(screen.getByText(/^From:/)).toBeInTheDocument();
  });

  it('the refused example shows the engine’s explanation under its source', async () => {
    const user = userEvent.setup();
    await renderLoaded(<PresetPicker />);
    await user.selectOptions(picker(), 'tf-impossible-10x10');
    const caption = screen.getByText(/^From:/).closest('p');
    if (!caption) throw new Error('caption missing');
    expect(within(caption).getByText(/^Not possible: /)).toHaveTextContent(/10×10/);
  });

  it('a layer of the DCGAN generator links to the next layer, and the last one to none', async () => {
    const user = userEvent.setup();
    await renderLoaded(<PresetPicker />);
    await user.selectOptions(picker(), 'dcgan-layer1');
    const layer2 = presetById('dcgan-generator');
    if (!layer2) throw new Error('preset missing');
    await user.click(screen.getByRole('button', { name: t('presets.next', { title: t(layer2.title) }) }));
    expect(useStore.getState().params.preset).toBe('dcgan-generator');
    expect(picker()).toHaveValue('dcgan-generator');
    await user.click(screen.getByRole('button', { name: /^Next layer: / }));
    expect(useStore.getState().params.preset).toBe('dcgan-layer3');
    expect(useStore.getState().params.in).toEqual([14, 14]);
    expect(screen.queryByRole('button', { name: /^Next layer: / })).toBeNull();
  });
});
