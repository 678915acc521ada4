import { CnrError } from '../errors.js';

export type CnrQueryErrorCode = 'invalid-cursor';

/**
 * A query that cannot be answered as asked. Today only one case: a cursor that
 * is malformed or was issued for another query (other filters or sort), which
 * is rejected rather than silently turned into a wrong page.
 */
export class CnrQueryError extends CnrError {
  override name = 'CnrQueryError';
  readonly code: CnrQueryErrorCode;
  /** The same message in French, for user-facing display. */
  readonly messageFr: string;

  constructor(init: { code: CnrQueryErrorCode; message: string; messageFr: string }) {
    super(init.message);
    this.code = init.code;
    this.messageFr = init.messageFr;
  }
}
