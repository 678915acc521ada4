import { defineConfig } from 'vitest/config';
import { minifyTemplates } from '../packages/elements/scripts/minify-templates.mjs';

// The examples' smoke tests (test/smoke.test.ts): Node environment; they build
// the pages with Vite and drive Debian's Chromium through puppeteer-core.
// The test reads the dataset through the SDK's sources (`source`). Vitest also
// hands these conditions to Node (--conditions), so no `module` here: it
// would make require() load packages' ESM builds (magic-string in Vue's compiler).
// The elements' sources (the static page's server render) get their templates minified as the
// CDN build does (packages/elements/scripts/minify-templates.mjs): hydration matches each template
// by a digest of its strings, so the server and the CDN's elements must have the same ones.
export default defineConfig({
  plugins: [minifyTemplates()],
  ssr: { resolve: { conditions: ['source', 'node', 'development|production'] } },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
