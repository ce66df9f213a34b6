/**
 * The page's shortcuts: Space plays/pauses the active view, ←/→ step, Home/End jump, `?` opens
 * the keyboard help, F starts or leaves presentation mode and Esc leaves it (standalone page).
 * Ignored while typing in a field (and grids keep arrows for their cells, dialogs their keys).
 */
import { useEffect } from 'react';
import { activeView, useStore } from '../store';
import { selectStepCount } from '../store/plans';

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

export function useKeyboard(): void {
  useEffect(() => {
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
      const view = activeView(s.params);
      // The count comes from the view's plans module (registered when it loads), so the
      // keyboard does not pull every operation's plans into the first page.
      const count = selectStepCount(s, view);
      if (count === 0) return;
      const at = Math.min(s.steps[view], count - 1);
      const to: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: count - 1 };
      if (e.key in to) {
        e.preventDefault();
        s.setStep(view, Math.max(0, Math.min(count - 1, to[e.key])));
      } else if (e.key === ' ' && !(target && target.closest('button'))) {
        e.preventDefault();
        s.setPlaying(s.playing === view ? null : view);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
