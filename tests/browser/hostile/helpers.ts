// Shared helpers of the hostile-page suite.
import { waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { sendKeys as sendKeysCommand, sendMouse } from '@web/test-runner-commands';

/** The tag names of the library. */
export const TAGS = [
  'cnr-provider',
  'cnr-project-list',
  'cnr-project-card',
  'cnr-axis-filter',
  'cnr-funding-counter',
  'cnr-key-figures',
  'cnr-territory-map',
] as const;

/** The module that defines every element (the CDN entry, from source). */
export const CDN_ENTRY = '/packages/elements/src/cdn.ts';

/** The engine running the page: WebKit's user agent names Safari, not Chrome. */
export const browserName = /firefox/i.test(navigator.userAgent)
  ? 'firefox'
  : /AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent)
    ? 'webkit'
    : 'chromium';

/** A key unique to this test run and browser, for the fault middleware (the browsers share one server). */
export function uid(prefix: string): string {
  return `${prefix}-${browserName}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A fault route of the test server with its key. */
export function faultUrl(route: string, id: string, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams({ id, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  return `/__faults/${route}?${query}`;
}

export interface FaultStats {
  requests: number;
  completed: number;
  /** Connections closed before the response was complete (by the client, or by a `truncated` fault). */
  aborted: number;
  /** Requests that carried a Cookie header, and an Authorization header. */
  withCookie: number;
  withCredentials: number;
  paths: string[];
}

/** What the fault middleware saw for `id` (read with the page's original fetch). */
export async function faultStats(id: string, fetchImpl: typeof fetch = fetch): Promise<FaultStats> {
  const response = await fetchImpl(`/__faults/stats?id=${encodeURIComponent(id)}`, { cache: 'no-store' });
  return (await response.json()) as FaultStats;
}

/** Every element under `root`, shadow trees included. */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      out.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(root);
  // An element given as the root: its own shadow tree too.
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  return out;
}

/** Elements matching `selector` under `root`, shadow trees included. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  return deepElements(root).filter((element) => element.matches(selector)) as T[];
}

export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | undefined {
  return deepQueryAll<T>(root, selector)[0];
}

/** The text an element shows, shadow trees included, whitespace squashed. */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node) => {
    if (current.nodeType === Node.TEXT_NODE) parts.push(current.textContent ?? '');
    const shadow = (current as Element).shadowRoot;
    if (shadow) walk(shadow);
    else if (current instanceof HTMLSlotElement) for (const assigned of current.assignedNodes({ flatten: true })) walk(assigned);
    for (const child of current.childNodes) walk(child);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The element's shadow root, which must exist (the element is defined). */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root: is it defined?`);
  return element.shadowRoot;
}

/** The project list's result count (« 6 projets »). */
export function listCount(list: Element): string {
  return squash(list.shadowRoot?.querySelector('[part="count"]')?.textContent);
}

/** Titles of the cards a list shows. */
export function listTitles(list: Element): string[] {
  return [...(list.shadowRoot?.querySelectorAll('cnr-project-card') ?? [])].map((card) =>
    squash(card.shadowRoot?.querySelector('[part="title"]')?.textContent),
  );
}

/** Waits until a list shows a count (optionally this one) and its cards have rendered. */
export async function listLoaded(list: Element, count?: string, timeout = 8000): Promise<void> {
  await waitUntil(() => (count === undefined ? listCount(list) !== '' : listCount(list) === count), `list count « ${count ?? 'any'} » (got « ${listCount(list)} »)`, {
    timeout,
  });
  await waitUntil(
    () => [...list.shadowRoot!.querySelectorAll('cnr-project-card')].every((card) => card.shadowRoot?.querySelector('[part="title"]')),
    'cards rendered',
    { timeout },
  );
}

/** True once a data widget shows its data: content rendered and no loading placeholder left. */
export function rendered(element: Element): boolean {
  const root = element.shadowRoot;
  if (!root?.querySelector('*')) return false;
  if (root.querySelector('.skeleton, [part="skeleton"]')) return false;
  switch (element.localName) {
    case 'cnr-project-list':
      return listCount(element) !== '';
    case 'cnr-axis-filter':
      // Its choices, or the note that no project of the selection is tied to an axis (the reference data).
      return root.querySelectorAll('input[name="axis"]').length > 0 || root.querySelector('[part="note"]') !== null;
    case 'cnr-territory-map':
      return root.querySelectorAll('[part="territory"]').length > 0;
    case 'cnr-funding-counter':
      return root.querySelector('[part="amount"], [part="empty"]') !== null;
    case 'cnr-key-figures':
      return root.querySelector('[part="figure"], [part="empty"]') !== null;
    case 'cnr-project-card':
      return root.querySelector('[part="title"]') !== null;
    default:
      return true;
  }
}

