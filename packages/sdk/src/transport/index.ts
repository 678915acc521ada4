export { createHttp, toCnrError, RETRY_STATUS_CODES } from './http.js';
export type { GetJsonOptions, Http, HttpOptions, HttpRetryOptions, JsonResponse } from './http.js';
export { createSharedRunner, throwIfAborted } from './shared.js';
export type { SharedRunner } from './shared.js';
