/**
 * The value colours are safe to read: black digits (the page's ink) on every colour of the
 * ramp meet WCAG AA (4.5:1), and negative and positive values differ in lightness-independent
 * hue families a colour-blind reader tells apart (blue vs orange, not red vs green). The
 * contrast is computed here from the WCAG 2 formulas, independently of the page.
 */
import { describe, expect, it } from 'vitest';
import { valueColor } from '../../src/viz/color';

/** hsl(h s% l%) → [r, g, b] in 0…1 (CSS Color 4's conversion). */
function hslToRgb(text: string): [number, number, number] {
  const m = /^hsl\((\d+(?:\.\d+)?) (\d+(?:\.\d+)?)% (\d+(?:\.\d+)?)%\)$/.exec(text);
  if (!m) throw new Error(`not an hsl() colour: ${text}`);
  const [h, s, l] = [Number(m[1]), Number(m[2]) / 100, Number(m[3]) / 100];
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0), f(8), f(4)];
}

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]: readonly number[]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
const contrast = (a: readonly number[], b: readonly number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
/** The page's ink, #1b2233 (styles.css --ink). */
const INK = [0x1b / 255, 0x22 / 255, 0x33 / 255];

describe('valueColor', () => {
  it('keeps the ink’s digits at WCAG AA contrast (≥ 4.5:1) on every value of the ramp', () => {
    const color = valueColor(10);
    const worst = Math.min(...Array.from({ length: 41 }, (_, i) => contrast(INK, hslToRgb(color(i - 20)))));
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('gives negative and positive values a blue and an orange (a pair colour-blind readers tell apart), never red against green', () => {
    const color = valueColor(4);
    const hue = (v: number) => Number(/^hsl\((\d+)/.exec(color(v))?.[1]);
    expect(hue(-4)).toBeGreaterThanOrEqual(190);
    expect(hue(-4)).toBeLessThanOrEqual(250);
    expect(hue(4)).toBeGreaterThanOrEqual(20);
    expect(hue(4)).toBeLessThanOrEqual(45);
  });
});
