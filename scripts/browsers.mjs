// The test and bench browsers: Debian's Chromium, Firefox ESR and WebKitGTK
// (Safari's engine), from apt (scripts/setup.sh). No tool downloads a browser.
// The variables of the same names point elsewhere.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** WebKit: WebKitGTK's MiniBrowser (no headless mode), driven by WebKitWebDriver under Xvfb (scripts/webkit.mjs). */
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const WEBKIT_BROWSER_PATH = process.env.WEBKIT_BROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB_PATH = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';

/** Chromium headless on these machines: no sandbox, GPU, QUIC, first-run, background or update traffic. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
