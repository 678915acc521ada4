/**
 * Why a reference is a problem (messages in French and English), and the
 * public {@link checkReferences}. Kept apart from references.ts (which finds
 * the dangling references) so that a browser validating a valid document does
 * not download these texts: validate.ts asks for them through explain.ts.
 */
import { COLLECTION_NAMES, type CollectionName } from '../schemas/collections.js';
import type { Dataset } from '../schemas/dataset.js';
import { departementOfCommune, parseTerritoryId } from '../territories/ids.js';
import { danglingReferences, type Dangling, type KeptRecord, type Target } from './references.js';
import type { ValidationProblem } from './report.js';

const TARGET_NAMES: Record<Target, { fr: string; en: string }> = {
  documents: { fr: 'document', en: 'document' },
  territories: { fr: 'territoire', en: 'territory' },
  axes: { fr: 'axe', en: 'axis' },
  solutions: { fr: 'solution', en: 'solution' },
  projects: { fr: 'projet', en: 'project' },
  fundings: { fr: 'financement', en: 'funding' },
  subgroups: { fr: 'sous-groupe d’axe', en: 'axis sub-group' },
};

/** Why a territory id resolves to nothing, when its kind says more than "unknown". */
function unknownTerritory(value: string): { fr: string; en: string } | undefined {
  const parsed = parseTerritoryId(value);
  if (parsed?.kind === 'commune') {
    const departement = departementOfCommune(parsed.code);
    return departement === undefined
      ? {
          fr: `Référence inconnue : « ${value} » n’est pas un code commune INSEE (5 caractères, par exemple commune:05061).`,
          en: `Unknown reference: "${value}" is not an INSEE commune code (5 characters, e.g. commune:05061).`,
        }
      : {
          fr: `Référence inconnue : la commune « ${value} » serait dans le département ${departement}, qui n’existe pas ; vérifiez le code INSEE.`,
          en: `Unknown reference: commune "${value}" would be in département ${departement}, which does not exist; check the INSEE code.`,
        };
  }
  if (parsed?.kind === 'epci') {
    return {
      fr: `Référence inconnue : aucun territoire n’a l’identifiant « ${value} ». Un EPCI a besoin de sa fiche dans « territories » (son SIREN ne dit pas où il est) : « cnr-widgets complete » l’écrit.`,
      en: `Unknown reference: no territory has id "${value}". An EPCI needs its record in "territories" (its SIREN does not say where it is): "cnr-widgets complete" writes it.`,
    };
  }
  return undefined;
}

/** The problem a dangling reference is (an error: the record is kept, its own data is valid). */
export function referenceProblem({ collection, index, id, path, target, value }: Dangling): ValidationProblem {
  const name = TARGET_NAMES[target];
  return {
    collection,
    index,
    id,
    path,
    severity: 'error',
    message: (target === 'territories' ? unknownTerritory(value) : undefined) ?? {
      fr: `Référence inconnue : aucun ${name.fr} n’a l’identifiant « ${value} ».`,
      en: `Unknown reference: no ${name.en} has id "${value}".`,
    },
  };
}

/**
 * Checks that every reference between records resolves. A project's `axes`
 * may name an axis or one of its sub-groups. A dangling reference is reported
 * as an error; the record is kept (its own data is valid).
 */
export function checkReferences(
  dataset: Dataset,
  /** Per collection, the index in the source document of each kept record (records left out shift the rest). */
  sourceIndexes?: Partial<Record<CollectionName, readonly number[]>>,
): ValidationProblem[] {
  const records: Partial<Record<CollectionName, KeptRecord[]>> = {};
  for (const collection of COLLECTION_NAMES) {
    const kept = sourceIndexes?.[collection];
    records[collection] = (dataset[collection] as unknown as Record<string, unknown>[]).map((record, index) => ({
      record,
      index: kept?.[index] ?? index,
    }));
  }
  return danglingReferences(records, dataset).map(referenceProblem);
}
