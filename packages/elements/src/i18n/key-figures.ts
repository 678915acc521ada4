import type { FigureMetric, MeetingKind } from '@cnr-widgets/sdk';
import type { Locale } from './locale.js';
import type { Messages } from './locale.js';
import * as en from './en/key-figures.js';

/** The texts of `<cnr-key-figures>`: each metric's singular and plural, the kinds of meetings, the rest. */
export const LABELS: Record<Locale, Record<FigureMetric, readonly [one: string, other: string]>> = {
  fr: {
    reunions: ['réunion', 'réunions'],
    participants: ['participant', 'participants'],
    contributions: ['contribution', 'contributions'],
    propositions: ['proposition', 'propositions'],
    constats: ['constat', 'constats'],
    // Announced: the number the documents give (« 20 initiatives identifiées »), not the records a list shows.
    projets: ['projet annoncé', 'projets annoncés'],
    projetsRealises: ['projet réalisé', 'projets réalisés'],
    projetsEnCours: ['projet en cours', 'projets en cours'],
  },
  en: en.LABELS,
};

export const MEETINGS: Record<Locale, Record<MeetingKind, string>> = {
  fr: {
    'dialogue-territorial': 'dialogues territoriaux',
    'reunion-departementale': 'réunions départementales',
    'rencontre-regionale': 'rencontres régionales',
    atelier: 'ateliers',
    'reunion-publique': 'réunions publiques',
    pleniere: 'séances plénières',
    autre: 'autres réunions',
  },
  en: en.MEETINGS,
};

export const messages: Messages<'title' | 'everywhere' | 'empty' | 'sources' | 'including' | 'projectsScope' | 'sourcesOf'> = {
  fr: {
    title: 'Chiffres de la concertation\u202f:',
    everywhere: 'Tous les territoires',
    empty: 'Aucun chiffre publié pour ce territoire',
    sources: 'Sources',
    sourcesOf: '(chiffres\u202f: {territory})',
    including: 'dont',
    projectsScope:
      'Projets annoncés\u202f: le nombre que donnent les documents sources (voir «\u00a0Sources\u00a0»). Une liste de projets ne compte que ceux que les documents décrivent un par un.',
  },
  en: en.messages,
};
