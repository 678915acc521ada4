import type { ValidationProblem } from './validation/report.js';

/** Base class of every error the SDK throws. */
export class CnrError extends Error {
  override name = 'CnrError';
}

export type CnrHttpErrorCode = 'http' | 'network' | 'timeout' | 'parse';

/**
 * A request failed: HTTP status, network fault or timeout. (`parse` is no longer
 * raised: a body that arrives but is not JSON is a {@link CnrDataError} `unreadable`.)
 */
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

/**
 * Why a document that arrived cannot be used:
 * - `unreadable`: it is not valid JSON (an HTML page, a truncated file); `line` and `column` say where;
 * - `not-a-dataset`: it is JSON, but not a dataset document (or not the expected response envelope).
 */
export type CnrDataErrorCode = 'unreadable' | 'not-a-dataset';

/**
 * A document (or a REST response) that arrived but cannot be used: the fault
 * is in the file, not in the server or the network (that is {@link CnrHttpError}).
 */
export class CnrDataError extends CnrError {
  override name = 'CnrDataError';
  readonly code: CnrDataErrorCode;
  /** The URL (or file) of the document, when known. */
  readonly url: string | undefined;
  /** `unreadable` JSON: 1-based line and column of the first fault. */
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly problems: readonly ValidationProblem[];

  constructor(init: {
    message: string;
    code?: CnrDataErrorCode;
    url?: string;
    line?: number;
    column?: number;
    problems?: readonly ValidationProblem[];
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.code = init.code ?? 'not-a-dataset';
    this.url = init.url;
    this.line = init.line;
    this.column = init.column;
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
