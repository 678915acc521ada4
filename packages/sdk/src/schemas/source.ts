import * as z from 'zod/mini';
import { Derivation } from './derivation.js';
import { HttpUrl, Identifier, PartialDate, text } from './primitives.js';

/** Where a fact comes from: a document of the dataset and the passage, as the document words it. */
export const SourceRef = z.object({
  /** Id of a record of `documents`. */
  document: Identifier,
  /** The passage, copied as the document words it (whitespace aside). */
  excerpt: text(4_000),
  /** Page of the document, when it has pages. */
  page: z.optional(z.int().check(z.gte(1))),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const DocumentKind = z.enum(['dossier-de-presse', 'actualite', 'brochure', 'rapport', 'referentiel', 'autre']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** A source document (press kit, news page, brochure). */
export const SourceDocument = z.object({
  id: Identifier,
  title: text(500),
  publisher: text(300),
  /** Publication date, as precise as known. */
  date: z.optional(PartialDate),
  kind: z.optional(DocumentKind),
  url: z.optional(HttpUrl),
  /** Name of the file the dataset was built from (e.g. in `shared/seeds/`). */
  file: z.optional(text(300)),
  /** Which metadata is not printed in the document (`date`, `publisher`) and how it was read; stated when absent. */
  derivation: z.optional(Derivation),
});
export type SourceDocument = z.infer<typeof SourceDocument>;
