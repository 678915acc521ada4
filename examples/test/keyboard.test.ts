// The ARS example (examples/ars-region) with the keyboard alone (issue 15): the
// Tab key reaches every control of the page and of each widget, in the order
// of the page, forwards and backwards, and leaves the page at the end (nothing
// traps it); a visitor picks a département on the map, an axis, searches,
// clears the filters, changes page, opens « Lire plus » and exports the CSV with
// keys only. And the page's header at 320 px: the theme switch neither
// overflows nor covers the brand.
//
// The page is built with examples/vite.config.ts, served from 127.0.0.1 and
// driven through puppeteer-core in Debian's Chromium (the smoke tests' way,
// test/smoke.test.ts), and in Firefox ESR (WebDriver BiDi) where it starts.
//
//   pnpm --filter @cnr-widgets/examples exec vitest run test/keyboard.test.ts
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type ProjectFilters } from '@cnr-widgets/sdk';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, FIREFOX_PATH } from '../../scripts/browsers.mjs';
import { serveStatic } from '../../bench/lib/server.mjs';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configFile = path.join(examples, 'vite.config.ts');
const TIMEOUT = 30_000;
/** Tab presses after which a walk that has not come back to its start is trapped. */
const MAX_STOPS = 200;

// ---------------------------------------------------------------- in the page (self-contained functions)

/** What has the focus, through shadow roots. */
interface Stop {
  /** A number given to each element the first time it has the focus. */
  id: number;
  /** The widgets (custom elements) it is inside, outermost first. */
  hosts: string[];
  tag: string;
  part: string;
  type: string;
  /** Its name as a reader would guess it: aria-label, else its text or value. */
  name: string;
  /** Its box is not empty. */
  visible: boolean;
}

function focused(): Stop | null {
  const w = window as unknown as { __kbIds?: WeakMap<Element, number>; __kbNext?: number };
  w.__kbIds ??= new WeakMap();
  w.__kbNext ??= 0;
  let element: Element | null = document.activeElement;
  const hosts: string[] = [];
  while (element?.shadowRoot?.activeElement) {
    hosts.push(element.localName);
    element = element.shadowRoot.activeElement;
  }
  if (!element || element === document.body || element === document.documentElement) return null;
  let id = w.__kbIds.get(element);
  if (id === undefined) {
    id = ++w.__kbNext;
    w.__kbIds.set(element, id);
  }
  const box = element.getBoundingClientRect();
  return {
    id,
    hosts,
    tag: element.localName,
    part: element.getAttribute('part') ?? '',
    type: element.getAttribute('type') ?? '',
    name: (element.getAttribute('aria-label') ?? (element.textContent || (element as HTMLInputElement).value || '')).replace(/\s+/g, ' ').trim(),
    visible: box.width > 0 && box.height > 0,
  };
}

/**
 * The controls a keyboard user must reach in each widget of the page: every
 * element of its shadow root (and of the shadow roots inside it) that takes the
 * focus with Tab — one per group of radios (the checked one) and one per roving
 * group (`tabindex="0"`) — described as {@link focused} describes them.
 */
function widgetControls(tags: string[]): { host: string; tag: string; part: string; name: string }[] {
  const selector = 'a[href], button, input, select, textarea, [tabindex]';
  const out: { host: string; tag: string; part: string; name: string }[] = [];
  const shown = (element: Element) => element.getClientRects().length > 0 && !element.closest('[hidden], [inert]');
  const walk = (root: ShadowRoot, host: string) => {
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      if (element.shadowRoot) walk(element.shadowRoot, host);
      if (!element.matches(selector) || !shown(element)) continue;
      if ((element as HTMLButtonElement).disabled || element.getAttribute('tabindex') === '-1') continue;
      if (element instanceof HTMLInputElement && element.type === 'radio') {
        const group = [...root.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(element.name)}"]`)];
        const stop = group.find((radio) => radio.checked) ?? group[0];
        if (stop !== element) continue;
      }
      out.push({
        host,
        tag: element.localName,
        part: element.getAttribute('part') ?? '',
        name: (element.getAttribute('aria-label') ?? (element.textContent || (element as HTMLInputElement).value || '')).replace(/\s+/g, ' ').trim(),
      });
    }
  };
  for (const tag of tags) for (const host of document.querySelectorAll(tag)) if (host.shadowRoot) walk(host.shadowRoot, tag);
  return out;
}

