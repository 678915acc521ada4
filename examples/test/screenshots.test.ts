// Screenshot tests (Chromium): the README snippet pasted on a blank page and
// the two partner pages (examples/ars-region, examples/collectivite), at 1280
// and 375 px, the whole page once every widget shows its data, compared with
// the reviewed reference images in examples/test/screenshots/.
//
// The comparison tolerates what is noise, not what a reader would see:
// pixelmatch (threshold 0.1 in YIQ colour distance, anti-aliased pixels not
// counted) and at most 0.02 % of the pixels differing; the page's height
// must be the same to the pixel (a layout change moves everything below it).
// Rendering is made stable: fixed device scale, no LCD text or font hinting,
// sRGB, no scrollbars, reduced motion (no skeleton shimmer, no count-up, no
// transition), light scheme, the page's own fonts (the DSFR's Marianne is
// served with the page; the others are Debian's, the same on CI's machine).
//
// Updating the references after a change that is meant (new data, a widget
// redesigned): run with UPDATE_SCREENSHOTS=1, then LOOK at every PNG written
// before committing it —
//   UPDATE_SCREENSHOTS=1 pnpm --filter @cnr-widgets/examples exec vitest run test/screenshots.test.ts
// A failing comparison writes the new image and a diff (changed pixels in
// red) to $SCREENSHOTS_DIR (default /tmp/cnr-screenshots). A missing
// reference is written (and the test passes) outside CI, fails under CI=true.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { examples, LAYOUT_PAGES, startSite, visit, WIDTHS, type LayoutPage, type Site } from './pages';

const REFERENCES = path.join(examples, 'test/screenshots');
const OUTPUT = process.env.SCREENSHOTS_DIR ?? path.join(os.tmpdir(), 'cnr-screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** pixelmatch's per-pixel threshold (0 exact … 1 anything): 0.1 is its default. */
const THRESHOLD = 0.1;
/** Share of the pixels that may differ (beyond anti-aliasing): 0.02 %, about 800 pixels of a 1280 × 3200 page. */
const MAX_DIFF_RATIO = Number(process.env.SCREENSHOT_MAX_DIFF_RATIO ?? 0.0002);

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

/** Compares a screenshot with its reference; the message says what differs and where the images are. */
function compare(name: string, actual: PNG): { ok: true } | { ok: false; message: string } {
  const file = path.join(REFERENCES, `${name}.png`);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE && process.env.CI === 'true') return { ok: false, message: `no reference image ${path.relative(examples, file)}: run with UPDATE_SCREENSHOTS=1 and review it` };
    mkdirSync(REFERENCES, { recursive: true });
    writeFileSync(file, PNG.sync.write(actual, { deflateLevel: 9 }));
    return { ok: true };
  }
  const expected = PNG.sync.read(readFileSync(file));
  mkdirSync(OUTPUT, { recursive: true });
  const actualFile = path.join(OUTPUT, `${name}.actual.png`);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(actualFile, PNG.sync.write(actual));
    return {
      ok: false,
      message: `${name}: the page is ${actual.width} × ${actual.height} px, the reference ${expected.width} × ${expected.height} px (the layout changed); new image: ${actualFile}`,
    };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: THRESHOLD, includeAA: false });
  const allowed = Math.round(MAX_DIFF_RATIO * actual.width * actual.height);
  if (changed <= allowed) return { ok: true };
  const diffFile = path.join(OUTPUT, `${name}.diff.png`);
  writeFileSync(actualFile, PNG.sync.write(actual));
  writeFileSync(diffFile, PNG.sync.write(diff));
  return { ok: false, message: `${name}: ${changed} pixels differ (at most ${allowed}); new image: ${actualFile}, diff: ${diffFile}` };
}

describe('screenshots (Chromium), compared with the reviewed references', () => {
  for (const name of Object.keys(LAYOUT_PAGES) as LayoutPage[]) {
    for (const width of WIDTHS) {
      test(`${name} at ${width} px looks as reviewed`, async () => {
        const page = await visit(site, name, width);
        try {
          expect(page.errors, 'console and page errors').toEqual([]);
          const shot = PNG.sync.read(Buffer.from(await page.page.screenshot({ fullPage: true, type: 'png', captureBeyondViewport: true })));
          const result = compare(`${name}-${width}`, shot);
          expect(result.ok ? '' : result.message).toBe('');
        } finally {
          await page.close();
        }
      });
    }
  }
});
