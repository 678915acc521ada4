/** A message in the two languages of the library. */
export interface LocalizedMessage {
  fr: string;
  en: string;
}

/** One problem found in a document: where it is and why. */
export interface ValidationProblem {
  /** The document the problem is in (its URL or file), when a page reads several. */
  src?: string;
  /** The collection (`projects`, `fundings`…); absent for the document's metadata. */
  collection?: string;
  /** Index of the record in its collection. */
  index?: number;
  /** Id of the record, when it has a readable one. */
  id?: string;
  /** Path of the field inside the record (or the document). */
  path: (string | number)[];
  message: LocalizedMessage;
  /** `error`: the record was left out (or a reference does not resolve); `warning`: kept as is. */
  severity: 'error' | 'warning';
}

export interface CollectionCount {
  /** Records kept. */
  valid: number;
  /** Records left out. */
  invalid: number;
}

/** What loading a document found: every problem, and how many records were kept per collection. */
export interface ValidationReport {
  problems: ValidationProblem[];
  counts: Record<string, CollectionCount>;
}

/** Formats a problem on one line: `projects[3] (id vosges-x) › territories.0: message`. */
export function formatProblem(problem: ValidationProblem, lang: 'fr' | 'en' = 'fr'): string {
  let where = problem.collection ?? 'document';
  if (problem.src !== undefined) where = `${problem.src} › ${where}`;
  if (problem.index !== undefined) where += `[${problem.index}]`;
  if (problem.id !== undefined) where += ` (id ${problem.id})`;
  const path = problem.path.length > 0 ? ` › ${problem.path.join('.')}` : '';
  return `${where}${path}: ${problem.message[lang]}`;
}
