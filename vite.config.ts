/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precache } from './src/offline/precachePlugin.js';

export default defineConfig({
  plugins: [react(), precache()],
  base: './',
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // Component and property tests are slow on a busy 2-core machine; they are not timed tests.
    testTimeout: 30_000,
  },
});
