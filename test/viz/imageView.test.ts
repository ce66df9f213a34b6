/** Where pixels sit on an image-mode canvas, and the zoom's keyboard moves. */
import { describe, expect, it } from 'vitest';
import { CELL_NUMBERS_AT, drawnPlain, inkOn, pixelAt, pixelLayout, revealPixel, visibleCells, zoomAbout } from '../../src/viz/imageView';

describe('the pixel layout of a fitted, zoomed picture', () => {
  it('fits the whole picture, centred, at zoom 1', () => {
    expect(pixelLayout(400, 300, 200, 100, { k: 1, x: 0, y: 0 })).toEqual({ size: 2, left: 0, top: 50 });
    expect(pixelLayout(300, 300, 100, 50, { k: 1, x: 0, y: 0 })).toEqual({ size: 3, left: 0, top: 75 });
  });

  it('finds the pixel under a point at any zoom, and none outside the picture', () => {
    const t = { k: 4, x: -300, y: -100 };
    const layout = pixelLayout(400, 400, 100, 100, t);
    // Fitted, a pixel is 4 CSS pixels; zoomed 4×, 16; pixel (0, 0) starts at the translation.
    expect(layout).toEqual({ size: 16, left: -300, top: -100 });
    for (const [r, c] of [[0, 0], [30, 77], [99, 99]]) {
      expect(pixelAt(layout, 100, 100, -300 + (c + 0.5) * 16, -100 + (r + 0.5) * 16)).toEqual([r, c]);
    }
    expect(pixelAt(pixelLayout(400, 300, 200, 100, { k: 1, x: 0, y: 0 }), 200, 100, 10, 20)).toBeNull();
  });

  it('lists only the cells in view', () => {
    const layout = { size: 40, left: -85, top: 10 };
    expect(visibleCells(layout, 50, 50, 200, 100)).toEqual({ r0: 0, r1: 3, c0: 2, c1: 8 });
  });

  it('zooms about a point that stays where it is, within the limits', () => {
    const t = zoomAbout({ k: 2, x: -50, y: -20 }, 2, 100, 60);
    expect(t.k).toBe(4);
    // The content point under (100, 60) before is under it after.
    expect((100 - t.x) / t.k).toBeCloseTo((100 + 50) / 2, 12);
    expect((60 - t.y) / t.k).toBeCloseTo((60 + 20) / 2, 12);
    expect(zoomAbout({ k: 1, x: 0, y: 0 }, 0.5, 0, 0).k).toBe(1);
  });

  it('moves the view just enough to show the cursor pixel, and not at all when it shows', () => {
    const t = { k: 10, x: -1000, y: -1000 };
    const layout = pixelLayout(200, 200, 100, 100, t);
    expect(revealPixel(t, layout, 55, 55, 200, 200)).toBe(t);
    const moved = revealPixel(t, layout, 0, 55, 200, 200);
    expect(pixelLayout(200, 200, 100, 100, moved).top).toBe(0);
  });

  it('writes dark numbers on light pixels and light ones on dark pixels', () => {
    expect(inkOn(250, 250, 250)).toBe('dark');
    expect(inkOn(10, 20, 200)).toBe('light');
  });
});

describe('a plain picture (drawn at its own size, scaled by the browser)', () => {
  const fit = { k: 1, x: 0, y: 0 };
  it('is one shown whole, too small for numbers, without a cursor', () => {
    // 512 pixels in a 400-pixel box: 0.78 a pixel, far from the 30 at which values are written.
    expect(drawnPlain(fit, pixelLayout(400, 400, 512, 512, fit), false)).toBe(true);
  });

  it('is not one zoomed or moved, one with a cursor, or one whose cells are large enough for their values', () => {
    expect(drawnPlain({ k: 2, x: 0, y: 0 }, pixelLayout(400, 400, 512, 512, { k: 2, x: 0, y: 0 }), false)).toBe(false);
    expect(drawnPlain({ k: 1, x: -3, y: 0 }, pixelLayout(400, 400, 512, 512, { k: 1, x: -3, y: 0 }), false)).toBe(false);
    expect(drawnPlain(fit, pixelLayout(400, 400, 512, 512, fit), true)).toBe(false);
    // 12 pixels in a 400-pixel box: 33⅓ each, past CELL_NUMBERS_AT, so each holds its value even fitted.
    const big = pixelLayout(400, 400, 12, 12, fit);
    expect(big.size).toBeGreaterThanOrEqual(CELL_NUMBERS_AT);
    expect(drawnPlain(fit, big, false)).toBe(false);
  });
});
