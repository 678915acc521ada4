/**
 * The problems a document may have besides a record its schema refuses (those
 * are zod's: explain.ts), in French and English: a duplicate id, a reference
 * that resolves to nothing, an amount a support cannot have, a document that
 * is no dataset, the count of problems not listed. validate.ts asks for them
 * through this module, which a browser downloads only for a document that has
 * such a problem (`mergeDocumentsLazily`); parse.ts imports it.
 */
import { CnrDataError } from '../errors.js';
import type { CollectionName } from '../schemas/collections.js';
import type { SourceFailure } from '../sources/types.js';
import type { LocalizedMessage, ValidationProblem } from './report.js';

export { referenceProblem } from './reference-problems.js';

type Where = Pick<ValidationProblem, 'src' | 'collection' | 'index' | 'id'>;

/** The document is no JSON object. */
export function notAnObject(src: string | undefined): CnrDataError {
  return new CnrDataError({
    code: 'not-a-dataset',
    ...(src === undefined ? {} : { url: src }),
    message: 'Le document n’est pas un objet JSON de jeu de données. / The document is not a dataset JSON object.',
  });
}

/** A collection of the document is no list. */
export function notAList(name: CollectionName, src: string | undefined): CnrDataError {
  return new CnrDataError({
    code: 'not-a-dataset',
    ...(src === undefined ? {} : { url: src }),
    message: `La collection « ${name} » n’est pas une liste. / Collection "${name}" is not an array.`,
    problems: [
      {
        ...(src === undefined ? {} : { src }),
        collection: name,
        path: [name],
        severity: 'error',
        message: { fr: 'Une liste est attendue.', en: 'An array is expected.' },
      },
    ],
  });
}

/** A second record with the same id in one document. */
export function duplicate(where: Where & { collection: CollectionName; id: string }): ValidationProblem {
  return {
    ...where,
    path: ['id'],
    severity: 'error',
    message: {
      fr: `L’identifiant « ${where.id} » est déjà utilisé dans « ${where.collection} » ; ce doublon est écarté.`,
      en: `Id "${where.id}" is already used in "${where.collection}"; this duplicate is left out.`,
    },
  };
}

/** A record whose id another document (`other`, its URL or file when known) already has. */
export function duplicateAcross(where: Where & { id: string }, other: string | undefined): ValidationProblem {
  const { id } = where;
  return {
    ...where,
    path: ['id'],
    severity: 'error',
    message: {
      fr: `L’identifiant « ${id} » est aussi dans ${other === undefined ? 'un autre fichier' : `« ${other} »`} ; ce doublon est écarté (les identifiants doivent être uniques d’un fichier à l’autre).`,
      en: `Id "${id}" is also in ${other === undefined ? 'another file' : `"${other}"`}; this duplicate is left out (ids must be unique across files).`,
    },
  };
}

/**
 * A valid funding of kind `support` (support stated without an amount) that
 * carries an `amount`: the file says more than the model keeps, so it is said
 * (a warning; the record is kept). validate.ts's `ignoresAmount` finds them.
 */
export function ignoredAmount(where: Where): ValidationProblem {
  return {
    ...where,
    path: ['amount'],
    severity: 'warning',
    message: {
      fr: 'Un soutien (kind "support") n’a pas de montant : ce montant est ignoré. Pour un montant attribué, utilisez kind "allocation" (ou "envelope", "delegated", "engaged", "requested" selon ce que dit le document).',
      en: 'A support (kind "support") has no amount: this amount is ignored. For an amount given, use kind "allocation" (or "envelope", "delegated", "engaged", "requested" as the document says).',
    },
  };
}

/** The line that sums up the problems beyond the report's bound. */
export function notListed(count: number): LocalizedMessage {
  return { fr: `${count} autres problèmes ne sont pas détaillés.`, en: `${count} more problems are not listed.` };
}

/** One of several `src` documents that could not be loaded (`kept`: its previous data is still shown). */
export function failureProblem({ src, error }: SourceFailure, kept: boolean): ValidationProblem {
  const fr = kept ? ' ; ses données du chargement précédent restent affichées' : ' ; les autres fichiers sont affichés';
  const en = kept ? '; its data from the previous load is still shown' : '; the other files are shown';
  // The SDK's messages are « français / English »: each language gets its half.
  const [causeFr, causeEn = causeFr] = error.message.split(' / ');
  return {
    src,
    path: [],
    severity: 'error',
    message: {
      fr: `Le fichier « ${src} » n’a pas pu être chargé${fr}. Cause : ${causeFr}`,
      en: `File "${src}" could not be loaded${en}. Cause: ${causeEn}`,
    },
  };
}

