#!/usr/bin/env node
// The iframe embed's files of the CDN bundle (issue 18, docs/embed.md), built
// after `vite build -c vite.cdn.config.ts` into the same dist/cdn/ (a step of
// its own: the chunk grouping of vite.cdn.config.ts is untouched):
//   embed.js          the embed page's script (src/embed/embed.ts), an ES module with no import
//   embed-resize.js   the host's optional resize script (src/embed/resize.ts), a classic script
//   embed.css         the embed page's styles (src/embed/embed.css)
// scripts/sri.mjs (repository root) then writes embed.html with the integrity of each file.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/cdn');

for (const [name, entry, format] of [
  ['embed', 'src/embed/embed.ts', 'es'],
  ['embed-resize', 'src/embed/resize.ts', 'iife'],
]) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      sourcemap: false,
      minify: true,
      lib: { entry: path.join(root, entry), formats: [format], name: 'cnrEmbedResize', fileName: () => `${name}.js` },
      rolldownOptions: { output: { minify: true } },
    },
  });
}
copyFileSync(path.join(root, 'src/embed/embed.css'), path.join(outDir, 'embed.css'));
console.log('embed: dist/cdn/embed.js, embed-resize.js, embed.css');
