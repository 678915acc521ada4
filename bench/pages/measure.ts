// Measuring helpers of the bench pages (bench/browser.mjs drives them).
//
// « Painted » means: the rendering of the frame that first shows a state has
// run. A frame's rendering (style, layout, paint) runs in the same task as
// its requestAnimationFrame callbacks; a message posted during that task is
// handled right after it. So:
// - a state reached during a frame's rAF phase (callbacks and their
//   microtasks) is painted when a message posted then is handled;
// - a state reached in any other task is painted in the next frame: wait for
//   its rAF, then post the message.
// Changes are started inside a rAF callback, so a figure is the work plus
// that frame's rendering, not the wait for the next vsync; a change that
// misses the frame shows up as ≥ 16.7 ms.

/** Ms since navigation start, when this module (the first of the page's script) ran. */
export const scriptStart = performance.now();
performance.mark('bench:script-start');

export interface PageErrors {
  errors: string[];
}

const errors: string[] = [];
addEventListener('error', (event) => errors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${String(event.reason)}`));
export const pageErrors = (): string[] => [...errors];

/** True between the start of a frame's rAF phase and the end of its rendering. */
let inFrame = false;
function frameLoop(): void {
  markFrame();
  requestAnimationFrame(frameLoop);
}
function markFrame(): void {
  if (inFrame) return;
  inFrame = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    inFrame = false;
    channel.port1.close();
  };
  channel.port2.postMessage(null);
}
requestAnimationFrame(frameLoop);

/** Resolves (with performance.now()) in the task after the current one. */
export function nextTask(): Promise<number> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve(performance.now());
    };
    channel.port2.postMessage(null);
  });
}

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** Resolves with performance.now() once the DOM as it is now has been painted. */
export async function whenPainted(): Promise<number> {
  if (!inFrame) await nextFrame();
  return nextTask();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A few quiet frames, then an idle period (bounded): lets a page settle between measurements. */
export async function settle(frames = 3): Promise<void> {
  for (let i = 0; i < frames; i++) await nextFrame();
  await new Promise<void>((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 500 });
    else setTimeout(resolve, 50);
  });
}

interface Updatable extends Element {
  updateComplete?: Promise<boolean>;
  isUpdatePending?: boolean;
}

/** Waits until a Lit element has no update pending (bounded: 50 rounds or `timeoutMs`). */
export async function updated(element: Element | null | undefined, timeoutMs = 5000): Promise<void> {
  const el = element as Updatable | null | undefined;
  if (!el?.updateComplete) return;
  const deadline = performance.now() + timeoutMs;
  for (let round = 0; round < 50 && performance.now() < deadline; round++) {
    const done = await Promise.race([el.updateComplete, sleep(Math.max(0, deadline - performance.now())).then(() => false)]);
    if (done && !el.isUpdatePending) return;
  }
}

/** Elements matching `selector` in `root` and the shadow roots below it (bounded depth). */
export function deepQueryAll<T extends Element = Element>(root: ParentNode | null | undefined, selector: string, depth = 4): T[] {
  if (!root) return [];
  const out: T[] = [...root.querySelectorAll<T>(selector)];
  if (depth > 0) {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) out.push(...deepQueryAll<T>(el.shadowRoot, selector, depth - 1));
    }
  }
  return out;
}

/** Shadow roots under `host` (itself included), for mutation observers. */
function shadowRoots(host: Element | null | undefined, depth = 3): Node[] {
  if (!host?.shadowRoot) return [];
  const out: Node[] = [host.shadowRoot];
  if (depth > 0) for (const el of host.shadowRoot.querySelectorAll('*')) out.push(...shadowRoots(el, depth - 1));
  return out;
}

/**
 * Resolves with the performance.now() after the paint of the first frame in
 * which `done()` holds, or undefined after `timeoutMs`. `done` is checked on
 * every DOM mutation under `watched` (shadow roots included, found again each
 * frame) and at every frame start.
 */
export function paintedWhen(watched: () => Element | null | undefined, done: () => boolean, timeoutMs: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const observed = new Set<Node>();
    const observers: MutationObserver[] = [];
    let finished = false;
    let detected = false;
    let raf = 0;
    const stop = (value: number | undefined): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      cancelAnimationFrame(raf);
      for (const o of observers) o.disconnect();
      resolve(value);
    };
    const timer = setTimeout(() => stop(undefined), timeoutMs);
    const check = (): void => {
      if (finished || detected) return;
      let ok = false;
      try {
        ok = done();
      } catch {
        ok = false;
      }
      if (!ok) return;
      detected = true;
      void whenPainted().then(stop);
    };
    const observe = (): void => {
      const el = watched();
      const roots = el ? [el, ...shadowRoots(el)] : [];
      for (const root of roots) {
        if (observed.has(root)) continue;
        observed.add(root);
        const mo = new MutationObserver(check);
        mo.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
        observers.push(mo);
      }
    };
    const poll = (): void => {
      if (finished || detected) return;
      observe();
      check();
      raf = requestAnimationFrame(poll);
    };
    observe();
    check();
    raf = requestAnimationFrame(poll);
  });
}

/**
 * Starts `change` at the beginning of a frame and resolves with the ms from
 * the change to the painted frame where `done()` first holds (see the top of
 * this file), or undefined when it does not hold within `timeoutMs`.
 */
export function timeChange(
  element: Element,
  change: () => void,
  done: () => boolean,
  timeoutMs = 4000,
): Promise<{ t0: number; painted: number | undefined }> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      markFrame();
      const t0 = performance.now();
      const painted = paintedWhen(() => element, done, timeoutMs);
      change();
      void painted.then((t) => resolve({ t0, painted: t === undefined ? undefined : t - t0 }));
    });
  });
}

/** Identity of what a list shows: the ids of its cards, in order. */
export function cardIds(list: Element | null | undefined): string {
  return deepQueryAll<Element & { project?: { id?: string } }>(list?.shadowRoot, 'cnr-project-card', 2)
    .map((card) => card.project?.id ?? card.getAttribute('project-id') ?? card.textContent ?? '')
    .join('|');
}

export const cardCount = (list: Element | null | undefined): number => deepQueryAll(list?.shadowRoot, 'cnr-project-card', 2).length;

/** Reads `?n=` (number of synthetic projects) and the dataset URL the bench wrote for it. */
export function datasetParam(): { n: number; src: string } {
  const n = Number(new URLSearchParams(location.search).get('n') ?? '1000');
  return { n, src: new URL(`./data/synthetic-${n}.json`, location.href).href };
}
