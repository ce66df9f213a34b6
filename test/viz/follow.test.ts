import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { followScroll } from '../../src/viz/follow';

const span = (left: number, width: number) => ({ left, width, right: left + width });

test.prop([fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: 100, max: 800 }), fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: 10, max: 90 })])(
  'a cell showing whole needs no scroll; one cut off is centred once the box scrolls by the answer',
  (boxLeft, boxWidth, cellLeft, cellWidth) => {
    const box = span(boxLeft, boxWidth);
    const cell = span(cellLeft, cellWidth);
    const by = followScroll(cell, box);
    const whole = cell.left >= box.left && cell.right <= box.right;
    if (whole) expect(by).toBe(0);
    else {
      // Scrolling by `by` moves the cell left by `by`: equal room on both sides.
      const moved = span(cell.left - by, cell.width);
      expect(moved.left - box.left).toBeCloseTo(box.right - moved.right, 9);
    }
  },
);
