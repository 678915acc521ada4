// The layout a visitor sees, measured in Chromium (issue 16): once every
// widget shows its data there is no blank taller than one row of cards under
// any widget (the README snippet on a blank page and both partner pages, at
// 1280 and 375 px), and the partner pages do not move while they load:
// cumulative layout shift ≤ 0.01 with their web fonts and with the fonts
// blocked. A page that reserves space for its widgets (examples/ars-region,
// examples/collectivite) reserves the height its data gives them, also for
// the widgets below the first screen (where a shift is not counted in CLS
// but moves what a visitor scrolling down reads): each widget, with its data,
// is as tall as the page reserved for it before its script ran. When the data
// or a widget changes, these tests say which widget no longer fits, and
// `node examples/widget-heights.mjs <page>` measures the heights to reserve.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { measureBlank } from '../../bench/lib/blank-probe.mjs';
import { LAYOUT_PAGES, startSite, visit, WIDTHS, type LayoutPage, type Site } from './pages';

/** The budget of issue 16 for both partner pages. */
const MAX_CLS = 0.01;

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

describe('no blank under a widget once it shows its data', () => {
  for (const name of Object.keys(LAYOUT_PAGES) as LayoutPage[]) {
    for (const width of WIDTHS) {
      test(`${name} at ${width} px`, async () => {
        const page = await visit(site, name, width);
        try {
          const { row, widgets } = await page.page.evaluate(measureBlank);
          expect(widgets.length, 'widgets on the page').toBeGreaterThan(0);
          expect(row, 'a row of cards').toBeGreaterThan(100);
          const tooTall = widgets.filter((widget) => widget.blank > row).map((w) => `<${w.tag}> #${w.index}: ${w.blank} px blank under ${w.height} px`);
          expect(tooTall, `blanks taller than a row of cards (${row} px)`).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});

/**
 * Runs in the page before its scripts: the height of each widget in the first frame that shows it
 * before its script has run — what the page reserves for it (`:not(:defined)`).
 */
function recordReservations(): void {
  const seen = new Map<Element, number>();
  (window as unknown as { __reserved: () => { tag: string; index: number; height: number }[] }).__reserved = () => {
    const counts: Record<string, number> = {};
    return [...document.querySelectorAll('*')]
      .filter((element) => element.localName.startsWith('cnr-') && element.localName !== 'cnr-provider')
      .map((element) => {
        const index = (counts[element.localName] = (counts[element.localName] ?? -1) + 1);
        return { tag: element.localName, index, height: seen.get(element) ?? -1 };
      });
  };
  const frame = () => {
    for (const element of document.querySelectorAll('*')) {
      if (!element.localName.startsWith('cnr-') || element.localName === 'cnr-provider' || seen.has(element)) continue;
      if (!customElements.get(element.localName)) seen.set(element, element.getBoundingClientRect().height);
    }
    if (document.readyState !== 'complete' || [...document.querySelectorAll('*')].some((e) => e.localName.startsWith('cnr-') && !customElements.get(e.localName))) {
      requestAnimationFrame(frame);
    }
  };
  requestAnimationFrame(frame);
}

describe('each widget of the partner pages is, with its data, as tall as the page reserved for it before its script ran', () => {
  for (const name of ['ars-region', 'collectivite'] as const) {
    for (const width of WIDTHS) {
      test(`${name} at ${width} px`, async () => {
        const page = await visit(site, name, width, { init: recordReservations });
        try {
          const reserved = await page.page.evaluate(() => (window as unknown as { __reserved: () => { tag: string; index: number; height: number }[] }).__reserved());
          const shown = await page.page.evaluate(() =>
            [...document.querySelectorAll('*')]
              .filter((element) => element.localName.startsWith('cnr-') && element.localName !== 'cnr-provider')
              .map((element) => element.getBoundingClientRect().height),
          );
          const measured = reserved.filter((widget) => widget.height >= 0);
          expect(measured.length, 'widgets seen before their script ran').toBeGreaterThan(0);
          const apart = measured
            .filter((widget) => Math.abs(shown[reserved.indexOf(widget)]! - widget.height) > 1)
            .map((widget) => `<${widget.tag}> #${widget.index}: ${(widget.height / 16).toFixed(3)}rem reserved, ${(shown[reserved.indexOf(widget)]! / 16).toFixed(3)}rem with its data`);
          expect(apart, 'reservations to measure again (node examples/widget-heights.mjs)').toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});

describe(`the partner pages do not move while they load (CLS ≤ ${MAX_CLS})`, () => {
  for (const name of ['ars-region', 'collectivite'] as const) {
    for (const width of WIDTHS) {
      for (const blockFonts of [false, true]) {
        test(`${name} at ${width} px, ${blockFonts ? 'web fonts blocked' : 'with its web fonts'}`, async () => {
          const page = await visit(site, name, width, { blockFonts });
          try {
            const moved = page.shifts.map((shift) => `${shift.value.toFixed(4)} at ${Math.round(shift.startTime)} ms: ${shift.sources.join(', ')}`);
            expect(page.cls, `layout shifts: ${moved.join('; ') || 'none'}`).toBeLessThanOrEqual(MAX_CLS);
          } finally {
            await page.close();
          }
        });
      }
    }
  }
});
