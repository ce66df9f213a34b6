/**
 * The learner's choices (mirrored in the URL), the text of fields that do not parse yet, and
 * the notices about URL values that were ignored. Params change through one action, `change`,
 * which applies the rules of transitions.ts: nothing else writes them.
 */
import type { StateCreator } from 'zustand';
import { activeView } from './playbackSlice';
import { applyChange } from './transitions';
import { DEFAULTS, PAGE_DEFAULTS, type HW, type PageKeys, type ParamKey, type Params, type UrlNotice } from './urlParams';
import type { State } from './index';

/** A form field: a key, or one axis of an H×W key (`in.0` is the input height). */
export type FieldId = ParamKey | `${ParamKey}.${0 | 1}`;

/** The params held as height × width (each a size field, whose message key is `field.<key>`). */
export type SizeKey = 'in' | 'k' | 's' | 'p' | 'd' | 'a';

/**
 * The patch that sets one axis of the size `field` to `n`, the other axis as it is (`p` named
 * SAME/VALID, TensorFlow's, starts from 0 × 0: its numeric field is not shown then).
 */
export function axisPatch(params: Params, field: SizeKey, axis: 0 | 1, n: number): Partial<Params> {
  const current = params[field];
  const base: HW = typeof current === 'string' ? [0, 0] : current;
  const patch: { readonly [K in SizeKey]?: HW } = { [field]: axis === 0 ? [n, base[1]] : [base[0], n] };
  return patch;
}

export interface ParamsSlice {
  readonly params: Params;
  /** The page's own keys (the language): not part of the picture, kept when a preset opens. */
  readonly page: PageKeys;
  readonly notices: readonly UrlNotice[];
  /** Text typed into a field that is not a valid value (yet); kept so nothing typed is lost. */
  readonly drafts: Readonly<Partial<Record<FieldId, string>>>;
  /**
   * The one way params change, whoever changes them (a field, a view's button, a worked
   * example, the address): `patch` through the rules of transitions.ts (values follow sizes and
   * channels, a switch of semantics resets what no longer applies, a changed number un-names
   * the worked example, drafts that no longer belong to a field go). A `step` in the patch is
   * the step of the active view. A whole Params object replaces params as it is.
   */
  change(patch: Partial<Params>): void;
  /** Names page keys (the language switch); the picture stays as it is. */
  setPage(patch: Partial<PageKeys>): void;
  /** Remembers (text) or forgets (null) a field's unparsed text. */
  setDraft(field: FieldId, text: string | null): void;
  /** Forgets one notice (the learner dismissed it). */
  dismissNotice(notice: UrlNotice): void;
}

export const createParamsSlice: StateCreator<State, [], [], ParamsSlice> = (set) => ({
  params: DEFAULTS,
  page: PAGE_DEFAULTS,
  notices: [],
  drafts: {},
  change: (patch) =>
    set((s) => {
      const { params, clearDrafts } = applyChange(s.params, patch);
      const drafts = { ...s.drafts };
      for (const field of clearDrafts) delete drafts[field];
      const steps = patch.step === undefined ? s.steps : { ...s.steps, [activeView(params)]: patch.step };
      return { params, drafts, steps };
    }),
  setPage: (patch) => set((s) => ({ page: { ...s.page, ...patch } })),
  setDraft: (field, text) =>
    set((s) => {
      const drafts = { ...s.drafts };
      if (text === null) delete drafts[field];
      else drafts[field] = text;
      return { drafts };
    }),
  dismissNotice: (notice) => set((s) => ({ notices: s.notices.filter((n) => n !== notice) })),
});
