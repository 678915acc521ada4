// What the layout and screenshot tests share: the example pages built with
// examples/vite.config.ts into a temporary folder, plus a page that holds the
// README's « Paste it in a page » snippet as it is (its <script> replaced by
// the build's /cdn/cnr-widgets.js), served from 127.0.0.1; Debian's Chromium
// (puppeteer-core) with a stable rendering; and one visit of a page until
// every widget shows its data, with the layout shifts seen on the way.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build } from 'vite';
import { blockFonts as refuseFonts } from '../../bench/lib/block-fonts.mjs';
import { serveStatic } from '../../bench/lib/server.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/browsers.mjs';

export const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(examples, '..');

/** The pages these tests look at, by path under the build. */
export const LAYOUT_PAGES = {
  'readme-snippet': '/readme-snippet/',
  'ars-region': '/ars-region/',
  collectivite: '/collectivite/',
} as const;
export type LayoutPage = keyof typeof LAYOUT_PAGES;

/** The viewports: a desktop window and a phone. */
export const WIDTHS = [1280, 375] as const;

/**
 * The README's ```html block of « Paste it in a page » on an otherwise
 * blank page — no style of its own — with its <script> tags replaced by the
 * build's CDN entry (the same autoloader, served locally, without `integrity`).
 */
export function readmeSnippetPage(): string {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  // The first html block of the « Paste it in a page » section (of the whole README if it has no such heading).
  const section = readme.slice(Math.max(0, readme.search(/^#+ .*Paste it/m)));
  const block = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no ```html block');
  const markup = block.replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, '').trim();
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Le code du README sur une page vierge</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/cdn/cnr-widgets.js"></script>
  </head>
  <body>
${markup}
  </body>
</html>
`;
}

export interface Site {
  origin: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** Builds the examples and the README page, serves them and starts Chromium. */
export async function startSite(): Promise<Site> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'cnr-layout-'));
  await build({
    configFile: path.join(examples, 'vite.config.ts'),
    logLevel: 'error',
    clearScreen: false,
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
  mkdirSync(path.join(outDir, 'readme-snippet'), { recursive: true });
  writeFileSync(path.join(outDir, 'readme-snippet/index.html'), readmeSnippetPage());
  const server = await serveStatic(outDir);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // A rendering that does not depend on the machine's display: one device pixel per CSS pixel, no
    // sub-pixel (LCD) text, no font hinting, sRGB, no scrollbars.
    args: [...CHROMIUM_FLAGS, '--force-device-scale-factor=1', '--disable-lcd-text', '--font-render-hinting=none', '--force-color-profile=srgb', '--hide-scrollbars'],
    timeout: 60_000,
    protocolTimeout: 120_000,
  });
  return {
    origin: server.origin,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** The bench's probe: `window.__cnrProbe.interactive` (every widget shows content) and `.shifts()`. */
const PROBE = readFileSync(path.join(repo, 'bench/lib/example-probe.js'), 'utf8');

export interface Shift {
  value: number;
  hadRecentInput: boolean;
  startTime: number;
  sources: string[];
}

export interface Visit {
  page: Page;
  /** Cumulative layout shift over the load and one more second (entries without recent input). */
  cls: number;
  shifts: Shift[];
  errors: string[];
  close: () => Promise<void>;
}

/**
 * Opens a page in a fresh browser context (empty cache), `width` × 900 (812
 * for a phone), light colour scheme, reduced motion (no shimmer, no count-up,
 * no transition), optionally with its web fonts blocked and `init` run before
 * the page's own scripts. Resolves once every
 * widget shows its data, the fonts are settled and one more second has passed.
 */
export async function visit(site: Site, name: LayoutPage, width: number, { blockFonts = false, init }: { blockFonts?: boolean; init?: () => void } = {}): Promise<Visit> {
  const context = await site.browser.createBrowserContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && !(blockFonts && message.text().includes('ERR_BLOCKED_BY_CLIENT'))) errors.push(message.text());
  });
  await page.setViewport({ width, height: width < 600 ? 812 : 900 });
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: 'light' },
    { name: 'prefers-reduced-motion', value: 'reduce' },
  ]);
  await page.evaluateOnNewDocument(PROBE);
  if (init) await page.evaluateOnNewDocument(init);
  if (blockFonts) await refuseFonts(page);
  await page.goto(`${site.origin}${LAYOUT_PAGES[name]}`, { waitUntil: 'load', timeout: 60_000 });
  const ready = await page.evaluate(
    () => (window as unknown as { __cnrProbe: { interactive: Promise<{ interactive?: number; widgets: string[] }> } }).__cnrProbe.interactive,
  );
  if (ready.interactive === undefined) throw new Error(`${name} at ${width} px: the widgets did not show their data (${ready.widgets.join(', ')})`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const shifts = (await page.evaluate(() => (window as unknown as { __cnrProbe: { shifts: () => Shift[] } }).__cnrProbe.shifts())).filter(
    (shift) => !shift.hadRecentInput,
  );
  return {
    page,
    cls: shifts.reduce((sum, shift) => sum + shift.value, 0),
    shifts,
    errors,
    close: () => context.close(),
  };
}
