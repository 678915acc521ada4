import type * as z from 'zod/mini';
import { describeIssue, type IssueLike } from './messages.js';
import type { ValidationProblem } from './report.js';

/** The value at `path` in `root` (own properties only), or `undefined`. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A record's `id` when it is a readable string, to name the record in a report. */
export function readableId(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const id = (record as Record<string, unknown>)['id'];
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}

/** The problems of a failed zod parse, located in a collection (a field absent from `input` is said to be missing). */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  where: Pick<ValidationProblem, 'src' | 'collection' | 'index' | 'id'>,
  severity: ValidationProblem['severity'] = 'error',
): ValidationProblem[] {
  return issues.map((issue) => ({
    ...where,
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: describeIssue(issue as IssueLike, valueAt(input, issue.path) === undefined),
    severity,
  }));
}
