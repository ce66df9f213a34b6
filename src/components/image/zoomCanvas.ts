/**
 * d3-zoom on one image-mode canvas (wheel, pinch, drag), loaded apart from image mode's chunk:
 * the pictures' first paint does not wait for d3 (the keys zoom without it), and the gestures
 * join as soon as it is in, long before a job's pictures are drawn.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import { MAX_ZOOM, type ZoomTransform } from '../../viz/imageView';

/** A canvas's zoom: `sync` sets d3's record to the shared transform (without reporting it back), `detach` ends it. */
export interface CanvasZoom {
  readonly sync: (t: ZoomTransform) => void;
  readonly detach: () => void;
}

/**
 * Zoom on `el` within the box `extent()` gives (the size the ResizeObserver last saw: d3's own
 * reading of it would force a layout mid-change); the learner's gestures report the new
 * transform to `onGesture`.
 */
export function attachZoom(el: HTMLCanvasElement, extent: () => [number, number], onGesture: (t: ZoomTransform) => void): CanvasZoom {
  const z = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([1, MAX_ZOOM])
    .extent(() => [[0, 0], extent()])
    // One finger scrolls the page (a phone's pictures fill the screen); two pinch and move.
    .filter((e: MouseEvent | TouchEvent | WheelEvent) =>
      e.type === 'touchstart' ? (e as TouchEvent).touches.length > 1 : (!e.ctrlKey || e.type === 'wheel') && !(e as MouseEvent).button)
    .on('zoom', (e: { transform: ZoomTransform; sourceEvent: unknown }) => {
      if (e.sourceEvent) onGesture({ k: e.transform.k, x: e.transform.x, y: e.transform.y });
    });
  select(el).call(z).on('dblclick.zoom', null);
  return {
    sync: (t) => select(el).call(z.transform, zoomIdentity.translate(t.x, t.y).scale(t.k)),
    detach: () => select(el).on('.zoom', null),
  };
}
