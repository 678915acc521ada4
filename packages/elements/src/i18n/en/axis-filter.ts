/** The English texts of i18n/axis-filter.ts (in a chunk of their own on the CDN build, loaded for English pages only). */
export const messages = {
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
} as const;
