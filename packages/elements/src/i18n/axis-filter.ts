import type { Messages } from './locale.js';

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
  en: {
    legendSante: 'CNR health axes',
    legendEducation: 'CNR education axes',
    all: 'All axes',
    axis: 'Axis',
    project: 'project',
    projects: 'projects',
    description: 'In brackets, the number of projects each choice would give with the other filters.',
    subgroups: 'Sub-groups of axis',
    noneTied: 'The source documents tie no project to an axis.',
    noneInSelection: 'No project of the selection is tied to an axis.',
    clear: 'Remove the axis filter',
  },
};
