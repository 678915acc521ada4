import { CnrAbortError, CnrDataError, CnrError } from '../errors.js';
import type { Http } from '../transport/http.js';
import type { ValidationProblem } from '../validation/report.js';
import { createMemorySource, type DocumentPreparer, type Prepared } from './memory.js';
import { loadReference, type ReferenceOption } from './reference.js';
import type { DataSource, SourceFailure } from './types.js';

export type { ReferenceOption } from './reference.js';

export type StaticSourceOptions = (
  | /** Dataset documents at these URLs: fetched once, revalidated (ETag) on `refresh()`. */
  { url: string | URL | readonly (string | URL)[]; http: Http }
  | /** A dataset document already in memory (parsed JSON). */
  { document: unknown }
) & {
  /** What the documents stand on; default: the reference of `@cnr-widgets/data/referential`. */
  reference?: ReferenceOption;
};

/** The preparer of one document over a reference (one per reference option and `src`, so that indexes are shared). */
const preparers = new Map<unknown, Map<string | undefined, DocumentPreparer>>();

function preparerFor(reference: ReferenceOption, src?: string): DocumentPreparer {
  let bySrc = preparers.get(reference);
  if (!bySrc) preparers.set(reference, (bySrc = new Map()));
  let prepare = bySrc.get(src);
  if (!prepare) {
    prepare = async (raw) => {
      const [{ parseDatasetLazily }, base] = await Promise.all([import('../validation/validate.js'), loadReference(reference)]);
      try {
        return await parseDatasetLazily(raw, { ...(base ? { base } : {}) });
      } catch (error) {
        // Name the file in the error: the webmaster must know which one is at fault.
        if (error instanceof CnrDataError && src !== undefined && error.url === undefined) {
          throw new CnrDataError({ message: `${src} : ${error.message}`, code: error.code, url: src, problems: error.problems, cause: error });
        }
        throw error;
      }
    };
    bySrc.set(src, prepare);
  }
  return prepare;
}

/** Several documents as loaded: each one's body, or why it could not be loaded. */
interface Composite {
  parts: { src: string; document?: unknown; error?: CnrError }[];
}

/**
 * One or several dataset documents — the way an ARS publishes its open data —
 * merged over the reference (see `mergeDocuments`), validated, indexed and
 * queried in memory. With several URLs, a document that fails is reported
 * (`LoadResult.failures`, and a problem) and the others are served; when all
 * fail, loading rejects with the first failure.
 */
export function createStaticSource(options: StaticSourceOptions): DataSource {
  const reference = options.reference ?? true;
  if ('document' in options) {
    const document = options.document;
    return createMemorySource('static', () => Promise.resolve(document), preparerFor(reference));
  }
  const { http } = options;
  const urls = (typeof options.url === 'string' || options.url instanceof URL ? [options.url] : [...options.url]).map(String);
  if (urls.length === 1) {
    const url = urls[0]!;
    return createMemorySource(
      'static',
      async (signal, revalidate) => {
        // The transport answers a 304 with the very same parsed object: no new parse.
        const response = await http.getJson(url, { signal, revalidate });
        return response.data;
      },
      preparerFor(reference, url),
    );
  }

  let last: Composite | undefined;
  const load = async (signal: AbortSignal, revalidate: boolean): Promise<Composite> => {
    const settled = await Promise.allSettled(urls.map((url) => http.getJson(url, { signal, revalidate })));
    if (signal.aborted) throw new CnrAbortError(signal.reason);
    const parts: Composite['parts'] = settled.map((result, i) => {
      const src = urls[i]!;
      if (result.status === 'fulfilled') return { src, document: result.value.data };
      const error: unknown = result.reason;
      if (!(error instanceof CnrError) || error instanceof CnrAbortError) throw error;
      const previous = last?.parts[i]?.document;
      return { src, error, ...(previous === undefined ? {} : { document: previous }) };
    });
    if (parts.every((part) => part.document === undefined)) throw parts[0]!.error!;
    // Unchanged documents and failures: the same object, so nothing is parsed again.
    const same =
      last !== undefined &&
      last.parts.every((part, i) => part.document === parts[i]!.document && part.error === parts[i]!.error);
    if (!same) last = { parts };
    return last!;
  };
  const prepare: DocumentPreparer = async (raw): Promise<Prepared> => {
    const { parts } = raw as Composite;
    const [{ mergeDocumentsLazily }, base] = await Promise.all([import('../validation/validate.js'), loadReference(reference)]);
    const present = parts.filter((part) => part.document !== undefined);
    const merged = await mergeDocumentsLazily(
      present.map(({ src, document }) => ({ src, document })),
      base,
      { skipUnusable: true },
    );
    const failures: (SourceFailure & { kept: boolean })[] = [];
    for (const part of parts) {
      const unusable = merged.unusable.find((entry) => entry.src === part.src);
      const error = part.error ?? unusable?.error;
      if (error !== undefined) failures.push({ src: part.src, error, kept: part.error !== undefined && part.document !== undefined && !unusable });
    }
    if (failures.length === parts.length) throw failures[0]!.error;
    if (failures.length === 0) return { dataset: merged.dataset, report: merged.report, failures: [] };
    // The texts of problems are loaded only for a page that has some.
    const { failureProblem } = await import('../validation/problem-texts.js');
    const problems: ValidationProblem[] = failures.map((failure) => failureProblem(failure, failure.kept));
    return {
      dataset: merged.dataset,
      report: { ...merged.report, problems: [...problems, ...merged.report.problems] },
      failures: failures.map(({ src, error }) => ({ src, error })),
    };
  };
  return createMemorySource('static', load, prepare);
}
