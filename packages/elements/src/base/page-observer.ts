/**
 * One MutationObserver for the whole library: it watches the page's `lang`
 * and DSFR `data-fr-theme` attributes on `<html>` and tells the connected
 * elements, so that a page switching language or theme is followed.
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

export function observePage(listener: Listener): () => void {
  listeners.add(listener);
  if (observer === undefined && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const notify of listeners) notify();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'data-fr-theme', 'data-fr-scheme'] });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/** The theme the page declares through DSFR's `data-fr-theme`, if any. */
export function pageTheme(): 'light' | 'dark' | undefined {
  const theme = typeof document === 'undefined' ? null : document.documentElement.getAttribute('data-fr-theme');
  return theme === 'dark' || theme === 'light' ? theme : undefined;
}
