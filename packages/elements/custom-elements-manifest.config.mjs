// Custom Elements Manifest of @cnr-widgets/elements, from the JSDoc of the
// elements (`@summary`, `@slot`, `@csspart`, `@cssprop`, `@fires`, `@since`):
//   pnpm --filter @cnr-widgets/elements run build:manifest   (cem analyze --litelement)
// It is shipped as custom-elements.json (package.json `customElements`), and
// scripts/typings.mjs generates the JSX and Vue typings from it.
import path from 'node:path';

/** `defineElement('cnr-x', CnrX)` (src/base/define.ts) is this library's `customElements.define`. */
function defineElementCalls() {
  return {
    name: 'cnr-define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !ts.isStringLiteralLike(tag) || !klass || !ts.isIdentifier(klass)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: klass.text, module: importedFrom(ts, node.getSourceFile(), klass.text, moduleDoc.path) },
        },
      ];
    },
  };
}

/** Module (manifest path) that `name` is imported from in `sourceFile`, or the file itself. */
function importedFrom(ts, sourceFile, name, modulePath) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (!bindings.elements.some((e) => e.name.text === name)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) return specifier;
    return path.posix.join(path.posix.dirname(modulePath), specifier).replace(/\.js$/, '.ts');
  }
  return modulePath;
}

/**
 * The manifest describes the published modules: dist/ mirrors src/ (one file
 * per module, vite.config.ts), except the registration files
 * `src/define/<name>.ts` → `dist/<name>.js` and `src/define/index.ts` → `dist/all.js`.
 */
export function publishedPath(source) {
  const defined = /^\/?src\/define\/([a-z][a-z0-9-]*)\.[jt]s$/.exec(source)?.[1];
  if (defined !== undefined) return defined === 'index' ? 'dist/all.js' : `dist/${defined}.js`;
  const module = /^\/?src\/(.+)\.[jt]s$/.exec(source)?.[1];
  return module === undefined ? source : `dist/${module}.js`;
}

/**
 * Event types: `@fires cnr-filter-change` gets the class that
 * GlobalEventHandlersEventMap gives that name (`CnrFilterChangeEvent`).
 */
function eventTypes() {
  const classes = new Map();
  return {
    name: 'cnr-event-types',
    analyzePhase({ ts, node }) {
      if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'GlobalEventHandlersEventMap') return;
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && member.type && ts.isStringLiteral(member.name)) {
          classes.set(member.name.text, member.type.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            const type = event.name && classes.get(event.name);
            if (type && !event.type) event.type = { text: type };
          }
        }
      }
    },
  };
}

function publishedPaths() {
  const rewrite = (value) => {
    if (Array.isArray(value)) return value.forEach(rewrite);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof child === 'string') value[key] = publishedPath(child);
      else rewrite(child);
    }
  };
  return {
    name: 'cnr-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      rewrite(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // The map geometry is data behind a dynamic import, not API; the texts, the
  // linked-state plumbing and the render helpers of the map and the list are internals.
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.stories.ts',
    'src/**/*.d.ts',
    'src/**/*.generated.*',
    'src/cdn.ts',
    // The iframe embed page's scripts (dist/cdn/embed.js, embed-resize.js): no element, not the npm API.
    'src/embed/**',
    'src/server/**',
    'src/territory-map/geometry/**',
    'src/i18n/**',
    'src/base/source.ts',
    'src/base/link-context.ts',
    'src/territory-map/map-keyboard.ts',
    'src/territory-map/map-view.ts',
    'src/project-list/list-*.ts',
  ],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [defineElementCalls(), eventTypes(), publishedPaths()],
};
