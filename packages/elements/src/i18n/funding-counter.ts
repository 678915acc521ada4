import type { Messages } from './locale.js';
import * as en from './en/funding-counter.js';

/** The texts of `<cnr-funding-counter>`. */
export const messages: Messages<'label' | 'none' | 'details' | 'funders' | 'funder' | 'amount' | 'sources' | 'lowerBound' | 'approximate' | 'deduced' | 'deducedSubject'> = {
  fr: {
    label: 'Financements identifiés',
    none: 'Aucun financement identifié pour cette sélection',
    details: 'Détail',
    funders: 'Financeurs',
    funder: 'Financeur',
    amount: 'Montant',
    sources: 'Sources',
    lowerBound: 'Les documents donnent au moins un de ces montants comme un minimum («\u00a0plus de\u00a0»)\u202f: le total est un minimum.',
    approximate: 'Les documents donnent au moins un de ces montants comme approché\u202f: le total l’est aussi.',
    deduced: 'Une partie de ce total repose sur une déduction (financeur, nature du montant ou lien entre montants) que les documents ne disent pas mot pour mot.',
    deducedSubject: 'financeurs ou liens entre montants',
  },
  en: en.messages,
};
