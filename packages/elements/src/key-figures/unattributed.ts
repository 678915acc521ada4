import { FIGURE_METRICS, type ConcertationFigures, type FigureMetric, type MeetingKind, type SourceDocument, type Territory } from '@cnr-widgets/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { formatCount, qualifierText } from '../base/format.js';
import { linkOrText } from '../base/links.js';
import type { Locale, Messages } from '../base/locale.js';
import { territoryLabel } from '../base/territory-names.js';

const messages: Messages<'button' | 'intro' | 'position' | 'candidate' | 'source' | 'count'> = {
  fr: {
    button: 'Chiffres non attribués',
    intro:
      'Ces chiffres figurent dans les documents sans que le texte dise de quel territoire ils sont : ils ne sont attribués à aucun territoire et ne sont comptés dans aucun total ci-dessus.',
    position: 'Place dans le document',
    candidate: 'Région suggérée par la mise en page, non confirmée',
    source: 'Source',
    count: '{n} blocs de chiffres',
  },
  en: {
    button: 'Figures not attributed',
    intro:
      'These figures are in the documents but the text does not say which territory they belong to: they are attributed to no territory and counted in none of the totals above.',
    position: 'Place in the document',
    candidate: 'Region suggested by the layout, not confirmed',
    source: 'Source',
    count: '{n} blocks of figures',
  },
};

const METRIC_WORDS: Record<Locale, Record<FigureMetric, string>> = {
  fr: {
    reunions: 'réunions',
    participants: 'participants',
    contributions: 'contributions',
    propositions: 'propositions',
    constats: 'constats',
    projets: 'projets',
    projetsRealises: 'projets réalisés',
    projetsEnCours: 'projets en cours',
  },
  en: {
    reunions: 'meetings',
    participants: 'participants',
    contributions: 'contributions',
    propositions: 'proposals',
    constats: 'findings',
    projets: 'projects',
    projetsRealises: 'completed projects',
    projetsEnCours: 'projects in progress',
  },
};

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
  const colon = locale === 'fr' ? '\u00a0: ' : ': ';
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
            <p class="unattributed-values" dir="auto">${unattributedValues(record, locale, meetingWords).join(', ')}</p>
            ${derivation?.position
              ? html`<p><span class="unattributed-term">${t.position}${colon}</span><span lang="fr" dir="auto">${derivation.position}</span></p>`
              : nothing}
            ${candidate
              ? html`<p class="unattributed-candidate">
                  ${t.candidate}${colon}<span dir="auto">${territoryLabel(candidate, territories, locale)}</span>
                </p>`
              : nothing}
            <p>
              <span class="unattributed-term">${t.source}${colon}</span><cite dir="auto"
                >${linkOrText(document?.url, document?.title ?? record.source.document)}</cite
              >
            </p>
            <blockquote lang="fr" dir="auto">« ${record.source.excerpt} »</blockquote>
          </li>`;
        })}
      </ul>
    </div>
  </div>`;
}
