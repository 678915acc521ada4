// web-test-runner launcher for WebKit (WebKitGTK's MiniBrowser through
// WebKitWebDriver, under Xvfb: scripts/webkit.mjs). The runner starts it and
// stops it, Xvfb and the driver included. One page at a time (concurrency 1):
// each test file is a navigation of the one window.
//
// Why not @web/test-runner-webdriver: it brings webdriverio (≈ 25 packages,
// with driver downloaders for Chrome, Edge, Firefox and Safari) for the four
// WebDriver commands used here, and its send-keys supports neither `down` nor
// `up` (the Shift+Tab walks of tests/browser/hostile).
import { startWebKit } from './webkit.mjs';

/** @returns {import('@web/test-runner').BrowserLauncher} */
export function webkitLauncher() {
  return new WebKitLauncher();
}

class WebKitLauncher {
  name = 'WebKit';
  type = 'webkitgtk';
  concurrency = 1;
  /** @type {import('./webkit.mjs').WebKitSession | undefined} */
  browser;
  starting;
  urls = new Map();
  /** Commands run one after another: WebDriver has one window and one input state. */
  queue = Promise.resolve();

  async initialize(config) {
    // The runner's own send-keys and send-mouse commands know Chrome, Playwright,
    // Puppeteer and webdriverio only; this launcher's plugin answers them for its
    // sessions, before them (the runner puts its defaults first).
    const plugins = config.plugins ?? [];
    if (!plugins.some((p) => p.name === webkitCommandsPlugin.name)) plugins.unshift(webkitCommandsPlugin);
  }

  serial(fn) {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async driver() {
    this.starting ??= startWebKit({ width: 1024, height: 768, pageLoadStrategy: 'none' }).then((browser) => {
      this.browser = browser;
      return browser;
    });
    return this.starting;
  }

  async stop() {
    const browser = await this.starting?.catch(() => undefined);
    await browser?.close();
  }

  async startSession(id, url) {
    const browser = await this.driver();
    this.urls.set(id, url);
    // pageLoadStrategy 'none': returns once the navigation starts; the page
    // reports to the runner through its web socket.
    await this.serial(() => browser.goto(url));
  }

  isActive(id) {
    return this.urls.has(id);
  }

  getBrowserUrl(id) {
    return this.urls.get(id);
  }

  async stopSession(id) {
    const browser = await this.driver();
    await this.serial(() => browser.goto('about:blank')).catch(() => undefined);
    this.urls.delete(id);
    return {};
  }

  async startDebugSession() {
    throw new Error('WebKit: no debug session (the MiniBrowser runs in a private Xvfb display)');
  }

  keys(payload) {
    return this.serial(() => this.browser.keys(payload));
  }

  mouse(payload) {
    return this.serial(() => this.browser.mouse(payload));
  }
}

/** `send-keys` and `send-mouse` for the sessions of WebKitLauncher. */
const webkitCommandsPlugin = {
  name: 'webkit-commands',
  async executeCommand({ command, payload, session }) {
    if (!(session.browser instanceof WebKitLauncher)) return undefined;
    if (command === 'send-keys') {
      await session.browser.keys(payload);
      return true;
    }
    if (command === 'send-mouse') {
      await session.browser.mouse(payload);
      return true;
    }
    if (command === 'reset-mouse') {
      await session.browser.mouse({ type: 'up' });
      return true;
    }
    return undefined;
  },
};
