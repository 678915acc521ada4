import * as z from 'zod/mini';
import { PROJECT_STATUSES } from './collections.js';
import { Derivation } from './derivation.js';
import { HttpUrl, Identifier, PartialDate, Thematique, longText, text } from './primitives.js';
import { SourceRef } from './source.js';

export { PROJECT_SORT_KEYS, PROJECT_STATUSES } from './collections.js';
export const ProjectStatus = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/**
 * How the documents present a project: shown in a CNR workshop, discussed
 * with partners, or reported as a field example.
 */
export const ProjectPresentation = z.enum(['atelier', 'echange-partenaires', 'retour-terrain', 'autre']);
export type ProjectPresentation = z.infer<typeof ProjectPresentation>;

export const Project = z.object({
  id: Identifier,
  thematique: Thematique,
  title: text(500),
  summary: z.optional(longText()),
  porteurs: z.array(text(500)),
  /**
   * Those the text names as « acteurs » of a project, when it names them
   * neither porteurs nor partenaires (e.g. « Acteurs : professionnels de santé
   * du territoire, collectivités, CPTS »).
   */
  acteurs: z.optional(z.array(text(500))),
  partenaires: z.optional(z.array(text(500))),
  objectifs: z.optional(z.array(longText())),
  axes: z.array(Identifier),
  solution: z.optional(Identifier),
  territories: z.array(Identifier).check(z.minLength(1)),
  /** Where it happens, as the text says (a commune, a hospital, a school). */
  place: z.optional(text(500)),
  publics: z.optional(z.array(text(500))),
  /** Absent when the documents do not say. */
  status: z.optional(ProjectStatus),
  /** The stage as the text words it, e.g. « en cours de déploiement ». */
  stage: z.optional(text(500)),
  presentation: z.optional(ProjectPresentation),
  startDate: z.optional(PartialDate),
  endDate: z.optional(PartialDate),
  url: z.optional(HttpUrl),
  /**
   * Who publishes the record: the \`publisher\` of the document it came in,
   * set when a producer's file is read (several files on one page keep theirs).
   */
  publisher: z.optional(text(300)),
  /**
   * How strongly the source supports the record or some fields (`territories`,
   * `porteurs`…): `deduced` with its reasoning; stated when absent.
   */
  derivation: z.optional(Derivation),
  source: SourceRef,
});
export type Project = z.infer<typeof Project>;
