/**
 * Runs `run` after the page's next frame has been painted: a task queued from the frame's
 * animation callback runs once that frame is on screen. Work that must not delay a picture
 * (the address bar, a chunk the first paint does not need) waits for it. A hidden page paints
 * no frames: there it runs in the next task.
 */
export function afterPaint(run: () => void, win: Window = window): void {
  const next = () => setTimeout(run, 0);
  if (win.requestAnimationFrame && win.document.visibilityState !== 'hidden') win.requestAnimationFrame(next);
  else next();
}
