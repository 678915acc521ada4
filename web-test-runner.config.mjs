// Browser tests of @cnr-widgets/elements, in Debian's Chromium, Firefox ESR and
// WebKitGTK (Safari's engine: its MiniBrowser through WebKitWebDriver, under a
// private Xvfb display that the launcher starts and stops). No test tool
// downloads a browser: all three come from apt (scripts/setup.sh).
// BROWSERS=chromium,firefox,webkit picks some of them.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, FIREFOX_PATH } from './scripts/browsers.mjs';
import { webkitLauncher } from './scripts/webkit-launcher.mjs';
import { accessibilityTreePlugin } from './tests/browser/commands/accessibility-tree.mjs';
import { forcedColorsPlugin } from './tests/browser/commands/forced-colors.mjs';
import { moduleCopiesPlugin } from './tests/browser/hostile/server/copies.mjs';
import { faultsMiddleware } from './tests/browser/hostile/server/faults.mjs';

const only = process.env.BROWSERS?.split(',');

const browsers = [];
if (!only || only.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [
          ...CHROMIUM_FLAGS,
          // Several test pages run at once: none may be throttled as a background tab.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  );
}
if (!only || only.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true },
    }),
  );
}
if (!only || only.includes('webkit')) browsers.push(webkitLauncher());

export default {
  rootDir: '.',
  // The server rendering's tests run in Node (packages/elements/vitest.config.ts).
  files: ['packages/elements/src/**/*.test.ts', '!packages/elements/src/server/**', 'tests/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  // /__faults/…: network faults and the hostile dataset for tests/browser/hostile (see that file).
  middleware: [faultsMiddleware()],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }),
    // `?copy=2` loads a second copy of the library, for tests/browser/hostile/two-copies.test.ts.
    moduleCopiesPlugin(),
    // `emulate-forced-colors`: Windows high contrast, for the forced-colors tests (Chromium).
    forcedColorsPlugin(),
    // `accessibility-tree`: Chromium's accessible names and roles, for the name tests.
    accessibilityTreePlugin(),
  ],
  browsers,
  // One page at a time per browser: a second tab in Chromium is a background tab whose
  // requestAnimationFrame stalls, which times out fixtures.
  concurrency: 1,
  // Two browsers at a time (the third starts when one is done): CI machines have
  // two cores, and three browsers at once slow timing-sensitive tests down.
  concurrentBrowsers: 2,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
};
