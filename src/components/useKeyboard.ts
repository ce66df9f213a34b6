/**
 * The page's shortcuts: Space plays/pauses the active view, ←/→ step, Home/End jump, `?` opens
 * the keyboard help, F starts or leaves presentation mode and Esc leaves it (standalone page).
 * Ignored while typing in a field (and grids keep arrows for their cells, dialogs their keys).
 */
import { useEffect } from 'react';
import { activeView, useStore } from '../store';
import { selectStepCount, subscribeStepCounts } from '../store/plans';
import { isStepKey, keyStep, type ViewId } from '../store/playbackSlice';

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

export function useKeyboard(): void {
  useEffect(() => {
    // Step keys and Space pressed while the active view was not ready (just chosen: its plans
    // module or its picture still on the way, whose steps are not the previous picture's): played
    // back in order once it is, for the view they were pressed for (the others are dropped).
    let kept: [ViewId, string][] = [];
    // Takes the key now if the view can; false if not.
    const take = (key: string): boolean => {
      const s = useStore.getState();
      const view = activeView(s.params);
      const count = s.pending ? 0 : selectStepCount(s, view);
      if (count === 0) return false;
      if (key === ' ') s.setPlaying(s.playing === view ? null : view);
      else s.setStep(view, keyStep(key, s.steps[view], count));
      return true;
    };
    const drain = () => {
      if (kept.length === 0) return; // every change of the store calls this: nothing to do is the usual case
      const view = activeView(useStore.getState().params);
      kept = kept.filter((k) => k[0] === view);
      for (let next = kept.shift(); next; next = kept.shift()) {
        if (!take(next[1])) {
          kept.unshift(next);
          return;
        }
      }
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
      if (s.params.op === 'image' || !(isStepKey(e.key) || (e.key === ' ' && !target?.closest('button')))) return;
      e.preventDefault();
      // The count comes from the view's plans module (registered when it loads), so the
      // keyboard does not pull every operation's plans into the first page.
      if (kept.length === 0 && take(e.key)) return;
      if (kept.length < MAX_KEPT) kept.push([activeView(s.params), e.key]);
    };
    document.addEventListener('keydown', onKey);
    const unsubscribe = [useStore.subscribe(drain), subscribeStepCounts(drain)];
    return () => {
      document.removeEventListener('keydown', onKey);
      unsubscribe.forEach((u) => u());
    };
  }, []);
}
