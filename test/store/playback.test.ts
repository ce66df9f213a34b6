import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { playbackStep } from '../../src/store/playbackClock';
import { keyStep, SPEEDS } from '../../src/store/playbackSlice';

describe('playbackStep (the playing animation follows the clock)', () => {
  it('at 8 steps a second, 125 ms is one step: a late frame (400 ms) jumps to step 3 rather than showing step 1', () => {
    expect(playbackStep(0, 124, 8, 10)).toEqual({ step: 0, done: false });
    expect(playbackStep(0, 125, 8, 10)).toEqual({ step: 1, done: false });
    expect(playbackStep(0, 400, 8, 10)).toEqual({ step: 3, done: false });
  });

  it('rests a step’s time on the last step, then is over', () => {
    // 10 steps from step 7 at 2 steps a second: step 9 (the last) at 1000 ms, over at 1500 ms.
    expect(playbackStep(7, 1000, 2, 10)).toEqual({ step: 9, done: false });
    expect(playbackStep(7, 1499, 2, 10)).toEqual({ step: 9, done: false });
    expect(playbackStep(7, 1500, 2, 10)).toEqual({ step: 9, done: true });
  });

  test.prop([fc.integer({ min: 1, max: 5000 }), fc.nat(), fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(...SPEEDS)])(
    'the step is the start plus the whole steps the clock has run, within the animation; it never goes back as time passes',
    (count, start, elapsed, speed) => {
      const from = start % count;
      const now = playbackStep(from, elapsed, speed, count);
      const later = playbackStep(from, elapsed + 1000 / speed, speed, count);
      const whole = Math.floor((elapsed * speed) / 1000);
      expect(now.step).toBe(Math.min(count - 1, from + whole));
      expect(now.done).toBe(from + whole >= count);
      expect(later.step).toBeGreaterThanOrEqual(now.step);
      expect(later.done || !now.done).toBe(true);
    },
  );
});

describe('keyStep (the step keys)', () => {
  it('← and → move one step within the animation, Home and End go to its ends (9 steps: 0 … 8)', () => {
    expect(keyStep('ArrowRight', 3, 9)).toBe(4);
    expect(keyStep('ArrowLeft', 3, 9)).toBe(2);
    expect(keyStep('ArrowRight', 8, 9)).toBe(8);
    expect(keyStep('ArrowLeft', 0, 9)).toBe(0);
    expect(keyStep('Home', 5, 9)).toBe(0);
    expect(keyStep('End', 5, 9)).toBe(8);
    // A step beyond a smaller animation's end counts from its last step.
    expect(keyStep('ArrowLeft', 20, 9)).toBe(7);
  });
});
