// The iframe embed (issue 18, docs/embed.md): `dist/cdn/embed.html` on a CDN
// origin, framed by a host page on another origin, in Debian's Chromium and Firefox ESR
// (puppeteer-core). Needs `pnpm build` first (the CDN build writes embed.html).
//
// - at a fixed height, no script on the host: the widgets show, the frame
//   scrolls itself, its background is transparent, every file it loads is one
//   the page declares with its integrity, and its own CSP is never violated;
// - the keyboard reaches every control inside the frame, and no focused
//   control is outside the frame's viewport;
// - axe finds nothing inside the frame;
// - with the host's resize script, the frame takes its content's height, and
//   follows it after a filter change; a height message from another origin is
//   ignored, and so is another origin's « hello » (the embed answers only its parent);
// - `parent=` restricts which host origin may ask; the query string is
//   untrusted (unknown widgets and malformed values are dropped, text stays text);
// - links open in the host's window (`target="_top"`), or as `links=` says.
//
//   node --test tests/cdn/          (pnpm test:cdn)
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, FIREFOX_PATH } from '../../scripts/browsers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cdnDir = path.join(root, 'packages/elements/dist/cdn');
const only = process.env.BROWSERS?.split(',');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

if (!existsSync(path.join(cdnDir, 'embed.html'))) {
  throw new Error('tests/cdn: packages/elements/dist/cdn/embed.html is missing — run pnpm build first');
}
const integrity = JSON.parse(readFileSync(path.join(cdnDir, 'integrity.json'), 'utf8'));
const SET = 'widgets=key-figures,territory-map,axis-filter,funding-counter,project-list&territory=region:44';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

function listen(server, host) {
  return new Promise((resolve) => server.listen(0, host, () => resolve(`http://${host}:${server.address().port}`)));
}

