/** Shared end-to-end helpers: read an ARIA grid's numbers, collect console errors, save screenshots, serve the build elsewhere. */
import { expect, test, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { freePort } from '../../scripts/free-port.mjs';

/** The numbers of the grid named `name` (exact accessible name), row by row, as the page (or a frame in it) shows them. */
export async function readGrid(page: Page | Frame | FrameLocator, name: string): Promise<number[][]> {
  const grid = page.getByRole('grid', { name, exact: true });
  await expect(grid).toBeVisible();
  return grid.getByRole('row').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('[role="gridcell"]')).map((cell) => {
      const text = (cell.firstChild?.textContent ?? '').trim();
      return text === '' ? NaN : Number(text);
    })),
  );
}

/** Whether the grid named `name` is drawn on a canvas (a large grid: its one rendered cell is the focused one). */
export async function isCanvasGrid(page: Page, name: string): Promise<boolean> {
  const grid = page.getByRole('grid', { name, exact: true }).first();
  await expect(grid).toBeVisible();
  return (await grid.locator('canvas').count()) > 0;
}

/**
 * The text of cell (r, c) of a canvas grid, read as a keyboard or screen-reader user reads it:
 * its focused cell (aria-rowindex / aria-colindex) moved there with the arrow keys.
 */
export async function readCanvasCell(page: Page, name: string, r: number, c: number): Promise<string> {
  const grid = page.getByRole('grid', { name, exact: true }).first();
  const cell = grid.getByRole('gridcell');
  await cell.focus();
  const row = Number(await grid.getByRole('row').getAttribute('aria-rowindex')) - 1;
  const col = Number(await cell.getAttribute('aria-colindex')) - 1;
  const cols = Number(await grid.getAttribute('aria-colcount'));
  for (let i = row; i < r; i++) await page.keyboard.press('ArrowDown');
  for (let i = row; i > r; i--) await page.keyboard.press('ArrowUp');
  // Home and End reach the row's ends in one key.
  const from = c === 0 && col > 1 ? (await page.keyboard.press('Home'), 0) : c === cols - 1 && col < cols - 2 ? (await page.keyboard.press('End'), cols - 1) : col;
  for (let i = from; i < c; i++) await page.keyboard.press('ArrowRight');
  for (let i = from; i > c; i--) await page.keyboard.press('ArrowLeft');
  await expect(grid.getByRole('row')).toHaveAttribute('aria-rowindex', String(r + 1));
  await expect(cell).toHaveAttribute('aria-colindex', String(c + 1));
  return ((await cell.textContent()) ?? '').trim();
}

/** A grid's size, [rows, columns], for both kinds: a canvas grid says it in aria-rowcount / aria-colcount. */
export async function gridSize(page: Page, name: string): Promise<[number, number]> {
  const grid = page.getByRole('grid', { name, exact: true }).first();
  if (await isCanvasGrid(page, name)) return [Number(await grid.getAttribute('aria-rowcount')), Number(await grid.getAttribute('aria-colcount'))];
  const rows = await readGrid(page, name);
  return [rows.length, rows[0]?.length ?? 0];
}

/**
 * Expects grid `name` to hold `rows` (a big grid may take a moment to redraw after End). A grid
 * drawn on a canvas is read through its focused cell, at its corners and along a diagonal.
 */
export async function expectGrid(page: Page, name: string, rows: number[][], timeout = 20_000): Promise<void> {
  if (await isCanvasGrid(page, name)) {
    test.setTimeout(240_000);
    await expect.poll(() => gridSize(page, name), { message: name, timeout }).toEqual([rows.length, rows[0].length]);
    const [h, w] = [rows.length, rows[0].length];
    const q = (n: number, i: number) => Math.floor((i * n) / 4) + 1;
    const cells = [[0, 0], [0, w - 1], [q(h, 1), q(w, 1)], [q(h, 2), q(w, 2)], [q(h, 3), q(w, 3)], [h - 1, 0], [h - 1, w - 1]];
    for (const [r, c] of cells.filter(([r, c]) => r < h && c < w)) {
      expect(Number(await readCanvasCell(page, name, r, c)), `${name} (${r}, ${c})`).toBe(rows[r][c]);
    }
    return;
  }
  await expect.poll(() => readGrid(page, name), { message: name, timeout }).toEqual(rows);
}

/** Outer product u·vᵀ, the expected picture of a transposed conv of ones. */
export function outer(u: number[], v: number[]): number[][] {
  return u.map((a) => v.map((b) => a * b));
}

/** Fails the test on any console error or uncaught exception on `page`. */
export function watchConsole(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { errors };
}

/** Saves a full-page screenshot under test-results/screens/ (look at them). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Opens the app at `query` and waits until the engine's first picture is drawn. */
export async function open(page: Page, query: string): Promise<void> {
  await page.goto(query);
  await expect(page.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.txt': 'text/plain', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/**
 * dist/ served by a bare static server on a free port of 127.0.0.1 (another origin than the
 * preview server's, and none of its headers); `rewrite` may change a file as it is served.
 */
export async function serveDist(rewrite?: (path: string, body: Buffer) => Buffer | string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html');
    try {
      const body = await readFile(join('dist', path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(rewrite ? rewrite(path, body) : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
