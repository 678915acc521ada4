// Every data element through the same states (test/data-widget-suite.ts):
// loading, loaded, empty, error and retry, stale, failed reload over good data.
import { html } from 'lit';
import '../define/axis-filter.js';
import '../define/funding-counter.js';
import '../define/key-figures.js';
import '../define/project-card.js';
import '../define/project-list.js';
import '../define/territory-map.js';
import { dataWidgetSuite, inShadow, squash } from '../../test/data-widget-suite.js';

const all = (element: Element, selector: string) => [...(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];

dataWidgetSuite({
  tag: 'cnr-project-list',
  render: (src) => html`<cnr-project-list src=${src} thematique="all"></cnr-project-list>`,
  // The count and the title of every card, once the cards have drawn their titles.
  shown: (list) => {
    const titles = all(list, 'cnr-project-card').map((card) => squash(inShadow(card, '[role="heading"]')?.textContent));
    if (titles.length === 0 || titles.includes('')) return '';
    return [squash(inShadow(list, '[part~="count"]')?.textContent), ...titles].join(' | ');
  },
  empty: (list) => inShadow(list, '[part~="empty"]') !== null,
});

dataWidgetSuite({
  tag: 'cnr-axis-filter',
  render: (src) => html`<cnr-axis-filter src=${src}></cnr-axis-filter>`,
  // The choices, or (the reference data ties no project to an axis) the note that says so instead.
  shown: (filter) =>
    all(filter, '[part~="option"]')
      .map((option) => squash(option.textContent))
      .join(' | ') || squash(inShadow(filter, '[part~="note"]')?.textContent),
  // No axis and no project: the note, and no choice that would lead to nothing.
  empty: (filter) => inShadow(filter, '[part~="note"]') !== null && all(filter, 'input').length === 0,
});

dataWidgetSuite({
  tag: 'cnr-funding-counter',
  render: (src) => html`<cnr-funding-counter src=${src}></cnr-funding-counter>`,
  // The accessible amount (the visible one counts up from the previous amount).
  shown: (counter) => (inShadow(counter, '[part~="amount"]') ? squash(inShadow(counter, '.live')?.textContent) : ''),
  empty: (counter) => inShadow(counter, '[part~="empty"]') !== null,
});

dataWidgetSuite({
  tag: 'cnr-key-figures',
  render: (src) => html`<cnr-key-figures src=${src} territory="44"></cnr-key-figures>`,
  shown: (figures) => all(figures, '[part~="figure"]').map((figure) => squash(figure.textContent)).join(' | '),
  empty: (figures) => inShadow(figures, '[part~="empty"]') !== null,
});

dataWidgetSuite({
  tag: 'cnr-territory-map',
  render: (src) => html`<cnr-territory-map src=${src}></cnr-territory-map>`,
  // The name and value of every région, once the legend is drawn.
  shown: (map) =>
    inShadow(map, '[part~="legend"]') ? all(map, 'path[data-code]').map((shape) => squash(shape.getAttribute('aria-label'))).join(' | ') : '',
  // No project: every région reads 0 or « pas de donnée ».
  empty: (map) => {
    const labels = all(map, 'path[data-code]').map((shape) => squash(shape.getAttribute('aria-label')));
    return inShadow(map, '[part~="legend"]') !== null && labels.length === 18 && labels.every((label) => /: (0 projet|pas de donnée)$/.test(label));
  },
});

dataWidgetSuite({
  tag: 'cnr-project-card (project-id)',
  render: (src, dataset) => html`<cnr-project-card src=${src} project-id=${dataset.projects[0]!.id}></cnr-project-card>`,
  shown: (card) => squash(inShadow(card, '[part~="title"]')?.textContent),
  empty: (card) => squash(card.shadowRoot?.textContent).includes('Ce projet est introuvable'),
});
