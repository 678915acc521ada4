import type { Plugin } from 'vite';

/**
 * The string that src/cdn.ts passes to the autoloader in the CDN build (vite.cdn.config.ts
 * `define`s `__CNR_CHUNK_GRAPH__` to it). After the chunks are written, this plugin replaces it in
 * the entry `cnr-widgets.js` with the chunk graph the autoloader needs to start every file a page
 * needs at once (issue 14, no waterfall):
 *
 * ```js
 * { tags: { 'cnr-project-list': ['project-list-…', 'core-…', 'project-card-…'], … },
 *   data: ['preload-data-…', 'core-…', 'dataset-…'], src: ['src-…', 'http-…', 'dataset-…', …], api: […] }
 * ```
 *
 * - `tags[tag]`: the tag's chunk and every chunk it imports statically, recursively, plus the
 *   chunks it always imports on first render (the map's geometry);
 * - `data`: what the embedded dataset needs (src/cdn/preload-data.ts, the core it imports and the
 *   dataset chunk that the SDK imports on demand);
 * - `src`: what a widget reading a document of the site needs besides core (the static source,
 *   HTTP, the validation of a document — its checks compiled from the schemas, no zod —, the
 *   referential the document stands on), fetched while the document downloads (zod/mini and the
 *   texts of problems are fetched only for a document that has a problem); `api`: the REST source and HTTP.
 *
 * Without it, a tag's chunk is fetched, then parsed, then its imports are fetched (core, the
 * cards…), then the dataset and geometry once code asks: one round trip each.
 */
export const CHUNK_GRAPH_PLACEHOLDER = '__CNR_CHUNK_GRAPH__';

/** Chunks imported on demand that a widget always needs for its first render. */
const ALWAYS_NEEDED = [/\/territory-map\/geometry\//];
const DATASET = /\/packages\/data\/(dist|src)\/index\.[jt]s$|\/@cnr-widgets\/data\/dist\/index\.js$/;
const PRELOAD_DATA = /\/elements\/src\/cdn\/preload-data\.ts$/;
/** What a `src` page needs (the static source, HTTP, the validation without zod, the referential it stands on), and an `api` page. */
const SRC = [/\/sdk\/src\/sources\/static\.ts$/, /\/sdk\/src\/transport\/http\.ts$/, /\/sdk\/src\/validation\/validate\.ts$/, /\/packages\/data\/(dist|src)\/referential\.[jt]s$|\/@cnr-widgets\/data\/dist\/referential\.js$/];
const API = [/\/sdk\/src\/sources\/rest\.ts$/, /\/sdk\/src\/transport\/http\.ts$/];
const DEFINE = /\/elements\/src\/define\/([a-z-]+)\.ts$/;

interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  moduleIds: string[];
  code: string;
}

export function cdnChunkGraph(entry = 'cnr-widgets.js'): Plugin {
  return {
    name: 'cnr-cdn-chunk-graph',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is typeof c & ChunkInfo => c.type === 'chunk') as unknown as ChunkInfo[];
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const ids = (c: ChunkInfo) => c.moduleIds.map((id) => id.replaceAll('\\', '/'));
      const closure = (start: ChunkInfo): string[] => {
        const seen = new Set<string>();
        const visit = (c: ChunkInfo): void => {
          if (seen.has(c.fileName) || c.isEntry) return;
          seen.add(c.fileName);
          for (const file of c.imports) visit(byFile.get(file)!);
          for (const file of c.dynamicImports) {
            const target = byFile.get(file);
            if (target && ids(target).some((id) => ALWAYS_NEEDED.some((p) => p.test(id)))) visit(target);
          }
        };
        visit(start);
        return [...seen].map((file) => {
          const name = /^chunks\/(.+)\.js$/.exec(file)?.[1];
          if (!name) this.error(`cdn-chunk-graph: ${file} is not chunks/<name>.js`);
          return name;
        });
      };
      const tags: Record<string, string[]> = {};
      for (const c of chunks) {
        for (const id of ids(c)) {
          const match = DEFINE.exec(id);
          if (match && match[1] !== 'index' && !c.isEntry) tags[`cnr-${match[1]}`] = closure(c);
        }
      }
      const preload = chunks.find((c) => ids(c).some((id) => PRELOAD_DATA.test(id)));
      const dataset = chunks.find((c) => ids(c).some((id) => DATASET.test(id)));
      if (!preload || !dataset) this.error('cdn-chunk-graph: no preload-data or dataset chunk found');
      const data = [...new Set([...closure(preload), ...closure(dataset)])];
      const chunksOf = (patterns: RegExp[], what: string): string[] =>
        [
          ...new Set(
            patterns.flatMap((pattern) => {
              const chunk = chunks.find((c) => ids(c).some((id) => pattern.test(id)));
              if (!chunk) this.error(`cdn-chunk-graph: no chunk holds ${pattern} (${what})`);
              return closure(chunk);
            }),
          ),
        ];
      const src = chunksOf(SRC, 'src');
      const api = chunksOf(API, 'api');
      const main = byFile.get(entry);
      if (!main) this.error(`cdn-chunk-graph: no entry ${entry}`);
      const placeholder = new RegExp(`([\`"'])${CHUNK_GRAPH_PLACEHOLDER}\\1`, 'g');
      const found = main.code.match(placeholder)?.length ?? 0;
      if (found !== 1) this.error(`cdn-chunk-graph: ${entry} holds the placeholder ${found} times, not once`);
      // At the end of the entry (the call that starts the autoloader): the source map's columns before it stay exact.
      main.code = main.code.replace(placeholder, () => JSON.stringify({ tags, data, src, api }));
    },
  };
}
