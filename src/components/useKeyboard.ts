/**
 * The animation's shortcuts on the whole page: Space plays/pauses the active view, ←/→ step,
 * Home/End jump. Ignored while typing in a field (and grids keep arrows for their cells).
 */
import { useEffect } from 'react';
import { activeView, useStore } from '../store';
import { selectStepCount } from '../store/plans';

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (target && (target.closest('input, select, textarea, [role="grid"]') || target.isContentEditable)) return;
      const s = useStore.getState();
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
