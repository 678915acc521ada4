// Smoke tests of the examples, as a visitor sees them: the pages are built
// with examples/vite.config.ts into a temporary folder, served from
// 127.0.0.1 and opened in Debian's Chromium (puppeteer-core, no browser
// downloaded). Each page must show the widgets' content (text inside their
// shadow roots), log no console error, throw no page error and request
// nothing from another origin. The dev server's /cdn/ alias, the
// configurator's snippet and the sdk-node script are checked too. The pages
// are opened in WebKit as well (WebKitGTK through WebKitWebDriver under Xvfb,
// scripts/webkit.mjs), with a screenshot of the ARS page at 375 px.
//
//   pnpm --filter @cnr-widgets/examples test      (CHROMIUM_PATH to use another binary)
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@cnr-widgets/sdk';
import axe from 'axe-core';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { build, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGES } from '../vite.config';
import { CHROMIUM_FLAGS as FLAGS, CHROMIUM_PATH as CHROMIUM } from '../../scripts/browsers.mjs';
import { startWebKit, type WebKitSession } from '../../scripts/webkit.mjs';
import { serveStatic } from '../../bench/lib/server.mjs';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(examples, '..');
const configFile = path.join(examples, 'vite.config.ts');
const integrityFile = path.join(repo, 'packages/elements/dist/cdn/integrity.json');
const sdkDist = path.join(repo, 'packages/sdk/dist/index.js');
/** How long a widget may take to show its content. */
const RENDER_TIMEOUT = 30_000;

// ---------------------------------------------------------------- static server

/**
 * Records, in the page, what WebDriver cannot observe from outside (it has no
 * console or error events): uncaught errors, failed loads, unhandled
 * rejections and console.error calls. Put first in <head> for WebKit's visits.
 */
const RECORDER = `<script>window.__smoke = { errors: [] };
addEventListener('error', (e) => __smoke.errors.push(e instanceof ErrorEvent ? String(e.message) : 'failed to load ' + (e.target.src || e.target.href)), true);
addEventListener('unhandledrejection', (e) => __smoke.errors.push('unhandled rejection: ' + String(e.reason)));
const consoleError = console.error; console.error = (...args) => { __smoke.errors.push(args.map(String).join(' ')); consoleError.apply(console, args); };</script>`;

/** The bench's static server; with `record`, the recorder first in every page's <head>. */
function serve(root: string, { record = false } = {}): Promise<{ origin: string; close: () => Promise<void> }> {
  return serveStatic(root, record ? { html: (text) => text.replace(/<head[^>]*>/i, (head) => head + RECORDER) } : {});
}

// ---------------------------------------------------------------- browser helpers

interface Visit {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
}

/** What a page must not do, whatever it shows. */
function expectClean(visit: Visit): void {
  expect(visit.pageErrors, 'page errors').toEqual([]);
  expect(visit.consoleErrors, 'console errors').toEqual([]);
  expect(visit.foreignRequests, 'requests to another origin').toEqual([]);
}

/** axe-core (WCAG 2.1 A and AA, and best practices) finds nothing, shadow roots included. */
async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  expect(violations, 'axe-core violations').toEqual([]);
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

/**
 * The text a visitor sees in the element matching `selector`, through shadow
 * roots (runs in the page: self-contained).
 */
function deepTextOf(selector: string): string {
  const skip = new Set(['STYLE', 'SCRIPT', 'TEMPLATE']);
  const walk = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element) || skip.has(node.tagName)) return '';
    let text = node.shadowRoot ? ` ${[...node.shadowRoot.childNodes].map(walk).join('')} ` : '';
    for (const child of node.childNodes) text += walk(child);
    return text;
  };
  const start = document.querySelector(selector);
  return start ? walk(start).replace(/\s+/g, ' ') : '';
}

/** Waits until the deep text of `selector` contains one of `needles`; returns the one found. */
async function waitForText(page: Page | Frame, needles: string[], selector = 'body', timeout = RENDER_TIMEOUT): Promise<string> {
  const expression = `(() => {
    const text = (${deepTextOf.toString()})(${JSON.stringify(selector)});
    return ${JSON.stringify(needles)}.find((needle) => text.includes(needle)) ?? false;
  })()`;
  try {
    const handle = await page.waitForFunction(expression, { timeout, polling: 200 });
    return (await handle.jsonValue()) as string;
  } catch (error) {
    const text = await page.evaluate(deepTextOf, selector).catch(() => '?');
    throw new Error(`none of ${JSON.stringify(needles)} in the text of ${selector}: « ${text.slice(0, 600)} »`, { cause: error });
  }
}

