// The states every data widget goes through, tested the same way for each one:
// loading, loaded, empty, error (with a retry that works), stale, and a failed
// reload that keeps the last good data and offers a retry — axe-clean in each.
// src/base/data-widgets.test.ts runs it for every data element.
//
// The widget reads a dataset document from `src` (a static source); `fetch` is
// stubbed for those URLs, so each test decides when the document arrives, whether
// its request fails, and whether it holds the reference dataset or nothing.
import { createClient, type Dataset } from '@cnr-widgets/sdk';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { clientFor } from '../src/base/clients.js';
import { stubFetch } from './helpers.js';

/** How one data element is tested by {@link dataWidgetSuite}. */
export interface DataWidgetSpec {
  /** The element's tag, for the test names. */
  tag: string;
  /** The element reading `src`; `dataset` is the full document (for ids to ask for). */
  render(src: string, dataset: Dataset): TemplateResult;
  /** What the widget shows of its data, as one string; '' while it shows none. */
  shown(element: HTMLElement): string;
  /** True when the widget says, on a document with no records, that there is nothing to show. */
  empty(element: HTMLElement): boolean;
}

/** Whitespace (no-break spaces included) collapsed. */
export const squash = (text: string | null | undefined): string => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The first element of `element`'s shadow root matching `selector`. */
export const inShadow = <T extends Element = HTMLElement>(element: Element, selector: string): T | null =>
  element.shadowRoot?.querySelector<T>(selector) ?? null;

const PREFIX = '/__data-widget-suite/';
let unique = 0;

/** The documents the stubbed URLs serve, and how their requests behave. */
const server = {
  /** Requests wait for this promise. */
  gate: Promise.resolve() as Promise<void>,
  /** Requests answer 503 while true. */
  fail: false,
  full: undefined as string | undefined,
  empty: undefined as string | undefined,
  /** A URL no client has seen yet (clients are per URL), serving the full or the empty document. */
  url(kind: 'full' | 'empty' = 'full'): string {
    return `${PREFIX}${kind}-${++unique}.json`;
  },
  /** Holds every request until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return release;
  },
  async answer(url: string): Promise<Response> {
    await this.gate;
    if (this.fail) return new Response('Service indisponible', { status: 503 });
    const body = url.includes(`${PREFIX}empty-`) ? this.empty : this.full;
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  },
};

let dataset: Dataset;
let restoreFetch: (() => void) | undefined;

/** Resolves once `condition` holds, naming `what` if it never does. */
const until = (condition: () => boolean, what: string) => waitUntil(condition, what, { timeout: 8000 });

const errorBox = (element: Element) => inShadow(element, '[part~="error"]');
const retryButton = (element: Element) => inShadow<HTMLButtonElement>(element, '[part~="retry-button"]');
const staleNotice = (element: Element) => inShadow(element, '[part~="stale-notice"]');
const skeleton = (element: Element) => inShadow(element, '[part~="skeleton"]');

/**
 * Axe-checks `element` once its CSS transitions have ended (a list fading back
 * from « busy » is mid-way otherwise, and its contrast with it).
 */
async function expectAccessible(element: HTMLElement): Promise<void> {
  await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  // Finite ones only: a skeleton's shimmer never ends.
  const transitions = (element.shadowRoot?.getAnimations() ?? []).filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
  const ended = Promise.all(transitions.map((animation) => animation.finished.catch(() => undefined)));
  await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2000))]);
  await expect(element).to.be.accessible();
}

/** A retry button the user can see and press, with its French label. */
function expectRetryOffered(element: HTMLElement): void {
  const button = retryButton(element);
  expect(button !== null, 'a retry button is shown').to.equal(true);
  expect(squash(button!.textContent)).to.equal('Réessayer');
  expect(button!.disabled, 'the retry button is enabled').to.equal(false);
  const box = button!.getBoundingClientRect();
  expect(box.width > 0 && box.height > 0, 'the retry button is visible').to.equal(true);
}

