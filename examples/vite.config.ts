import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Serves every example page from source, resolving the workspace packages to
// their TypeScript sources (the `source` export condition).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  server: { host: 'localhost' },
  appType: 'mpa',
});
