/**
 * The export's scene builder (src/export/frame.ts + scene.ts): the cells and values of an
 * exported frame come from the plan and the engine's numbers, as the views show them. Expected
 * numbers are computed here from the definitions (a plain convolution, a plain transposed
 * convolution, a plain max unpooling written as loops), or are a worked example whose source
 * the test names; never read back from the code under test.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogue, setLanguage } from '../../src/i18n';
import { zh } from '../../src/i18n/zh';
import { useStore } from '../../src/store';
import { formatValue } from '../../src/viz/format';
import { currentStep, frameAt } from '../../src/export/frame';
import { layoutFrame, paintScene, type Scene, type SceneGrid } from '../../src/export/scene';
import { DEFAULT_PALETTE, readPalette } from '../../src/viz/palette';
import { showFrames } from './showFrames';

const initial = useStore.getInitialState();
beforeEach(() => {
  useStore.setState(initial, true);
  setLanguage('en');
});


function grid(scene: Scene, name: string): SceneGrid {
  const g = scene.grids.find((candidate) => candidate.name === name);
  if (!g) throw new Error(`no grid ${name} among ${scene.grids.map((c) => c.name).join(', ')}`);
  return g;
}

/** The grid's texts row by row ('' for a blank cell). */
const texts = (g: SceneGrid): string[][] => Array.from({ length: g.rows }, (_, r) => g.cells.slice(r * g.cols, (r + 1) * g.cols).map((c) => c.text));

/** Plain cross-correlation (PyTorch's conv2d), one channel, stride s, zero padding p: loops from the definition. */
function conv2d(x: readonly number[], n: number, w: readonly number[], k: number, s: number, p: number): number[][] {
  const o = Math.floor((n + 2 * p - k) / s) + 1;
  const at = (r: number, c: number) => (r < 0 || r >= n || c < 0 || c >= n ? 0 : x[r * n + c]);
  return Array.from({ length: o }, (_, oy) => Array.from({ length: o }, (_, ox) => {
    let sum = 0;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sum += at(oy * s - p + i, ox * s - p + j) * w[i * k + j];
    return sum;
  }));
}

/** Plain transposed convolution: each input cell stamps x·w at (s·i − p, s·j − p); output (n − 1)s − 2p + k. */
function convT2d(x: readonly number[], n: number, w: readonly number[], k: number, s: number, p: number): number[][] {
  const o = (n - 1) * s - 2 * p + k;
  const out = Array.from({ length: o }, () => Array.from({ length: o }, () => 0));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
    const r = i * s - p + a;
    const c = j * s - p + b;
    if (r >= 0 && r < o && c >= 0 && c < o) out[r][c] += x[i * n + j] * w[a * k + b];
  }
  return out;
}

const formatted = (rows: number[][]): string[][] => rows.map((row) => row.map(formatValue));

describe('frames of the convolution', () => {
  it('the last frame’s output is the convolution of the values on screen (loops written here), every cell filled', () => {
    const { source, x, w } = showFrames('?in=5&k=3&s=1&p=0&vals=int&seed=3');
    expect(source.count).toBe(9);
    const scene = paintScene(frameAt(source, 8), 'en');
    expect(texts(grid(scene, 'Output'))).toEqual(formatted(conv2d(x, 5, w, 3, 1, 0)));
    expect(texts(grid(scene, 'Input'))).toEqual(formatted(Array.from({ length: 5 }, (_, r) => x.slice(r * 5, r * 5 + 5) as number[])));
    expect(texts(grid(scene, 'Kernel'))).toEqual(formatted(Array.from({ length: 3 }, (_, r) => w.slice(r * 3, r * 3 + 3) as number[])));
  });

  it('step 4 of a padded stride-2 convolution: the output so far, the rest blank; the window on the padded input; the active cell marked', () => {
    const { source, x, w } = showFrames('?in=6&k=3&s=2&p=1&vals=int&seed=5');
    const expected = conv2d(x, 6, w, 3, 2, 1);
    const scene = paintScene(frameAt(source, 4), 'en', DEFAULT_PALETTE);
    const out = grid(scene, 'Output');
    const cols = expected[0].length;
    out.cells.forEach((cell) => {
      const j = cell.row * cols + cell.col;
      expect(cell.text).toBe(j <= 4 ? formatValue(expected[cell.row][cell.col]) : '');
      expect(cell.stroke?.color ?? null).toBe(j === 4 ? DEFAULT_PALETTE.active : null);
    });
    // Output cell 4 is (1, 1) of a 3-column output: its window starts at padded (2, 2).
    const input = grid(scene, 'Input');
    expect(input.rows).toBe(8);
    const windowed = input.cells.filter((c) => c.stroke?.color === DEFAULT_PALETTE.window).map((c) => [c.row, c.col]);
    expect(windowed).toEqual([[2, 2], [2, 3], [2, 4], [3, 2], [3, 3], [3, 4], [4, 2], [4, 3], [4, 4]]);
    // The padding ring is drawn with the page's padding colour and reads 0.
    const corner = input.cells[0];
    expect([corner.fill, corner.text]).toEqual([DEFAULT_PALETTE.pad, '0']);
    // The step's sum written out: nine products and the cell's value (the loops' value).
    const frame = frameAt(source, 4);
    const [lhs, rhs] = frame.equation.split(' = ');
    expect(lhs.split(' + ')).toHaveLength(9);
    expect(rhs).toBe(formatValue(expected[1][1]));
    expect(scene.texts.filter((tx) => tx.text === frame.equation)).toHaveLength(1);
  });

  it('frames follow the step on screen, and clamp to the animation', () => {
    const { source } = showFrames('?in=5&k=3&step=6');
    expect(currentStep(useStore.getState(), source)).toBe(6);
    expect(frameAt(source, 99).step).toBe(8);
    expect(frameAt(source, 6).position).toBe('Step 7 of 9');
  });
});

