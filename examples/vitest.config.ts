import { defineConfig } from 'vitest/config';

// The examples' smoke tests (test/smoke.test.ts): Node environment; they build
// the pages with Vite and drive Debian's Chromium through puppeteer-core.
// The test reads the dataset through the SDK's sources (`source`). Vitest also
// hands these conditions to Node (--conditions), so no `module` here: it
// would make require() load packages' ESM builds (magic-string in Vue's compiler).
export default defineConfig({
  ssr: { resolve: { conditions: ['source', 'node', 'development|production'] } },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
