import { CnrAbortError } from '../errors.js';

/** Rejects with a {@link CnrAbortError} when `signal` is already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CnrAbortError(signal.reason);
}

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  users: number;
}

/**
 * Runs one operation per key at a time and lets every caller of that key
 * share it. Each caller keeps its own `AbortSignal`: aborting one caller
 * rejects that caller only (with {@link CnrAbortError}); the shared operation
 * is aborted when every caller has left.
 */
export function createSharedRunner() {
  const flights = new Map<string, Flight<unknown>>();

  return function share<T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    throwIfAborted(signal);
    let flight = flights.get(key) as Flight<T> | undefined;
    if (!flight) {
      const controller = new AbortController();
      const created: Flight<T> = { promise: undefined as unknown as Promise<T>, controller, users: 0 };
      created.promise = Promise.resolve()
        .then(() => start(controller.signal))
        .finally(() => {
          if (flights.get(key) === created) flights.delete(key);
        });
      // Nobody may be listening any more when the last caller has left.
      created.promise.catch(() => undefined);
      flights.set(key, created);
      flight = created;
    }
    const current = flight;
    current.users += 1;
    if (!signal) {
      return current.promise.finally(() => {
        current.users -= 1;
      });
    }
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const leave = () => {
        settled = true;
        current.users -= 1;
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        if (settled) return;
        leave();
        if (current.users === 0) {
          if (flights.get(key) === current) flights.delete(key);
          current.controller.abort(signal.reason);
        }
        reject(new CnrAbortError(signal.reason));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      current.promise.then(
        (value) => {
          if (settled) return;
          leave();
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          leave();
          reject(error);
        },
      );
    });
  };
}

export type SharedRunner = ReturnType<typeof createSharedRunner>;
