// The blank under each widget once it shows its data: how much of the
// widget's box, at its bottom, holds nothing a visitor sees. Self-contained
// (no import, no closure): puppeteer serialises `measureBlank` into the page,
// for the bench (bench/cls.mjs) and the examples' layout test.
//
// What a visitor sees: text (its line boxes), replaced and form elements
// (svg, img, canvas, input, select, textarea, button) and bordered or
// filled boxes that are not the widget's own frame, through open shadow
// roots, skipping what is hidden (`visibility: hidden`, `display: none`,
// visually hidden text). The blank is the widget's bottom minus the lowest
// bottom of those. `row` is one row of cards: the first card's cell of a
// list on the page, or 12rem when there is none.

/**
 * @returns {{ row: number, widgets: { tag: string, index: number, height: number, blank: number }[] }}
 */
export function measureBlank() {
  const VISIBLE_ELEMENTS = new Set(['svg', 'img', 'canvas', 'input', 'select', 'textarea', 'button', 'video', 'hr']);
  const WIDGETS = new Set(['cnr-key-figures', 'cnr-territory-map', 'cnr-axis-filter', 'cnr-funding-counter', 'cnr-project-list', 'cnr-project-card']);
  const hidden = (element) => {
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') return true;
    return style.clipPath.includes('inset(50%)') || (style.position === 'absolute' && style.clip.startsWith('rect(0'));
  };
  const painted = (style) =>
    (style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent') ||
    style.backgroundImage !== 'none' ||
    ['Top', 'Right', 'Bottom', 'Left'].some((side) => parseFloat(style[`border${side}Width`]) > 0 && style[`border${side}Style`] !== 'none');
  /** The lowest bottom of what is seen under `root` (an element or a shadow root), or -Infinity. */
  const lowest = (root, frame) => {
    let bottom = -Infinity;
    const nodes = root instanceof ShadowRoot || root instanceof Element ? [...(root instanceof Element && root.shadowRoot ? root.shadowRoot.childNodes : []), ...root.childNodes] : [];
    for (const node of nodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.height > 0 && rect.width > 0) bottom = Math.max(bottom, rect.bottom);
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      if (node.localName === 'slot') {
        for (const assigned of node.assignedNodes({ flatten: true })) {
          if (assigned.nodeType === Node.ELEMENT_NODE && !hidden(assigned)) bottom = Math.max(bottom, lowest(assigned, frame));
        }
        continue;
      }
      if (node.localName === 'style' || node.localName === 'script' || node.localName === 'template') continue;
      if (hidden(node)) continue;
      const box = node.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && (VISIBLE_ELEMENTS.has(node.localName) || (node !== frame && painted(getComputedStyle(node))))) {
        bottom = Math.max(bottom, box.bottom);
        if (VISIBLE_ELEMENTS.has(node.localName)) continue;
      }
      bottom = Math.max(bottom, lowest(node, frame));
    }
    return bottom;
  };
  const all = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (WIDGETS.has(element.localName) && element.localName !== 'cnr-project-card') all.push(element);
      if (element.shadowRoot && element.localName.startsWith('cnr-')) walk(element.shadowRoot);
    }
  };
  walk(document);
  let row = 192;
  for (const list of all.filter((w) => w.localName === 'cnr-project-list')) {
    const cell = list.shadowRoot?.querySelector('[part~="cards"] > li');
    if (cell) {
      row = cell.getBoundingClientRect().height;
      break;
    }
  }
  const counts = {};
  const widgets = all.map((widget) => {
    const index = (counts[widget.localName] = (counts[widget.localName] ?? -1) + 1);
    const box = widget.getBoundingClientRect();
    // The widget's own frame (its first box in its shadow root) counts as content only through what it holds.
    const frame = widget.shadowRoot?.firstElementChild ?? widget;
    const content = lowest(widget, frame);
    return {
      tag: widget.localName,
      index,
      height: Math.round(box.height),
      blank: Math.round(Number.isFinite(content) ? Math.max(0, box.bottom - content) : box.height),
    };
  });
  return { row: Math.round(row), widgets };
}
