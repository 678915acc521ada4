import { html, type TemplateResult } from 'lit';

/** True for an http(s) URL: the only kind the elements ever turn into a link. */
export function isHttpUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}

/**
 * A link to `url` around `content` when the URL is http(s), else the content
 * alone: data may come from any producer, and a `javascript:` or `data:` URL
 * must never become a link, whatever the source validated.
 */
export function linkOrText(url: string | undefined, content: unknown): TemplateResult | unknown {
  return isHttpUrl(url) ? html`<a href=${url} rel="noopener noreferrer">${content}</a>` : content;
}