describe('frames of the transposed convolution', () => {
  it('scatter, last frame: the output is the transposed convolution (loops written here)', () => {
    const { source, x, w } = showFrames('?op=convT&in=3&k=3&s=2&p=1&vals=int&seed=2');
    expect(source.view).toBe('scatter');
    const scene = paintScene(frameAt(source, source.count - 1), 'en');
    expect(texts(grid(scene, 'Output'))).toEqual(formatted(convT2d(x, 3, w, 3, 2, 1)));
  });

  it('direct form, last frame: the direct output is the same transposed convolution', () => {
    const { source, x, w } = showFrames('?op=convT&in=3&k=3&s=2&p=1&vals=int&seed=2&view=direct');
    expect(source.view).toBe('direct');
    const scene = paintScene(frameAt(source, source.count - 1), 'en');
    expect(texts(grid(scene, 'Direct output'))).toEqual(formatted(convT2d(x, 3, w, 3, 2, 1)));
    // The first frame is the zero insertion: one grid, 5 × 5.
    const first = paintScene(frameAt(source, 0), 'en');
    expect(first.grids.map((g) => [g.name, g.rows, g.cols])).toEqual([['Zero-inserted input', 5, 5]]);
  });

  it('PyTorch nn.ConvTranspose2d worked example (preset torch-convT-2x2): [[1,0],[2,1]] ⊛ᵀ [[1,0,1],[0,1,1],[1,0,0]]', () => {
    const { source } = showFrames('?preset=torch-convT-2x2&view=scatter');
    const scene = paintScene(frameAt(source, source.count - 1), 'en');
    expect(texts(grid(scene, 'Output'))).toEqual(formatted([[1, 0, 1, 0], [2, 2, 3, 1], [1, 2, 3, 1], [2, 1, 0, 0]]));
  });
});

describe('frames of pooling and unpooling', () => {
  it('max pooling 2×2 stride 2 of 1…16, then unpooling: each maximum back where it was, zeros elsewhere (written here)', () => {
    const x = Array.from({ length: 16 }, (_, i) => i + 1);
    const { source } = showFrames(`?op=unpool&in=4&k=2&s=2&x=${x.join(',')}`);
    const last = paintScene(frameAt(source, source.count - 1), 'en');
    const expected = Array.from({ length: 4 }, (_, r) => Array.from({ length: 4 }, (_, c) => (r % 2 === 1 && c % 2 === 1 ? x[r * 4 + c] : 0)));
    expect(texts(grid(last, 'Output'))).toEqual(formatted(expected));
    expect(texts(grid(last, 'Pooled'))).toEqual(formatted([[6, 8], [14, 16]]));
  });
});

describe('the scene’s words and layout', () => {
  it('speaks the page’s language: grid captions and the title from the Chinese catalogue', async () => {
    const { source } = showFrames('?in=5&k=3');
    await loadCatalogue('zh');
    setLanguage('zh');
    const scene = paintScene(frameAt(source, 0), 'zh');
    expect(scene.lang).toBe('zh');
    expect(scene.texts[0].text).toBe(zh['view.conv']);
    expect(scene.grids.map((g) => g.name)).toEqual([zh['grid.input'], zh['grid.kernel'], zh['grid.output']]);
    expect(scene.texts.map((tx) => tx.text)).toContain(zh['transport.position'].replace('{i}', '1').replace('{n}', '9'));
  });

  it('grids never overlap and the picture holds them all, for every view (channels and dilation included)', () => {
    for (const query of ['?in=12&k=5&p=2&d=2&cin=2&cout=3', '?op=convT&in=4&k=3&s=2&cin=2&cout=2', '?op=convT&in=4&k=3&s=3&view=direct', '?op=unpool&in=6&k=3&s=2&cin=2', '?in=32&k=7']) {
      const { source } = showFrames(query);
      for (const at of [0, Math.floor(source.count / 2), source.count - 1]) {
        const scene = paintScene(frameAt(source, at), 'en');
        const boxes = scene.grids.map((g) => ({ x0: g.x, y0: g.y, x1: g.x + g.cols * g.cell, y1: g.y + g.rows * g.cell }));
        for (const b of boxes) {
          expect(b.x0).toBeGreaterThanOrEqual(0);
          expect(b.x1).toBeLessThanOrEqual(scene.width);
          expect(b.y1).toBeLessThanOrEqual(scene.height);
        }
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0, `${query} step ${at}: grids ${i} and ${j} overlap`).toBe(true);
        }
        // Painting places each frame where its layout said.
        expect(layoutFrame(frameAt(source, at)).width).toBe(scene.width);
      }
    }
  });

  it('takes the page’s colours when the page has them, styles.css’s otherwise', () => {
    const palette = readPalette((property) => (property === '--window' ? ' #123456 ' : ''));
    expect(palette.window).toBe('#123456');
    expect(palette.linked).toBe(DEFAULT_PALETTE.linked);
  });
});
