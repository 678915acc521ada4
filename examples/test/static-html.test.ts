// The static-html example (examples/static-html/build.mjs): widgets rendered
// ahead of time with @cnr-widgets/elements/server, as a visitor gets them.
//
// - Built into a temporary folder (the CDN build, packages/elements/dist/cdn,
//   must exist: `pnpm build`), served from 127.0.0.1, opened in Debian's
//   Chromium (puppeteer-core).
// - `sans-script.html` with JavaScript disabled shows the same text as the
//   same widgets rendered live by the CDN script (projects, amounts, figures,
//   the map's table), is styled under its strict CSP, and axe-core finds nothing.
// - `index.html`, with the CDN script: the widgets hydrate — interactive — with
//   no layout shift and no request for the data (no dataset chunk, no JSON).
//
//   pnpm --filter @cnr-widgets/examples exec vitest run test/static-html.test.ts
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic } from '../../bench/lib/server.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/browsers.mjs';
// @ts-expect-error — a plain Node script (no declarations), as partners would write it.
import { buildStaticSite } from '../static-html/build.mjs';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cdnIntegrity = path.join(examples, '../packages/elements/dist/cdn/integrity.json');
const WIDGETS = ['cnr-key-figures', 'cnr-funding-counter', 'cnr-territory-map', 'cnr-project-list'] as const;
const TIMEOUT = 30_000;

/** Each widget's text as a reader gets it: its shadow root's (and nested shadow roots') text, styles and scripts aside, spaces collapsed. */
function widgetTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate((tags: readonly string[]) => {
    const text = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node instanceof Element && (node.localName === 'style' || node.localName === 'script' || node.localName === 'template')) return '';
      const children = node instanceof Element && node.shadowRoot ? [...node.shadowRoot.childNodes] : [...node.childNodes];
      return children.map(text).join(' ');
    };
    return Object.fromEntries(tags.map((tag) => [tag, text(document.querySelector(tag)!).replace(/\s+/g, ' ').trim()]));
  }, WIDGETS);
}

async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  expect(violations, 'axe-core violations').toEqual([]);
}

