import { FIGURE_METRICS, type ConcertationFigures, type MeetingKind, type SourceDocument, type Territory } from '@cnr-widgets/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { formatCount, qualifierText } from '../i18n/format.js';
import { isolate } from '../base/bidi.js';
import { quoteData } from './bidi-quotes.js';
import { linkOrText } from '../base/links.js';
import type { Locale } from '../i18n/locale.js';
import { colon } from '../i18n/typography.js';
import { METRIC_WORDS, messages } from '../i18n/unattributed.js';
import { territoryLabel } from '../base/territory-names.js';

/** What one unattributed figures record states, in words (« 12 réunions départementales, 1 000 participants, 8 projets »). */
export function unattributedValues(record: ConcertationFigures, locale: Locale, meetingWords: (kind: MeetingKind) => string): string[] {
  const values: string[] = [];
  const say = (count: number, words: string, qualifier?: Parameters<typeof qualifierText>[0]) => {
    const before = qualifierText(qualifier, locale);
    values.push(`${before ? `${before} ` : ''}${formatCount(count, locale)} ${words}`);
  };
  const meetingsStated = record.reunions === undefined && (record.meetings?.length ?? 0) > 0;
  for (const metric of FIGURE_METRICS) {
    const value = record[metric];
    if (value !== undefined) say(value, METRIC_WORDS[locale][metric], record.qualifiers?.[metric]);
    if (metric === 'reunions' && meetingsStated) {
      for (const meeting of record.meetings!) say(meeting.count, (locale === 'fr' ? meeting.label : undefined) ?? meetingWords(meeting.kind));
    }
  }
  for (const count of record.counts ?? []) say(count.count, count.label, count.qualifier);
  return values;
}

/**
 * The « Chiffres non attribués » disclosure of `<cnr-key-figures>`: each
 * figure with its place in the document and its source passage, clearly
 * attributed to no territory; a candidate territory only as « suggérée par la
 * mise en page, non confirmée ».
 */
export function renderUnattributed(
  records: readonly ConcertationFigures[],
  context: {
    locale: Locale;
    open: boolean;
    toggle: () => void;
    documents: ReadonlyMap<string, SourceDocument>;
    territories: ReadonlyMap<string, Territory>;
    meetingWords: (kind: MeetingKind) => string;
  },
): TemplateResult | typeof nothing {
  if (records.length === 0) return nothing;
  const { locale, open, toggle, documents, territories, meetingWords } = context;
  const t = messages[locale];
  const separator = colon(locale);
  return html`<div class="unattributed" part="unattributed">
    <button
      type="button"
      class="toggle"
      part="unattributed-button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="unattributed"
      @click=${toggle}
    >
      ${t.button} (${formatCount(records.length, locale)})
    </button>
    <div id="unattributed" class="unattributed-body" ?hidden=${!open}>
      <p class="unattributed-intro">${t.intro}</p>
      <ul class="unattributed-list" part="unattributed-list">
        ${records.map((record) => {
          const derivation = record.derivation?.kind === 'unattributed' ? record.derivation : undefined;
          const document = documents.get(record.source.document);
          const candidate = derivation?.candidateTerritory;
          return html`<li data-id=${record.id}>
            <p class="unattributed-values">${unattributedValues(record, locale, meetingWords).map((value, i) => html`${i > 0 ? ', ' : ''}${isolate(value)}`)}</p>
            ${derivation?.position
              ? html`<p><span class="unattributed-term">${t.position}${separator}</span><span lang="fr" dir="auto">${derivation.position}</span></p>`
              : nothing}
            ${candidate
              ? html`<p class="unattributed-candidate">
                  ${t.candidate}${separator}<span dir="auto">${territoryLabel(candidate, territories, locale)}</span>
                </p>`
              : nothing}
            <p>
              <span class="unattributed-term">${t.source}${separator}</span><cite dir="auto"
                >${linkOrText(document?.url, document?.title ?? record.source.document)}</cite
              >
            </p>
            <blockquote lang="fr">${quoteData(record.source.excerpt, 'fr')}</blockquote>
          </li>`;
        })}
      </ul>
    </div>
  </div>`;
}
