/** The English texts of i18n/funding-counter.ts (in a chunk of their own on the CDN build, loaded for English pages only). */
export const messages = {
  label: 'Identified funding',
  none: 'No funding identified for this selection',
  details: 'Details',
  funders: 'Funders',
  funder: 'Funder',
  amount: 'Amount',
  sources: 'Sources',
  lowerBound: 'The documents give at least one of these amounts as a minimum (“more than”): the total is a minimum.',
  approximate: 'The documents give at least one of these amounts as approximate: so is the total.',
  deduced: 'Part of this total rests on a deduction (funder, kind of amount or link between amounts) that the documents do not state word for word.',
  deducedSubject: 'funders or links between amounts',
} as const;