describe.skipIf(!existsSync(cdnIntegrity))('static-html example (widgets rendered ahead of time)', () => {
  let outDir: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'cnr-static-html-'));
    await buildStaticSite({ territory: 'departement:57', outDir });
    // The same widgets rendered live by the CDN script, for comparison: the tags as the static page has them, no content.
    let live = readFileSync(path.join(outDir, 'index.html'), 'utf8').replace(/<script type="application\/json" data-cnr-prerendered>[\s\S]*?<\/script>/g, '');
    // Declarative shadow roots nest (the list's cards): the innermost first, until none is left.
    while (/<template shadowroot/.test(live)) live = live.replace(/<template shadowroot[^>]*>(?:(?!<template)[\s\S])*?<\/template>/g, '');
    writeFileSync(path.join(outDir, 'live.html'), live.replace(/ defer-hydration/g, ''));
    server = await serveStatic(outDir);
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('the build writes the page with and without script', () => {
    const withScript = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const without = readFileSync(path.join(outDir, 'sans-script.html'), 'utf8');
    for (const html of [withScript, without]) {
      for (const tag of WIDGETS) expect(html).toMatch(new RegExp(`<${tag}[^>]*><template [^>]*shadowrootmode="open">`));
      expect(html).toContain('data-cnr-prerendered');
    }
    expect(without).not.toMatch(/<script(?![^>]*application\/json)/);
    expect(withScript).toMatch(/<script type="module" src="\.\/cdn\/cnr-widgets\.js" integrity="sha384-/);
  });

  test('with JavaScript disabled: the same text as the live widgets, styled, accessible', async () => {
    const live = await browser.newPage();
    const liveRequests: string[] = [];
    live.on('request', (request) => liveRequests.push(new URL(request.url()).pathname));
    await live.goto(`${server.origin}/live.html`);
    // The live widgets have loaded their data: the list counts its projects, the map has its table.
    await live.waitForFunction(
      () =>
        /\d+ projets?/.test(document.querySelector('cnr-project-list')?.shadowRoot?.querySelector('[part="count"]')?.textContent ?? '') &&
        document.querySelector('cnr-project-list')!.shadowRoot!.querySelectorAll('cnr-project-card').length > 0 &&
        !!document.querySelector('cnr-territory-map')?.shadowRoot?.querySelector('svg') &&
        !!document.querySelector('cnr-key-figures')?.shadowRoot?.querySelector('[part="territory"]') &&
        !!document.querySelector('cnr-funding-counter')?.shadowRoot?.querySelector('.live p, .live span'),
      { timeout: TIMEOUT },
    );
    // The cards' names (looked up with the page) are in.
    await live.waitForFunction(() => [...document.querySelector('cnr-project-list')!.shadowRoot!.querySelectorAll('cnr-project-card')].every((card) => card.shadowRoot?.textContent?.includes('Territoire')), { timeout: TIMEOUT });
    const expected = await widgetTexts(live);
    await live.close();
    // A page without widgets rendered ahead of time never downloads the hydration support.
    expect(liveRequests.filter((request) => request.includes('/chunks/hydrate-'))).toEqual([]);
    // The list's code: its chunk, or the one-file bundle on a page showing many kinds of widget.
    expect(liveRequests.some((request) => /\/chunks\/(project-list|bundle)-/.test(request))).toBe(true);

    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${server.origin}/sans-script.html`, { waitUntil: 'load' });
    const texts = await widgetTexts(page);
    for (const tag of WIDGETS) expect(texts[tag], tag).toBe(expected[tag]);
    // What a reader comes for, spelled out: the département, the projects, the figures, the table.
    expect(texts['cnr-key-figures']).toContain('Moselle');
    expect(texts['cnr-key-figures']).toMatch(/environ 100 participants/);
    expect(texts['cnr-project-list']).toContain('6 projets');
    expect(texts['cnr-project-list']).toContain('Bus mobile dentaire');
    expect(texts['cnr-project-list']).toContain('Metz Métropole');
    expect(texts['cnr-territory-map']).toMatch(/Moselle 57 6 projets/);
    // Styled: the widgets' own styles applied (allowed by their hashes in the page's CSP).
    const styled = await page.evaluate(() => {
      const card = document.querySelector('cnr-project-list')!.shadowRoot!.querySelector('cnr-project-card')!;
      const title = card.shadowRoot!.querySelector('[part="title"]')!;
      return { weight: getComputedStyle(title).fontWeight, display: getComputedStyle(document.querySelector('cnr-key-figures')!).display };
    });
    expect(styled).toEqual({ weight: '700', display: 'block' });
    expect(errors, 'console errors (a CSP violation among them)').toEqual([]);
    expect(requests.filter((request) => request.endsWith('.js') || request.endsWith('.json'))).toEqual([]);
    await page.close();
    // axe-core needs timers, which a page without JavaScript does not run: the same page (it has no script,
    // so it renders the same) with JavaScript on, its CSP bypassed for axe alone.
    const audited = await browser.newPage();
    await audited.setBypassCSP(true);
    await audited.goto(`${server.origin}/sans-script.html`, { waitUntil: 'load' });
    await expectAccessible(audited);
    await audited.close();
  });

  test('with the script: the widgets hydrate, with no layout shift and no request for the data', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.evaluateOnNewDocument(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' });
    await page.waitForFunction(
      (tags: readonly string[]) => tags.every((tag) => (document.querySelector(tag) as (Element & { hasUpdated?: boolean }) | null)?.hasUpdated === true),
      { timeout: TIMEOUT },
      WIDGETS,
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

    // Hydrated, not rendered again: the island's data, the markup already there.
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
    expect(requests.some((request) => request.includes('/chunks/hydrate-')), 'the hydration support was loaded').toBe(true);
    expect(requests.filter((request) => /\/chunks\/dataset-|\.json$/.test(request)), 'requests for the data').toEqual([]);
    expect(errors).toEqual([]);

    // The map is rendered again in its shadow root (its shapes are plain DOM, not hydrated): one map, its
    // région's 10 départements, its shape from the stylesheet; a click selects a département.
    const map = await page.evaluate(async () => {
      const element = document.querySelector('cnr-territory-map') as HTMLElement & { updateComplete: Promise<boolean> };
      const root = element.shadowRoot!;
      const frame = root.querySelector('[part="map"]')!.getBoundingClientRect();
      const before = {
        svgs: root.querySelectorAll('svg').length,
        shapes: root.querySelectorAll('[part="territory"]').length,
        titles: root.querySelectorAll('#map-title').length,
        ratio: Math.round((frame.width / frame.height) * 100) / 100,
      };
      root.querySelector('[part="territory"][data-code="88"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await element.updateComplete;
      return { ...before, pressed: root.querySelector('[part="territory"][data-code="88"]')!.getAttribute('aria-pressed') };
    });
    expect(map).toEqual({ svgs: 1, shapes: 10, titles: 1, ratio: 1.18, pressed: 'true' });

    // Interactive: the key figures' « Sources » opens; the list filters (that query may load the data).
    const opened = await page.evaluate(async () => {
      const figures = document.querySelector('cnr-key-figures') as HTMLElement & { updateComplete: Promise<boolean> };
      figures.shadowRoot!.querySelector<HTMLButtonElement>('[part="sources-button"]')!.click();
      await figures.updateComplete;
      return !figures.shadowRoot!.querySelector<HTMLElement>('[part="sources"]')!.hidden;
    });
    expect(opened).toBe(true);
    await page.evaluate(() => {
      const input = document.querySelector('cnr-project-list')!.shadowRoot!.querySelector<HTMLInputElement>('[part="search-input"]')!;
      input.value = 'dentaire';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.form!.requestSubmit();
    });
    await page.waitForFunction(
      () => document.querySelector('cnr-project-list')!.shadowRoot!.querySelector('[part="count"]')?.textContent?.trim() === '1 projet',
      { timeout: TIMEOUT },
    );
    await page.close();
  });
});
