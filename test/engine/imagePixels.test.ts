/** Reading one pixel of a picture's planes: its values per channel ([C, H, W]) and its drawn RGB bytes. */
import { expect, it } from 'vitest';
import { pixelRgb, pixelValues, type ImagePlanes } from '../../src/engine';

it('pixelValues reads channel c at (r, col) as values[c·H·W + r·W + col]; pixelRgb the RGBA bytes at 4·(r·W + col)', () => {
  // A 2×3 picture with 3 channels: channel c, row r, column col holds 100·c + 10·r + col.
  const [h, w] = [2, 3];
  const values = Float64Array.from({ length: 3 * h * w }, (_, i) => {
    const c = Math.floor(i / (h * w));
    const r = Math.floor((i % (h * w)) / w);
    return 100 * c + 10 * r + (i % w);
  });
  const rgba = Uint8ClampedArray.from({ length: 4 * h * w }, (_, i) => i);
  const image: ImagePlanes = { width: w, height: h, channels: 3, values, rgba, offset: 0, min: 0, max: 212 };
  expect(pixelValues(image, 1, 2)).toEqual([12, 112, 212]);
  expect(pixelValues(image, 0, 1)).toEqual([1, 101, 201]);
  expect(pixelRgb(image, 1, 2)).toEqual([20, 21, 22]);
  expect(pixelValues({ ...image, channels: 1 }, 1, 0)).toEqual([10]);
});
