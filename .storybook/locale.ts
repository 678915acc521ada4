import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';

/** The language the toolbar chose (`globals.locale`): French unless English. */
export function storyLocale(globals: Record<string, unknown>): 'fr' | 'en' {
  return globals['locale'] === 'en' ? 'en' : 'fr';
}

/**
 * Every story, on its own page and on a docs page, takes the toolbar's
 * language: the document's `lang` (what the widgets read, nearest `lang` first)
 * and a `lang` on a wrapper, so that a docs page, which renders many stories in
 * one document, cannot leave one in another language. No story sets a `lang`
 * of its own.
 */
export const withLocale: Decorator = (story, context) => {
  const locale = storyLocale(context.globals);
  document.documentElement.lang = locale;
  return html`<div lang=${locale} style="display: contents">${story()}</div>`;
};
