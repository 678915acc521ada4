import * as z from 'zod/mini';
import { CnrDataError } from '../errors.js';
import { issuesToProblems, readableId } from '../validation/problems.js';
import type { ValidationProblem } from '../validation/report.js';

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
