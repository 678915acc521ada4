/** The languages of the user interface. French is the default. */
export type Locale = 'fr' | 'en';

/**
 * The interface language of an element: the nearest `lang` attribute at or
 * above it (crossing shadow roots), `en*` giving English and anything else French.
 */
export function localeOf(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    // By shape, not `instanceof`: a server render (Lit's DOM shim) has no Element nor ShadowRoot.
    if (typeof (node as Partial<Element>).getAttribute === 'function') {
      const lang = (node as Element).getAttribute('lang');
      if (lang) return lang.toLowerCase().startsWith('en') ? 'en' : 'fr';
    }
    node = node.parentNode ?? (typeof ShadowRoot !== 'undefined' && node instanceof ShadowRoot ? node.host : null);
  }
  return 'fr';
}

/** A message in both languages; `select` picks the one of the locale. */
export type Messages<K extends string> = Record<Locale, Record<K, string>>;

let englishLoader: (() => Promise<unknown> | undefined) | undefined;

/**
 * CDN build only (i18n/english-lazy.ts): the English texts come in a chunk of
 * their own; the loader starts fetching it and returns a promise until it has
 * arrived, then undefined.
 */
export function setEnglishLoader(load: () => Promise<unknown> | undefined): void {
  englishLoader = load;
}

/** A promise while the English texts are still on their way (CDN build), else undefined. */
export function englishPending(): Promise<unknown> | undefined {
  return englishLoader?.();
}
