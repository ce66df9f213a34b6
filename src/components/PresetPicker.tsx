/**
 * "Worked examples": a native select that opens a preset as if its link had been followed
 * (loadQuery('?preset=id'), so a preset and its link cannot differ), and, while the picture is
 * still the example's, its title and source as a caption. Changing any number clears the
 * preset (the store does), so the caption never names numbers that are no longer the source's.
 * The examples' titles and the caption are a chunk of their own (PresetList), asked for when the
 * learner comes near the picker (pointer, touch or focus) or the address names an example, so the
 * first page loads only the picker's label.
 */
import { useEffect, useId, useState } from 'react';
import { t } from '../i18n';
import { loadQuery, useStore } from '../store';
import { focusPicture } from './useKeyboard';

type PresetListModule = typeof import('./PresetList');

let loaded: PresetListModule | null = null;
let loading: Promise<PresetListModule> | null = null;

/** Loads the examples' list and words (once). */
export function loadPresetList(): Promise<PresetListModule> {
  loading ??= import('./PresetList').then((m) => (loaded = m));
  return loading;
}

/** Opens the worked example `id` (its URL, its step 0). */
export function openPreset(id: string): void {
  loadQuery(`?preset=${encodeURIComponent(id)}`);
}

export function PresetPicker() {
  const selectId = useId();
  const captionId = useId();
  const [list, setList] = useState<PresetListModule | null>(loaded);
  const presetId = useStore((s) => s.params.preset);
  // The examples (their titles and queries) come with the list's chunk.
  const preset = list ? list.presetById(presetId) : null;
  const want = () => {
    if (!list) void loadPresetList().then(setList);
  };
  useEffect(() => {
    if (!list && presetId) void loadPresetList().then(setList);
  }, [list, presetId]);
  return (
    <div className="preset-picker" onPointerEnter={want} onPointerDown={want} onTouchStart={want} onFocus={want}>
      <label className="preset-picker__label" htmlFor={selectId}>{t('presets.label')}</label>
      <select
        id={selectId}
        className="preset-picker__select"
        value={preset?.id ?? ''}
        aria-describedby={preset ? captionId : undefined}
        onChange={(e) => {
          if (e.target.value === '') return;
          openPreset(e.target.value);
          // A select keeps ←/→ for itself (they would open the next example): after the choice they step the animation.
          focusPicture();
        }}
      >
        <option value="">{t('presets.choose')}</option>
        {list ? <list.PresetOptions /> : null}
      </select>
      <div className="preset-picker__live" aria-live="polite">
        {preset && list ? <list.PresetCaption id={captionId} preset={preset} onOpen={openPreset} /> : null}
      </div>
    </div>
  );
}
