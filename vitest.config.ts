import { defineConfig } from 'vitest/config';

// Four suites: unit (pure code, no services), workflow (the procedures on a
// local Temporal dev server with in-memory activities), integration (real Temporal,
// Postgres and MailDev started by tests/support/global-setup.ts) and e2e
// (Chromium against the same running stack).
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // The procedure tables against the real workflow code on a local dev server, activities in memory: seconds, no database.
      { extends: true, test: { name: 'workflow', include: ['tests/workflow/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], globalSetup: ['tests/support/global-setup.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A page's polls wait as long as its browser context does (20 s), not vitest's 1 s: a loaded 2-core machine renders slower.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
