let requested = false;

/**
 * On the CDN build, the English texts are a chunk of their own
 * (i18n/english-lazy.ts). When the autoloader finds an element whose nearest
 * `lang` is English, it starts fetching them at once, in parallel with the
 * widget chunks: the element's first render, which waits for them, is not
 * delayed by one more round trip. French pages never fetch them.
 */
export function preloadEnglishFor(element: Element): void {
  if (requested || !/^en/i.test(element.closest('[lang]')?.getAttribute('lang') ?? '')) return;
  requested = true;
  import('../i18n/english.js').catch(() => {
    // Reported by i18n/english-lazy.ts when the element asks for them.
    requested = false;
  });
}
