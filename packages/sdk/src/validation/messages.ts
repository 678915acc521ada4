import type { LocalizedMessage } from './report.js';

/** The fields of a zod issue this module reads (kept loose: zod/mini issues are a union). */
export interface IssueLike {
  code: string;
  path: PropertyKey[];
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  pattern?: string;
  values?: unknown[];
  keys?: string[];
  message?: string;
  /** `invalid_union` of a discriminated union: the tag field (`kind`) and its allowed values. */
  discriminator?: string;
  options?: unknown[];
}

const TYPE_NAMES: Record<string, LocalizedMessage> = {
  string: { fr: 'un texte', en: 'a string' },
  number: { fr: 'un nombre', en: 'a number' },
  int: { fr: 'un nombre entier', en: 'an integer' },
  boolean: { fr: 'un booléen', en: 'a boolean' },
  array: { fr: 'une liste', en: 'an array' },
  object: { fr: 'un objet', en: 'an object' },
  record: { fr: 'un objet', en: 'an object' },
};

const FORMAT_NAMES: Record<string, LocalizedMessage> = {
  url: { fr: 'une URL http ou https', en: 'an http or https URL' },
  datetime: { fr: 'une date-heure ISO 8601', en: 'an ISO 8601 date-time' },
  regex: { fr: 'une valeur au format attendu', en: 'a value in the expected format' },
};

function plural(count: number | bigint, one: string, many: string): string {
  return Number(count) > 1 ? many : one;
}

/** A French and English message for a zod issue; `missing` when the field is absent. */
export function describeIssue(issue: IssueLike, missing: boolean): LocalizedMessage {
  switch (issue.code) {
    case 'invalid_type': {
      if (missing) return { fr: 'Champ obligatoire manquant.', en: 'Required field is missing.' };
      const type = TYPE_NAMES[issue.expected ?? ''] ?? { fr: issue.expected ?? '?', en: issue.expected ?? '?' };
      if (issue.expected === 'number' || issue.expected === 'int') {
        return {
          fr: `Valeur invalide : ${type.fr} fini est attendu.`,
          en: `Invalid value: ${type.en} (finite) is expected.`,
        };
      }
      return { fr: `Type invalide : ${type.fr} est attendu.`, en: `Invalid type: ${type.en} is expected.` };
    }
    case 'too_small': {
      const min = issue.minimum ?? 0;
      if (issue.origin === 'string') {
        return Number(min) <= 1
          ? { fr: 'Le texte est vide.', en: 'The text is empty.' }
          : { fr: `Au moins ${min} caractères sont attendus.`, en: `At least ${min} characters are expected.` };
      }
      if (issue.origin === 'array') {
        return {
          fr: `Au moins ${min} ${plural(min, 'élément est attendu', 'éléments sont attendus')}.`,
          en: `At least ${min} ${plural(min, 'item is', 'items are')} expected.`,
        };
      }
      return { fr: `La valeur doit être supérieure ou égale à ${min}.`, en: `The value must be at least ${min}.` };
    }
    case 'too_big': {
      const max = issue.maximum ?? 0;
      if (issue.origin === 'string') {
        return { fr: `Le texte dépasse ${max} caractères.`, en: `The text is longer than ${max} characters.` };
      }
      if (issue.origin === 'array') {
        return { fr: `La liste dépasse ${max} éléments.`, en: `The list has more than ${max} items.` };
      }
      return { fr: `La valeur doit être inférieure ou égale à ${max}.`, en: `The value must be at most ${max}.` };
    }
    case 'invalid_format': {
      if (issue.format === 'regex' && issue.pattern?.includes('u0000')) {
        return {
          fr: 'Le texte contient des caractères de contrôle.',
          en: 'The text contains control characters.',
        };
      }
      const format = FORMAT_NAMES[issue.format ?? ''] ?? {
        fr: `le format ${issue.format ?? ''}`,
        en: `the ${issue.format ?? ''} format`,
      };
      return { fr: `Format invalide : ${format.fr} est attendu.`, en: `Invalid format: ${format.en} is expected.` };
    }
    case 'invalid_value': {
      const values = (issue.values ?? []).map((value) => JSON.stringify(value)).join(', ');
      return { fr: `Valeur non reconnue ; valeurs possibles : ${values}.`, en: `Unknown value; expected one of: ${values}.` };
    }
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).join(', ');
      return { fr: `Champs inconnus : ${keys}.`, en: `Unknown fields: ${keys}.` };
    }
    case 'invalid_key':
      return { fr: 'Clé invalide.', en: 'Invalid key.' };
    case 'invalid_union':
      if (issue.discriminator !== undefined && Array.isArray(issue.options) && issue.options.length > 0) {
        const values = issue.options.map((value) => JSON.stringify(value)).join(', ');
        const field = issue.discriminator;
        return missing
          ? {
              fr: `Champ « ${field} » manquant ; valeurs possibles : ${values}.`,
              en: `Field "${field}" is missing; expected one of: ${values}.`,
            }
          : {
              fr: `Valeur de « ${field} » non reconnue ; valeurs possibles : ${values}.`,
              en: `Unknown "${field}"; expected one of: ${values}.`,
            };
      }
      return { fr: 'Aucune des formes attendues ne convient.', en: 'None of the expected shapes matches.' };
    default:
      return { fr: 'Valeur invalide.', en: 'Invalid value.' };
  }
}