/** Waits until every element matching each selector is defined, shows content and no loading placeholder. */
async function waitForWidgets(page: Page, selectors: string[]): Promise<void> {
  await page.waitForFunction(
    (selectors) =>
      selectors.every((selector) => {
        const elements = [...document.querySelectorAll(selector)];
        return (
          elements.length > 0 &&
          elements.every((el) => {
            const root = el.shadowRoot;
            return (
              customElements.get(el.localName) !== undefined &&
              root !== null &&
              (root.textContent ?? '').trim().length > 0 &&
              !root.querySelector('[part~="skeleton"], [aria-busy="true"]')
            );
          })
        );
      }),
    { timeout: RENDER_TIMEOUT, polling: 200 },
    selectors,
  );
}

// ---------------------------------------------------------------- the dataset

const client = createClient();

/** Titles of the projects of a territory, from the embedded dataset (what the list must show). */
async function titles(territory: string): Promise<string[]> {
  const { data } = await client.projects({ territory }, { limit: 12, sort: 'title' });
  return data.items.map((p) => p.title);
}

// ---------------------------------------------------------------- the suite

let outDir: string;
let server: { origin: string; close: () => Promise<void> } | undefined;
let browser: Browser | undefined;
const integrityBuilt = existsSync(integrityFile);
/** Under CI (`CI=true`) the build ran first (scripts/test.sh): a missing build fails, it is not skipped. */
const ci = /^(true|1)$/i.test(process.env['CI'] ?? '');

test.runIf(ci)('the build ran first (CI): the CDN bundle with its integrity file, the SDK', () => {
  expect(integrityBuilt, `${integrityFile} is missing: run \`pnpm build\` first`).toBe(true);
  expect(existsSync(sdkDist), `${sdkDist} is missing: run \`pnpm build\` first`).toBe(true);
});

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'cnr-examples-'));
  await build({ configFile, logLevel: 'error', clearScreen: false, build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false } });
  // A producer's file with problems (a test fixture), for the configurator's `src`.
  copyFileSync(path.join(repo, 'packages/elements/test/fixtures/producer-file.json'), path.join(outDir, 'fichier-ars-test.json'));
  server = await serve(outDir);
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    defaultViewport: { width: 1280, height: 900 },
    timeout: 60_000,
    protocolTimeout: 60_000,
  });
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const openPages: Page[] = [];

/** Opens a page of the built examples, recording what must not happen. */
async function open(pathname: string): Promise<Visit> {
  const page = await browser!.newPage();
  openPages.push(page);
  page.setDefaultTimeout(RENDER_TIMEOUT);
  const visit: Visit = { page, consoleErrors: [], pageErrors: [], foreignRequests: [] };
  const origin = server!.origin;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Without `pnpm build`, the configurator's request for /cdn/integrity.json is an expected 404.
    if (!integrityBuilt && message.location().url?.endsWith('/cdn/integrity.json')) return;
    visit.consoleErrors.push(`${message.text()} (${message.location().url ?? '?'})`);
  });
  page.on('pageerror', (error) => visit.pageErrors.push(String(error instanceof Error ? error.message : error)));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !/^(data|blob|about):/.test(url)) visit.foreignRequests.push(url);
  });
  await page.goto(`${origin}${pathname}`, { waitUntil: 'load', timeout: 30_000 });
  return visit;
}

afterAll(async () => {
  for (const page of openPages) await page.close().catch(() => undefined);
});

