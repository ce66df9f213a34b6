/**
 * The page's shortcuts: Space plays/pauses the active view, ←/→ step, Home/End jump, `?` opens
 * the keyboard help, F starts or leaves presentation mode and Esc leaves it (standalone page).
 * Ignored while typing in a field (and grids keep arrows for their cells, dialogs their keys).
 */
import { useEffect } from 'react';
import { activeView, useStore, type State } from '../store';
import { selectStepCount, subscribeStepCounts } from '../store/plans';
import { isStepKey, keyStep, type StepKey, type ViewId } from '../store/playbackSlice';

/**
 * Moves the focus to the picture (the page's main region) without scrolling: after a choice made
 * in a control that keeps the arrow keys (a select, a radio group), ←/→ step the animation again.
 */
export function focusPicture(): void {
  document.getElementById('picture')?.focus({ preventScroll: true });
}

/** Whether a key pressed on `target` belongs to the element (typing, a grid's cells, a dialog). */
function ownsKeys(target: HTMLElement | null): boolean {
  return !!target && (!!target.closest('input, select, textarea, [role="grid"], dialog') || target.isContentEditable);
}

/** Keys kept while the active view is not ready, at most this many (a held key repeats). */
const MAX_KEPT = 16;

/** A step key or Space, pressed for `view`. */
interface KeptKey {
  readonly view: ViewId;
  readonly key: StepKey | ' ';
}

/**
 * Whether the active view can take a key now: its step count is known (its plans module loaded,
 * its picture there) and no new picture is on its way (a just-chosen operation or example still
 * shows the previous one, whose steps are not the ones the learner chose).
 */
function ready(s: State, view: ViewId): number {
  return s.pending ? 0 : selectStepCount(s, view);
}

/** Applies a step key or Space to `view`, which has `count` (≥ 1) steps. */
function apply(s: State, view: ViewId, key: StepKey | ' ', count: number): void {
  if (key === ' ') s.setPlaying(s.playing === view ? null : view);
  else s.setStep(view, keyStep(key, s.steps[view], count));
}

export function useKeyboard(): void {
  useEffect(() => {
    // Keys pressed while the active view was not ready (just chosen, still loading): played
    // back in order once it is, for the view they were pressed for.
    let kept: KeptKey[] = [];
    const drain = () => {
      if (kept.length === 0) return;
      const s = useStore.getState();
      const view = activeView(s.params);
      if (s.params.op === 'image') kept = [];
      kept = kept.filter((k) => k.view === view);
      const count = ready(s, view);
      if (count === 0 || kept.length === 0) return;
      const keys = kept;
      kept = [];
      for (const k of keys) apply(useStore.getState(), view, k.key, count);
    };
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (ownsKeys(target)) return;
      const s = useStore.getState();
      const standalone = s.page.embed !== true;
      if (e.key === '?') {
        e.preventDefault();
        s.setHelp(true);
        return;
      }
      if (standalone && (e.key === 'f' || e.key === 'F')) {
        e.preventDefault();
        s.setPage({ present: s.page.present === true ? null : true });
        return;
      }
      if (standalone && e.key === 'Escape' && s.page.present === true) {
        e.preventDefault();
        s.setPage({ present: null });
        return;
      }
      // Image mode has no steps (its canvases take their own keys).
      if (s.params.op === 'image') return;
      const key = isStepKey(e.key) ? e.key : e.key === ' ' && !(target && target.closest('button')) ? ' ' : null;
      if (key === null) return;
      e.preventDefault();
      const view = activeView(s.params);
      // The count comes from the view's plans module (registered when it loads), so the
      // keyboard does not pull every operation's plans into the first page.
      const count = ready(s, view);
      if (count === 0 || kept.length > 0) {
        if (kept.length < MAX_KEPT) kept.push({ view, key });
        drain();
        return;
      }
      apply(s, view, key, count);
    };
    document.addEventListener('keydown', onKey);
    const unsubscribe = [useStore.subscribe(drain), subscribeStepCounts(drain)];
    return () => {
      document.removeEventListener('keydown', onKey);
      for (const u of unsubscribe) u();
    };
  }, []);
}
