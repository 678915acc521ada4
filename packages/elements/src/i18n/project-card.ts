import type { ProjectPresentation, ProjectStatus } from '@cnr-widgets/sdk';
import type { Messages } from './locale.js';
import * as en from './en/project-card.js';

/** The texts of `<cnr-project-card>`. */
export type Key =
  | ProjectStatus
  | Exclude<ProjectPresentation, 'autre'>
  | 'status'
  | 'axis'
  | 'porteurs'
  | 'acteurs'
  | 'partenaires'
  | 'territory'
  | 'place'
  | 'stage'
  | 'publics'
  | 'funding'
  | 'requested'
  | 'requestedNote'
  | 'wholeRecord'
  | 'shared'
  | 'objectives'
  | 'objectivesOf'
  | 'sourceOf'
  | 'more'
  | 'less'
  | 'source'
  | 'page'
  | 'select'
  | 'website'
  | 'notFound';

export const messages: Messages<Key> = {
  fr: {
    status: 'Statut',
    'en-reflexion': 'En réflexion',
    'en-projet': 'En projet',
    'en-cours': 'En cours',
    realise: 'Réalisé',
    axis: 'Axe',
    porteurs: 'Porté par',
    acteurs: 'Acteurs',
    partenaires: 'Partenaires',
    territory: 'Territoire',
    place: 'Lieu',
    stage: 'Avancement',
    publics: 'Publics',
    funding: 'Financement',
    requested: 'Montant demandé',
    requestedNote: 'une demande, pas un financement obtenu',
    wholeRecord: 'ce projet',
    shared: 'montant partagé avec d’autres projets',
    objectives: 'Objectifs',
    objectivesOf: '(objectifs de {title})',
    sourceOf: 'du projet {title}',
    more: 'Lire plus',
    less: 'Lire moins',
    source: 'Source',
    page: 'p.',
    select: 'Voir le projet',
    website: 'Site du projet',
    notFound: 'Ce projet est introuvable dans la source de données.',
    atelier: 'Présenté en atelier',
    'echange-partenaires': 'Échangé avec les partenaires',
    'retour-terrain': 'Retour de terrain',
  },
  en: en.messages,
};
