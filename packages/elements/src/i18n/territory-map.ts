import type { TerritoryMapMetric } from '../territory-map/map-model.js';
import { formatCount, formatEuros, formatEurosAccessible, numberFormat } from './format.js';
import type { Locale } from './locale.js';
import { isOne } from './plural.js';
import type { Messages } from './locale.js';
import { colon } from './typography.js';
import * as en from './en/territory-map.js';

/** The texts of `<cnr-territory-map>`. */

type Text =
  | 'regions'
  | 'departments'
  | 'departmentsOf'
  | TerritoryMapMetric
  | 'by'
  | 'desc'
  | 'selection'
  | 'all'
  | 'clear'
  | 'showTable'
  | 'hideTable'
  | 'territory'
  | 'code'
  | 'noData'
  | 'inSelection'
  | 'selected'
  | 'split'
  | 'partOf'
  | 'legend'
  | 'region'
  | 'department'
  | 'project'
  | 'projectsUnit'
  | 'propositionsUnit'
  | 'participantsUnit'
  | 'deduced'
  | 'noProject'
  | 'noParticipant'
  | 'noProposition'
  | 'noFunding'
  | 'from'
  | 'to'
  | 'million'
  | 'millions'
  | 'ofEuros';

export const messages: Messages<Text> = {
  fr: {
    regions: 'Carte des régions de France',
    departments: 'Carte des départements de France',
    departmentsOf: 'Carte des départements de la région',
    projects: 'Nombre de projets',
    funding: 'Financements identifiés',
    participants: 'Participants à la concertation',
    propositions: 'Propositions',
    by: 'par',
    desc: 'Chaque territoire est coloré selon sa valeur (voir la légende), une classe sur deux pointillée\u202f; les hachures signalent l’absence de donnée. Flèches\u202f: territoire voisin\u202f; Entrée ou Espace\u202f: sélectionner ou désélectionner\u202f; Échap\u202f: masquer l’infobulle. Le bouton «\u00a0Toute la France\u00a0» retire la sélection. Les mêmes chiffres sont disponibles dans le tableau.',
    selection: 'Territoire sélectionné\u202f:',
    all: 'toute la France',
    clear: 'Toute la France',
    showTable: 'Afficher le tableau',
    hideTable: 'Masquer le tableau',
    territory: 'Territoire',
    code: 'Code',
    noData: 'pas de donnée',
    inSelection: 'dans la sélection',
    selected: 'sélectionné',
    split: 'Partagé entre plusieurs territoires de démocratie sanitaire\u202f:',
    partOf: 'partie de',
    legend: 'Légende',
    region: 'région',
    department: 'département',
    project: 'projet',
    projectsUnit: 'projets',
    propositionsUnit: 'propositions',
    participantsUnit: 'participants',
    deduced: 'déduit',
    noProject: 'aucun projet',
    noParticipant: 'aucun participant',
    noProposition: 'aucune proposition',
    noFunding: '0\u00a0euro',
    from: 'de',
    to: 'à',
    million: 'million',
    millions: 'millions',
    ofEuros: 'd’euros',
  },
  en: en.messages,
};

/**
 * A count as `formatCount` writes it, without an `Intl` formatter for the
 * whole numbers below 1 000 (the same digits: no grouping there), so that the
 * map's first paint — 101 accessible names — creates none.
 */
export function countText(n: number, locale: Locale): string {
  return Number.isInteger(n) && Math.abs(n) < 1000 ? String(n) : formatCount(n, locale);
}

/** Whether a count takes the singular (`isOne`), without `Intl.PluralRules` for whole numbers: French 0 and 1, English 1. */
function singular(n: number, locale: Locale): boolean {
  if (!Number.isInteger(n)) return isOne(n, locale);
  return locale === 'fr' ? n === 0 || n === 1 : n === 1;
}

/** The figure in words, as the accessible names and the table say it: « 6 projets », « 1 200 000 euros ». */
export function valueText(value: number | undefined, metric: TerritoryMapMetric, locale: Locale, table = false): string {
  if (value === undefined) return messages[locale].noData;
  if (metric === 'funding') return table ? formatEuros(value, locale) : formatEurosAccessible(value, locale);
  const n = countText(value, locale);
  const t = messages[locale];
  if (metric === 'projects') return `${n} ${singular(value, locale) ? t.project : t.projectsUnit}`;
  if (metric === 'propositions') return `${n} ${t.propositionsUnit}`;
  return `${n} ${t.participantsUnit}`;
}

/** « : » as each language writes it. */
export const sep = colon;

/** The figure as the tooltip and the legend show it (compact euros). */
export function shortValue(value: number, metric: TerritoryMapMetric, locale: Locale): string {
  return metric === 'funding' ? formatEuros(value, locale, { compact: true }) : formatCount(value, locale);
}


/** An amount in words, as the legend reads it: « 2,9 millions d’euros », « 950 000 euros »; "2.9 million euros". */
export function amountWords(value: number, locale: Locale): string {
  const t = messages[locale];
  if (Math.abs(value) < 1_000_000) return formatEurosAccessible(Math.round(value), locale);
  const millions = value / 1_000_000;
  const number = numberFormat(locale, { maximumFractionDigits: 1 }).format(millions);
  return `${number} ${isOne(millions, locale) ? t.million : t.millions} ${t.ofEuros}`;
}

/** The legend's entry for zero, in words: « aucun projet », « 0 euro ». */
export function zeroText(metric: TerritoryMapMetric, locale: Locale): string {
  const t = messages[locale];
  return metric === 'projects' ? t.noProject : metric === 'participants' ? t.noParticipant : metric === 'propositions' ? t.noProposition : t.noFunding;
}

/** A legend class in words: « 1 projet », « de 2 à 4 projets », « de 500 000 euros à 2,9 millions d’euros ». */
export function rangeText(low: number, high: number, metric: TerritoryMapMetric, locale: Locale): string {
  const t = messages[locale];
  if (metric === 'funding') {
    if (low === high) return amountWords(low, locale);
    // « de 1 à 2,9 millions d’euros » when both are millions; else each amount in full.
    const bothMillions = low >= 1_000_000 && high >= 1_000_000;
    const lowText = bothMillions ? numberFormat(locale, { maximumFractionDigits: 1 }).format(low / 1_000_000) : amountWords(low, locale);
    return `${t.from} ${lowText} ${t.to} ${amountWords(high, locale)}`;
  }
  if (low === high) return valueText(low, metric, locale);
  return `${t.from} ${countText(low, locale)} ${t.to} ${valueText(high, metric, locale)}`;
}
