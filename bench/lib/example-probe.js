// Injected by bench/browser.mjs into the example page before any of its own
// scripts (puppeteer's evaluateOnNewDocument), so the page is measured as
// published. Exposes `window.__cnrProbe`:
// - `interactive`: resolves when every widget (`cnr-*` element of the page
//   but the provider) is defined, has rendered, has no update pending, awaited
//   its `updateComplete`, shows content (no loading skeleton) — with the time,
//   since navigation start, at which that frame was painted;
// - `shifts()`: the layout-shift entries observed since the start.
// See bench/pages/measure.ts for how « painted » is told.
(() => {
  const shifts = [];
  /** `cnr-list › div.cards`: an element, and the widget whose shadow root holds it. */
  const describe = (node) => {
    const el = node?.nodeType === 1 ? node : node?.parentElement;
    if (!el) return node?.nodeName ?? '?';
    const root = el.getRootNode();
    const host = root instanceof ShadowRoot ? `${root.host.localName} › ` : '';
    const classes = [...el.classList].slice(0, 2).join('.');
    return `${host}${el.localName}${el.id ? `#${el.id}` : ''}${classes ? `.${classes}` : ''}`;
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        shifts.push({
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
          startTime: entry.startTime,
          sources: (entry.sources ?? []).map((s) => describe(s.node)),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    shifts.push({ unsupported: true });
  }

  let inFrame = false;
  const markFrame = () => {
    if (inFrame) return;
    inFrame = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      inFrame = false;
      channel.port1.close();
    };
    channel.port2.postMessage(null);
  };
  const loop = () => {
    markFrame();
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const nextTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    });
  const whenPainted = async () => {
    if (!inFrame) await new Promise((resolve) => requestAnimationFrame(resolve));
    return nextTask();
  };

  const widgets = () => [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('cnr-') && el.localName !== 'cnr-provider');
  const BUSY = '[part~="skeleton"], .skeleton, [aria-busy="true"]';
  const state = (el) => {
    if (!customElements.get(el.localName)) return 'undefined';
    if (el.hasUpdated === false || el.isUpdatePending === true) return 'updating';
    const root = el.shadowRoot;
    if (!root || !root.querySelector('*')) return 'empty';
    if (root.querySelector(BUSY)) return 'loading';
    return 'ready';
  };

  const TIMEOUT = 60_000;
  const interactive = new Promise((resolve) => {
    let detected = false;
    let finished = false;
    const observed = new Set();
    const finish = (value) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      observer.disconnect();
      resolve(value);
    };
    const timer = setTimeout(() => {
      const list = widgets();
      finish({ interactive: undefined, widgets: list.map((el) => `${el.localName}: ${state(el)}`) });
    }, TIMEOUT);
    const check = async () => {
      if (detected || finished) return;
      const list = widgets();
      if (list.length === 0 || !list.every((el) => state(el) === 'ready')) return;
      detected = true;
      await Promise.all(list.map((el) => el.updateComplete));
      if (widgets().length !== list.length || !list.every((el) => state(el) === 'ready')) {
        detected = false;
        return;
      }
      const painted = await whenPainted();
      const errors = list.filter((el) => el.shadowRoot.querySelector('[part~="error"], [role="alert"]')).map((el) => el.localName);
      finish({ interactive: painted, widgets: list.map((el) => el.localName), errors });
    };
    const observer = new MutationObserver(() => void check());
    const observe = () => {
      for (const el of widgets()) {
        if (el.shadowRoot && !observed.has(el.shadowRoot)) {
          observed.add(el.shadowRoot);
          observer.observe(el.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
        }
      }
    };
    const poll = () => {
      if (finished) return;
      observe();
      void check();
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });

  Object.defineProperty(window, '__cnrProbe', {
    value: {
      interactive,
      shifts: () => shifts.slice(),
      fcp: () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    },
  });
})();
