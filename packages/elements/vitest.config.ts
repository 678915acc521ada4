import { defineConfig } from 'vitest/config';

// The server rendering's tests (src/server/*.test.ts) run in Node, with the
// packages' sources (`source`) and Lit's Node builds; every other test of
// this package runs in browsers (web-test-runner.config.mjs at the root).
export default defineConfig({
  ssr: { resolve: { conditions: ['source', 'node', 'development|production'] } },
  test: {
    environment: 'node',
    include: ['src/server/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
