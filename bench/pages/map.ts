// <cnr-provider src="synthetic-N.json"> with a <cnr-territory-map>: time to its
// first painted render (shapes coloured with the data), and from a filter
// change to the painted re-colouring.
import { datasetParam, deepQueryAll, pageErrors, paintedWhen, scriptStart, settle, timeChange } from './measure.js';
import { included, missing } from 'virtual:cnr-bench-elements?tags=cnr-provider,cnr-territory-map';

interface Provider extends HTMLElement {
  setFilters(filters: Record<string, unknown>): void;
}

const { n, src } = datasetParam();
const timeout = Number(new URLSearchParams(location.search).get('timeout') ?? '30000');
const required = ['cnr-provider', 'cnr-territory-map'];
const absent = required.filter((tag) => !included.includes(tag) || customElements.get(tag) === undefined);

const provider = document.createElement('cnr-provider') as Provider;
provider.setAttribute('src', src);
const map = document.createElement('cnr-territory-map');
provider.append(map);
if (absent.length === 0) document.getElementById('app')!.append(provider);

const shapes = (): Element[] => deepQueryAll(map.shadowRoot, 'path', 2);
const loading = (): boolean => deepQueryAll(map.shadowRoot, '[part~="skeleton"], [aria-busy="true"]', 2).length > 0;

/** What the map shows: the shapes' colouring attributes (not their geometry) and its texts (labels, legend). */
function colouring(): string {
  const parts: string[] = [];
  for (const el of deepQueryAll(map.shadowRoot, 'path, [data-code], [data-count], title, text, [part~="legend"]', 2)) {
    for (const attr of el.attributes) if (attr.name !== 'd') parts.push(`${attr.name}=${attr.value}`);
    if (el.localName === 'title' || el.localName === 'text' || el.getAttribute('part')?.includes('legend')) parts.push(el.textContent ?? '');
  }
  return parts.join('|');
}

const firstPaint = absent.length
  ? Promise.resolve({ painted: undefined, shapes: 0 })
  : paintedWhen(() => map, () => shapes().length > 0 && !loading(), timeout).then((painted) => ({ painted, shapes: shapes().length }));

/** The i-th re-colouring: the axis filter alternates between none and one sub-group (counts change everywhere). */
async function change(_kind: string, i: number): Promise<{ painted?: number; skipped?: string }> {
  if (absent.length) return { skipped: 'not available' };
  if (i === 0) {
    provider.setFilters({});
    await settle(3);
  }
  const before = colouring();
  const { painted } = await timeChange(
    map,
    () => provider.setFilters(i % 2 ? {} : { axes: ['sante-3-former'] }),
    () => !loading() && colouring() !== before,
    timeout,
  );
  await settle(2);
  return { painted };
}

const bench = {
  page: 'map',
  n,
  available: absent.length === 0,
  reason: absent.map((tag) => `<${tag}>: ${missing[tag] ?? 'not defined'}`).join('; '),
  scriptStart,
  firstPaint,
  change,
  errors: pageErrors,
};
Object.assign(window, { bench });
