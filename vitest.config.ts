import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'contracts/**/*.test.ts', 'web/src/**/*.test.ts', 'eval/**/*.test.ts'],
    environment: 'node',
    // Builds the test databases' templates once per run (empty PGlite, demo data on PGlite and PostgreSQL).
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
