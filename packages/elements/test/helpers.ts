// Helpers shared by the elements' browser tests (web-test-runner).

import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

/**
 * Runs a test-runner command (`send-keys`, or one of web-test-runner.config.mjs's
 * plugins) and returns its result; throws when no plugin executed it.
 */
export function runnerCommand<T = unknown>(command: string, payload?: unknown): Promise<T> {
  return executeServerCommand<T, unknown>(command, payload);
}

/** Real key presses and typing, as a user does them (the browser's own focus and activation). */
export async function keys(payload: { press: string } | { type: string }): Promise<void> {
  await sendKeys(payload);
}

/** Presses one key. */
export function press(key: string): Promise<void> {
  return keys({ press: key });
}

/** Replaces `fetch` for the URLs `handler` answers; returns the restore function. */
export function stubFetch(handler: (url: string) => Promise<Response> | undefined): () => void {
  const original = window.fetch;
  window.fetch = (resource, init) => {
    const url = resource instanceof Request ? resource.url : String(resource);
    return handler(url) ?? original.call(window, resource, init);
  };
  return () => {
    window.fetch = original;
  };
}

/** Every state of `element`'s shadow root, as `read` sees it, from now on (each mutation). */
export function recordShadow<T>(element: HTMLElement, read: (root: ShadowRoot) => T): { states: T[]; stop: () => void } {
  const states: T[] = [];
  const take = () => {
    if (element.shadowRoot) states.push(read(element.shadowRoot));
  };
  const observer = new MutationObserver(take);
  // The shadow root may not be there yet: observe the host's subtree once it is, and take the first state.
  const start = () => {
    if (!element.shadowRoot) return void requestAnimationFrame(start);
    observer.observe(element.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
    take();
  };
  start();
  return { states, stop: () => observer.disconnect() };
}
