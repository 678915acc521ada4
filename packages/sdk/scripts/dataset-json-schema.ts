/**
 * Builds the JSON Schema of the dataset document from the zod schemas, for
 * data producers who validate their files with any JSON Schema tool.
 *
 * Run through `scripts/generate-json-schema.mjs` (`pnpm run schema`, and
 * `pnpm run schema:check` in CI). Node-only: it imports `zod/mini`'s
 * `toJSONSchema`, which the browser entries never load.
 */
import * as z from 'zod/mini';
import { Axis, AxisSubgroup, Solution } from '../src/schemas/axis.js';
import { COLLECTION_NAMES, Dataset } from '../src/schemas/dataset.js';
import { ConcertationFigures, FigureQualifier } from '../src/schemas/figures.js';
import { Funding } from '../src/schemas/funding.js';
import { Instance, Milestone } from '../src/schemas/milestone.js';
import { Count, HttpUrl, Identifier, PartialDate, Thematique } from '../src/schemas/primitives.js';
import { Project } from '../src/schemas/project.js';
import { SourceDocument, SourceRef } from '../src/schemas/source.js';
import { Derivation } from '../src/schemas/derivation.js';
import { Territory } from '../src/schemas/territory.js';

export const DATASET_SCHEMA_ID = 'https://cdn.jsdelivr.net/npm/@cnr-widgets/sdk/schema/cnr-dataset.schema.json';

/**
 * `Identifier`'s regex is case-insensitive (`/…/i`), which a JSON Schema
 * `pattern` cannot say: it is spelled out with both cases.
 */
export const IDENTIFIER_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]*$';

/**
 * What `HttpUrl` checks, as a pattern: an http or https scheme (any case, as
 * the URL parser lowercases it) and a domain name for host (the schema's
 * `z.regexes.domain`), optional user info, port, path, query and fragment.
 * `format: "uri"` alone would accept `javascript:` and `data:` URLs.
 * No look-ahead, so RE2-based validators (Go) read it too. Slightly stricter
 * than the SDK: a non-ASCII host (`café.fr`, which the SDK reads as punycode)
 * must be written in punycode (`xn--caf-dma.fr`).
 */
export const HTTP_URL_PATTERN =
  '^[Hh][Tt][Tt][Pp][Ss]?://([^/?#@\\s]*@)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}(:[0-9]{1,5})?([/?#].*)?$';

type Meta = { id: string; title: string; description: string };

/** Named definitions (`#/$defs/<id>`, each with a title) so producers can point at one record type. */
function definitions(): [z.core.$ZodType, Meta][] {
  return [
    [Identifier, { id: 'Identifier', title: 'Identifiant / Identifier', description: 'Identifiant stable : lettres, chiffres, « - », « _ », « . », « : » (ex. « region:44 »). / Stable identifier: letters, digits, "-", "_", ".", ":" (e.g. "region:44").' }],
    [PartialDate, { id: 'PartialDate', title: 'Date partielle / Partial date', description: 'Date aussi précise que le document source : « 2023 », « 2023-02 » ou « 2023-02-07 ». / A date as precise as the source states it.' }],
    [HttpUrl, { id: 'HttpUrl', title: 'URL http(s) / http(s) URL', description: 'URL http ou https uniquement (javascript:, data: et les autres schémas sont refusés). / An http(s) URL only: javascript:, data: and other schemes are rejected.' }],
    [Count, { id: 'Count', title: 'Nombre entier / Count', description: 'Nombre entier positif ou nul. / A non-negative integer.' }],
    [Thematique, { id: 'Thematique', title: 'Thématique / Theme', description: 'Thématique du CNR. / CNR theme.' }],
    [FigureQualifier, { id: 'Qualifier', title: 'Précision d’un nombre / Number qualifier', description: 'Précision d’un nombre, telle que le document la dit : exact, « plus de », « près de », « environ ». / How precise a number is, as the document says it: exact, more than, nearly, about.' }],
    [Derivation, { id: 'Derivation', title: 'Force de la source / Derivation', description: 'Force de la source : « stated » (l’extrait le dit ; valeur par défaut), « deduced » (raisonnement obligatoire, champs concernés), « unattributed » (chiffre dont le texte ne dit pas le territoire : jamais compté dans la somme d’un territoire). / How strongly the source supports a value: stated (default), deduced (reasoning required), unattributed (a figure whose territory the text does not state; never in a territory’s sums).' }],
    [SourceRef, { id: 'SourceRef', title: 'Provenance / Source reference', description: 'Provenance : un document du jeu de données et le passage cité. / Provenance: a document of the dataset and the passage quoted.' }],
    [SourceDocument, { id: 'SourceDocument', title: 'Document source / Source document', description: 'Document source (dossier de presse, actualité, brochure). / Source document.' }],
    [Territory, { id: 'Territory', title: 'Territoire / Territory', description: 'Territoire ; id « <kind>:<code> » (« region:44 », « departement:2A »). / Territory; id "<kind>:<code>".' }],
    [AxisSubgroup, { id: 'AxisSubgroup', title: 'Sous-groupe d’axe / Axis sub-group', description: 'Sous-groupe d’un axe (ex. Former / Attirer / Fidéliser). / Sub-group of an axis.' }],
    [Axis, { id: 'Axis', title: 'Axe / Axis', description: 'Axe d’une thématique. / Axis of a theme.' }],
    [Solution, { id: 'Solution', title: 'Solution', description: 'Solution explorée au niveau régional, sous un axe. / Solution explored at regional level, under one axis.' }],
    [Project, { id: 'Project', title: 'Projet / Project', description: 'Projet. / Project.' }],
    [Funding, { id: 'Funding', title: 'Financement / Funding', description: 'Financement, du type que le document dit : enveloppe, délégué, engagé, attribué, demandé (« représentent » : jamais additionné), ou soutien sans montant. / Funding of the kind the document states: envelope, delegated, engaged, allocation, requested (never summed), or support without an amount.' }],
    [ConcertationFigures, { id: 'ConcertationFigures', title: 'Chiffres de la concertation / Concertation figures', description: 'Chiffres de la concertation pour un territoire et une phase. / Figures of the concertation for one territory and phase.' }],
    [Milestone, { id: 'Milestone', title: 'Jalon / Milestone', description: 'Jalon daté. / Dated milestone.' }],
    [Instance, { id: 'Instance', title: 'Instance / Body', description: 'Instance (ex. conseil territorial de santé). / A body (e.g. a CTS).' }],
  ];
}

