import { defineConfig } from 'vitest/config';

// `npm run test:faults`: crash and outage scenarios against real processes.
// Each file starts the components it breaks; files run one after another.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    globalSetup: ['tests/faults/support/summary.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 180_000,
  },
});