describe('examples index and demo', () => {
  test('the build has every page; the index links every example, and /demo/ leads to the ARS page', async () => {
    for (const file of Object.values(PAGES)) expect(existsSync(path.join(outDir, file)), file).toBe(true);
    expect(existsSync(path.join(outDir, 'cdn/cnr-widgets.js')), 'cdn/cnr-widgets.js').toBe(true);
    const visit = await open('/');
    const links = await visit.page.$$eval('main a', (anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const href of ['./ars-region/', './ars-own-file/', './collectivite/', './configurator/', './frameworks/react/', './frameworks/vue/']) {
      expect(links).toContain(href);
    }
    await expectAccessible(visit.page);
    expectClean(visit);

    const demo = await open('/demo/');
    await demo.page.waitForFunction(() => location.pathname.endsWith('/ars-region/'), { timeout: 10_000 });
    await waitForWidgets(demo.page, ['cnr-project-list']);
  });
});

describe('ars-region: the DSFR page of ARS Grand Est', () => {
  const TAGS = ['cnr-key-figures', 'cnr-territory-map', 'cnr-axis-filter', 'cnr-funding-counter', 'cnr-project-list'];

  test('every widget shows the région 44 data; landmarks, skip link; no error, nothing from another origin', async () => {
    const visit = await open('/ars-region/');
    const { page } = visit;
    await waitForWidgets(page, TAGS);
    const expected = await titles('region:44');
    expect(expected.length).toBeGreaterThan(0);
    await waitForText(page, expected, 'cnr-project-list');
    // The documents tie no project to an axis: the filter says so instead of offering axes that would empty the list.
    await waitForText(page, ['ne rattachent aucun projet à un axe'], 'cnr-axis-filter');
    await waitForText(page, ['€'], 'cnr-funding-counter');
    // The map shows the départements of Grand Est (10), each a button.
    await page.waitForFunction(
      () => (document.querySelector('cnr-territory-map')?.shadowRoot?.querySelectorAll('[part~="territory"]').length ?? 0) >= 10,
      { timeout: RENDER_TIMEOUT },
    );
    const structure = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
      banner: document.querySelectorAll('header[role="banner"], body > header').length,
      main: document.querySelectorAll('main').length,
      footer: document.querySelectorAll('footer').length,
      skip: document.querySelector('.fr-skiplinks a')?.getAttribute('href'),
      dsfr: [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.fr-header'))),
    }));
    expect(structure).toEqual({ lang: 'fr', h1: 1, banner: 1, main: 1, footer: 1, skip: '#contenu', dsfr: true });
    await expectAccessible(page);
    expectClean(visit);
  });

  test('the theme switch sets data-fr-theme on <html>, and the widgets follow it', async () => {
    const visit = await open('/ars-region/');
    const { page } = visit;
    await waitForWidgets(page, ['cnr-project-list']);
    await page.click('label[for="theme-dark"]');
    await page.waitForFunction(
      () => document.documentElement.dataset.frTheme === 'dark' && document.querySelector('cnr-project-list')?.getAttribute('data-cnr-theme') === 'dark',
      { timeout: 5000 },
    );
    await expectAccessible(page); // contrasts of the dark theme
    await page.click('label[for="theme-light"]');
    await page.waitForFunction(() => document.documentElement.dataset.frTheme === 'light', { timeout: 5000 });
    expectClean(visit);
  });
});

describe('ars-own-file: an ARS’s own file read with src', () => {
  test('the page reads donnees-ars-paca.json over the reference: the four Hautes-Alpes projects, the map of PACA’s départements', async () => {
    const source = readFileSync(path.join(examples, 'ars-own-file/index.html'), 'utf8');
    expect(source).toContain('<cnr-provider src="./donnees-ars-paca.json" territory="region:93">');
    expect(source).toContain('<cnr-territory-map level="department" region="93"></cnr-territory-map>');
    // The published file is what the README's commands make of the CSV, and holds only the ARS's own records.
    const file = JSON.parse(readFileSync(path.join(examples, 'ars-own-file/donnees-ars-paca.json'), 'utf8')) as Record<string, unknown[]>;
    expect(file['territories']).toBeUndefined();
    expect(file['axes']).toBeUndefined();
    const own = createClient({ src: file });
    const { problems, dataset } = await own.load();
    expect(problems).toEqual([]);
    const expected = dataset.projects.map((p) => p.title);
    expect(expected).toHaveLength(4);

    const visit = await open('/ars-own-file/');
    const { page } = visit;
    for (const title of expected) await waitForText(page, [title], 'cnr-project-list');
    await waitForText(page, ['Carte des départements de la région Provence-Alpes-Côte d'], 'cnr-territory-map');
    const list = await page.evaluate(deepTextOf, 'cnr-project-list');
    expect(list).not.toContain('departement:05'); // names, not ids
    await expectAccessible(page);
    expectClean(visit);
  });
});

describe('collectivite: a commune’s page that pastes one list', () => {
  test('the pasted <cnr-project-list territory="departement:57"> shows Moselle’s projects, without DSFR', async () => {
    const source = readFileSync(path.join(examples, 'collectivite/index.html'), 'utf8');
    expect(source).toContain('<script type="module" src="/cdn/cnr-widgets.js"></script>');
    expect(source).toContain('<cnr-project-list territory="departement:57"></cnr-project-list>');

    const visit = await open('/collectivite/');
    const { page } = visit;
    await waitForWidgets(page, ['cnr-project-list']);
    const expected = await titles('57');
    expect(expected.length).toBeGreaterThan(0);
    await waitForText(page, expected, 'cnr-project-list');
    const dsfr = await page.evaluate(() => [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('.fr-'))));
    expect(dsfr).toBe(false);
    await expectAccessible(page);
    expectClean(visit);
  });
});

