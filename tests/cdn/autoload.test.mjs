// The autoloader of the CDN bundle (cnr-widgets.js, issue 14), in Debian's
// Chromium and Firefox ESR (puppeteer-core): a page downloads only the modules
// of the tags it shows, elements added later are defined, two copies of the
// bundle do not throw, and Subresource Integrity through the import map
// blocks a flipped byte in any chunk a page loads. Needs `pnpm build` first.
//
//   node --test tests/cdn/         (pnpm test:cdn; BROWSERS=chromium to pick one)
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { importMapText } from '../../packages/elements/scripts/cdn-snippet.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, FIREFOX_PATH } from '../../scripts/browsers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cdnDir = path.join(root, 'packages/elements/dist/cdn');
const only = process.env.BROWSERS?.split(',');
// WebKit (scripts/webkit.mjs) has no request log through WebDriver: these run in Chromium and Firefox.
const browsers = [
  { name: 'chromium', launch: () => puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS }) },
  { name: 'firefox', launch: () => puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true }) },
].filter((b) => !only || only.includes(b.name));

if (!existsSync(path.join(cdnDir, 'integrity.json'))) {
  throw new Error('tests/cdn: packages/elements/dist/cdn/integrity.json is missing — run pnpm build first');
}
const integrity = JSON.parse(readFileSync(path.join(cdnDir, 'integrity.json'), 'utf8'));

/**
 * Changes one byte without changing what the code does, so that only SRI can tell: the case of a letter of
 * the source-map comment, or else the final line break made a space.
 */
function tamper(bytes) {
  const copy = Buffer.from(bytes);
  const at = bytes.toString('latin1').lastIndexOf('sourceMappingURL');
  if (at !== -1) copy[at] ^= 0x20;
  else if (copy.at(-1) === 0x0a) copy[copy.length - 1] = 0x20;
  else copy[0] ^= 0x01; // no comment (the rolldown runtime): any byte; the SRI check below looks for the browser's message
  return copy;
}

/** A site's own document (`src`), over the referential. */
const DOCUMENT = {
  version: '1',
  generatedAt: '2026-11-23T10:00:00Z',
  documents: [{ id: 'doc-1', title: 'Dossier de presse', publisher: 'ARS Grand Est' }],
  projects: [
    {
      id: 'p-1',
      thematique: 'sante',
      title: 'Téléconsultation assistée',
      porteurs: ['CH de Sarreguemines'],
      axes: ['sante-1'],
      territories: ['departement:57'],
      source: { document: 'doc-1', excerpt: 'Un passage du document.' },
    },
  ],
};

/** The same document with a second project that has no title (and a territory that is no list). */
const BROKEN = {
  ...DOCUMENT,
  projects: [...DOCUMENT.projects, { ...DOCUMENT.projects[0], id: 'p-2', title: undefined, territories: 'departement:57' }],
};

const RECORDER = `<script>window.__cnr = { errors: [] };
addEventListener('error', (e) => { __cnr.errors.push(String(e.message)); });
addEventListener('unhandledrejection', (e) => { __cnr.errors.push('unhandled rejection: ' + String(e.reason)); });</script>`;

/**
 * Pages: /page?body=…&entries=a.js,b.js[&sri=1][&tamper=<file>]. With `tamper`, the files are served under
 * /t/<file>/… where that one file has a byte flipped; with `sri`, an import map gives every file's integrity.
 */
function startServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/page') {
      const tampered = url.searchParams.get('tamper');
      const delay = url.searchParams.get('delay');
      const base = tampered ? `/t/${encodeURIComponent(tampered)}/` : delay ? `/d/${Number(delay)}/` : '/cdn/';
      const entries = (url.searchParams.get('entries') ?? 'cnr-widgets.js').split(',');
      const map = url.searchParams.get('sri') ? `<script type="importmap">${importMapText(integrity, base)}</script>` : '';
      const scripts = entries.map((e) => `<script type="module" src="${base}${e}"></script>`).join('\n');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>autoload</title>${RECORDER}${map}${scripts}</head><body>${url.searchParams.get('body') ?? ''}</body></html>`);
      return;
    }
    if (url.pathname === '/doc.json' || url.pathname === '/broken.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(url.pathname === '/doc.json' ? DOCUMENT : BROKEN));
      return;
    }
    const match = /^\/(?:cdn|t\/([^/]+)|d\/(\d+))\/(.+)$/.exec(url.pathname);
    const file = match && path.join(cdnDir, path.normalize(match[3]));
    if (!file || !file.startsWith(cdnDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    let bytes = readFileSync(file);
    if (match[1] && decodeURIComponent(match[1]) === match[3].split('?')[0]) bytes = tamper(bytes);
    // /d/<ms>/: every chunk answers after <ms> (the entry at once), to see which requests wait for another.
    const wait = match[2] && match[3].startsWith('chunks/') ? Number(match[2]) : 0;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
      res.end(bytes);
    }, wait);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })),
  );
}

const LIST = '<cnr-project-list territory="departement:57"></cnr-project-list>';
const FULL = `<cnr-provider territory="region:44"><cnr-key-figures></cnr-key-figures><cnr-territory-map level="department"></cnr-territory-map><cnr-axis-filter></cnr-axis-filter><cnr-funding-counter></cnr-funding-counter><cnr-project-list></cnr-project-list></cnr-provider>`;
const chunkOf = (url) => new URL(url).pathname.replace(/^\/(cdn|t\/[^/]+|d\/\d+)\//, '');

for (const { name, launch } of browsers) {
  describe(`autoloading CDN entry in ${name}`, { timeout: 240_000 }, () => {
    let server;
    let browser;
    before(async () => {
      server = await startServer();
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      server?.close();
    });

    /** Opens a page; `act` runs in it after load; returns what the page fetched and state once `until` holds. */
    async function open(query, { until = 'true', act, timeout = 15_000 } = {}) {
      const page = await browser.newPage();
      const fetched = [];
      const consoleText = [];
      /** When each request was sent, in ms from the page's opening. */
      const sent = [];
      const opened = performance.now();
      page.on('request', (r) => sent.push({ file: chunkOf(r.url()), at: performance.now() - opened }));
      page.on('requestfinished', (r) => fetched.push(chunkOf(r.url())));
      page.on('console', (m) => consoleText.push(m.text()));
      try {
        await page.goto(`${server.url}/page?${new URLSearchParams(query)}`, { waitUntil: 'load' });
        if (act) await page.evaluate(act);
        const held = await page.waitForFunction(until, { timeout, polling: 100 }).then(() => true, () => false);
        await new Promise((r) => setTimeout(r, 300));
        const state = await page.evaluate(() => ({
          errors: window.__cnr.errors,
          renders: window.__renders,
          defined: ['cnr-provider', 'cnr-project-list', 'cnr-project-card', 'cnr-territory-map', 'cnr-axis-filter', 'cnr-funding-counter', 'cnr-key-figures'].filter((t) => customElements.get(t)),
        }));
        return { held, fetched, consoleText, sent, ...state };
      } finally {
        await page.close();
      }
    }

    const cardsShown = `(() => { const l = document.querySelector('cnr-project-list'); return !!l?.shadowRoot?.querySelector('cnr-project-card'); })()`;

    test('a page with only a list loads the list and its cards, and no map, axis-filter, counter or key-figures module', async () => {
      const r = await open({ body: LIST }, { until: cardsShown });
      assert.ok(r.held, 'the list shows project cards');
      assert.deepEqual(r.defined, ['cnr-project-list', 'cnr-project-card']);
      const js = r.fetched.filter((f) => f.endsWith('.js'));
      assert.ok(js.some((f) => /^chunks\/project-list/.test(f)), `the list's chunk was fetched: ${js.join(' ')}`);
      const others = js.filter((f) => /(territory-map|axis-filter|funding-counter|key-figures|geometry|bundle|english)/.test(f));
      assert.deepEqual(others, [], 'no module of another widget, nor the one-file bundle, nor the English texts, was fetched');
      assert.deepEqual(r.errors, []);
    });

    // Every text the list's shadow root shows, each time it changes (from its very first render on).
    const RENDERS = `<script>window.__renders = [];
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const shadow = attach.call(this, init);
  if (this.localName === 'cnr-project-list') {
    new MutationObserver(() => { const t = shadow.textContent.replace(/\\s+/g, ' ').trim(); if (t) __renders.push(t); })
      .observe(shadow, { childList: true, subtree: true, characterData: true });
  }
  return shadow;
};</script>`;

    for (const [page, body] of [
      ['a list page', LIST],
      ['the full page (one-file bundle)', FULL],
    ]) {
      test(`on ${page} in English, the English texts are fetched with the widgets and the list never shows French`, async () => {
        const r = await open({ body: `${RENDERS}<div lang="en">${body}</div>` }, { until: cardsShown });
        assert.ok(r.held, 'the list shows project cards');
        const js = r.fetched.filter((f) => f.endsWith('.js'));
        assert.ok(js.some((f) => /^chunks\/english-/.test(f)), `the English texts were fetched: ${js.join(' ')}`);
        const renders = r.renders;
        assert.ok(renders.length > 0, 'the list rendered');
        for (const text of renders) assert.doesNotMatch(text, /Chargement|projets?\b|Rechercher|Trier/, `no French at any render: ${text.slice(0, 200)}`);
        assert.match(renders.at(-1), /\bprojects?\b/, 'the list speaks English');
        assert.deepEqual(r.errors, []);
      });
    }

    test('a French page switched to English fetches the English texts then, and the list speaks English', async () => {
      const r = await open(
        { body: LIST },
        {
          until: `(() => { const l = document.querySelector('cnr-project-list'); return /\\bprojects?\\b/.test(l?.shadowRoot?.textContent ?? ''); })()`,
          act: async () => {
            await customElements.whenDefined('cnr-project-list');
            const list = document.querySelector('cnr-project-list');
            await list.updateComplete;
            document.documentElement.lang = 'en';
          },
        },
      );
      assert.ok(r.held, 'the list shows English once the page is English');
      assert.ok(r.fetched.some((f) => /^chunks\/english-/.test(f)), 'the English texts were fetched');
      assert.deepEqual(r.errors, []);
    });

    test('a page showing every kind of widget loads the one-file bundle instead of the core and widget chunks', async () => {
      const r = await open({ body: FULL }, { until: `customElements.get('cnr-territory-map') !== undefined && ${cardsShown}` });
      assert.ok(r.held, 'the map is defined and the list shows project cards');
      assert.equal(r.defined.length, 7);
      const code = r.fetched.filter((f) => f.endsWith('.js') && !/chunks\/(dataset|geometry)-/.test(f)).sort();
      assert.equal(code.length, 2, `the entry and the bundle only: ${code.join(' ')}`);
      assert.match(code[0], /^chunks\/bundle-/);
      assert.equal(code[1], 'cnr-widgets.js');
      assert.deepEqual(r.errors, []);
    });

    test('every chunk a page needs is requested at once: none waits for another to arrive', async () => {
      // Each chunk answers after 1.5 s: a chunk requested because another one arrived (its import, the
      // dataset the SDK asks for, the map's geometry) would be sent 1.5 s after the first.
      const DELAY = 1500;
      for (const [body, expected] of [
        // The card's code travels in the list's chunk; the SDK's listing comes with the list.
        [LIST, ['project-list', 'listing', 'core', 'dataset']],
        // Many kinds of widget: the one-file bundle, with the dataset and the map's geometry at once.
        [FULL, ['bundle', 'geometry', 'dataset']],
        // A document of the site: the static source, HTTP, the validation (no zod), the referential, while the document downloads.
        ['<cnr-provider src="/doc.json"><cnr-project-list></cnr-project-list></cnr-provider>', ['provider', 'project-list', 'listing', 'core', 'src', 'http', 'dataset']],
      ]) {
        const r = await open({ body, delay: String(DELAY) }, { until: cardsShown, timeout: 30_000 });
        assert.ok(r.held, 'the list shows project cards');
        const chunks = r.sent.filter((s) => s.file.startsWith('chunks/'));
        for (const name of expected) assert.ok(chunks.some((s) => s.file.startsWith(`chunks/${name}-`)), `chunks/${name}-… requested: ${chunks.map((s) => s.file).join(' ')}`);
        const first = Math.min(...chunks.map((s) => s.at));
        const late = chunks.filter((s) => s.at - first > DELAY / 2).map((s) => `${s.file} at +${Math.round(s.at - first)} ms`);
        assert.deepEqual(late, [], `no chunk was requested after another one arrived (${body.slice(0, 60)})`);
        // A valid document is checked without zod/mini (nor the texts of problems).
        assert.deepEqual(chunks.filter((s) => /^chunks\/(zod|explain|problem-texts)-/.test(s.file)), [], 'nothing of the validation’s error path');
      }
    });

    test('a document with a malformed record: zod/mini is loaded then, the valid record shows, the other is reported, zod leaves no global', async () => {
      // The problems reach the page through the cnr-problems event (it bubbles through the provider).
      const listen = `<script>document.addEventListener('cnr-problems', (e) => { window.__problems = e.detail.problems; });</script>`;
      const titleReported = `(window.__problems ?? []).some((p) => p.collection === 'projects' && p.index === 1 && p.id === 'p-2' && p.path[0] === 'title')`;
      const r = await open(
        { body: `${listen}<cnr-provider src="/broken.json"><cnr-project-list></cnr-project-list></cnr-provider>` },
        { until: `${cardsShown} && ${titleReported} && !Object.getOwnPropertyNames(window).some((key) => key.startsWith('__zod'))`, timeout: 30_000 },
      );
      // zod keeps its configuration on globalThis; the CDN build gives it a scope of its own (vite.cdn.config.ts).
      assert.ok(r.held, 'the valid project shows, the missing title of p-2 is reported, and zod left no __zod_ global on window');
      assert.ok(r.fetched.some((f) => /^chunks\/zod-/.test(f)), `zod/mini was fetched for the malformed record: ${r.fetched.join(' ')}`);
      assert.ok(r.fetched.some((f) => /^chunks\/explain-/.test(f)), 'with the messages of its issues');
      assert.deepEqual(r.errors, []);
    });

    test('the entry alone fetches nothing else', async () => {
      const r = await open({ body: '<p>Rien</p>' });
      assert.deepEqual(r.fetched.filter((f) => f.endsWith('.js')), ['cnr-widgets.js']);
      assert.deepEqual(r.defined, []);
    });

    test('an element added after load is defined, and so is one added inside the shadow root of one of ours', async () => {
      const r = await open(
        { body: LIST },
        {
          until: cardsShown,
          act: () => document.body.insertAdjacentHTML('beforeend', '<cnr-funding-counter territory="region:44"></cnr-funding-counter>'),
        },
      );
      assert.ok(r.defined.includes('cnr-funding-counter'), `defined: ${r.defined.join(' ')}`);
      const inShadow = await open(
        { body: LIST },
        {
          until: `customElements.get('cnr-key-figures') !== undefined`,
          act: async () => {
            await customElements.whenDefined('cnr-project-list');
            const list = document.querySelector('cnr-project-list');
            await list.updateComplete;
            list.shadowRoot.append(document.createElement('cnr-key-figures'));
          },
        },
      );
      assert.ok(inShadow.held, 'a <cnr-key-figures> put in the list’s shadow root got defined');
    });

    test('two copies of the bundle (and the eager entry beside the autoloader) do not throw', async () => {
      const r = await open(
        { body: FULL, entries: 'cnr-widgets.js,cnr-widgets.js?copy=2,cnr-widgets-all.js' },
        { until: `customElements.get('cnr-territory-map') !== undefined && customElements.get('cnr-project-list') !== undefined` },
      );
      assert.ok(r.held);
      assert.deepEqual(r.defined.length, 7);
      assert.deepEqual(r.errors, []);
    });

    // The full page (the one-file bundle, the dataset, the geometry) and a list page (core, the list's chunk…).
    for (const [page, body, minimum, expected] of [
      ['the full page', FULL, 3, 7],
      ['a list page', `${LIST}<cnr-funding-counter></cnr-funding-counter>`, 5, 3],
    ]) {
      test(`with the import map, a flipped byte in any chunk ${page} loads is blocked`, async () => {
        const control = await open({ body, sri: '1' }, { until: `customElements.get('cnr-project-list') !== undefined && ${cardsShown}` });
        assert.equal(control.defined.length, expected, 'untampered, every element of the page is defined');
        const chunks = [...new Set(control.fetched.filter((f) => f.startsWith('chunks/') && f.endsWith('.js')))].sort();
        assert.ok(chunks.length >= minimum, `chunks fetched: ${chunks.join(' ')}`);
        // Chromium: every chunk, the console names the blocked file. Firefox (whose console does not reach
        // puppeteer): the chunks holding the list, whose blocking leaves <cnr-project-list> undefined.
        const sample = name === 'chromium' ? chunks : chunks.filter((f) => /project-list|bundle/.test(f));
        assert.ok(sample.length > 0);
        for (const chunk of sample) {
          const r = await open({ body, sri: '1', tamper: chunk }, { until: 'false', timeout: 1500 });
          // The tampered chunk never runs: something is left undefined, or its data never arrives. The browser says why.
          const blamed = r.consoleText.some((t) => t.includes(chunk) && /integrity|digest/i.test(t));
          assert.ok(name === 'firefox' ? blamed || r.defined.length < expected : blamed, `${chunk}: tampered, yet nothing was blocked (${r.defined.join(' ')})`);
        }
        // Control: the same tampered file without the import map runs (the flipped byte is harmless).
        const harmless = await open({ body, tamper: chunks.find((f) => /project-list|bundle/.test(f)) }, { until: `customElements.get('cnr-project-list') !== undefined` });
        assert.ok(harmless.held);
      });
    }
  });
}
