/**
 * "Worked examples": a native select that opens a preset as if its link had been followed
 * (loadQuery('?preset=id'), so a preset and its link cannot differ), and, while the picture is
 * still the example's, its title and source as a caption. Changing any number clears the
 * preset (the store does), so the caption never names numbers that are no longer the source's.
 * When the example itself is a configuration the engine refuses (tf-impossible-10x10), the
 * caption repeats the engine's sentence: on a first load there is no earlier picture to show.
 */
import { useId } from 'react';
import { errorText, t } from '../i18n';
import { loadQuery, selectValidated, useStore } from '../store';
import { PRESETS, presetById, presetGroup, type PresetGroup } from '../store/presets';
import { focusPicture } from './useKeyboard';

const GROUPS: readonly PresetGroup[] = ['tf', 'torch', 'formula', 'dcgan', 'guide'];

/** Opens the worked example `id` (its URL, its step 0). */
export function openPreset(id: string): void {
  loadQuery(`?preset=${encodeURIComponent(id)}`);
}

export function PresetPicker() {
  const selectId = useId();
  const captionId = useId();
  const preset = useStore((s) => presetById(s.params.preset));
  const refusal = useStore((s) => {
    const v = selectValidated(s);
    return v.ok ? null : errorText(v.error);
  });
  return (
    <div className="preset-picker">
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
        {GROUPS.map((g) => (
          <optgroup key={g} label={t(`presets.group.${g}`)}>
            {PRESETS.filter((p) => presetGroup(p.id) === g).map((p) => (
              <option key={p.id} value={p.id}>{t(p.title)}</option>
            ))}
          </optgroup>
        ))}
      </select>
      <div className="preset-picker__live" aria-live="polite">
        {preset ? (
          <p id={captionId} className="preset-picker__caption">
            <span className="preset-picker__title">{t(preset.title)}</span>{' '}
            <span className="preset-picker__source">{t('presets.from', { source: t(preset.source) })}</span>
            {refusal ? <span className="preset-picker__refused">{t('presets.refused', { message: refusal })}</span> : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}