/** Three origins: the CDN (dist/cdn/ under /cdn/), the host page, and a stranger that posts messages. */
async function startServers() {
  // A producer's file with a link to its document, for the links test (served by the CDN origin: the embed's CSP allows 'self').
  const producerFile = JSON.parse(readFileSync(path.join(root, 'examples/ars-own-file/donnees-ars-paca.json'), 'utf8'));
  for (const document of producerFile.documents) document.url = 'https://www.example.org/dossier-de-presse.pdf';
  const cdn = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    if (pathname === '/data/paca.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      return void res.end(JSON.stringify(producerFile));
    }
    const file = path.join(cdnDir, path.normalize(pathname.replace(/^\/cdn\//, '')));
    if (!pathname.startsWith('/cdn/') || !file.startsWith(cdnDir) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' });
    res.end(readFileSync(file));
  });
  const cdnOrigin = await listen(cdn, '127.0.0.1');
  const stranger = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // Posts a height to its parent (the host) and a « hello » to the embed; records any height the embed sends it.
    res.end(`<!doctype html><html lang="fr"><head><title>stranger</title></head><body><script>
      addEventListener('message', (e) => { if (e.data && e.data.type === 'cnr-embed:height') document.title = 'got ' + e.data.height; });
      setInterval(() => {
        parent.postMessage({ type: 'cnr-embed:height', height: 4321 }, '*');
        const embed = parent.frames[0];
        if (embed) embed.postMessage({ type: 'cnr-embed:hello' }, '*');
      }, 50);
    </script></body></html>`);
  });
  const strangerOrigin = await listen(stranger, '127.0.0.3');
  const host = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const query = url.searchParams.get('embed') ?? SET;
    const height = url.searchParams.get('height') ?? '600';
    const resize = url.searchParams.has('resize')
      ? `<script src="${cdnOrigin}/cdn/embed-resize.js" integrity="${integrity.embed['embed-resize.js']}" crossorigin="anonymous" async></script>`
      : '';
    const strangerFrame = url.searchParams.has('stranger') ? `<iframe src="${strangerOrigin}/" title="Autre site" width="50" height="50"></iframe>` : '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page hôte</title></head>
<body style="background: #eef; margin: 0">
<main><h1>Page hôte</h1>
<button id="before" type="button">Avant</button>
<iframe id="embed" src="${cdnOrigin}/cdn/embed.html?${query}" title="Projets du CNR santé" height="${height}" style="display: block; border: 0; width: 800px"${
      url.searchParams.has('sandbox') ? ` sandbox="${url.searchParams.get('sandbox')}"` : ''
    }></iframe>
<button id="after" type="button">Après</button>
${strangerFrame}</main>
${resize}
</body></html>`);
  });
  const hostOrigin = await listen(host, '127.0.0.2');
  return {
    cdnOrigin,
    hostOrigin,
    strangerOrigin,
    close: () => Promise.all([cdn, host, stranger].map((s) => new Promise((r) => s.close(r)))),
  };
}

/** Recorded in every frame before its scripts (DevTools, so outside the embed's CSP): CSP violations. */
const RECORDER = `window.__cnrViolations = [];
addEventListener('securitypolicyviolation', (e) => __cnrViolations.push(e.violatedDirective + ' ' + e.blockedURI));`;

/** Opens the host page; resolves with the page, the embed's frame and what the console and network saw. */
async function open(browser, servers, params = '') {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  await page.evaluateOnNewDocument(RECORDER);
  const log = { errors: [], warnings: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(message.text());
    if (message.type() === 'warn') log.warnings.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('request', (request) => {
    if (request.url().startsWith(servers.cdnOrigin)) log.requests.push(request.url().slice(servers.cdnOrigin.length + '/cdn/'.length).split('?')[0]);
  });
  await page.goto(`${servers.hostOrigin}/?${params}`);
  const frame = await (await page.waitForSelector('#embed')).contentFrame();
  return { page, frame, log };
}

/** Waits until every widget of the frame shows content (text in its shadow root, no skeleton). */
async function rendered(frame) {
  await frame.waitForFunction(
    () => {
      const widgets = [...document.querySelectorAll('cnr-provider > *')];
      return (
        widgets.length > 0 &&
        widgets.every((w) => customElements.get(w.localName) && (w.shadowRoot?.textContent ?? '').trim().length > 0 && !w.shadowRoot.querySelector('[part~="skeleton"]'))
      );
    },
    { timeout: 30_000 },
  );
}

const contentHeight = (frame) => frame.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().height));
const frameHeight = (page) => page.$eval('#embed', (el) => el.getBoundingClientRect().height);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const browsers = [
  { name: 'chromium', launch: () => puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS }) },
  { name: 'firefox', launch: () => puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true }) },
].filter((b) => !only || only.includes(b.name));

for (const { name, launch } of browsers) {
  describe(`embed.html in ${name}`, () => {
    let browser;
    let servers;
    before(async () => {
      [browser, servers] = await Promise.all([launch(), startServers()]);
    });
    after(async () => {
      await browser?.close();
      await servers?.close();
    });

    test('at a fixed height, with no script on the host: widgets, own scrolling, transparent, integrity of every file, no CSP violation', async () => {
      const { page, frame, log } = await open(browser, servers, 'height=500');
      await rendered(frame);
      const state = await frame.evaluate(() => ({
        tags: [...document.querySelectorAll('cnr-provider > *')].map((el) => el.localName),
        territory: document.querySelector('cnr-provider').getAttribute('territory'),
        lang: document.documentElement.lang,
        scrolls: document.documentElement.scrollHeight > innerHeight,
        background: [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).backgroundColor],
        text: document.querySelector('cnr-key-figures').shadowRoot.textContent,
        violations: window.__cnrViolations,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
        inlineScripts: [...document.scripts].filter((s) => !s.src && s.type !== 'importmap').length,
        undeclared: [...document.querySelectorAll('script[src], link[rel="stylesheet"]')].filter((el) => !el.integrity).length,
      }));
      assert.deepEqual(state.tags, ['cnr-key-figures', 'cnr-territory-map', 'cnr-axis-filter', 'cnr-funding-counter', 'cnr-project-list']);
      assert.equal(state.territory, 'region:44');
      assert.equal(state.lang, 'fr');
      assert.match(state.text, /réunions/);
      assert.equal(await frameHeight(page), 500, 'the host’s height is kept');
      assert.equal(state.scrolls, true, 'the content scrolls inside the frame');
      assert.deepEqual(state.background, ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
      assert.match(state.csp, /script-src 'self' 'sha256-[^']+';/);
      assert.doesNotMatch(state.csp, /unsafe-inline|unsafe-eval/);
      assert.equal(state.inlineScripts, 0);
      assert.equal(state.undeclared, 0, 'every script and stylesheet carries its integrity');
      assert.deepEqual(state.violations, []);
      assert.deepEqual(log.errors, []);
      const declared = new Set([...Object.keys(integrity.files), ...Object.keys(integrity.embed), 'embed.html']);
      const loaded = [...new Set(log.requests)];
      assert.ok(loaded.some((file) => file.startsWith('chunks/dataset-')), 'the dataset chunk loaded');
      assert.deepEqual(loaded.filter((file) => !declared.has(file)), [], 'no file without a declared integrity');
      assert.ok(!loaded.includes('embed-resize.js'));
      await page.close();
    });

    test('the keyboard reaches every control inside the frame, and a focused control is never outside it', async () => {
      const { page, frame } = await open(browser, servers, 'height=500');
      await rendered(frame);
      // Every control a Tab can reach, inside shadow roots, as a path; and the focused one with its box.
      const controls = await frame.evaluate(() => {
        const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
        const id = (el) => {
          const parts = [];
          for (let node = el; node; ) {
            const parent = node.parentNode;
            const index = parent ? [...parent.children].indexOf(node) : 0;
            parts.unshift(`${node.localName}[${index}]`);
            node = parent instanceof ShadowRoot ? ((parts[0] = `#shadow/${parts[0]}`), parent.host) : parent instanceof Element ? parent : null;
          }
          return parts.join('>');
        };
        window.__cnrId = id;
        const out = [];
        const walk = (rootNode) => {
          for (const el of rootNode.querySelectorAll('*')) {
            if (el.shadowRoot) walk(el.shadowRoot);
            if (!el.matches(FOCUSABLE) || !el.checkVisibility({ visibilityProperty: true }) || el.closest('[inert]') || el.tabIndex < 0) continue;
            // A radio group is one Tab stop (the arrows move inside it): its checked radio, or its first.
            if (el.type === 'radio') {
              const group = [...rootNode.querySelectorAll(`input[type="radio"][name="${el.name}"]`)];
              if (el !== (group.find((radio) => radio.checked) ?? group[0])) continue;
            }
            out.push(id(el));
          }
        };
        walk(document);
        return out;
      });
      assert.ok(controls.length >= 5, `controls found: ${controls.length}`);
      await page.focus('#before');
      const reached = [];
      const clipped = [];
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        await sleep(30); // let the focus scrolling happen (Firefox scrolls after the key event's round trip)
        const hostActive = await page.evaluate(() => document.activeElement?.id);
        if (hostActive === 'after') break;
        if (hostActive !== 'embed') continue;
        const focused = await frame.evaluate(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          if (!el || el === document.body) return undefined;
          const box = el.getBoundingClientRect();
          const inside = box.top >= -1 && box.left >= -1 && box.bottom <= innerHeight + 1 && box.right <= innerWidth + 1;
          const seen = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
          return { id: window.__cnrId(el), inside, seen, svg: el instanceof SVGElement, box: [box.top, box.left, box.bottom, box.right, scrollY, innerHeight].map(Math.round) };
        });
        if (!focused) continue;
        reached.push(focused.id);
        // Known: Firefox does not scroll a focused shape of the map (SVG) wholly into view, in a frame or not; it must be seen at least.
        const enough = focused.inside || (name === 'firefox' && focused.svg && focused.seen);
        if (!enough && focused.box[2] - focused.box[0] < 500) clipped.push(`${focused.id} ${focused.box}`);
      }
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'after', 'Tab leaves the frame after its last control');
      const missed = controls.filter((control) => !reached.includes(control));
      assert.deepEqual(missed, [], 'every control is reached');
      assert.deepEqual(clipped, [], 'each focused control is inside the frame’s viewport');
      await page.close();
    });

    test('axe finds no violation inside the frame', async () => {
      const { page, frame } = await open(browser, servers);
      await rendered(frame);
      // DevTools evaluation: not subject to the page's CSP (which rightly forbids injecting a script).
      await frame.evaluate(axeSource);
      const violations = await frame.evaluate(async () => {
        // The frame is a part of the host's page, under the host's own <h1>: no first-level heading of its own.
        const result = await window.axe.run(document, { resultTypes: ['violations'], rules: { 'page-has-heading-one': { enabled: false } } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, []);
      await page.close();
    });

    test('with the resize script, the frame takes its content’s height, and follows it after a filter change', async () => {
      const { page, frame, log } = await open(browser, servers, 'resize&height=300');
      await rendered(frame);
      await page.waitForFunction(
        async () => {
          const embed = document.getElementById('embed');
          return Math.abs(embed.getBoundingClientRect().height - 300) > 50;
        },
        { timeout: 10_000 },
      );
      await sleep(300);
      let content = await contentHeight(frame);
      assert.ok(Math.abs((await frameHeight(page)) - content) <= 1, `frame ${await frameHeight(page)} vs content ${content}`);
      assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight), true, 'no scrolling inside');
      // A filter change: a search in the list (« mobile »: fewer projects than a full page of Grand Est's,
      // so the list, as tall as its cards, gets shorter).
      const before = content;
      const input = await frame.evaluateHandle(() => document.querySelector('cnr-project-list').shadowRoot.querySelector('input'));
      await input.type('mobile');
      await input.press('Enter');
      await frame.waitForFunction((h) => Math.abs(Math.ceil(document.querySelector('main').getBoundingClientRect().height) - h) > 20, { timeout: 15_000 }, before);
      await rendered(frame);
      await sleep(500);
      content = await contentHeight(frame);
      assert.notEqual(content, before);
      await page.waitForFunction((h) => Math.abs(document.getElementById('embed').getBoundingClientRect().height - h) <= 1, { timeout: 5000 }, content);
      assert.ok(log.requests.includes('embed-resize.js'));
      assert.deepEqual(log.errors, []);
      await page.close();
    });

    test('a height from another origin is ignored, and so is another origin’s « hello »', async () => {
      const { page, frame } = await open(browser, servers, 'resize&stranger&height=300');
      await rendered(frame);
      await page.waitForFunction(() => Math.abs(document.getElementById('embed').getBoundingClientRect().height - 300) > 50, { timeout: 10_000 });
      await sleep(800); // the stranger posts every 50 ms
      const content = await contentHeight(frame);
      const height = await frameHeight(page);
      assert.notEqual(height, 4321);
      assert.ok(Math.abs(height - content) <= 1, `frame ${height} vs content ${content}`);
      const stranger = page.frames().find((f) => f.url().startsWith(servers.strangerOrigin));
      assert.equal(await stranger.evaluate(() => document.title), 'stranger', 'the embed sent no height to the stranger');
      await page.close();
    });

    test('parent= lets only the listed host origins ask for the height', async () => {
      const { page, frame } = await open(browser, servers, `resize&height=300&embed=${encodeURIComponent(`${SET}&parent=https://www.example.org`)}`);
      await rendered(frame);
      await sleep(1000);
      assert.equal(await frameHeight(page), 300);
      assert.equal(await frame.evaluate(() => document.documentElement.dataset.resized ?? null), null);
      await page.close();
      const listed = await open(browser, servers, `resize&height=300&embed=${encodeURIComponent(`${SET}&parent=${servers.hostOrigin}`)}`);
      await rendered(listed.frame);
      await listed.page.waitForFunction(() => Math.abs(document.getElementById('embed').getBoundingClientRect().height - 300) > 50, { timeout: 10_000 });
      await listed.page.close();
    });

    test('the query string is untrusted: unknown widgets and malformed values are dropped, text stays text', async () => {
      const hostile = new URLSearchParams({
        widgets: 'project-list,<img src=x onerror=alert(1)>,script,project-list',
        territory: '<b>x</b>',
        q: '"><img src=x onerror=alert(1)>',
        src: 'javascript:alert(1)',
        lang: 'en',
        onload: 'alert(1)',
      });
      const { page, frame, log } = await open(browser, servers, `embed=${encodeURIComponent(hostile.toString())}`);
      await rendered(frame);
      const state = await frame.evaluate(() => ({
        tags: [...document.querySelectorAll('cnr-provider > *')].map((el) => el.localName),
        attributes: [...document.querySelector('cnr-provider').attributes].map((a) => [a.name, a.value]),
        images: document.querySelectorAll('img').length,
        lang: document.documentElement.lang,
      }));
      assert.deepEqual(state.tags, ['cnr-project-list']);
      assert.deepEqual(state.attributes, [
        ['q', '"><img src=x onerror=alert(1)>'],
        ['lang', 'en'],
      ]);
      assert.equal(state.images, 0);
      assert.equal(state.lang, 'en');
      for (const name of ['widgets', 'territory', 'src', 'onload']) assert.ok(log.warnings.some((w) => w.includes(`${name} :`)), `a warning names ${name}`);
      await page.close();

      const none = await open(browser, servers, 'embed=widgets%3Dnothing');
      await none.frame.waitForSelector('.cnr-embed-error');
      assert.match(await none.frame.$eval('.cnr-embed-error', (el) => el.textContent), /Aucun widget à afficher/);
      await none.page.close();
    });

    // Without sandbox, and with the flags docs/embed.md recommends.
    for (const sandbox of [undefined, 'allow-scripts allow-same-origin allow-top-navigation-by-user-activation']) {
      test(`links open in the host’s window by default (target _top), or as links= says${sandbox ? `; sandbox="${sandbox}"` : ''}`, async () => {
        const query = `widgets=funding-counter&territory=region:93&src=${servers.cdnOrigin}/data/paca.json`;
        const { page, frame } = await open(browser, servers, `embed=${encodeURIComponent(query)}${sandbox ? `&sandbox=${encodeURIComponent(sandbox)}` : ''}`);
        await rendered(frame);
        assert.equal(await frame.evaluate(() => document.querySelector('base').target), '_top');
        // A link to a source document inside the counter's shadow root (its disclosures opened): clicking it navigates the top window.
        const link = await frame.waitForFunction(
          () => {
            const links = [];
            const walk = (rootNode) => {
              for (const el of rootNode.querySelectorAll('*')) {
                if (el.localName === 'button' && el.getAttribute('aria-expanded') === 'false') el.click();
                if (el.localName === 'details') el.open = true;
                if (el.localName === 'a' && el.href.startsWith('https://www.example.org/') && el.checkVisibility()) links.push(el);
                if (el.shadowRoot) walk(el.shadowRoot);
              }
            };
            walk(document);
            return links[0] ?? null;
          },
          { timeout: 10_000 },
        );
        const href = await link.evaluate((a) => a.href);
        await page.setRequestInterception(true);
        const navigation = new Promise((resolve) => {
          page.on('request', (request) => {
            if (request.isNavigationRequest() && request.url() === href) resolve(request.frame() === page.mainFrame() ? 'top' : 'frame');
            request.abort().catch(() => {});
          });
        });
        await link.click();
        assert.equal(await Promise.race([navigation, sleep(5000).then(() => 'none')]), 'top');
        await page.close();

        const blank = await open(browser, servers, `embed=${encodeURIComponent(`${SET}&links=blank`)}`);
        assert.equal(await blank.frame.evaluate(() => document.querySelector('base').target), '_blank');
        await blank.page.close();
      });
    }
  });
}
