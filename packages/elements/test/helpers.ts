// Helpers shared by the elements' browser tests (web-test-runner).

/**
 * Runs a test-runner command (`send-keys`, or one of web-test-runner.config.mjs's
 * plugins) and returns its result; throws when no plugin executed it.
 */
export async function runnerCommand<T = unknown>(command: string, payload?: unknown): Promise<T> {
  const socket = '/__web-dev-server__web-socket.js';
  const { sendMessageWaitForResponse } = (await import(/* @vite-ignore */ socket)) as {
    sendMessageWaitForResponse: (message: unknown) => Promise<{ executed?: boolean; result?: T }>;
  };
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  const response = await sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command, payload });
  if (!response.executed) throw new Error(`the test runner has no command ${command} (web-test-runner.config.mjs)`);
  return response.result as T;
}

/** Real key presses and typing, as a user does them (the browser's own focus and activation). */
export async function keys(payload: { press: string } | { type: string }): Promise<void> {
  await runnerCommand('send-keys', payload);
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