describe('configurator', () => {
  const snippetText = (page: Page) => page.$eval('#code', (el) => el.textContent ?? '');
  const frameDoc = async (page: Page) => {
    const handle = await page.$('#apercu');
    const frame = await handle!.contentFrame();
    return frame!;
  };

  test('the snippet and the live preview follow the options; « Copier » copies and says so', async () => {
    const visit = await open('/configurator/');
    const { page } = visit;
    await browser!.defaultBrowserContext().overridePermissions(server!.origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', { timeout: RENDER_TIMEOUT });

    // Default: the project list, all of France.
    let text = await snippetText(page);
    expect(text).toContain('<cnr-project-list></cnr-project-list>');
    if (integrityBuilt) {
      expect(text).toMatch(/<script type="module" src="https:\/\/[^"]+\/cnr-widgets\.js" integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"><\/script>/);
      expect(text).toContain('<script type="importmap">');
      expect(await page.$eval('#csp', (el) => el.textContent)).toMatch(/^script-src 'sha256-[A-Za-z0-9+/=]+' https:\/\/cdn\.jsdelivr\.net$/);
    } else {
      expect(text).toContain('crossorigin="anonymous"');
      expect(await page.$eval('#integrite-note', (el) => el.textContent)).toContain('construction de publication');
    }

    // Territory: type part of a name, choose with the keyboard (combobox).
    await page.click('#territoire', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#territoire', 'mosel');
    const expanded = await page.$eval('#territoire', (el) => el.getAttribute('aria-expanded'));
    expect(expanded).toBe('true');
    await page.keyboard.press('ArrowDown');
    const active = await page.$eval('#territoire', (el) => {
      const id = el.getAttribute('aria-activedescendant');
      return id ? document.getElementById(id)?.textContent : undefined;
    });
    expect(active).toContain('Moselle');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('code')?.textContent?.includes('territory="departement:57"'), { timeout: 5000 });
    expect(await page.$eval('#territoire', (el) => (el as HTMLInputElement).value)).toContain('Moselle');

    // By INSEE code too.
    await page.click('#territoire', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#territoire', '88');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('code')?.textContent?.includes('territory="departement:88"'), { timeout: 5000 });

    // The preview runs the real element with the same markup.
    const frame = await frameDoc(page);
    await frame.waitForFunction(
      () => {
        const list = document.querySelector('cnr-project-list');
        return list?.getAttribute('territory') === 'departement:88' && (list.shadowRoot?.textContent ?? '').trim().length > 0;
      },
      { timeout: RENDER_TIMEOUT },
    );
    await waitForText(frame, await titles('88'), 'cnr-project-list');

    // An axis and a status go into the list's attributes.
    await page.click('label[for="axe-sante-1"]');
    await page.click('label[for="statut-en-cours"]');
    text = await snippetText(page);
    expect(text).toContain('<cnr-project-list territory="departement:88" axis="sante-1" status="en-cours"></cnr-project-list>');

    // Another widget: the map of the territory's région; axes do not apply to it.
    await page.click('label[for="widget-map"]');
    text = await snippetText(page);
    expect(text).toContain('<cnr-territory-map region="44"></cnr-territory-map>');
    expect(text).not.toContain('cnr-project-list');
    expect(await page.$eval('#axes', (el) => (el as HTMLFieldSetElement).disabled)).toBe(true);
    await frame.waitForFunction(() => Boolean(document.querySelector('cnr-territory-map')?.shadowRoot?.querySelector('svg')), { timeout: RENDER_TIMEOUT });

    // The whole set, in English, dark.
    await page.click('label[for="widget-all"]');
    await page.click('label[for="langue-en"]');
    await page.click('label[for="theme-dark"]');
    text = await snippetText(page);
    expect(text).toContain('<cnr-provider territory="departement:88" axis="sante-1" status="en-cours" lang="en">');
    expect(text).toContain('<cnr-funding-counter></cnr-funding-counter>');
    expect(text).toContain('data-fr-theme="dark"');
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-fr-theme') === 'dark' && document.querySelector('cnr-provider[lang="en"] cnr-key-figures') !== null, {
      timeout: 5000,
    });
    await frame.waitForFunction(
      () => (document.querySelector('cnr-axis-filter')?.shadowRoot?.textContent ?? '').includes('axes'),
      { timeout: RENDER_TIMEOUT },
    );

    // « Copier »: the Clipboard API, and a visible, announced confirmation.
    await page.click('#copier');
    await page.waitForFunction(() => (document.getElementById('copie-statut')?.textContent ?? '').length > 0, { timeout: 5000 });
    const status = await page.$eval('#copie-statut', (el) => ({ text: el.textContent, role: el.getAttribute('role') }));
    expect(status.role).toBe('status');
    expect(status.text).toContain('Code copié');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(text);

    await expectAccessible(page);
    expectClean(visit);
  });
});

