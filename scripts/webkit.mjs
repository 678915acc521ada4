// WebKit for the tests: Debian's WebKitGTK MiniBrowser (the engine of Safari),
// driven through W3C WebDriver by Debian's WebKitWebDriver (apt packages
// webkit2gtk-driver and xvfb, installed by scripts/setup.sh). The MiniBrowser has
// no headless mode: startWebKit() starts a private Xvfb display, then
// WebKitWebDriver on a free port, then one WebDriver session; close() ends all
// three. No test tool downloads a browser or a driver.
//
// A WebDriver client of a few plain HTTP requests (fetch): the test runner's
// launcher (scripts/webkit-launcher.mjs), the CDN/SRI tests and the examples'
// smoke tests need navigation, script execution, key and pointer actions,
// window size and screenshots, nothing more.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WEBKIT_BROWSER_PATH, WEBKIT_DRIVER_PATH, XVFB_PATH } from './browsers.mjs';

/** WebDriver's codes of the keys the tests press (W3C WebDriver, "Keyboard actions"). */
export const WEBDRIVER_KEYS = {
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
  Escape: '\uE00C',
  Enter: '\uE007',
  Tab: '\uE004',
  Backspace: '\uE003',
  Delete: '\uE017',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

/** The WebDriver value of a key named as in KeyboardEvent.key (`Tab`, `ArrowDown`, `a`, ` `). */
export function webdriverKey(name) {
  if (name in WEBDRIVER_KEYS) return WEBDRIVER_KEYS[name];
  if ([...name].length === 1) return name;
  throw new Error(`webkit: no WebDriver code for the key ${JSON.stringify(name)}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a display it picks itself (-displayfd); resolves with ':N' and the process. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn(XVFB_PATH, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp', '-noreset'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let out = '';
    xvfb.stderr.on('data', (chunk) => (stderr += chunk));
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, process: xvfb });
    });
    xvfb.on('error', (error) => reject(new Error(`webkit: cannot start ${XVFB_PATH} (apt package xvfb, scripts/setup.sh): ${error.message}`)));
    xvfb.on('exit', (code) => reject(new Error(`webkit: Xvfb exited (${code}): ${stderr.trim()}`)));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `fn` until it returns a value other than undefined, or throws after `timeout` ms. */
async function until(fn, timeout, what) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`webkit: timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Starts Xvfb, WebKitWebDriver and a MiniBrowser session.
 * @param {{ width?: number, height?: number, pageLoadStrategy?: 'normal' | 'eager' | 'none' }} [options]
 *   the viewport's size in CSS pixels; whether goto() waits for the load event ('normal', the default)
 */
export async function startWebKit(options = {}) {
  const { display, process: xvfb } = await startXvfb();
  const children = [xvfb];
  const kill = () => {
    process.off('exit', kill);
    for (const child of [...children].reverse()) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  // Whatever ends this process (a failed test run, an uncaught error), the
  // driver and the display end with it; the MiniBrowser ends with its display.
  process.on('exit', kill);
  try {
    const port = await freePort();
    const driverProcess = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], {
      env: { ...process.env, DISPLAY: display },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(driverProcess);
    let driverLog = '';
    driverProcess.stderr.on('data', (chunk) => (driverLog = (driverLog + chunk).slice(-4000)));
    const spawnError = new Promise((_, reject) =>
      driverProcess.on('error', (error) =>
        reject(new Error(`webkit: cannot start ${WEBKIT_DRIVER_PATH} (apt package webkit2gtk-driver, scripts/setup.sh): ${error.message}`)),
      ),
    );
    const base = `http://127.0.0.1:${port}`;
    await Promise.race([spawnError, until(async () => ((await fetch(`${base}/status`)).ok ? true : undefined), 15_000, 'WebKitWebDriver')]);
    const created = await request(base, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          pageLoadStrategy: options.pageLoadStrategy ?? 'normal',
          'webkitgtk:browserOptions': { binary: WEBKIT_BROWSER_PATH, args: ['--automation'] },
        },
      },
    });
    const session = new WebKitSession(base, created.sessionId, created.capabilities, async () => {
      try {
        await request(base, 'DELETE', `/session/${created.sessionId}`);
      } catch {
        // the browser may be gone already
      }
      kill();
    });
    session.driverLog = () => driverLog;
    if (options.width || options.height) await session.setViewport(options.width ?? 1280, options.height ?? 900);
    return session;
  } catch (error) {
    kill();
    throw error;
  }
}

async function request(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok || json.value?.error) {
    const { error, message } = json.value ?? {};
    throw new Error(`webkit: ${method} ${path}: ${error ?? response.status} ${message ?? text}`);
  }
  return json.value;
}

