/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { firstPageChunk } from './src/build/firstPageChunk.js';
import { precache } from './src/offline/precachePlugin.js';
import { contentSecurityPolicy, PREVIEW_HEADERS } from './src/security/csp.js';

export default defineConfig({
  plugins: [react(), precache(), contentSecurityPolicy(), firstPageChunk()],
  base: './',
  // The preview server sends the policy (with frame-ancestors, which the page's <meta> cannot carry) and lets a sandboxed iframe load the modules.
  preview: { headers: { ...PREVIEW_HEADERS } },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // Component and property tests are slow on a busy 2-core machine; they are not timed tests.
    testTimeout: 30_000,
  },
});
