/** The oracle suite: generated scripts run by real PyTorch (see test/oracle/). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['test/oracle/**/*.oracle.ts'], environment: 'node' },
});
