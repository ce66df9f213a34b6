/**
 * The clock of a playing animation (a pure function, loaded with the player when an animation
 * first plays: store/player.ts).
 */

/**
 * Where a playing animation should stand `elapsed` ms after it left step `from` at `speed` steps
 * per second: the step the clock has reached (not one step per timer tick, so a late frame
 * skips ahead instead of queueing work), and whether it is over (it rested a step's time on the
 * last one).
 */
export function playbackStep(from: number, elapsed: number, speed: number, count: number): { readonly step: number; readonly done: boolean } {
  const reached = from + Math.floor((Math.max(0, elapsed) * speed) / 1000);
  return { step: Math.max(0, Math.min(count - 1, reached)), done: reached > count - 1 };
}
