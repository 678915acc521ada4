import type { Messages } from './locale.js';
import * as en from './en/axis-filter.js';

/** The texts of `<cnr-axis-filter>`. */
export const messages: Messages<'legendSante' | 'legendEducation' | 'all' | 'axis' | 'project' | 'projects' | 'description' | 'subgroups' | 'noneTied' | 'noneInSelection' | 'clear'> = {
  fr: {
    legendSante: 'Axes du CNR santé',
    legendEducation: 'Axes du CNR éducation',
    all: 'Tous les axes',
    axis: 'Axe',
    project: 'projet',
    projects: 'projets',
    description: 'Entre parenthèses, le nombre de projets que donnerait chaque choix avec les autres filtres.',
    subgroups: 'Sous-groupes de l’axe',
    noneTied: 'Les documents sources ne rattachent aucun projet à un axe.',
    noneInSelection: 'Aucun projet de la sélection n’est rattaché à un axe.',
    clear: 'Retirer le filtre d’axe',
  },
  en: en.messages,
};