/** Registers, for `spec`'s element, the tests every data widget must pass. */
export function dataWidgetSuite(spec: DataWidgetSpec): void {
  describe(`<${spec.tag}> as a data widget`, () => {
    before(async () => {
      dataset = (await createClient().load()).dataset;
      server.full = JSON.stringify(dataset);
      server.empty = JSON.stringify({
        ...dataset,
        axes: [],
        solutions: [],
        projects: [],
        fundings: [],
        figures: [],
        milestones: [],
        instances: [],
      });
    });

    beforeEach(() => {
      server.gate = Promise.resolve();
      server.fail = false;
      restoreFetch = stubFetch((url) => (url.includes(PREFIX) ? server.answer(url) : undefined));
    });

    afterEach(() => {
      restoreFetch?.();
      restoreFetch = undefined;
    });

    const mount = (src: string) => fixture<HTMLElement>(spec.render(src, dataset));
    const loaded = (element: HTMLElement) => until(() => spec.shown(element) !== '', `${spec.tag} shows its data`);

    it('loading: reserves its place with a skeleton that says so, then shows the data (axe)', async () => {
      const release = server.hold();
      const element = await mount(server.url());
      await until(() => skeleton(element) !== null, 'a loading skeleton');
      expect(squash(inShadow(element, '[part~="skeleton"][role="status"]')?.textContent)).to.contain('Chargement');
      expect(errorBox(element) === null, 'no error while loading').to.equal(true);
      expect(spec.shown(element)).to.equal('');
      await expectAccessible(element);
      release();
      await loaded(element);
      expect(skeleton(element) === null, 'the skeleton is gone').to.equal(true);
    });

    it('loaded: shows the data, with no error and no stale notice (axe)', async () => {
      const element = await mount(server.url());
      await loaded(element);
      expect(errorBox(element) === null, 'no error').to.equal(true);
      expect(staleNotice(element) === null, 'no stale notice').to.equal(true);
      await expectAccessible(element);
    });

    it('empty: says there is nothing to show, which is not an error (axe)', async () => {
      const element = await mount(server.url('empty'));
      await until(() => spec.empty(element), `${spec.tag} says it has nothing to show`);
      expect(errorBox(element) === null, 'no error').to.equal(true);
      expect(skeleton(element) === null, 'no skeleton').to.equal(true);
      await expectAccessible(element);
    });

    it('error: a failed load shows an alert with a retry button that works (axe)', async () => {
      server.fail = true;
      const element = await mount(server.url());
      await until(() => errorBox(element) !== null, 'an error');
      expect(errorBox(element)!.getAttribute('role')).to.equal('alert');
      expectRetryOffered(element);
      expect(spec.shown(element)).to.equal('');
      await expectAccessible(element);

      server.fail = false;
      retryButton(element)!.click();
      await loaded(element);
      await until(() => errorBox(element) === null, 'the error is gone after the retry');
    });

    it('stale: says the data may be out of date and still shows it (axe)', async () => {
      const src = server.url();
      const client = clientFor({ src });
      await client.load();
      server.fail = true;
      await client.refresh();
      const element = await mount(src);
      await loaded(element);
      await until(() => staleNotice(element) !== null, 'a stale notice');
      expect(squash(staleNotice(element)!.textContent)).to.contain('peuvent ne pas être à jour');
      expect(errorBox(element) === null, 'no error over stale data').to.equal(true);
      await expectAccessible(element);
    });

    it('a failed reload keeps the last good data and offers a retry button that works (axe)', async () => {
      const element = await mount(server.url());
      await loaded(element);
      const before = spec.shown(element);

      server.fail = true;
      (element as HTMLElement & { src: string }).src = server.url();
      await until(() => errorBox(element) !== null, 'an error after the failed reload');
      expect(errorBox(element)!.getAttribute('role')).to.equal('alert');
      expect(spec.shown(element), 'the last good data is still shown').to.equal(before);
      expectRetryOffered(element);
      await expectAccessible(element);

      server.fail = false;
      retryButton(element)!.click();
      await until(() => errorBox(element) === null, 'the error is gone after the retry');
      await loaded(element);
      expect(spec.shown(element)).to.equal(before);
    });
  });
}
