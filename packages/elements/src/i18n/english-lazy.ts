import { setEnglishLoader } from './locale.js';

/**
 * CDN build only: the English texts in a chunk of their own (english.ts),
 * fetched once an English element is about to render — or earlier, in parallel
 * with the widget chunks, when the autoloader sees an English element
 * (cdn/english-hint.ts). `lazyEnglish()` in vite.cdn.config.ts replaces each
 * i18n module's `en/` import by tables from `englishTable()`.
 */
let tables: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;
let pending: Promise<unknown> | undefined;

setEnglishLoader(() => {
  if (tables) return undefined;
  pending ??= import('./english.js').then(
    ({ ENGLISH }) => {
      tables = ENGLISH;
    },
    (error: unknown) => {
      // French rather than nothing.
      tables = {};
      console.warn('[cnr-widgets] the English texts could not be loaded:', error);
    },
  );
  return pending;
});

/**
 * One English table of an i18n module, read through once the chunk has
 * arrived; the French table (`fallback()`) before, or if it failed to load.
 */
export function englishTable<T extends object>(module: string, name: string, fallback: () => T): T {
  return new Proxy({} as T, {
    get: (_target, key) => {
      const table = (tables?.[module]?.[name] as T | undefined) ?? fallback();
      return (table as Record<PropertyKey, unknown>)[key];
    },
  });
}
