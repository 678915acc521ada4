// Subresource Integrity of the CDN snippet, in Debian's Chromium and Firefox ESR
// (puppeteer-core) and WebKitGTK (WebKitWebDriver under Xvfb, scripts/webkit.mjs);
// no browser is downloaded. Needs `pnpm build` first.
//
//   node --test tests/cdn/         (pnpm test:cdn; BROWSERS=chromium,firefox,webkit to pick some)
//
// The pages are those of examples/cdn-sri/server.mjs: the snippet of docs/cdn.md
// (import map with every file's integrity, CSP nonce or hash) before
// <cnr-provider>, <cnr-key-figures> and <cnr-funding-counter> on région 44.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { datasetChunk, startServer, tamper } from '../../examples/cdn-sri/server.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, FIREFOX_PATH } from '../../scripts/browsers.mjs';
import { startWebKit } from '../../scripts/webkit.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cdnDir = path.join(root, 'packages/elements/dist/cdn');
const TAGS = ['cnr-provider', 'cnr-key-figures', 'cnr-funding-counter'];
/** What Lit puts on window by design: its version registries and the decorators' metadata. */
const LIT_GLOBALS = ['litHtmlVersions', 'litElementVersions', 'reactiveElementVersions', 'litPropertyMetadata', 'litIssuedWarnings'];
const only = process.env.BROWSERS?.split(',');

const browsers = [
  {
    name: 'chromium',
    launch: () =>
      puppeteer.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_FLAGS,
      }),
  },
  {
    name: 'firefox',
    launch: () =>
      puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true }),
  },
  { name: 'webkit', launch: launchWebKit },
].filter((b) => !only || only.includes(b.name));

/**
 * WebKit through WebDriver, behind the few calls of puppeteer's Browser and Page
 * that these tests make. One window: a page is a navigation of it, closed by
 * going to about:blank (the tests open one page at a time).
 */
async function launchWebKit() {
  const session = await startWebKit();
  return {
    close: () => session.close(),
    newPage: async () => ({
      goto: (url) => session.goto(url),
      waitForFunction: async (expression, { timeout }) => {
        if (!(await session.waitFor(expression, timeout))) throw new Error(`timed out: ${expression}`);
      },
      evaluate: (fn, ...args) => session.execute(`return (${fn.toString()}).apply(null, arguments);`, args),
      close: () => session.goto('about:blank'),
    }),
  };
}

if (!existsSync(path.join(cdnDir, 'integrity.json'))) {
  throw new Error('tests/cdn: packages/elements/dist/cdn/integrity.json is missing — run pnpm build first');
}

test('the tampered copies differ from the originals by exactly one byte', () => {
  const integrity = JSON.parse(readFileSync(path.join(cdnDir, 'integrity.json'), 'utf8'));
  const dataset = datasetChunk(integrity, cdnDir);
  assert.ok(dataset, 'integrity.json lists the dataset chunk');
  for (const [file, kind] of [
    [integrity.entry, 'entry'],
    [dataset, 'dataset'],
  ]) {
    const original = readFileSync(path.join(cdnDir, file));
    const copy = tamper(original, kind);
    assert.equal(copy.length, original.length);
    assert.equal([...copy].filter((byte, i) => byte !== original[i]).length, 1, `${file}: one byte differs`);
  }
});