/** One WebDriver session of the MiniBrowser. */
export class WebKitSession {
  constructor(base, id, capabilities, close) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
    this.close = close;
    /** `MiniBrowser 2.50.6` */
    this.version = `${capabilities.browserName} ${capabilities.browserVersion}`;
  }

  command(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Navigates and waits for the load event. */
  goto(url) {
    return this.command('POST', '/url', { url });
  }

  url() {
    return this.command('GET', '/url');
  }

  /** Runs `script` (a function body: `return …`) in the page; arguments are JSON values. */
  execute(script, args = []) {
    return this.command('POST', '/execute/sync', { script, args });
  }

  /** Runs `script`, which calls `arguments[arguments.length - 1]` with its result. */
  executeAsync(script, args = []) {
    return this.command('POST', '/execute/async', { script, args });
  }

  /** Polls the expression `expression` until it is truthy; returns false after `timeout` ms. */
  async waitFor(expression, timeout) {
    const end = Date.now() + timeout;
    for (;;) {
      if (await this.execute(`return Boolean(${expression});`).catch(() => false)) return true;
      if (Date.now() > end) return false;
      await sleep(100);
    }
  }

  /** Sets the window so that the page's viewport measures `width` × `height` CSS pixels. */
  async setViewport(width, height) {
    await this.command('POST', '/window/rect', { width, height });
    const inner = await this.execute('return [window.innerWidth, window.innerHeight];');
    const dw = width - inner[0];
    const dh = height - inner[1];
    if (dw || dh) {
      const rect = await this.command('GET', '/window/rect');
      await this.command('POST', '/window/rect', { width: rect.width + dw, height: rect.height + dh });
    }
  }

  /** PNG of the viewport (a Buffer). */
  async screenshot() {
    return Buffer.from(await this.command('GET', '/screenshot'), 'base64');
  }

  /** Performs W3C input actions, then releases every key and button. */
  async actions(actions) {
    try {
      await this.command('POST', '/actions', { actions });
    } finally {
      await this.command('DELETE', '/actions').catch(() => undefined);
    }
  }

  /** Key actions: `down`/`up` of one key, `press` (down + up), `type` (each character). */
  async keys(payload) {
    let steps;
    if ('type' in payload) steps = [...payload.type].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]);
    else if ('press' in payload) {
      // `Shift+Tab`: modifiers down, the key, modifiers up.
      const parts = payload.press.length > 1 ? payload.press.split('+').map(webdriverKey) : [webdriverKey(payload.press)];
      steps = [...parts.map((value) => ({ type: 'keyDown', value })), ...parts.reverse().map((value) => ({ type: 'keyUp', value }))];
    } else if ('down' in payload) steps = [{ type: 'keyDown', value: webdriverKey(payload.down) }];
    else if ('up' in payload) steps = [{ type: 'keyUp', value: webdriverKey(payload.up) }];
    else throw new Error(`webkit: unknown send-keys payload ${JSON.stringify(payload)}`);
    // A held key (`down`) must stay down across calls: no release after it.
    await this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: steps }] });
  }

  /** Pointer actions at viewport coordinates (the test runner's `send-mouse`). */
  async mouse(payload) {
    const button = { left: 0, middle: 1, right: 2 }[payload.button ?? 'left'];
    const at = (position) => ({ type: 'pointerMove', duration: 0, x: Math.round(position[0]), y: Math.round(position[1]) });
    const steps = {
      move: () => [at(payload.position)],
      click: () => [at(payload.position), { type: 'pointerDown', button }, { type: 'pointerUp', button }],
      down: () => [{ type: 'pointerDown', button }],
      up: () => [{ type: 'pointerUp', button }],
    }[payload.type]?.();
    if (!steps) throw new Error(`webkit: unknown send-mouse payload ${JSON.stringify(payload)}`);
    await this.command('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: steps }] });
  }
}
