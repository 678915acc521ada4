// Test-server plugin: a module of the packages requested with `?copy=<n>`
// imports every module of the packages with the same `?copy=<n>`, so that
// `import('/packages/elements/src/cdn.ts?copy=2')` loads a second, separate
// copy of the library (its own classes, registry helper and SDK), as a second
// bundle on a page would. Third-party modules (Lit) stay shared.
export function moduleCopiesPlugin() {
  return {
    name: 'cnr-module-copies',
    transformImport({ source, context }) {
      const copy = context.URL.searchParams.get('copy');
      if (!copy || !context.path.startsWith('/packages/')) return undefined;
      if (source.includes('/node_modules/') || source.includes('?')) return undefined;
      if (!source.startsWith('.') && !source.startsWith('/packages/')) return undefined;
      return `${source}?copy=${encodeURIComponent(copy)}`;
    },
  };
}
