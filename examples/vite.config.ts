import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

// Serves every example page from source, resolving the workspace packages to
// their TypeScript sources (the `source` export condition).
//
// The pages that play a partner's site paste the CDN snippet as it is
// published, with a root-relative URL: `<script type="module"
// src="/cdn/cnr-widgets.js">`. Here `/cdn/` is an alias onto the workspace:
//   /cdn/cnr-widgets.js    → packages/elements/src/cdn.ts (the CDN bundle's entry, from source)
//   /cdn/integrity.json    → packages/elements/dist/cdn/integrity.json (written by `pnpm build`; 404 before)
// In a build, cnr-widgets.js is an entry of its own written to cdn/cnr-widgets.js
// (the configurator's preview frame loads it by that URL) and integrity.json
// is copied when it exists.

const here = path.dirname(fileURLToPath(import.meta.url));
const elements = path.resolve(here, '../packages/elements');
const CDN_ENTRY = path.join(elements, 'src/cdn.ts');
const CDN_FILES: Record<string, string> = {
  '/cdn/integrity.json': path.join(elements, 'dist/cdn/integrity.json'),
};
/** Data files the pages read by URL (`<cnr-provider src="…">`): served from the folder in dev, copied by the build. */
const DATA_FILES: Record<string, string> = {
  'ars-own-file/donnees-ars-paca.json': path.join(here, 'ars-own-file/donnees-ars-paca.json'),
  'ars-own-file/donnees-ars-paca.csv': path.join(here, 'ars-own-file/donnees-ars-paca.csv'),
};

/** Every page of the examples: the build's inputs (the index links them all). */
export const PAGES = {
  index: 'index.html',
  demo: 'demo/index.html',
  'ars-region': 'ars-region/index.html',
  'ars-own-file': 'ars-own-file/index.html',
  collectivite: 'collectivite/index.html',
  configurator: 'configurator/index.html',
  /** The iframe embed page from source: the configurator previews its « iframe » form with it. */
  'cdn-embed': 'cdn/embed.html',
  'frameworks-react': 'frameworks/react/index.html',
  'frameworks-vue': 'frameworks/vue/index.html',
} as const;

/** Serves (dev) and copies (build) the static files of the `/cdn/` alias. */
function cdnFiles(): Plugin {
  return {
    name: 'cnr-examples-cdn-files',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = (request.url ?? '').split('?')[0]!;
        const file = CDN_FILES[url];
        if (file === undefined) return next();
        if (!existsSync(file)) {
          response.statusCode = 404;
          response.setHeader('content-type', 'text/plain; charset=utf-8');
          response.end(`${path.relative(path.resolve(here, '..'), file)} does not exist yet: run pnpm build`);
          return;
        }
        response.setHeader('content-type', 'application/json; charset=utf-8');
        response.setHeader('cache-control', 'no-store');
        response.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [url, file] of Object.entries(CDN_FILES)) {
        if (existsSync(file)) this.emitFile({ type: 'asset', fileName: url.slice(1), source: readFileSync(file) });
      }
      for (const [fileName, file] of Object.entries(DATA_FILES)) this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
    },
  };
}

export default defineConfig({
  root: here,
  resolve: {
    conditions: ['source', 'module', 'browser', 'development|production'],
    alias: [{ find: /^\/cdn\/cnr-widgets\.js$/, replacement: CDN_ENTRY }],
  },
  // TSX of the React example: React 19's automatic runtime (no Fast Refresh needed here).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('cnr-') } } }),
    cdnFiles(),
  ],
  optimizeDeps: { include: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom/client', 'vue'] },
  server: { host: 'localhost' },
  appType: 'mpa',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      input: {
        ...Object.fromEntries(Object.entries(PAGES).map(([name, file]) => [name, path.join(here, file)])),
        'cdn/cnr-widgets': CDN_ENTRY,
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'cdn/cnr-widgets' ? 'cdn/cnr-widgets.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
