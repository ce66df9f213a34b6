/**
 * The learner's choices (mirrored in the URL), the text of fields that do not parse yet, and
 * the notices about URL values that were ignored.
 */
import type { StateCreator } from 'zustand';
import { DEFAULTS, PAGE_DEFAULTS, type HW, type PageKeys, type ParamKey, type Params, type UrlNotice } from './urlParams';
import type { State } from './index';

/** A form field: a key, or one axis of an H×W key (`in.0` is the input height). */
export type FieldId = ParamKey | `${ParamKey}.${0 | 1}`;

export interface ParamsSlice {
  readonly params: Params;
  /** The page's own keys (the language): not part of the picture, kept when a preset opens. */
  readonly page: PageKeys;
  readonly notices: readonly UrlNotice[];
  /** Text typed into a field that is not a valid value (yet); kept so nothing typed is lost. */
  readonly drafts: Readonly<Partial<Record<FieldId, string>>>;
  /** Sets params; values sized by the input or kernel follow their size (top-left values kept). */
  setParams(patch: Partial<Params>): void;
  /** Names page keys (the language switch); the picture stays as it is. */
  setPage(patch: Partial<PageKeys>): void;
  /** Remembers (text) or forgets (null) a field's unparsed text. */
  setDraft(field: FieldId, text: string | null): void;
  /** Sets one input (`x`) or kernel (`w`) cell, starting from the values on screen. */
  setCell(grid: 'x' | 'w', index: number, value: number, current: readonly number[]): void;
  dismissNotices(): void;
}

/** Keeps the top-left values of `values` (h0×w0) in an h1×w1 grid, zeros elsewhere. */
export function resizeValues(values: readonly number[] | null, from: HW, to: HW): number[] | null {
  if (!values) return null;
  if (from[0] === to[0] && from[1] === to[1]) return [...values];
  const out: number[] = Array.from({ length: to[0] * to[1] }, () => 0);
  for (let r = 0; r < Math.min(from[0], to[0]); r++) {
    for (let c = 0; c < Math.min(from[1], to[1]); c++) out[r * to[1] + c] = values[r * from[1] + c];
  }
  return out;
}

export const createParamsSlice: StateCreator<State, [], [], ParamsSlice> = (set) => ({
  params: DEFAULTS,
  page: PAGE_DEFAULTS,
  notices: [],
  drafts: {},
  setParams: (patch) =>
    set((s) => {
      const next: Params = { ...s.params, ...patch };
      const refill = patch.vals !== undefined || patch.seed !== undefined;
      const x = 'x' in patch ? next.x : refill ? null : resizeValues(s.params.x, s.params.in, next.in);
      const w = 'w' in patch ? next.w : refill ? null : resizeValues(s.params.w, s.params.k, next.k);
      // A worked example stays named only while its numbers are unchanged.
      const keepsPreset = Object.keys(patch).every((k) => k === 'view' || k === 'panel' || k === 'step' || k === 'preset');
      return { params: { ...next, x, w, preset: keepsPreset ? next.preset : null } };
    }),
  setPage: (patch) => set((s) => ({ page: { ...s.page, ...patch } })),
  setDraft: (field, text) =>
    set((s) => {
      const drafts = { ...s.drafts };
      if (text === null) delete drafts[field];
      else drafts[field] = text;
      return { drafts };
    }),
  setCell: (grid, index, value, current) =>
    set((s) => {
      const values = [...(s.params[grid] ?? current)];
      values[index] = value;
      return { params: { ...s.params, [grid]: values, preset: null } };
    }),
  dismissNotices: () => set({ notices: [] }),
});
