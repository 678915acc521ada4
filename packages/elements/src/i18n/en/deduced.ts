/** The English texts of i18n/deduced.ts (in a chunk of their own on the CDN build, loaded for English pages only). */
export const messages = { deduced: 'deduced', why: 'Why "deduced": ', fields: 'deduced: ' } as const;