function regexChecks(schema: z.core.$ZodType): RegExp[] {
  const checks = (schema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  return checks.flatMap((check) => {
    const def = check._zod.def as { check?: string; format?: string; pattern?: RegExp };
    return def.format === 'regex' && def.pattern instanceof RegExp ? [def.pattern] : [];
  });
}

/** The JSON Schema (draft 2020-12) of a dataset document. */
export function buildDatasetJsonSchema(): Record<string, unknown> {
  const registry = z.registry<Meta>();
  for (const [schema, meta] of definitions()) registry.add(schema, meta);

  const generated = z.toJSONSchema(Dataset, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: registry,
    unrepresentable: 'throw',
    // Only the named definitions below are `$defs`; a sub-schema merely used twice (the fields
    // the two kinds of funding share) is written in place, not as an anonymous `__schemaN`.
    reused: 'inline',
    override: ({ zodSchema, jsonSchema }) => {
      const schema = zodSchema as z.core.$ZodType;
      if (schema === Identifier) {
        jsonSchema.pattern = IDENTIFIER_PATTERN;
        return;
      }
      if (schema === HttpUrl) {
        jsonSchema.pattern = HTTP_URL_PATTERN;
        return;
      }
      // Any other flagged regex would be mistranslated: refuse rather than publish a wrong schema.
      for (const regex of regexChecks(schema)) {
        if (regex.flags.replace(/[gu]/g, '') !== '') {
          throw new Error(`Regex /${regex.source}/${regex.flags} has flags a JSON Schema pattern cannot carry.`);
        }
      }
    },
  }) as Record<string, unknown>;

  const { $schema, ...rest } = generated;
  const required = (rest['required'] as string[]).filter((key) => !(COLLECTION_NAMES as readonly string[]).includes(key));
  return {
    $schema,
    $id: DATASET_SCHEMA_ID,
    title: 'CNR dataset document / Jeu de données CNR',
    description:
      'Un jeu de données du Conseil national de la refondation (CNR) en santé : métadonnées et collections ' +
      '(documents, territoires, axes, solutions, projets, financements, chiffres de la concertation, jalons, instances). ' +
      'Toute collection peut manquer (un fichier d’ARS avec ses seuls projets). Les références entre enregistrements ' +
      '(un projet qui nomme un territoire inconnu) ne peuvent pas s’exprimer en JSON Schema : `cnr-widgets validate` les vérifie. / ' +
      'A dataset of the CNR (Conseil national de la refondation) in health: metadata and collections. Any collection may be ' +
      'missing (an ARS file with only its projects). References between records cannot be expressed in JSON Schema: ' +
      '`cnr-widgets validate` checks them. Generated from the zod schemas of @cnr-widgets/sdk; do not edit.',
    ...rest,
    required,
  };
}

/** The file's text: 2-space JSON and a final line break. */
export function serializeDatasetJsonSchema(): string {
  return `${JSON.stringify(buildDatasetJsonSchema(), null, 2)}\n`;
}
