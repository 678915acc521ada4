/**
 * Server rendering (see src/server/): a widget rendered ahead of time carries
 * the data it was rendered with in a JSON island, a light-DOM child
 *
 * ```html
 * <cnr-key-figures territory="departement:57">
 *   <template shadowrootmode="open">…</template>
 *   <script type="application/json" data-cnr-prerendered>{…}</script>
 * </cnr-key-figures>
 * ```
 *
 * A JSON script block is never executed (a strict CSP allows it) and is not
 * rendered. When the page also loads the module script, the element reads it
 * before its first update and renders that data — the markup already there —
 * instead of loading it again.
 */

/** The attribute that marks the island. */
export const PRERENDERED_ATTRIBUTE = 'data-cnr-prerendered';

/** What a widget keeps of its data, as JSON, and reads back: the widget's own format, versioned. */
export interface PrerenderedState {
  /** Format version: an island of another version is ignored (the widget then loads its data). */
  v: 1;
  /** The widget's data (its `prerenderedState()`). */
  data: unknown;
}

/**
 * The island for `state`: JSON in which `<`, `>`, `&` and the line separators
 * are escaped, so that no string of the data (a project's title) can close the
 * script element or be read as markup.
 */
export function islandHTML(state: PrerenderedState): string {
  const json = JSON.stringify(state).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" ${PRERENDERED_ATTRIBUTE}>${json}</script>`;
}

/** The state an element's island holds, if it has one of this version (read once, before its first update). */
export function readIsland(host: Element): PrerenderedState | undefined {
  const island = [...host.children].find((child) => child.localName === 'script' && child.hasAttribute(PRERENDERED_ATTRIBUTE));
  if (island === undefined) return undefined;
  try {
    const state = JSON.parse(island.textContent ?? '') as Partial<PrerenderedState> | null;
    return state?.v === 1 && 'data' in state ? (state as PrerenderedState) : undefined;
  } catch {
    return undefined;
  }
}
