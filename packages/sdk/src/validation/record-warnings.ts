import type { CollectionName } from '../schemas/dataset.js';
import type { ValidationProblem } from './report.js';

/**
 * Warnings on a record that is valid but whose file says more than the model
 * keeps, so that nothing is dropped silently. Today: a funding of kind
 * `support` (support stated without an amount) that carries an `amount`.
 */
export function recordWarnings(
  collection: CollectionName,
  raw: unknown,
  where: Pick<ValidationProblem, 'src' | 'index' | 'id'>,
): ValidationProblem[] {
  if (collection !== 'fundings' || typeof raw !== 'object' || raw === null) return [];
  const record = raw as Record<string, unknown>;
  if (record['kind'] !== 'support' || record['amount'] === undefined) return [];
  return [
    {
      ...where,
      collection,
      path: ['amount'],
      severity: 'warning',
      message: {
        fr: 'Un soutien (kind "support") n’a pas de montant : ce montant est ignoré. Pour un montant attribué, utilisez kind "allocation" (ou "envelope", "delegated", "engaged", "requested" selon ce que dit le document).',
        en: 'A support (kind "support") has no amount: this amount is ignored. For an amount given, use kind "allocation" (or "envelope", "delegated", "engaged", "requested" as the document says).',
      },
    },
  ];
}
