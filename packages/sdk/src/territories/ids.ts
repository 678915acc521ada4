/**
 * Territory ids (`<kind>:<code>`) without the data: what a code says by itself.
 * No zod, no dataset: cheap to import anywhere (widgets, CLI, validation).
 */
import type { TerritoryKind } from '../schemas/territory.js';

const KINDS: readonly TerritoryKind[] = ['pays', 'region', 'departement', 'tds', 'epci', 'commune'];

/** The order in which a bare code (`44`, `2A`, `88160`) is looked up: `44` is the région Grand Est, never the département. */
export const BARE_CODE_ORDER = ['region', 'departement', 'tds', 'commune', 'epci', 'pays'] as const satisfies readonly TerritoryKind[];

/** The kind and code of a kinded id (`departement:44` → `{ kind: 'departement', code: '44' }`); `undefined` for a bare code or an unknown kind. */
export function parseTerritoryId(id: string): { kind: TerritoryKind; code: string } | undefined {
  const colon = id.indexOf(':');
  if (colon <= 0) return undefined;
  const kind = id.slice(0, colon).trim().toLowerCase() as TerritoryKind;
  const code = id.slice(colon + 1).trim();
  if (!KINDS.includes(kind) || code === '') return undefined;
  return { kind, code };
}

/** An INSEE commune code: five characters, digits or `2A`/`2B` then three digits (Corsica). */
const COMMUNE_CODE = /^(?:\d{5}|2[AB]\d{3})$/i;

/**
 * The INSEE code of the département a commune lies in, read from the commune's
 * own code: its first two characters (`2A`/`2B` in Corsica), or three for the
 * overseas codes starting with `97` or `98` (`97411` → `974`). `undefined` when
 * `code` is not a commune code. Whether that département exists is for the
 * referential to say (`96001` gives `96`, which does not; the collectivités
 * d'outre-mer `975`, `977`, `978`, `98x` are not in it). Right for every
 * commune, arrondissement municipal and commune déléguée of the COG; five old
 * communes associées kept the code of the département they were moved from.
 */
export function departementOfCommune(code: string): string | undefined {
  const value = code.trim().toUpperCase();
  if (!COMMUNE_CODE.test(value)) return undefined;
  return value.startsWith('97') || value.startsWith('98') ? value.slice(0, 3) : value.slice(0, 2);
}

const KIND_WORDS: Record<'fr' | 'en', Record<TerritoryKind, string>> = {
  fr: {
    pays: 'pays',
    region: 'région',
    departement: 'département',
    tds: 'territoire de démocratie sanitaire',
    epci: 'EPCI',
    commune: 'commune',
  },
  en: {
    pays: 'country',
    region: 'region',
    departement: 'département',
    tds: 'health democracy territory',
    epci: 'EPCI',
    commune: 'commune',
  },
};

/** The kind of a territory in words (`departement` → « département »). */
export function territoryKindLabel(kind: TerritoryKind, lang: 'fr' | 'en'): string {
  return KIND_WORDS[lang][kind];
}

/**
 * A territory id in words, for when no name is known: `commune:49007` →
 * « commune 49007 », `departement:44` → « département 44 » (English:
 * "département 44", "region 52"). A bare code or an unknown kind comes back as given.
 */
export function describeTerritoryId(id: string, lang: 'fr' | 'en'): string {
  const parsed = parseTerritoryId(id);
  if (!parsed) return id.trim();
  return `${KIND_WORDS[lang === 'en' ? 'en' : 'fr'][parsed.kind]} ${parsed.code}`;
}

/**
 * The id to write for a territory code: `territoryId('departement', '2a')` →
 * `departement:2A` (codes upper-cased, as INSEE writes them; TDS codes kept).
 */
export function territoryId(kind: TerritoryKind, code: string): string {
  return `${kind}:${kind === 'tds' ? code.trim() : code.trim().toUpperCase()}`;
}
