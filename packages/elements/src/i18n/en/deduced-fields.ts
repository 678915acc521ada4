/** The English texts of i18n/deduced-fields.ts (in a chunk of their own on the CDN build, loaded for English pages only). */
export const FIELD_NAMES = {
  territories: 'territories',
  territory: 'territory',
  date: 'date',
  publisher: 'publisher',
  funder: 'funder',
  envelope: 'envelope',
  phase: 'phase',
  porteurs: 'leads',
  status: 'status',
  year: 'year',
  amount: 'amount',
  projects: 'projects',
} as const;
