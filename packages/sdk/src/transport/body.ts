/** Reading a response: the body within a timeout, then JSON. */
import { bodyReadError, bodyTimeoutError, unreadableJsonError } from './errors.js';

/**
 * Reads the body as text, allowing `timeout` ms; past it, aborts
 * `bodyTimeout` (so the connection is dropped) and rejects with a timeout
 * `CnrHttpError`.
 */
export async function readText(response: Response, url: string, timeout: number, bodyTimeout: AbortController): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = bodyTimeoutError(response.status, url);
      bodyTimeout.abort(error);
      reject(error);
    }, timeout);
  });
  try {
    return await Promise.race([response.text(), timedOut]);
  } catch (error) {
    throw bodyReadError(error, response.status, url);
  } finally {
    clearTimeout(timer);
  }
}

/** Parses a body as JSON; rejects with `CnrDataError` `unreadable` (line and column) when it is not. */
export async function parseJsonBody(text: string, url: string): Promise<unknown> {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw await unreadableJsonError(text, url, cause);
  }
}
