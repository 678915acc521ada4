// The layout a visitor sees, measured in Chromium (issue 16): once every
// widget shows its data there is no blank taller than one row of cards under
// any widget (the README snippet on a blank page and both partner pages, at
// 1280 and 375 px), and the partner pages do not move while they load:
// cumulative layout shift ≤ 0.01 with their web fonts and with the fonts
// blocked. A page that reserves space for its widgets (examples/ars-region,
// examples/collectivite) reserves the height its data gives them: when the
// data or a widget changes, these tests say which widget no longer fits, and
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
