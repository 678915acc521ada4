import { defineConfig } from 'vite';

// Bundles the server and the SDK sources it uses into one Node script, dist/main.js.
const conditions = ['source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { noExternal: true, resolve: { conditions, externalConditions: conditions } },
  build: {
    ssr: 'src/main.ts',
    outDir: 'dist',
    target: 'node20',
    emptyOutDir: true,
  },
});
