/** The English texts of i18n/failures.ts (in a chunk of their own on the CDN build, loaded for English pages only). */
export const messages = {
  network: 'The data server does not answer or refused the request.',
  notFound: 'Nothing at this address (error 404): check the data URL.',
  unreadable: 'The data file is unreadable: it is not valid JSON.',
  notDataset: 'The data file is unreadable: it is not a CNR dataset.',
  file: 'File',
  at: 'line {line}, column {column}',
  problems: 'records left out or incomplete',
  problem: 'record left out or incomplete',
} as const;