export async function allRendered(elements: Element[], timeout = 10_000): Promise<void> {
  await waitUntil(
    () => elements.every(rendered),
    `widgets rendered: ${elements
      .filter((e) => !rendered(e))
      .map((e) => e.localName)
      .join(', ')} still loading`,
    { timeout },
  );
}

/** Real key presses and typing through the test runner's `send-keys` command. */
export async function sendKeys(payload: { press: string } | { type: string } | { down: string } | { up: string }): Promise<void> {
  await sendKeysCommand(payload);
}

/** A real click in the middle of `element` (the test runner's `send-mouse`). */
export async function realClick(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

/**
 * Starts a keyboard walk on `start` with the page holding the focus. After
 * earlier test files, Firefox's focus may sit in its own window (a CSV
 * download, say): keys then still reach `document.activeElement`, but Tab
 * moves through the browser's toolbar. A click, then Tab until the page has
 * the focus back — what a user does — then `start`.
 */
export async function startKeyboardWalk(start: HTMLElement): Promise<void> {
  await realClick(start);
  for (let i = 0; i < 20 && !document.hasFocus(); i++) await sendKeys({ press: 'Tab' });
  if (!document.hasFocus()) throw new Error('the page never got the focus');
  start.focus();
}

/** The focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export interface PageWatch {
  errors: unknown[][];
  warnings: unknown[][];
  rejections: unknown[];
  exceptions: unknown[];
  stop(): void;
}

/**
 * Records `console.error`, `console.warn`, unhandled rejections and uncaught
 * exceptions until `stop()`. Lit's development-mode notices (« Lit is in dev
 * mode ») are left out of the warnings.
 */
export function watchPage(win: Window & typeof globalThis = window): PageWatch {
  const watch: PageWatch = { errors: [], warnings: [], rejections: [], exceptions: [], stop: () => undefined };
  const { error, warn } = win.console;
  win.console.error = (...args: unknown[]) => {
    watch.errors.push(args);
    error.apply(win.console, args);
  };
  win.console.warn = (...args: unknown[]) => {
    if (!/Lit is in dev mode|lit\.dev\/msg/i.test(String(args[0]))) watch.warnings.push(args);
    warn.apply(win.console, args);
  };
  const onRejection = (event: PromiseRejectionEvent) => watch.rejections.push(event.reason);
  const onError = (event: ErrorEvent) => watch.exceptions.push(event.error ?? event.message);
  win.addEventListener('unhandledrejection', onRejection);
  win.addEventListener('error', onError);
  watch.stop = () => {
    win.console.error = error;
    win.console.warn = warn;
    win.removeEventListener('unhandledrejection', onRejection);
    win.removeEventListener('error', onError);
  };
  return watch;
}

/** A description of what a watch caught, for assertion messages. */
export function describeWatch(watch: PageWatch): string {
  const show = (value: unknown) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
  return JSON.stringify({
    errors: watch.errors.map((args) => args.map(show).join(' ')),
    rejections: watch.rejections.map(show),
    exceptions: watch.exceptions.map(show),
  });
}

/** Waits `ms` milliseconds. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Two animation frames: whatever was scheduled has painted. */
export const nextFrames = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Loads a page in an iframe of the test page and waits for its load event. */
export async function loadFrame(src: string, width = 1024, height = 900): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.style.border = '0';
  const loaded = new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`${src} did not load`)), { once: true });
  });
  frame.src = src;
  document.body.append(frame);
  await loaded;
  return frame;
}

/**
 * Renders `template` into a new container at the end of the body and returns
 * its first element. Unlike open-wc's `fixture`, nothing removes it after
 * each test: a `describe` shares it across its tests; call `remove()` in `after`.
 */
export function mount<T extends Element = HTMLElement>(template: TemplateResult): T {
  const container = document.createElement('section');
  document.body.append(container);
  render(template, container);
  return container.firstElementChild as T;
}
