import type { ValidationProblem } from './validation/report.js';

/** Base class of every error the SDK throws. */
export class CnrError extends Error {
  override name = 'CnrError';
}

export type CnrHttpErrorCode = 'http' | 'network' | 'timeout' | 'parse';

/** A request failed: HTTP status, network fault, timeout or unparsable body. */
export class CnrHttpError extends CnrError {
  override name = 'CnrHttpError';
  readonly status: number | undefined;
  readonly url: string;
  readonly retryable: boolean;
  readonly code: CnrHttpErrorCode;

  constructor(init: {
    message: string;
    url: string;
    retryable: boolean;
    status?: number;
    code?: CnrHttpErrorCode;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.url = init.url;
    this.status = init.status;
    this.retryable = init.retryable;
    this.code = init.code ?? (init.status === undefined ? 'network' : 'http');
  }
}

/** A document whose top-level shape is unusable (not a dataset at all). */
export class CnrDataError extends CnrError {
  override name = 'CnrDataError';
  readonly problems: readonly ValidationProblem[];

  constructor(init: { message: string; problems?: readonly ValidationProblem[]; cause?: unknown }) {
    super(init.message, { cause: init.cause });
    this.problems = init.problems ?? [];
  }
}

/** The caller aborted the operation through its `AbortSignal`. */
export class CnrAbortError extends CnrError {
  override name = 'AbortError';
  constructor(reason?: unknown) {
    super('The operation was aborted.', { cause: reason });
  }
}

/** True when `error` is an abort, whoever raised it (the SDK, fetch or ky). */
export function isAbortError(error: unknown): boolean {
  return error instanceof CnrAbortError || (error instanceof Error && error.name === 'AbortError');
}
