import type { ProjectStatus } from '@cnr-widgets/sdk';
import type { Relaxable } from '../project-list/list-empty.js';
import { formatCount } from './format.js';
import type { Locale } from './locale.js';
import { plural } from './plural.js';
import type { Messages } from './locale.js';
import * as en from './en/project-list.js';

/** The orders the sort menu offers. */
export type ProjectListSort = 'title' | 'date' | 'amount';

export type Key =
  | Relaxable
  | ProjectStatus
  | ProjectListSort
  | 'search'
  | 'sortBy'
  | 'export'
  | 'exporting'
  | 'exported'
  | 'exportFailed'
  | 'none'
  | 'one'
  | 'many'
  | 'empty'
  | 'relax'
  | 'remove'
  | 'clearAll'
  | 'or'
  | 'pagination'
  | 'previous'
  | 'next'
  | 'page'
  | 'of'
  | 'projects'
  | 'file';

/** The texts of `<cnr-project-list>`. */
export const messages: Messages<Key> = {
  fr: {
    territory: 'territoire',
    axes: 'axe',
    statuses: 'statut',
    solution: 'solution',
    funder: 'financeur',
    yearFrom: 'à partir de',
    yearTo: 'jusqu’à',
    q: 'recherche',
    'en-reflexion': 'en réflexion',
    'en-projet': 'en projet',
    'en-cours': 'en cours',
    realise: 'réalisé',
    title: 'Titre (A → Z)',
    date: 'Date (plus récents d’abord)',
    amount: 'Montant (plus élevés d’abord)',
    search: 'Rechercher un projet',
    sortBy: 'Trier par',
    export: 'Exporter en CSV',
    exporting: 'Préparation de l’export CSV…',
    exported: 'Export CSV téléchargé\u202f: {n}.',
    exportFailed: 'L’export CSV a échoué.',
    none: 'Aucun projet',
    one: 'projet',
    many: 'projets',
    empty: 'Aucun projet ne correspond.',
    relax: 'Essayez d’élargir\u202f:',
    remove: 'Retirer le filtre',
    clearAll: 'Retirer tous ces filtres',
    or: 'ou',
    pagination: 'Pagination des projets',
    previous: 'Page précédente',
    next: 'Page suivante',
    page: 'Page',
    of: 'sur',
    projects: 'Projets',
    file: 'projets-cnr.csv',
  },
  en: en.messages,
};

/** « 12 projets », « 1 projet », « Aucun projet ». */
export function countLabel(count: number, locale: Locale): string {
  const t = messages[locale];
  if (count === 0) return t.none;
  return `${formatCount(count, locale)} ${plural(count, locale, t.one, t.many)}`;
}