for (const { name, launch } of browsers) {
  describe(`SRI of the CDN snippet in ${name}`, { timeout: 120_000 }, () => {
    let server;
    let browser;
    before(async () => {
      server = await startServer({ cdnDir });
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens a scenario page and returns what happened, once the expression `until` holds or after `settle` ms. */
    async function open(scenario, until = 'false', settle = 3000) {
      const page = await browser.newPage();
      try {
        await page.goto(`${server.url}/page/${scenario}`, { waitUntil: 'load' });
        await page.waitForFunction(until, { timeout: settle, polling: 100 }).catch(() => undefined);
        return await page.evaluate(
          (tags) => ({
            defined: tags.filter((tag) => customElements.get(tag) !== undefined),
            ...window.__cnr,
            fetched: performance.getEntriesByType('resource').map((e) => e.name),
            // Properties of window that the page did not have before the snippet (the recorder's own aside).
            addedGlobals: Object.keys(window).filter((key) => key !== '__cnr' && !window.__cnr.globals.includes(key)),
          }),
          TAGS,
        );
      } finally {
        await page.close();
      }
    }

    test('with the correct hashes (CSP nonce), the widgets are defined and the dataset loads', async () => {
      // Until the dataset is fetched and every tag defined: the autoloader starts both at once, either may come first.
      const r = await open('ok', `performance.getEntriesByType("resource").some((e) => e.name.includes("dataset-")) && ${JSON.stringify(TAGS)}.every((t) => customElements.get(t))`, 15_000);
      assert.deepEqual(r.defined, TAGS);
      assert.ok(
        r.fetched.some((u) => u.includes('/chunks/dataset-')),
        'the dataset chunk was fetched',
      );
      // Give the dataset time to be checked and parsed: no widget reports an error.
      const settled = await open('ok', 'false', 4000);
      assert.deepEqual(settled.cnrErrors, []);
      assert.deepEqual(settled.errors, []);
      assert.deepEqual(settled.violations, []);
      assert.deepEqual(settled.scriptErrors, []);
    });

    test('with the import map allowed by its CSP hash (no nonce), the widgets are defined', async () => {
      const r = await open('csp-hash', `${JSON.stringify(TAGS)}.every((t) => customElements.get(t))`, 10_000);
      assert.deepEqual(r.defined, TAGS);
      assert.deepEqual(r.violations, []);
      assert.deepEqual(r.errors, []);
    });

    test('with one byte of cnr-widgets.js flipped, nothing is defined and nothing throws', async () => {
      const r = await open('tampered-entry', 'window.__cnr.scriptErrors.length > 0', 10_000);
      assert.deepEqual(r.defined, []);
      assert.equal(r.scriptErrors.length, 1, 'the module script fails to load');
      assert.match(r.scriptErrors[0], /cnr-widgets\.js$/);
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.violations, []);
    });

    test('with one byte of the dataset chunk flipped, the import map blocks it: the widgets show an error, nothing throws', async () => {
      const r = await open('tampered-dataset', 'window.__cnr.cnrErrors.length > 0', 15_000);
      assert.deepEqual(r.defined, TAGS, 'cnr-widgets.js itself is intact');
      assert.ok(r.cnrErrors.length > 0, 'a widget fired cnr-error');
      assert.deepEqual(r.errors, []);
    });

    test('with a dataset document (src), validated in the page without zod, the snippet adds only Lit’s version registries to window', async () => {
      const shown = `document.querySelector('cnr-funding-counter')?.shadowRoot?.querySelector('[part~="amount"]')`;
      const r = await open('src', `performance.getEntriesByType('resource').some((e) => e.name.includes('/data/')) && ${shown}`, 15_000);
      assert.ok(r.fetched.some((u) => u.endsWith('/data/cnr-dataset.json')), 'the document was fetched');
      // A valid document is validated by the checks compiled from the schemas: zod/mini is not fetched
      // (tests/cdn/autoload.test.mjs loads it with a malformed record).
      assert.ok(!r.fetched.some((u) => u.includes('/chunks/zod-')), 'zod/mini was not loaded for a valid document');
      assert.ok(r.fetched.some((u) => u.includes('/chunks/src-')), 'the validation was loaded');
      assert.deepEqual(r.cnrErrors, []);
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.violations, []);
      // Lit's registries of loaded versions and its decorator metadata are shared
      // on purpose (they detect copies); zod's global configuration and registry
      // would let a host page's zod change ours: the CDN build keeps them local.
      const added = r.addedGlobals.filter((key) => !/ariaQuerySelector/.test(key)); // puppeteer's own
      assert.deepEqual(added.filter((key) => !LIT_GLOBALS.includes(key)), [], 'window properties added by the widgets or their dependencies');
    });

    test('control: the same tampered cnr-widgets.js without integrity runs (the flipped byte is harmless)', async () => {
      const r = await open('control-entry', `${JSON.stringify(TAGS)}.every((t) => customElements.get(t))`, 10_000);
      assert.deepEqual(r.defined, TAGS);
      assert.deepEqual(r.errors, []);
    });

    test('control: the same tampered dataset chunk without integrity loads, and no widget reports an error', async () => {
      const r = await open('control-dataset', 'window.__cnr.cnrErrors.length > 0', 6000);
      assert.deepEqual(r.defined, TAGS);
      assert.ok(r.fetched.some((u) => u.includes('/chunks/dataset-')), 'the dataset chunk was fetched');
      assert.deepEqual(r.cnrErrors, []);
      assert.deepEqual(r.errors, []);
    });
  });
}
