import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './scripts/preview.mjs';

// A free port, chosen once: Playwright evaluates this file again in every worker process, and
// the workers inherit the environment, so they all find the runner's choice in E2E_PORT.
process.env.E2E_PORT ??= execFileSync(process.execPath, ['scripts/free-port.mjs'], { encoding: 'utf8' }).trim();
const port = process.env.E2E_PORT;
const baseURL = `http://127.0.0.1:${port}/`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // CI shares its two cores with other work (load 20 was seen): a test waits for conditions,
  // never for a time, so generous ceilings only make a slow machine pass, never a wrong page.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] },
    viewport: { width: 1280, height: 800 },
  },
  webServer: {
    command: `./node_modules/.bin/vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
