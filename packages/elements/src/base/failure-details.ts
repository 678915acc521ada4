import { formatProblem, type CnrClient, type ValidationProblem } from '@cnr-widgets/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { formatCount } from '../i18n/format.js';
import { messages, problemsHeader } from '../i18n/failures.js';
import type { Locale } from '../i18n/locale.js';
import { plural } from '../i18n/plural.js';
import { colon } from '../i18n/typography.js';
import { problemKey } from './problems.js';

/**
 * The failure path of the data widgets: what a failed load's fault is (the
 * server, the file), the notice and the console report of the records left
 * out. Imported on the first failure or problem (`loadFailureDetails()` of
 * states.ts, which the data tasks wait for before they settle), not with the
 * first render: a page whose data loads well never fetches it (issue 14).
 */

/** What the fault of a failed load is, as the SDK's error says: the server, or the file that arrived. */
export function describeFault(locale: Locale, error: unknown): string {
  const t = messages[locale];
  if (!(error instanceof Error)) return '';
  const fields = error as Error & { code?: unknown; url?: unknown; line?: unknown; column?: unknown; status?: unknown };
  // A document that arrived but is not JSON, or not a dataset: the producer's file is at fault, not the server.
  // (By name, not `instanceof`: a second copy of the bundle on the page has its own classes.)
  const unreadable = error.name === 'CnrDataError' && fields.code === 'unreadable';
  const notDataset = error.name === 'CnrDataError' && !unreadable;
  const notFound = error.name === 'CnrHttpError' && fields.status === 404;
  if (!unreadable && !notDataset && !notFound) return error.name === 'CnrHttpError' ? t.network : '';
  const parts: string[] = [notFound ? t.notFound : unreadable ? t.unreadable : t.notDataset];
  const file = typeof fields.url === 'string' ? fileName(fields.url) : undefined;
  // Only a data error's own line and column: WebKit gives every Error a `line` and `column` of its own (where it was thrown in the script).
  const at =
    error.name === 'CnrDataError' && typeof fields.line === 'number' && typeof fields.column === 'number'
      ? t.at.replace('{line}', String(fields.line)).replace('{column}', String(fields.column))
      : undefined;
  if (file) parts.push(`${t.file}${colon(locale)}${file}${at ? ` (${at})` : ''}.`);
  return parts.join(' ');
}

/** The last segment of a URL's path, to name a file without its whole address. */
function fileName(url: string): string | undefined {
  try {
    const path = new URL(url, document.baseURI).pathname;
    const last = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    return last.length > 0 && last.length <= 120 ? last : undefined;
  } catch {
    return undefined;
  }
}

/** The records of the source that were left out or are incomplete, on demand. */
export function renderProblems(locale: Locale, problems: readonly ValidationProblem[]): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const t = messages[locale];
  // One record may have several problems: count records, not problems.
  const records = new Set(problems.map((p) => (p.index === undefined ? `${p.collection ?? ''}:${p.path.join('.')}` : `${p.collection ?? ''}#${p.index}`))).size;
  const count = formatCount(records, locale);
  return html`<details class="problems" part="problems">
    <summary>${count} ${plural(records, locale, t.problem, t.problems)}</summary>
    <ul>
      ${problems.slice(0, 200).map((problem) => html`<li dir="auto">${formatProblem(problem, locale)}</li>`)}
    </ul>
  </details>`;
}

/** The problems each client has logged already: one console report per source and load, whichever widgets show it. */
const logged = new WeakMap<CnrClient, Set<string>>();

/** The console's report of `problems` (those `client` has not reported yet). */
export function logProblems(client: CnrClient, source: string | undefined, problems: readonly ValidationProblem[], locale: Locale): void {
  let seen = logged.get(client);
  if (seen === undefined) {
    seen = new Set();
    logged.set(client, seen);
  }
  const fresh = problems.filter((problem) => {
    const key = problemKey(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (fresh.length === 0) return;
  const header = problemsHeader(fresh.length, source, locale);
  console.warn([header, ...fresh.map((problem) => `- ${formatProblem(problem, locale)}`)].join('\n'));
}
