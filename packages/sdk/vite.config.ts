import { builtinModules } from 'node:module';
import { defaultClientConditions, defineConfig } from 'vite';

/** Left to the consumer's resolver: dependencies, the optional data package, Node built-ins. */
function isExternal(id: string): boolean {
  return (
    id === 'zod' ||
    id.startsWith('zod/') ||
    id === 'ky' ||
    id === '@cnr-widgets/data' ||
    id.startsWith('@cnr-widgets/data/') ||
    id.startsWith('node:') ||
    builtinModules.includes(id)
  );
}

/** Library build: the browser entries (`index`, `csv`), the test-data entry (`testing`) and the Node CLI (`cli`), as ES modules. */
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    sourcemap: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        csv: 'src/csv/index.ts',
        testing: 'src/testing/index.ts',
        cli: 'src/cli/main.ts',
      },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      external: isExternal,
      // One file per source module, as in src/: an application's bundler then
      // drops what it does not use module by module. In a few shared chunks, one
      // import from a chunk kept all of it (zod schemas are top-level calls), so
      // a single element loaded the validation it never runs (+12 kB gz).
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
});
