import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@shenbao/contracts': path.resolve(import.meta.dirname, 'packages/contracts/src/index.ts'),
      '@shenbao/rules': path.resolve(import.meta.dirname, 'packages/rules/src/index.ts'),
    },
  },
  test: {
    include: ['apps/server/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'programs/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['apps/server/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
