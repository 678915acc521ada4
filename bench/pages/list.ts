// <cnr-provider src="synthetic-N.json"> with a <cnr-project-list>: time to the
// first painted list, and from a filter change to the painted list.
import { cardCount, cardIds, datasetParam, deepQueryAll, pageErrors, paintedWhen, scriptStart, settle, timeChange } from './measure.js';
import { included, missing } from 'virtual:cnr-bench-elements?tags=cnr-provider,cnr-project-card,cnr-project-list';

interface Provider extends HTMLElement {
  setFilters(filters: Record<string, unknown>): void;
  subscribe?(listener: () => void): () => void;
}

type ChangeKind = 'axis' | 'territory' | 'keystroke' | 'submit';

const { n, src } = datasetParam();
const timeout = Number(new URLSearchParams(location.search).get('timeout') ?? '30000');
const required = ['cnr-provider', 'cnr-project-list'];
const absent = required.filter((tag) => !included.includes(tag) || customElements.get(tag) === undefined);

const provider = document.createElement('cnr-provider') as Provider;
provider.setAttribute('src', src);
const list = document.createElement('cnr-project-list');
provider.append(list);
if (absent.length === 0) document.getElementById('app')!.append(provider);

const firstPaint = absent.length
  ? Promise.resolve({ painted: undefined, cards: 0 })
  : paintedWhen(() => list, () => cardCount(list) > 0, timeout).then((painted) => ({ painted, cards: cardCount(list) }));

const searchField = (): HTMLInputElement | undefined =>
  deepQueryAll<HTMLInputElement>(list.shadowRoot, 'input[type="search"], input[part~="search-input"]', 1)[0];

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value.slice(-1) }));
}

/** Puts the list in a known state (untimed): no filter, or the search « ob » applied. */
async function reset(search: boolean): Promise<void> {
  provider.setFilters({});
  await settle(2);
  const input = searchField();
  if (search && input) {
    const shown = cardIds(list);
    type(input, 'ob');
    input.form?.requestSubmit();
    await paintedWhen(() => list, () => cardIds(list) !== shown && cardIds(list) !== '', timeout);
  }
  await settle(3);
}

/**
 * One timed filter change (the i-th of its kind):
 * - axis / territory: `provider.setFilters`, alternating between two values;
 * - keystroke: « ob » → « obe » typed in the list's search field (the list
 *   applies it after its own debounce); `applied` is when the provider saw it;
 * - submit: the same keystroke followed at once by Enter (no debounce).
 */
async function change(kind: ChangeKind, i: number): Promise<{ painted?: number; applied?: number; skipped?: string }> {
  if (absent.length) return { skipped: 'not available' };
  const textual = kind === 'keystroke' || kind === 'submit';
  const input = searchField();
  if (textual && !input) return { skipped: 'the list has no search field' };
  if (textual || i === 0) await reset(textual);
  const before = cardIds(list);
  const done = () => {
    const ids = cardIds(list);
    return ids !== '' && ids !== before;
  };
  let applied: number | undefined;
  const unsubscribe = provider.subscribe?.(() => {
    applied ??= performance.now();
  });
  try {
    const { t0, painted } = await timeChange(
      list,
      () => {
        if (kind === 'axis') provider.setFilters({ axes: [i % 2 ? 'sante-2' : 'sante-1'] });
        else if (kind === 'territory') provider.setFilters({ territory: i % 2 ? '93' : '44' });
        else {
          type(input!, 'obe');
          if (kind === 'submit') input!.form?.requestSubmit();
        }
      },
      done,
      timeout,
    );
    await settle(2);
    return { painted, applied: applied === undefined ? undefined : applied - t0 };
  } finally {
    unsubscribe?.();
  }
}

const bench = {
  page: 'list',
  n,
  available: absent.length === 0,
  reason: absent.map((tag) => `<${tag}>: ${missing[tag] ?? 'not defined'}`).join('; '),
  scriptStart,
  firstPaint,
  change,
  errors: pageErrors,
};
Object.assign(window, { bench });
