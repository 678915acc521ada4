// Storybook's docs pages follow the toolbar language (issue 16.7): every
// widget on a docs page — which renders all the stories of an element in one
// document — speaks the language chosen in the toolbar (`globals.locale`), in
// French by default; no story keeps a language of its own.
//
// Runs on the built Storybook (`pnpm build-storybook` first, as scripts/test.sh does):
//   node --test tests/storybook/
import assert from 'node:assert/strict';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/browsers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../storybook-static');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
let server;
let origin;
let browser;

before(async () => {
  assert.ok(existsSync(path.join(root, 'iframe.html')), `${root} is missing: run \`pnpm build-storybook\` first`);
  server = http.createServer((request, response) => {
    let file = path.join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file.startsWith(root) || !existsSync(file)) return void response.writeHead(404).end();
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens a docs page in the preview frame with a toolbar language (none: the default), and reads its widgets' languages and texts. */
async function docsPage(id, locale) {
  const page = await browser.newPage();
  try {
    const globals = locale ? `&globals=locale:${locale}` : '';
    await page.goto(`${origin}/iframe.html?viewMode=docs&id=${encodeURIComponent(id)}${globals}`);
    await page.waitForFunction(
      () => {
        const widgets = [...document.querySelectorAll('#storybook-docs cnr-funding-counter, #storybook-docs cnr-project-list, #storybook-docs cnr-territory-map, #storybook-docs cnr-project-card')];
        return widgets.length > 0 && widgets.every((w) => (w.shadowRoot?.textContent ?? '').trim().length > 0);
      },
      { timeout: 60_000 },
    );
    return await page.evaluate(() => {
      const widgets = [...document.querySelectorAll('#storybook-docs *')].filter((el) => el.localName.startsWith('cnr-') && 'locale' in el);
      return { locales: [...new Set(widgets.map((w) => w.locale))], count: widgets.length, text: widgets.map((w) => w.shadowRoot?.textContent ?? '').join(' ') };
    });
  } finally {
    await page.close();
  }
}

for (const [id, fr, en] of [
  ['éléments-cnr-funding-counter--docs', 'Financements identifiés', 'Identified funding'],
  ['éléments-cnr-project-list--docs', 'projet', 'project'],
  ['éléments-cnr-territory-map--docs', 'Afficher le tableau', 'Show the table'],
]) {
  test(`${id}: every widget takes the toolbar language`, async () => {
    const french = await docsPage(id);
    assert.ok(french.count > 1, `${id}: widgets on the docs page`);
    assert.deepEqual(french.locales, ['fr'], `${id}, default (Français): every widget in French`);
    assert.ok(french.text.includes(fr), `${id}: « ${fr} » shown in ${french.text.slice(0, 600)}`);
    const english = await docsPage(id, 'en');
    assert.deepEqual(english.locales, ['en'], `${id}, English: every widget in English`);
    assert.ok(english.text.includes(en), `${id}: “${en}” shown`);
    assert.ok(!english.text.includes(fr), `${id}: no French label left`);
  });
}