describe('configurator: the three forms', () => {
  test('script (recommended), iframe with its live preview that follows its content, static HTML with its command; each says its limits', async () => {
    const visit = await open('/configurator/');
    const { page } = visit;
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', { timeout: RENDER_TIMEOUT });
    const panels = () => page.$$eval('[data-form]', (els) => els.filter((el) => !(el as HTMLElement).hidden).map((el) => (el as HTMLElement).dataset.form));
    expect(await panels()).toEqual(['script']);
    expect(await page.$eval('#limites-script', (el) => el.textContent)).toContain('Limites');

    // Iframe: the CDN's embed page with the chosen options, a title, the optional resize line.
    await page.click('#territoire', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#territoire', 'mosel');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.click('label[for="forme-iframe"]');
    expect(await panels()).toEqual(['iframe']);
    const iframeCode = await page.$eval('#code-iframe', (el) => el.textContent ?? '');
    expect(iframeCode).toMatch(/^<iframe src="https:\/\/cdn\.jsdelivr\.net\/npm\/@cnr-widgets\/elements@[^/]+\/dist\/cdn\/embed\.html\?widgets=project-list&amp;territory=departement:57" title="Projets du CNR santé — Moselle"/);
    expect(iframeCode).toContain('embed-resize.js');
    expect(await page.$eval('#limites-iframe', (el) => el.textContent)).toContain('target="_top"');
    // The preview: the embed page in a frame, taking its content's height through the resize messages.
    expect(await page.$eval('#apercu', (el) => (el as HTMLElement).hidden)).toBe(true);
    const embed = (await (await page.$('#apercu-iframe'))!.contentFrame())!;
    await embed.waitForFunction(() => (document.querySelector('cnr-project-list')?.shadowRoot?.textContent ?? '').includes('projet'), { timeout: RENDER_TIMEOUT });
    await page.waitForFunction(
      () => {
        const frame = document.getElementById('apercu-iframe') as HTMLIFrameElement;
        const main = frame.contentDocument?.querySelector('main');
        return main !== null && main !== undefined && Math.abs(frame.getBoundingClientRect().height - Math.ceil(main.getBoundingClientRect().height)) <= 1;
      },
      { timeout: RENDER_TIMEOUT },
    );
    // Without the resize script: no such line, a fixed height.
    await page.click('label[for="ajustement"]');
    expect(await page.$eval('#code-iframe', (el) => el.textContent ?? '')).not.toContain('embed-resize.js');

    // Static HTML: the command, the same widget and territory.
    await page.click('label[for="forme-statique"]');
    expect(await panels()).toEqual(['static']);
    expect(await page.$eval('#code-statique', (el) => el.textContent)).toContain('npx cnr-widgets render cnr-project-list territory=departement:57 --out cnr-project-list.html');
    expect(await page.$eval('#limites-statique', (el) => el.textContent)).toContain('figé');
    expect(await page.$eval('#apercu', (el) => (el as HTMLElement).hidden)).toBe(false);

    await expectAccessible(page);
    expectClean(visit);
  });
});

describe('configurator: a producer’s file', () => {
  const frameDoc = async (page: Page) => (await (await page.$('#apercu'))!.contentFrame())!;
  test('reads the file given by its URL, previews the widgets on it and lists its problems next to the preview', async () => {
    const visit = await open('/configurator/');
    const { page } = visit;
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', { timeout: RENDER_TIMEOUT });
    expect(await page.$eval('#problemes', (el) => (el as HTMLElement).hidden)).toBe(true);

    // Not a web address: said next to the field, nothing read.
    await page.type('#fichier', 'javascript:alert(1)');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('fichier-erreur')!.getClientRects().length > 0, { timeout: 5000 });
    expect(await page.$eval('#fichier', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.$eval('#code', (el) => el.textContent ?? '')).not.toContain('javascript:');

    const url = `${server!.origin}/fichier-ars-test.json`;
    await page.click('#fichier', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#fichier', url);
    await page.keyboard.press('Enter');
    // The message is gone (DSFR's .fr-error-text must not override `hidden`).
    await page.waitForFunction(() => document.getElementById('fichier-erreur')!.getClientRects().length === 0, { timeout: 5000 });
    await page.waitForFunction((src) => (document.getElementById('code')?.textContent ?? '').includes(`<cnr-project-list src="${src}">`), { timeout: 5000 }, url);

    // The problems of the file, next to the preview.
    await page.waitForFunction(() => (document.getElementById('problemes-liste')?.textContent ?? '').includes('p-broken'), { timeout: RENDER_TIMEOUT });
    expect(await page.$eval('#problemes', (el) => (el as HTMLElement).hidden)).toBe(false);
    const summary = await page.$eval('#problemes-resume', (el) => el.textContent ?? '');
    expect(summary).toMatch(/^\d+ problèmes? : les enregistrements valides sont affichés/);
    const items = await page.$$eval('#problemes-liste li', (lis) => lis.map((li) => li.textContent));
    expect(items).toContain('projects[3] (id p-broken) › title: Champ obligatoire manquant.');

    // The preview shows the file's valid projects, named territories, and no notice to visitors.
    const frame = await frameDoc(page);
    await waitForText(frame, ['Centre de soins non programmés à Nantes', 'Loire-Atlantique'], 'cnr-project-list');
    const notice = await frame.evaluate(() => document.querySelector('cnr-project-list')?.shadowRoot?.querySelector('[part="problems"]') ?? null);
    expect(notice).toBeNull();

    // The file's territories are offered.
    await page.click('#territoire', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#territoire', 'loire-atl');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('code')?.textContent ?? '').includes('territory="departement:44"'), { timeout: 5000 });

    await expectAccessible(page);
    expectClean(visit);
  });
});

describe('frameworks', () => {
  for (const framework of ['react', 'vue'] as const) {
    test(`${framework}: the elements render and the page shows the last cnr-filter-change and cnr-project-select`, async () => {
      const visit = await open(`/frameworks/${framework}/`);
      const { page } = visit;
      await waitForWidgets(page, ['cnr-axis-filter', 'cnr-project-list']);
      await waitForText(page, await titles(framework === 'react' ? '44' : '57'), 'cnr-project-list');

      // « Voir le projet » on the first card of the list (inside two shadow roots).
      await page.waitForFunction(
        () => {
          const card = document.querySelector('cnr-project-list')?.shadowRoot?.querySelector('cnr-project-card');
          return Boolean(card?.shadowRoot?.querySelector('button[part~="select-button"]'));
        },
        { timeout: RENDER_TIMEOUT },
      );
      await page.evaluate(() => {
        const card = document.querySelector('cnr-project-list')!.shadowRoot!.querySelector('cnr-project-card')!;
        card.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="select-button"]')!.click();
      });
      await page.waitForFunction(() => document.querySelector('[data-testid="event-summary"]')?.textContent?.includes('cnr-project-select'), { timeout: 5000 });
      expect(await page.$eval('[data-testid="event-detail"]', (el) => el.textContent)).toMatch(/"id": "[^"]+"/);
      // The chosen project's card, full.
      await waitForWidgets(page, ['cnr-project-card']);

      // Then a search in the list (inside its shadow root). The axis filter offers no axis on the
      // reference data: the documents tie no project to one.
      await page.evaluate(() => {
        const search = document.querySelector('cnr-project-list')!.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
        search.value = 'dentaire';
        search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      });
      await page.waitForFunction(() => document.querySelector('[data-testid="event-summary"]')?.textContent?.includes('cnr-filter-change'), { timeout: 5000 });
      expect(await page.$eval('[data-testid="event-detail"]', (el) => el.textContent)).toContain('dentaire');

      await expectAccessible(page);
      expectClean(visit);
    });
  }
});

describe('in WebKit (Safari’s engine: WebKitGTK through WebKitWebDriver)', () => {
  let webkit: WebKitSession | undefined;
  let recorded: { origin: string; close: () => Promise<void> } | undefined;

  beforeAll(async () => {
    recorded = await serve(outDir, { record: true });
    webkit = await startWebKit({ width: 1280, height: 900 });
  });

  afterAll(async () => {
    await webkit?.close();
    await recorded?.close();
  });

  /** Opens a page; returns its origin. */
  async function visit(pathname: string): Promise<string> {
    await webkit!.goto(`${recorded!.origin}${pathname}`);
    return recorded!.origin;
  }

  async function waitFor(expression: string, what: string, timeout = RENDER_TIMEOUT): Promise<void> {
    if (!(await webkit!.waitFor(expression, timeout))) throw new Error(`WebKit: timed out waiting for ${what}`);
  }

  /** An expression: every element of each selector in `doc` is defined and shows content, not a placeholder. */
  const widgetsShown = (selectors: string[], doc = 'document') => `${JSON.stringify(selectors)}.every((selector) => {
    const elements = [...${doc}.querySelectorAll(selector)];
    return elements.length > 0 && elements.every((el) => ${doc}.defaultView.customElements.get(el.localName) && el.shadowRoot &&
      (el.shadowRoot.textContent ?? '').trim().length > 0 && !el.shadowRoot.querySelector('[part~="skeleton"], [aria-busy="true"]'));
  })`;

  async function expectText(needles: string[], selector: string): Promise<void> {
    const found = `(() => { const text = (${deepTextOf.toString()})(${JSON.stringify(selector)}); return ${JSON.stringify(needles)}.some((n) => text.includes(n)); })()`;
    await waitFor(found, `one of ${needles.length} texts in ${selector}`);
  }

  /** No error recorded, no widget showing an error, nothing requested from another origin; axe-core finds nothing. */
  async function expectCleanAndAccessible(origin: string): Promise<void> {
    const state = await webkit!.execute<{ errors: string[]; widgetErrors: string[]; foreign: string[] }>(
      `const origin = arguments[0];
      const widgetErrors = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('cnr-') && el.shadowRoot?.querySelector('[part~="error"]')).map((el) => el.localName);
      return {
        errors: window.__smoke.errors,
        widgetErrors,
        foreign: performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !u.startsWith(origin + '/') && !/^(data|blob|about):/.test(u)),
      };`,
      [origin],
    );
    expect(state).toEqual({ errors: [], widgetErrors: [], foreign: [] });
    await webkit!.execute(`${axe.source}; return true;`);
    const violations = await webkit!.executeAsync<string[]>(
      `const done = arguments[arguments.length - 1];
      window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
        .then((r) => done(r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', '))), (e) => done(['axe failed: ' + e]));`,
    );
    expect(violations, 'axe-core violations').toEqual([]);
  }

  test('ars-region: every widget shows the région 44 data; no error, nothing from another origin; a screenshot at 375 px', async () => {
    const origin = await visit('/ars-region/');
    await waitFor(widgetsShown(['cnr-key-figures', 'cnr-territory-map', 'cnr-axis-filter', 'cnr-funding-counter', 'cnr-project-list']), 'the widgets');
    await expectText(await titles('region:44'), 'cnr-project-list');
    await expectText(['€'], 'cnr-funding-counter');
    await waitFor(`(document.querySelector('cnr-territory-map')?.shadowRoot?.querySelectorAll('[part~="territory"]').length ?? 0) >= 10`, 'the map');
    await expectCleanAndAccessible(origin);

    // 375 CSS px, an iPhone's width: the MiniBrowser's window cannot be that
    // narrow (its toolbar), so the page runs in a 375 px frame; its media
    // queries see 375 px. Screenshots of the top and of the first widgets.
    writeFileSync(path.join(outDir, 'iphone.html'), `<!doctype html><title>375</title><style>body{margin:0}iframe{width:375px;height:812px;border:0;display:block}</style><iframe src="/ars-region/"></iframe>`);
    await webkit!.goto(`${origin}/iphone.html`);
    await waitFor(`(() => { const d = document.querySelector('iframe').contentDocument; return d && d.defaultView && (${widgetsShown(['cnr-key-figures', 'cnr-project-list'], 'd')}); })()`, 'the widgets at 375 px');
    const frameWidth = await webkit!.execute<number>(`return document.querySelector('iframe').contentWindow.innerWidth;`);
    expect(frameWidth).toBe(375);
    const overflow = await webkit!.execute<number>(`const d = document.querySelector('iframe').contentDocument; return d.documentElement.scrollWidth - d.documentElement.clientWidth;`);
    expect(overflow, 'horizontal scrolling at 375 px').toBe(0);
    const dir = process.env.SCREENSHOTS_DIR ?? path.join(os.tmpdir(), 'cnr-webkit-screenshots');
    mkdirSync(dir, { recursive: true });
    // The window's viewport (the frame, then white), before and after scrolling the frame to the widgets.
    await webkit!.setViewport(447, 812);
    const shot = async (name: string) => {
      const png = await webkit!.screenshot();
      writeFileSync(path.join(dir, name), png);
      expect(png.length).toBeGreaterThan(10_000);
    };
    await new Promise((resolve) => setTimeout(resolve, 500)); // the resize repainted
    await shot('ars-region-375-top.png');
    await webkit!.execute(`document.querySelector('iframe').contentDocument.querySelector('cnr-key-figures').scrollIntoView();`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await shot('ars-region-375-widgets.png');
    await webkit!.execute(`document.querySelector('iframe').contentDocument.querySelector('cnr-project-list').scrollIntoView();`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await shot('ars-region-375-list.png');
    await webkit!.setViewport(1280, 900);
    console.log(`WebKit screenshots of the ARS page at 375 px: ${dir}`);
  });

  test('collectivite: the pasted list shows Moselle’s projects', async () => {
    const origin = await visit('/collectivite/');
    await waitFor(widgetsShown(['cnr-project-list']), 'the list');
    await expectText(await titles('57'), 'cnr-project-list');
    await expectCleanAndAccessible(origin);
  });

  for (const framework of ['react', 'vue'] as const) {
    test(`frameworks/${framework}: the elements render in the framework's page`, async () => {
      const origin = await visit(`/frameworks/${framework}/`);
      await waitFor(widgetsShown(['cnr-axis-filter', 'cnr-project-list']), 'the widgets');
      await expectText(await titles(framework === 'react' ? '44' : '57'), 'cnr-project-list');
      await expectCleanAndAccessible(origin);
    });
  }

  test('configurator: the live preview runs the element', async () => {
    const origin = await visit('/configurator/');
    await waitFor(`document.documentElement.dataset.ready === 'true'`, 'the configurator');
    await waitFor(
      `(() => { const list = document.querySelector('#apercu')?.contentDocument?.querySelector('cnr-project-list'); return (list?.shadowRoot?.textContent ?? '').trim().length > 0; })()`,
      'the preview',
    );
    await expectCleanAndAccessible(origin);
  });
});

describe('dev server (the README’s demo command)', () => {
  let dev: ViteDevServer | undefined;
  afterAll(async () => {
    await dev?.close();
  });

  test('/cdn/cnr-widgets.js is the elements’ CDN entry from source; /cdn/integrity.json the build’s', async () => {
    dev = await createServer({
      configFile,
      logLevel: 'error',
      clearScreen: false,
      cacheDir: path.join(outDir, '.vite-cache'),
      optimizeDeps: { noDiscovery: true, include: [] },
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, ws: false },
    });
    await dev.listen();
    const origin = dev.resolvedUrls!.local[0]!.replace(/\/$/, '');
    const script = await fetch(`${origin}/cdn/cnr-widgets.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    // src/cdn.ts: the autoloader, which imports each tag's registration module (src/cdn/tags.ts).
    expect(await script.text()).toMatch(/startAutoloader/);
    const integrity = await fetch(`${origin}/cdn/integrity.json`);
    if (integrityBuilt) {
      expect(integrity.status).toBe(200);
      expect(((await integrity.json()) as { entry: string }).entry).toBe('cnr-widgets.js');
    } else {
      expect(integrity.status).toBe(404);
    }
  });
});

describe('sdk-node', () => {
  test('summary.mjs prints the regional table (Grand Est) and writes a CSV with a byte order mark', async (context) => {
    if (!existsSync(sdkDist) && !ci) {
      context.skip('packages/sdk/dist/index.js is missing: run `pnpm build` first (the script uses the built SDK)');
      return;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cnr-sdk-node-'));
    try {
      const csv = path.join(dir, 'summary.csv');
      const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(examples, 'sdk-node/summary.mjs'), csv], { cwd: examples, timeout: 60_000 });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(/Région\s+Projets\s+Financements\s+Participants/);
      const grandEst = stdout.split('\n').find((line) => line.includes('Grand Est'));
      expect(grandEst).toMatch(/^44\s+Grand Est\s+\d+/);
      const bytes = readFileSync(csv);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const header = bytes.subarray(3).toString('utf8').split(/\r?\n/)[0];
      expect(header).toContain('title');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
