// Test-runner command `emulate-forced-colors` ({ active: boolean }): turns
// Windows' forced colors (high contrast) on or off for the test page, through
// the Chrome DevTools Protocol. Puppeteer's own emulateMediaFeatures accepts only
// prefers-color-scheme, prefers-reduced-motion and color-gamut, and
// @web/test-runner-commands' emulateMedia goes through it; CDP's
// Emulation.setEmulatedMedia takes `forced-colors` and Chromium then renders
// the page as in forced colors mode (system colours, no backgrounds).
// Firefox ESR, driven through WebDriver BiDi, has no such emulation, nor has
// WebKitGTK through WebKitWebDriver (no CDP; WebKit has no forced colors mode at
// all, Safari neither): the command answers { supported: false, reason } there,
// and the tests say so in their names.

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function forcedColorsPlugin() {
  /** CDP session of each test session, created once. */
  const sessions = new Map();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const active = Boolean(payload && typeof payload === 'object' && payload.active);
      try {
        const page = session.browser.getPage(session.id);
        let cdp = sessions.get(session.id);
        if (!cdp) {
          cdp = await page.createCDPSession();
          sessions.set(session.id, cdp);
        }
        await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: active ? 'active' : 'none' }] });
        return { supported: true };
      } catch (error) {
        if (process.env.DEBUG_FORCED_COLORS) console.error('emulate-forced-colors:', error);
        const reason =
          session.browser.type === 'webkitgtk'
            ? 'WebKit: WebKitWebDriver has no forced-colors emulation (and WebKit no forced colors mode)'
            : `${session.browser.name}: no forced-colors emulation through its driver (WebDriver BiDi)`;
        return { supported: false, reason };
      }
    },
  };
}
