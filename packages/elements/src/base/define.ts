const warned = new Set<string>();

/**
 * Registers a custom element without ever throwing.
 *
 * When the tag is already defined — by this same class (a second import), by
 * another copy of the library (two bundles on one page) or by the host page's
 * own class — registration is skipped and a warning is printed once per tag.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (registry === undefined) return;
  const existing = registry.get(tag);
  if (existing === constructor) return;
  if (existing !== undefined) {
    if (!warned.has(tag)) {
      warned.add(tag);
      console.warn(
        `[cnr-widgets] <${tag}> is already defined by another script (another copy of cnr-widgets or the page itself); this copy is not registered.`,
      );
    }
    return;
  }
  try {
    registry.define(tag, constructor);
  } catch (error) {
    // A concurrent definition, or a constructor already registered under another name.
    if (!warned.has(tag)) {
      warned.add(tag);
      console.warn(`[cnr-widgets] <${tag}> could not be registered:`, error);
    }
  }
}
