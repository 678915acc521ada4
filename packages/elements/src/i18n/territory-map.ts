import type { TerritoryMapMetric } from '../territory-map/map-model.js';
import { formatCount, formatEuros, formatEurosAccessible } from './format.js';
import type { Locale } from './locale.js';
import { plural } from './plural.js';
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
  | 'range'
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
  | 'deduced';

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
    desc: 'Chaque territoire est coloré selon sa valeur (voir la légende)\u202f; les hachures signalent l’absence de donnée. Flèches\u202f: territoire voisin\u202f; Entrée ou Espace\u202f: sélectionner\u202f; Échap\u202f: toute la France. Les mêmes chiffres sont disponibles dans le tableau.',
    selection: 'Territoire sélectionné\u202f:',
    all: 'toute la France',
    clear: 'Toute la France',
    showTable: 'Afficher le tableau',
    hideTable: 'Masquer le tableau',
    territory: 'Territoire',
    code: 'Code',
    noData: 'pas de donnée',
    range: 'à',
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
  },
  en: en.messages,
};

/** The figure in words, as the accessible names and the table say it: « 6 projets », « 1 200 000 euros ». */
export function valueText(value: number | undefined, metric: TerritoryMapMetric, locale: Locale, table = false): string {
  if (value === undefined) return messages[locale].noData;
  if (metric === 'funding') return table ? formatEuros(value, locale) : formatEurosAccessible(value, locale);
  const n = formatCount(value, locale);
  const t = messages[locale];
  if (metric === 'projects') return `${n} ${plural(value, locale, t.project, t.projectsUnit)}`;
  if (metric === 'propositions') return `${n} ${t.propositionsUnit}`;
  return `${n} ${t.participantsUnit}`;
}

/** « : » as each language writes it. */
export const sep = colon;

/** The figure as the tooltip and the legend show it (compact euros). */
export function shortValue(value: number, metric: TerritoryMapMetric, locale: Locale): string {
  return metric === 'funding' ? formatEuros(value, locale, { compact: true }) : formatCount(value, locale);
}

