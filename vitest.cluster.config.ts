import { defineConfig } from 'vitest/config';

// `npm run test:cluster`: the production shape (infra/cluster: Temporal server
// on PostgreSQL, two APIs behind Caddy, two workers, S3 store), started once by
// the test file from the compiled dist/ that `npm run build` wrote.
export default defineConfig({
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
