import type { Messages } from './locale.js';
import * as en from './en/deduced.js';

/** The texts of the « déduit » mark (base/deduced.ts). */
export const messages: Messages<'deduced' | 'why' | 'fields'> = {
  fr: { deduced: 'déduit', why: 'Pourquoi «\u00a0déduit\u00a0»\u202f: ', fields: 'déduit\u202f: ' },
  en: en.messages,
};
