/** Shared end-to-end helpers: read an ARIA grid's numbers, collect console errors, save screenshots. */
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** The numbers of the grid named `name` (exact accessible name), row by row, as the page shows them. */
export async function readGrid(page: Page, name: string): Promise<number[][]> {
  const grid = page.getByRole('grid', { name, exact: true });
  await expect(grid).toBeVisible();
  return grid.getByRole('row').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('[role="gridcell"]')).map((cell) => {
      const text = (cell.firstChild?.textContent ?? '').trim();
      return text === '' ? NaN : Number(text);
    })),
  );
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
