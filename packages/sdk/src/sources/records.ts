import * as z from 'zod/mini';
import { CnrDataError } from '../errors.js';
import { describeIssue, type IssueLike } from '../validation/messages.js';
import type { ValidationProblem } from '../validation/report.js';

function readableId(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const id = (record as Record<string, unknown>)['id'];
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}

function has(value: unknown, path: readonly PropertyKey[]): boolean {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return false;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current !== undefined;
}

/** The problems of a failed zod parse, located in a collection. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  where: Pick<ValidationProblem, 'collection' | 'index' | 'id'>,
  severity: ValidationProblem['severity'] = 'error',
): ValidationProblem[] {
  return issues.map((issue) => ({
    ...where,
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: describeIssue(issue as IssueLike, !has(input, issue.path)),
    severity,
  }));
}

/**
 * Validates records received one by one: the valid ones are kept, each
 * invalid one is left out and reported (collection, index, id, path).
 */
export function validateRecords<T>(
  collection: string,
  schema: z.ZodMiniType<T>,
  records: readonly unknown[],
  firstIndex = 0,
): { valid: T[]; problems: ValidationProblem[] } {
  const valid: T[] = [];
  const problems: ValidationProblem[] = [];
  records.forEach((record, i) => {
    const result = z.safeParse(schema, record);
    if (result.success) valid.push(result.data);
    else problems.push(...issuesToProblems(result.error.issues, record, { collection, index: firstIndex + i, id: readableId(record) }));
  });
  return { valid, problems };
}

/** Parses a response envelope whose shape must be right, or throws {@link CnrDataError}. */
export function parseEnvelope<T>(schema: z.ZodMiniType<T>, input: unknown, what: string): T {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  throw new CnrDataError({
    message: `La réponse « ${what} » n’a pas la forme attendue. / The "${what}" response does not have the expected shape.`,
    problems: issuesToProblems(result.error.issues, input, {}),
  });
}
