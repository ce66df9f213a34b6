/**
 * Plays a view's animation with the clock, once per frame at most (requestAnimationFrame): a late
 * frame shows the step the clock has reached rather than queueing the ones it missed. A step
 * taken meanwhile (a key, the scrubber) restarts the clock from there. Stops at the last step.
 * Loaded by the transport when an animation first plays.
 */
import { useStore } from './index';
import { playbackStep } from './playbackClock';
import type { ViewId } from './playbackSlice';

/** Plays `view`'s animation of `count` steps at `speed` steps per second; returns the stop function. */
export function play(view: ViewId, count: number, speed: number): () => void {
  // The clock: the step it started from and when; `shown` is the step it last set.
  let origin = Math.min(useStore.getState().steps[view], count - 1);
  let start = performance.now();
  let shown = origin;
  let frame = 0;
  const tick = (now: number) => {
    const s = useStore.getState();
    const at = Math.min(s.steps[view], count - 1);
    if (at !== shown) {
      // Someone else moved the animation (a key, the scrubber): go on from where it stands.
      origin = shown = at;
      start = now;
    }
    const { step, done } = playbackStep(origin, now - start, speed, count);
    if (done) {
      s.setPlaying(null);
      return;
    }
    if (step !== shown) {
      shown = step;
      s.setStep(view, step);
    }
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(frame);
}
