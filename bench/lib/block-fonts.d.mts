import type { Page } from 'puppeteer-core';
/** Turns on request interception for `page` and refuses its font requests. */
export function blockFonts(page: Page): Promise<void>;
