import { readdirSync, readFileSync } from 'node:fs';
import { defaultClientConditions, defineConfig } from 'vite';

/**
 * npm build of @cnr-widgets/elements (library mode, ES modules, readable, with
 * source maps):
 *
 * - `dist/index.js` from `src/index.ts`: the classes, nothing defined;
 * - `dist/<name>.js` from each `src/define/<name>.ts`: defines that element
 *   (new files in src/define/ are picked up without touching this config);
 * - `dist/all.js` from `src/define/index.ts`: defines every element;
 * - every other source module as its own file under the same path as in src/
 *   (`dist/project-card/project-card.component.js`…).
 *
 * Dependencies (lit, @lit/task, @cnr-widgets/sdk) stay imports, for the
 * application's bundler to share and dedupe. The CDN bundle is built by
 * vite.cdn.config.ts; declarations by `tsc -p tsconfig.build.json`.
 */
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const dependencies = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
// `node:` built-ins: the server entry (src/server/) runs in Node.
const isExternal = (id: string): boolean => id.startsWith('node:') || dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

const elements = readdirSync(new URL('./src/define/', import.meta.url))
  .filter((file) => /^[a-z][a-z0-9-]*\.ts$/.test(file) && file !== 'index.ts')
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();

export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        all: 'src/define/index.ts',
        // Node only: the server rendering (`@cnr-widgets/elements/server`).
        server: 'src/server/index.ts',
        // Hydration of widgets rendered ahead of time, imported before the elements.
        hydrate: 'src/hydrate.ts',
        ...Object.fromEntries(elements.map((name) => [name, `src/define/${name}.ts`])),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      output: {
        // One output file per source module (dist/ mirrors src/): a registration
        // call can never be merged into a shared chunk that `sideEffects` does
        // not list, and applications tree-shake per module.
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: (chunk) => {
          const id = chunk.facadeModuleId?.replaceAll('\\', '/') ?? '';
          const defined = /\/src\/define\/([a-z][a-z0-9-]*)\.ts$/.exec(id)?.[1];
          if (defined !== undefined) return defined === 'index' ? 'all.js' : `${defined}.js`;
          if (/\/src\/server\/index\.ts$/.test(id)) return 'server.js';
          if (/\/src\/hydrate\.ts$/.test(id)) return 'hydrate.js';
          // Bundler helpers (`\0`-prefixed virtual modules): a short stable path.
          if (chunk.name.startsWith('_virtual/')) return `_virtual/${chunk.name.split('/').pop() ?? 'helper'}.js`;
          return '[name].js';
        },
      },
    },
  },
});
