import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Property tests (thousands of cases) and the printed timings run long on a shared
    // 2-core machine; a deadline here measures the machine, not the code (speed is `pnpm bench`'s).
    testTimeout: 30_000,
  },
});