/** Whether the focused element's name (as {@link focused} reads it) matches `pattern`. */
function focusedNameIs(pattern: string): boolean {
  let element: Element | null = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  const name = (element?.getAttribute('aria-label') ?? element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return new RegExp(pattern).test(name);
}

/** The list's result count, as shown. */
function listCount(): string {
  return (document.querySelector('cnr-project-list')?.shadowRoot?.querySelector('[part~="count"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The titles of the cards the list shows. */
function cardTitles(): string[] {
  const list = document.querySelector('cnr-project-list')?.shadowRoot;
  return [...(list?.querySelectorAll('cnr-project-card') ?? [])].map((card) =>
    (card.shadowRoot?.querySelector('[part~="title"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

// ---------------------------------------------------------------- the suite

const WIDGETS = ['cnr-key-figures', 'cnr-territory-map', 'cnr-axis-filter', 'cnr-funding-counter', 'cnr-project-list'];
const client = createClient();

let outDir: string;
let server: { origin: string; close: () => Promise<void> } | undefined;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'cnr-keyboard-'));
  await build({ configFile, logLevel: 'error', clearScreen: false, build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false } });
  server = await serveStatic(outDir);
});

afterAll(async () => {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const countText = (total: number) => (total === 0 ? 'Aucun projet' : `${total} projet${total > 1 ? 's' : ''}`);

async function expectedCount(filters: ProjectFilters): Promise<string> {
  const { data } = await client.projects({ thematique: 'sante', ...filters }, { limit: 1 });
  return countText(data.total);
}

/** Both browsers, each through puppeteer-core; Firefox only where it starts. */
const BROWSERS = [
  { name: 'Chromium', launch: () => puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, timeout: 60_000, protocolTimeout: 60_000 }) },
  {
    name: 'Firefox ESR',
    launch: () => puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, timeout: 60_000, protocolTimeout: 60_000 }),
  },
] as const;

for (const engine of BROWSERS) {
  describe(`ars-region with the keyboard alone (${engine.name})`, () => {
    let browser: Browser | undefined;
    let unavailable = '';

    beforeAll(async () => {
      if (engine.name !== 'Chromium' && !existsSync(FIREFOX_PATH)) {
        unavailable = `${FIREFOX_PATH} is not installed`;
        return;
      }
      try {
        browser = await engine.launch();
      } catch (error) {
        // Chromium must start; Firefox ESR is tried, and its absence said in the output.
        if (engine.name === 'Chromium') throw error;
        unavailable = String(error instanceof Error ? error.message : error).slice(0, 200);
        console.warn(`[keyboard] ${engine.name} did not start: ${unavailable}`);
      }
    });

    afterAll(async () => {
      await browser?.close().catch(() => undefined);
    });

    /** Opens the ARS page and waits until every widget shows its data. */
    async function open(width = 1280, height = 900): Promise<Page> {
      const page = await browser!.newPage();
      page.setDefaultTimeout(TIMEOUT);
      await page.setViewport({ width, height });
      await page.goto(`${server!.origin}/ars-region/`, { waitUntil: 'load', timeout: TIMEOUT });
      await page.waitForFunction(
        (tags: string[]) =>
          tags.every((tag) => {
            const root = document.querySelector(tag)?.shadowRoot;
            return root && (root.textContent ?? '').trim() !== '' && !root.querySelector('[part~="skeleton"]:not(.reserve *)');
          }) && /projet/.test(document.querySelector('cnr-project-list')?.shadowRoot?.querySelector('[part~="count"]')?.textContent ?? ''),
        { timeout: TIMEOUT, polling: 200 },
        WIDGETS,
      );
      // The map draws its territories with the geometry chunk.
      await page.waitForFunction(() => (document.querySelector('cnr-territory-map')?.shadowRoot?.querySelectorAll('[part~="territory"]').length ?? 0) >= 10, {
        timeout: TIMEOUT,
      });
      return page;
    }

    const here = (page: Page) => page.evaluate(focused);

    /** Presses Tab, or Shift+Tab when `back`. */
    async function pressTab(page: Page, back: boolean): Promise<void> {
      if (back) await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      if (back) await page.keyboard.up('Shift');
    }

    /** Presses Tab (Shift+Tab when `back`) until the focus matches `match`; fails after a whole walk. */
    async function tabTo(page: Page, what: string, match: (stop: Stop) => boolean, back = false): Promise<Stop> {
      for (let i = 0; i < MAX_STOPS; i++) {
        const stop = await here(page);
        if (stop && match(stop)) return stop;
        await pressTab(page, back);
      }
      throw new Error(`Tab never reached ${what}`);
    }

    const inWidget = (tag: string, part: string) => (stop: Stop) => stop.hosts[0] === tag && stop.part.split(' ').includes(part);

    async function waitForCount(page: Page, filters: ProjectFilters, what: string): Promise<void> {
      const expected = await expectedCount(filters);
      try {
        await page.waitForFunction((text: string) => (document.querySelector('cnr-project-list')?.shadowRoot?.querySelector('[part~="count"]')?.textContent ?? '').replace(/\s+/g, ' ').trim() === text, { timeout: 10_000, polling: 100 }, expected);
      } catch (error) {
        throw new Error(`${what}: the list should say « ${expected} », it says « ${await page.evaluate(listCount)} »`, { cause: error });
      }
    }

    /** Walks the page with Tab (or Shift+Tab) from where the focus is, until the focus comes back to the first stop. */
    async function walk(page: Page, back: boolean): Promise<Stop[]> {
      const stops: Stop[] = [];
      for (let i = 0; i < MAX_STOPS; i++) {
        await pressTab(page, back);
        const stop = await here(page);
        if (stop === null) continue; // the browser's own UI between the end and the start of the page
        if (stops.length > 0 && stop.id === stops[0]!.id) return stops;
        stops.push(stop);
      }
      throw new Error(`trapped: ${MAX_STOPS} presses of ${back ? 'Shift+Tab' : 'Tab'} never came back to the start; the last stops: ${JSON.stringify(stops.slice(-5))}`);
    }

    test('Tab reaches every control in the order of the page, Shift+Tab the same backwards, and nothing traps the focus', async (context) => {
      if (!browser) return context.skip(unavailable);
      const page = await open();
      try {
        const forward = await walk(page, false);
        const label = (stop: Stop) => `${stop.hosts[0] ?? 'page'} ${stop.tag}[${stop.part}] « ${stop.name.slice(0, 40)} »`;

        // Each widget's controls form one run of stops, the widgets in the order of the page.
        const runs: string[] = [];
        for (const stop of forward) {
          const owner = stop.hosts[0] ?? 'page';
          if (runs.at(-1) !== owner) runs.push(owner);
        }
        // (A widget with no control — the axis filter on the reference data, where no project is tied to an axis — has no run.)
        const controls = await page.evaluate(widgetControls, WIDGETS);
        const withControls = WIDGETS.filter((tag) => controls.some((control) => control.host === tag));
        expect(withControls.length, 'widgets with controls').toBeGreaterThanOrEqual(4);
        expect(runs, forward.map(label).join('\n')).toEqual(['page', ...withControls, 'page']);
        // No element twice in one walk, every one of them visible when it has the focus.
        expect(new Set(forward.map((stop) => stop.id)).size).toBe(forward.length);
        expect(forward.filter((stop) => !stop.visible).map(label), 'stops without a box').toEqual([]);

        // Every control of every widget is reached (one stop per radio group and per roving group).
        const reached = forward.map((stop) => `${stop.hosts[0]}|${stop.tag}|${stop.part}|${stop.name}`);
        const missing = controls.filter((control) => !reached.includes(`${control.host}|${control.tag}|${control.part}|${control.name}`));
        expect(missing, 'controls Tab does not reach').toEqual([]);
        for (const needed of [
          ['cnr-key-figures', 'sources-button'],
          ['cnr-territory-map', 'clear-button'],
          ['cnr-territory-map', 'table-button'],
          ['cnr-territory-map', 'territory'],
          ['cnr-funding-counter', 'details-button'],
          ['cnr-project-list', 'search-input'],
          ['cnr-project-list', 'sort-select'],
          ['cnr-project-list', 'export-button'],
        ] as const) {
          expect(forward.some(inWidget(needed[0], needed[1])), `Tab reaches ${needed.join(' ')}`).toBe(true);
        }
        if (withControls.includes('cnr-axis-filter')) {
          expect(forward.some((stop) => stop.hosts[0] === 'cnr-axis-filter' && stop.type === 'radio'), 'Tab reaches the axes').toBe(true);
        }

        // Backwards, from the last stop to the first (not across the end of the page, where Firefox's
        // Shift+Tab from the document skips the last link): the same stops in the reverse order.
        const last = forward.at(-1)!;
        await tabTo(page, 'the last stop', (stop) => stop.id === last.id);
        const backward = [last];
        while (backward.length <= forward.length && backward.at(-1)!.id !== forward[0]!.id) {
          await pressTab(page, true);
          const stop = await here(page);
          if (stop) backward.push(stop);
        }
        expect(backward.map(label).reverse()).toEqual(forward.map(label));
      } finally {
        await page.close();
      }
    });

    test('with keys only: a département, an axis (where the data ties projects to axes), clear the filters, a search, the next page, « Lire plus », the CSV export', async (context) => {
      if (!browser) return context.skip(unavailable);
      const page = await open();
      const downloads = mkdtempSync(path.join(os.tmpdir(), 'cnr-keyboard-csv-'));
      try {
        await waitForCount(page, { territory: 'region:44' }, 'the page loads');

        // A département: the map is one tab stop; End goes to the last département (INSEE order: the Vosges), Enter selects it.
        await tabTo(page, 'the map', inWidget('cnr-territory-map', 'territory'));
        await page.keyboard.press('End');
        expect((await here(page))?.name).toMatch(/^Vosges/);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => (document.querySelector('cnr-provider') as unknown as { filters: ProjectFilters }).filters.territory === 'departement:88');
        await waitForCount(page, { territory: 'departement:88' }, 'the Vosges');
        // Screen readers hear it once, from the provider: « 6 projets, …, Vosges ».
        const vosges = await expectedCount({ territory: 'departement:88' });
        await page.waitForFunction(
          (count: string) => {
            const said = (document.querySelector('cnr-provider')?.shadowRoot?.querySelector('[data-cnr-announcer="summary"]')?.textContent ?? '').replace(/\s+/g, ' ');
            return said.startsWith(`${count}, `) && said.endsWith('Vosges');
          },
          { timeout: 10_000 },
          vosges,
        ).catch(async (error: unknown) => {
          const said = await page.evaluate(() => document.querySelector('cnr-provider')?.shadowRoot?.querySelector('[data-cnr-announcer="summary"]')?.textContent ?? '(no region)');
          throw new Error(`the provider should say « ${vosges}, …, Vosges », it says « ${said} »`, { cause: error });
        });

        // An axis: the radios are one tab stop; the arrow moves to the next axis, applied once the choice settles.
        // On the reference data no project is tied to an axis: the filter then offers no choice (a note says
        // so), and there is no axis to pick.
        const axesOffered = await page.evaluate(() => (document.querySelector('cnr-axis-filter')?.shadowRoot?.querySelectorAll('input[type="radio"]').length ?? 0) > 1);
        let axis: string | undefined;
        if (axesOffered) {
          await tabTo(page, 'the axes', (stop) => stop.hosts[0] === 'cnr-axis-filter' && stop.type === 'radio');
          await page.keyboard.press('ArrowDown');
          axis = await page.evaluate(() => {
            let element: Element | null = document.activeElement;
            while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
            return (element as HTMLInputElement).value;
          });
          expect(axis).toMatch(/^sante-/);
          await page.waitForFunction((id: string) => ((document.querySelector('cnr-provider') as unknown as { filters: ProjectFilters }).filters.axes ?? []).includes(id), { timeout: 10_000 }, axis);
          await waitForCount(page, { territory: 'departement:88', axes: [axis] }, 'the Vosges and an axis');
        } else {
          expect(await page.evaluate(() => (document.querySelector('cnr-axis-filter')?.shadowRoot?.textContent ?? '').trim().length > 0), 'the axis filter says why it offers no choice').toBe(true);
        }

        // Clear the filters: « Toute la France » on the map, « Tous les axes » (the first radio) in the axes.
        await tabTo(page, '« Toute la France »', inWidget('cnr-territory-map', 'clear-button'), true);
        await page.keyboard.press('Enter');
        if (axis !== undefined) {
          await tabTo(page, 'the axes', (stop) => stop.hosts[0] === 'cnr-axis-filter' && stop.type === 'radio');
          await page.keyboard.press('ArrowUp');
        }
        await page.waitForFunction(() => {
          const filters = (document.querySelector('cnr-provider') as unknown as { filters: ProjectFilters }).filters;
          return filters.territory === undefined && (filters.axes ?? []).length === 0;
        }, { timeout: 10_000 });
        await waitForCount(page, {}, 'no filter');

        // A search: type, Enter.
        await tabTo(page, 'the search field', inWidget('cnr-project-list', 'search-input'));
        await page.keyboard.type('prévention');
        await page.keyboard.press('Enter');
        await waitForCount(page, { q: 'prévention' }, 'the search « prévention »');
        // Emptied again with keys: select the text, delete it, Enter.
        await page.keyboard.down(process.platform === 'darwin' ? 'Meta' : 'Control');
        await page.keyboard.press('KeyA');
        await page.keyboard.up(process.platform === 'darwin' ? 'Meta' : 'Control');
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Enter');
        await waitForCount(page, {}, 'the search emptied');

        // The next page: the pager's « Page suivante », Enter; the cards of page 2 show and take the focus.
        const { data: second } = await client.projects({ thematique: 'sante' }, { sort: 'title', limit: 12, offset: 12 });
        expect(second.items.length).toBeGreaterThan(0);
        await tabTo(page, '« Page suivante »', (stop) => stop.hosts[0] === 'cnr-project-list' && /suivante/i.test(stop.name));
        await page.keyboard.press('Enter');
        await page.waitForFunction((first: string) => {
          const list = document.querySelector('cnr-project-list')?.shadowRoot;
          const title = list?.querySelector('cnr-project-card')?.shadowRoot?.querySelector('[part~="title"]')?.textContent ?? '';
          return title.replace(/\s+/g, ' ').trim() === first;
        }, { timeout: 10_000 }, second.items[0]!.title);
        expect(await page.evaluate(cardTitles)).toEqual(second.items.map((project) => project.title));
        expect((await here(page))?.hosts[0], 'the focus goes to the new page').toBe('cnr-project-list');

        // « Lire plus »: full cards (a site may choose them: card-variant="full") collapse long objectives behind it.
        await page.evaluate(() => document.querySelector('cnr-project-list')!.setAttribute('card-variant', 'full'));
        await page.waitForFunction(
          () =>
            [...(document.querySelector('cnr-project-list')?.shadowRoot?.querySelectorAll('cnr-project-card') ?? [])].some((card) =>
              [...(card.shadowRoot?.querySelectorAll('button') ?? [])].some((button) => /^\s*Lire plus/.test(button.textContent ?? '')),
            ),
          { timeout: 10_000 },
        );
        // The full cards look up more names (documents, fundings) once shown: let them arrive.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const more = await tabTo(page, '« Lire plus »', (stop) => stop.hosts[0] === 'cnr-project-list' && stop.hosts[1] === 'cnr-project-card' && /^Lire plus/.test(stop.name));
        await page.keyboard.press('Enter');
        await page.waitForFunction(focusedNameIs, { timeout: 5000 }, '^Lire moins').catch(() => undefined);
        const after = await here(page);
        expect(after?.id, 'the focus stays on the button').toBe(more.id);
        expect(after?.name).toMatch(/^Lire moins/);
        // The CSV export: « Exporter en CSV », Enter; the file arrives and the list says so.
        if (engine.name === 'Chromium') {
          const cdp = await page.createCDPSession();
          await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
        }
        await tabTo(page, '« Exporter en CSV »', inWidget('cnr-project-list', 'export-button'), true);
        await page.keyboard.press('Enter');
        await page.waitForFunction(
          () => [...(document.querySelector('cnr-project-list')?.shadowRoot?.querySelectorAll('[role="status"]') ?? [])].some((region) => /Export CSV téléchargé/.test(region.textContent ?? '')),
          { timeout: 10_000 },
        );
        if (engine.name === 'Chromium') {
          const deadline = Date.now() + 10_000;
          while (!readdirSync(downloads).some((file) => file.endsWith('.csv')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
          const file = readdirSync(downloads).find((name) => name.endsWith('.csv'));
          expect(file, 'a CSV file is downloaded').toBeDefined();
          const lines = readFileSync(path.join(downloads, file!), 'utf8').trim().split(/\r?\n/);
          const { data: all } = await client.projects({ thematique: 'sante' }, { limit: 1 });
          expect(lines.length, 'a header and a line per project').toBeGreaterThanOrEqual(all.total + 1);
        }

      } finally {
        rmSync(downloads, { recursive: true, force: true });
        await page.close();
      }
    });
  });
}

describe('ars-region at 320 px', () => {
  test('the theme switch fits: no horizontal scroll, and it does not cover the brand', async () => {
    const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, timeout: 60_000 });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 320, height: 700 });
      await page.goto(`${server!.origin}/ars-region/`, { waitUntil: 'load', timeout: TIMEOUT });
      const box = await page.evaluate(() => {
        const rect = (selector: string) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        return { width: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth, theme: rect('#theme-switch'), brand: rect('.fr-header__brand') };
      });
      expect(box.scroll, 'the page scrolls sideways').toBe(box.width);
      expect(box.theme.right).toBeLessThanOrEqual(box.width);
      const overlaps = box.theme.left < box.brand.right && box.brand.left < box.theme.right && box.theme.top < box.brand.bottom && box.brand.top < box.theme.bottom;
      expect(overlaps, `the theme switch ${JSON.stringify(box.theme)} covers the brand ${JSON.stringify(box.brand)}`).toBe(false);
    } finally {
      await browser.close();
    }
  });
});
