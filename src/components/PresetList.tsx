/**
 * The worked examples' options (grouped by the tutorial they come from) and the caption of the
 * example on screen: its title, its source, the engine's refusal when the example is an
 * impossible choice, and, in a chain (the DCGAN generator's layers), a link to the next one.
 * Loaded by PresetPicker just after the first page, with the examples' English words.
 */
import { addMessages, errorText, t } from '../i18n';
import { enPresets } from '../i18n/en-presets';
import { selectValidated, useStore } from '../store';
import { PRESET_GROUPS, PRESETS, presetById, type Preset } from '../store/presets';

export { presetById };

addMessages(enPresets);

export function PresetOptions() {
  return (
    <>
      {PRESET_GROUPS.map((g) => (
        <optgroup key={g} label={t(`presets.group.${g}`)}>
          {PRESETS.filter((p) => p.group === g).map((p) => (
            <option key={p.id} value={p.id}>{t(p.title)}</option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

export function PresetCaption({ id, preset, onOpen }: { readonly id: string; readonly preset: Preset; readonly onOpen: (id: string) => void }) {
  const refusal = useStore((s) => {
    const v = selectValidated(s);
    return v.ok ? null : errorText(v.error);
  });
  const next = presetById(preset.next);
  return (
    <>
      <p id={id} className="preset-picker__caption">
        <span className="preset-picker__title">{t(preset.title)}</span>{' '}
        <span className="preset-picker__source">{t('presets.from', { source: t(preset.source) })}</span>
        {refusal ? <span className="preset-picker__refused">{t('presets.refused', { message: refusal })}</span> : null}
      </p>
      {next ? (
        <p className="preset-picker__next">
          <button type="button" className="preset-picker__next-button" onClick={() => onOpen(next.id)}>
            {t('presets.next', { title: t(next.title) })}
          </button>
        </p>
      ) : null}
    </>
  );
}
