#!/usr/bin/env node
// The heights a page reserves for its widgets, measured: builds the examples
// (examples/vite.config.ts) into a temporary folder, opens one page in
// Chromium at each window width, and prints, for every widget once it shows
// its data, the width of its container and its height in rem — the figures
// of the `:not(:defined)` reservations, `--cnr-project-list-loading-height`
// and `--cnr-axis-filter-min-height` in ars-region/ars-region.css and
// collectivite/site.css. Run it when examples/test/layout.test.ts says a
// page moves (new data, a widget redesigned), then copy the figures.
//
//   node examples/widget-heights.mjs ars-region [320 375 768 1280 …]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/browsers.mjs';
import { serveStatic } from '../bench/lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [name = 'ars-region', ...rest] = process.argv.slice(2);
const widths = rest.length ? rest.map(Number) : [320, 360, 375, 414, 480, 560, 640, 700, 768, 900, 1024, 1100, 1280];
const probe = readFileSync(path.join(here, '../bench/lib/example-probe.js'), 'utf8');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'cnr-widget-heights-'));
const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, '--hide-scrollbars'] });
let server;
try {
  await build({ configFile: path.join(here, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
  server = await serveStatic(outDir);
  for (const width of widths) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width, height: 900 });
    await page.evaluateOnNewDocument(probe);
    await page.goto(`${server.origin}/${name}/`, { waitUntil: 'load' });
    await page.evaluate(() => window.__cnrProbe.interactive);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((element) => element.localName.startsWith('cnr-') && !['cnr-provider', 'cnr-project-card'].includes(element.localName))
        .map((element) => {
          const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
          const container = element.parentElement.getBoundingClientRect().width;
          return `${element.localName} ${(element.getBoundingClientRect().height / rem).toFixed(3)}rem (in ${(container / rem).toFixed(2)}rem)`;
        }),
    );
    console.log(`${width} px: ${rows.join(' · ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
}
