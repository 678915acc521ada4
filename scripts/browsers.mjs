// The test and bench browsers: Debian's Chromium and Firefox ESR, from apt
// (scripts/setup.sh). No tool downloads a browser. CHROMIUM_PATH and
// FIREFOX_PATH point elsewhere.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

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
