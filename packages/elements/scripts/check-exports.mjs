#!/usr/bin/env node
// Checks what @cnr-widgets/elements publishes, after `pnpm build`:
//   1. package.json is in step with src/define/ (scripts/entries.mjs --check);
//   2. every target of every export condition is a file (dist/, types/, src/);
//   3. `sideEffects` lists every registration output and nothing the side-effect-free
//      entry `dist/index.js` imports;
//   4. in Node, importing `dist/index.js` defines nothing, and importing each
//      `dist/<name>.js` defines its tag (customElements is a spy).
// Exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const failures = [];
const fail = (message) => failures.push(message);

// 1. Entries in step with src/define/.
try {
  execFileSync(process.execPath, [path.join(packageDir, 'scripts/entries.mjs'), '--check'], { stdio: 'pipe' });
} catch (error) {
  fail(String(error.stderr || error.message).trim());
}

// 2. Every export target exists.
const targets = [];
const collect = (key, value, condition = 'default') => {
  if (typeof value === 'string') targets.push({ key, condition, target: value });
  else if (value && typeof value === 'object') for (const [c, v] of Object.entries(value)) collect(key, v, c);
};
for (const [key, value] of Object.entries(pkg.exports)) collect(key, value);
for (const { key, condition, target } of targets) {
  const file = target.includes('*') ? target.replace('*', 'cnr-widgets.js') : target;
  if (!existsSync(path.join(packageDir, file))) fail(`exports["${key}"].${condition}: ${target} does not exist`);
}
for (const field of ['main', 'types', 'customElements']) {
  if (pkg[field] && !existsSync(path.join(packageDir, pkg[field]))) fail(`"${field}": ${pkg[field]} does not exist`);
}

// 3. sideEffects: the registration outputs, and none of what dist/index.js imports.
const registrations = targets
  .filter(({ condition, target }) => condition === 'default' && target.startsWith('./dist/') && target !== './dist/index.js')
  .map(({ target }) => target)
  .filter((t) => t.endsWith('.js') && !t.includes('*'));
for (const target of registrations) {
  if (!pkg.sideEffects.includes(target)) fail(`sideEffects does not list the registration output ${target}`);
}
const graph = importGraph(path.join(packageDir, 'dist/index.js'));
for (const file of graph) {
  const rel = `./${path.relative(packageDir, file).replaceAll(path.sep, '/')}`;
  if (pkg.sideEffects.includes(rel)) fail(`dist/index.js imports ${rel}, which sideEffects lists`);
}

// 4. At run time: the class entry defines nothing; each element entry defines its tag.
const defined = [];
globalThis.customElements = {
  define: (tag) => defined.push(tag),
  get: () => undefined,
  whenDefined: () => new Promise(() => {}),
};
const dist = (file) => pathToFileURL(path.join(packageDir, 'dist', file)).href;
const classes = await import(dist('index.js'));
if (defined.length > 0) fail(`importing dist/index.js defined ${defined.join(', ')}`);
if (Object.keys(classes).length === 0) fail('dist/index.js exports nothing');
const tags = new Map();
for (const { key, condition, target } of targets) {
  if (condition !== 'default' || !registrations.includes(target)) continue;
  // The server rendering (Node, Lit's DOM shim) and the hydration support define no tag of their own.
  if (key === './server' || key === './hydrate.js') continue;
  const before = defined.length;
  const module = await import(pathToFileURL(path.join(packageDir, target)).href);
  tags.set(key, defined.slice(before));
  if (key === './all.js') continue;
  const tag = `cnr-${key.slice(2, -'.js'.length)}`;
  if (!defined.includes(tag)) fail(`importing ${target} did not define <${tag}>`);
  if (Object.keys(module).length === 0) fail(`${target} exports no class`);
}

if (failures.length > 0) {
  for (const f of failures) console.error(`check-exports: ${f}`);
  process.exit(1);
}
console.log(
  `check-exports: ${targets.length} export targets exist; dist/index.js (${graph.size} modules) defines nothing; ` +
    `${[...new Set(defined)].length} tags defined by ${tags.size} registration entries`,
);

/** The files a module imports statically, transitively (relative specifiers only). */
function importGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(/(?:^|[;\n])\s*(?:import|export)\s[^;'"]*?['"](\.{1,2}\/[^'"]+)['"]/g)) {
      visit(path.resolve(path.dirname(file), specifier));
    }
  };
  visit(entry);
  return seen;
}
