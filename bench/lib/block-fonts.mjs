// Loads a page as if its web fonts never came: every font request is refused
// (`net::ERR_BLOCKED_BY_CLIENT`), the rest goes on. Used by the layout checks
// (bench/cls.mjs, examples/test/pages.ts) to see the page in its fallback fonts.

/** Turns on request interception for `page` and refuses its font requests. */
export async function blockFonts(page) {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (request.resourceType() === 'font') void request.abort('blockedbyclient');
    else void request.continue();
  });
}
