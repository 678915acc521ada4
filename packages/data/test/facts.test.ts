// Every fact of the five documents — projects, amounts, counts, targets,
// proportions, dates, unattributed figures — listed here with the passage that
// states it, and checked against the dataset: held (by which record, with which
// value) or left out (and why, as the README says). A fact restated by several
// documents is listed once, under the document whose record holds it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataset, type Figures } from './helpers.js';

type Kind = 'project' | 'amount' | 'support' | 'count' | 'target' | 'proportion' | 'date' | 'unattributed';
interface Fact {
  document: string;
  kind: Kind;
  what: string;
  /** The words of the document (whitespace aside). */
  passage: string;
  /** How the dataset holds it; a string says why it is left out. */
  held: (() => boolean) | string;
}

const figure = (id: string): Figures | undefined => dataset.figures.find((f) => f.id === id);
/** Every number a figures record states: metrics, meetings, counts, targets, proportions. */
function numbersOf(f: Figures | undefined): number[] {
  if (!f) return [];
  const metrics = ['reunions', 'participants', 'contributions', 'propositions', 'constats', 'projets', 'projetsRealises', 'projetsEnCours'];
  return [
    ...metrics.flatMap((m) => (typeof f[m] === 'number' ? [f[m] as number] : [])),
    ...(f.meetings ?? []).map((m) => m.count),
    ...(f.counts ?? []).map((c) => c.count),
    ...(f.targets ?? []).map((t) => t.count),
    ...(f.proportions ?? []).map((p) => p.percent),
  ];
}
/** A project of this id. */
const P = (id: string) => () => dataset.projects.some((p) => p.id === id);
/** A funding record of this id (with this amount). */
const F = (id: string, amount?: number) => () =>
  dataset.fundings.some((f) => f.id === id && (amount === undefined ? f.kind === 'support' : f.amount === amount));
/** A figures record of this id stating `value` (attributed to a territory). */
const N = (id: string, value: number) => () => figure(id)?.territory !== undefined && numbersOf(figure(id)).includes(value);
/** A target of this record. */
const T = (id: string, value: number) => () => (figure(id)?.targets ?? []).some((t) => t.count === value);
/** A proportion of this record. */
const R = (id: string, percent: number) => () => (figure(id)?.proportions ?? []).some((p) => p.percent === percent);
/** An unattributed figures record stating `value`. */
const U = (id: string, value: number) => () => figure(id)?.derivation?.kind === 'unattributed' && numbersOf(figure(id)).includes(value);
/** A milestone of this id whose date (or end date) is `date`. */
const M = (id: string, date: string) => () => dataset.milestones.some((m) => m.id === id && (m.date === date || m.endDate === date));
/** Any check on the dataset. */
const X = (check: () => boolean) => check;

const VOSGES = 'ge-vosges-2023';
const MOSELLE = 'ge-moselle-2023';
const PACA = 'paca-hautes-alpes-2023';
const NEWS = 'ge-actualite-2023';
const BROCHURE = 'cnr-territoriaux-2023';

const facts: Fact[] = [
  // ---------------------------------------------------------------- Vosges press kit
  { document: VOSGES, kind: 'project', what: 'Expérimentation mal-être des jeunes', passage: 'EXPERIMENTATION MAL-ÊTRE DES JEUNES', held: P('vosges-mal-etre-des-jeunes') },
  { document: VOSGES, kind: 'project', what: 'Commission départementale « addiction »', passage: 'MISE EN PLACE DE LA COMMISSION DEPARTEMENTALE « ADDICTION »', held: P('vosges-commission-addiction') },
  { document: VOSGES, kind: 'project', what: 'Centres de ressources territoriaux', passage: 'LES CENTRES DE RESSOURCES TERRITORIAUX', held: P('vosges-centres-de-ressources-territoriaux') },
  { document: VOSGES, kind: 'project', what: 'Chambre pédagogique', passage: 'LA CHAMBRE PÉDAGOGIQUE', held: P('vosges-chambre-pedagogique') },
  { document: VOSGES, kind: 'project', what: 'DOCCU', passage: 'DÉPISTAGE ORGANISÉ DU CANCER DU COL DE L’UTÉRUS (DOCCU)', held: P('vosges-doccu') },
  { document: VOSGES, kind: 'project', what: 'Organisation du SAU', passage: 'ORGANISATION DU SAU (Service d’Accueil des Urgences)', held: P('vosges-organisation-sau') },
  { document: VOSGES, kind: 'amount', what: '1 M€ du FIR en 2023', passage: 'à hauteur de 1 M€ en 2023', held: F('ars-grand-est-fir-2023', 1_000_000) },
  { document: VOSGES, kind: 'support', what: 'accompagnement en ingénierie', passage: 'apporte un accompagnement en matière d’ingénierie aux porteurs de projets qui le demandent', held: F('ars-grand-est-ingenierie') },
  { document: VOSGES, kind: 'count', what: '20 initiatives accompagnées', passage: '20 initiatives en santé identifiées et accompagnées à ce jour', held: N('grand-est-bilan-2023-12', 20) },
  { document: VOSGES, kind: 'count', what: '16 solutions explorées', passage: '16 solutions explorées au niveau régional', held: X(() => dataset.solutions.length === 16) },
  { document: VOSGES, kind: 'count', what: 'quatre axes', passage: 'Ces dialogues se sont focalisés sur quatre axes majeurs', held: X(() => dataset.axes.filter((a) => a.thematique === 'sante').length === 4) },
  { document: VOSGES, kind: 'count', what: '10 territoires de démocratie sanitaire', passage: 'dans chacun des 10 territoires de démocratie sanitaire', held: X(() => dataset.territories.filter((t) => t.id.startsWith('tds:grand-est-')).length === 10) },
  { document: VOSGES, kind: 'count', what: 'CTS : 50 membres', passage: 'Les CTS sont composés de 50 membres', held: X(() => dataset.instances.find((i) => i.id === 'cts-grand-est-vosges')?.composition?.members === 50) },
  { document: VOSGES, kind: 'count', what: 'CTS : mandat de 5 ans renouvelable', passage: 'ayant un mandat de 5 ans renouvelable', held: X(() => dataset.instances.find((i) => i.id === 'cts-grand-est-vosges')?.composition?.mandateYears === 5) },
  { document: VOSGES, kind: 'count', what: 'CTS : 6 collèges', passage: 'répartis en 6 collèges', held: X(() => dataset.instances.find((i) => i.id === 'cts-grand-est-vosges')?.composition?.colleges === 6) },
  { document: VOSGES, kind: 'date', what: 'TDS définis en septembre 2022', passage: 'En septembre 2022, les nouveaux territoires de démocratie sanitaire (TDS) sont définis', held: M('grand-est-tds-2022-09', '2022-09') },
  { document: VOSGES, kind: 'date', what: 'CTS installés en mars 2023', passage: 'Un Conseil territorial de santé a été installé en mars 2023', held: M('grand-est-cts-2023-03', '2023-03') },
  { document: VOSGES, kind: 'date', what: 'révision du PRS en octobre 2023', passage: 'révision du Projet Régional de Santé (PRS) effectué en octobre 2023', held: M('grand-est-prs-2023-10', '2023-10') },
  { document: VOSGES, kind: 'date', what: 'poursuite en 2024 et 2025 (Vosges)', passage: 'La dynamique du CNR doit se poursuivre en 2024 et 2025', held: M('vosges-poursuite-2024-2025', '2025') },

  // ---------------------------------------------------------------- Moselle press kit
  { document: MOSELLE, kind: 'project', what: 'Bus mobile dentaire', passage: 'BUS MOBILE DENTAIRE', held: P('moselle-bus-mobile-dentaire') },
  { document: MOSELLE, kind: 'project', what: 'Équipe mobile de levée de doute', passage: 'EQUIPE MOBILE DE LEVEEE DE DOUTE DECLENCHEE PAR LE SAS', held: P('moselle-equipe-mobile-levee-de-doute') },
  { document: MOSELLE, kind: 'project', what: 'Médicobus Sarrebourg-Phalsbourg', passage: "MEDICOBUS SUR L'INTERCOMMUNALITE SARREBOURG-PHALSBOURG", held: P('moselle-medicobus-sarrebourg-phalsbourg') },
  { document: MOSELLE, kind: 'project', what: 'Maillage par des MSP (Metz)', passage: 'MAILLAGE DU TERRITOIRE PAR DES MSP', held: P('moselle-maillage-msp-eurometropole-metz') },
  { document: MOSELLE, kind: 'project', what: 'Équipe mobile de soins psychiatriques', passage: 'EQUIPE MOBILE POUR DES SOINS PSYCHIATRIQUES A DOMICILE', held: P('moselle-equipe-mobile-soins-psychiatriques') },
  { document: MOSELLE, kind: 'project', what: 'Réorganisation de l’offre en santé mentale', passage: "réorganisation de l'offre en santé mentale de MOSELLE", held: P('moselle-reorganisation-sante-mentale') },
  { document: MOSELLE, kind: 'count', what: 'une centaine de personnes présentes', passage: 'la centaine de personnes présentes', held: N('moselle-anniversaire-2023', 100) },
  { document: MOSELLE, kind: 'count', what: '5 territoires administratifs', passage: 'au sein des 5 territoires administratifs de notre département', held: X(() => dataset.instances.some((i) => i.counts?.some((c) => c.count === 5))) },
  { document: MOSELLE, kind: 'date', what: 'poursuite en 2024 et 2025 (Moselle)', passage: 'à travers la Délégation Territoriale de Moselle', held: M('moselle-poursuite-2024-2025', '2024') },
  { document: MOSELLE, kind: 'count', what: 'le CTS de la Moselle', passage: 'les membres du CTS de la Moselle', held: X(() => dataset.instances.some((i) => i.id === 'cts-grand-est-moselle')) },

  // ---------------------------------------------------------------- PACA press kit
  { document: PACA, kind: 'project', what: 'Bus santé 05', passage: 'Développer une offre de santé pluridisciplinaire itinérante.', held: P('hautes-alpes-offre-sante-itinerante') },
  { document: PACA, kind: 'project', what: 'Accompagnateur santé en Maison France Service', passage: 'Expérimenter le développement d’accompagnateur santé en Maison France Service.', held: P('hautes-alpes-accompagnateur-sante-maison-france-services') },
  { document: PACA, kind: 'project', what: '« Maison » en soins non programmés dentaires', passage: 'Créer une « Maison » en soins non programmés dentaires.', held: P('hautes-alpes-maison-soins-non-programmes-dentaires') },
  { document: PACA, kind: 'project', what: 'Solution numérique en odontologie', passage: 'en étudiant l’apport d’une solution numérique.', held: P('hautes-alpes-solution-numerique-odontologie') },
  { document: PACA, kind: 'amount', what: 'plus de 2,9 M€ engagés en 2023', passage: 'Plus de 2,9 millions d’euros ont été engagés par l’ARS Paca en 2023', held: F('ars-paca-2023', 2_900_000) },
  { document: PACA, kind: 'support', what: '4 projets soutenus par l’ARS en 2023', passage: '4 projets concrets qui ont été soutenus par l’ARS en 2023', held: F('ars-paca-hautes-alpes-2023') },
  { document: PACA, kind: 'support', what: 'appui du Conseil régional', passage: 's’est engagé à la soutenir en proposant son appui', held: F('conseil-regional-paca-appui') },
  { document: PACA, kind: 'count', what: '25 réunions de concertation', passage: '25 réunions de concertation se sont ainsi tenues', held: N('paca-acte-1', 25) },
  { document: PACA, kind: 'count', what: 'près de 700 participants', passage: 'près de 700 participants dans notre région', held: N('paca-acte-1', 700) },
  { document: PACA, kind: 'count', what: '41 projets', passage: '41 projets ont émergé de ces débats', held: N('paca-acte-1', 41) },
  { document: PACA, kind: 'count', what: '14 projets réalisés', passage: '14 projets réalisés', held: N('paca-acte-1-bilan-2023-11-08', 14) },
  { document: PACA, kind: 'count', what: '27 projets en cours', passage: '27 projets en cours de déploiement', held: N('paca-acte-1-bilan-2023-11-08', 27) },
  { document: PACA, kind: 'count', what: '5 réunions dans les Hautes-Alpes', passage: 'Dans les Hautes-Alpes, 5 réunions se sont tenues', held: N('hautes-alpes-acte-1-reunions', 5) },
  { document: PACA, kind: 'count', what: '4 projets dans les Hautes-Alpes', passage: 'faire émerger 4 projets concrets', held: N('hautes-alpes-acte-1-projets', 4) },
  { document: PACA, kind: 'count', what: 'CTS dans les six départements', passage: 'dans les six départements, de nouvelles ré- unions de concertations, avec l’appui des conseils territoriaux de santé', held: X(() => dataset.instances.filter((i) => i.id.startsWith('cts-paca-')).length === 6) },
  { document: PACA, kind: 'count', what: 'CTS : une cinquantaine de membres', passage: 'composé d’une cinquantaine de membres', held: X(() => dataset.instances.find((i) => i.id === 'cts-paca-var')?.composition?.membersQualifier === 'environ') },
  { document: PACA, kind: 'date', what: 'première concertation le 4 novembre 2022', passage: 'dès le 4 novembre avec la première concertation terri- toriale à Marseille', held: M('paca-premiere-concertation-2022-11-04', '2022-11-04') },
  { document: PACA, kind: 'date', what: 'bilan au 8 novembre 2023', passage: 'au 8 novembre 2023, le premier bilan', held: M('paca-bilan-2023-11-08', '2023-11-08') },
  { document: PACA, kind: 'date', what: 'nouveau cycle le 14 novembre', passage: 'Ce nouveau cycle de réunions débutera dès le 14 novembre dans les Hautes-Alpes', held: M('hautes-alpes-nouveau-cycle-2023-11-14', '2023-11-14') },
  { document: PACA, kind: 'date', what: 'restitution au premier trimestre 2024', passage: 'une restitution au cours du premier trimestre 2024', held: M('paca-restitution-2024', '2024-Q1') },

  // ---------------------------------------------------------------- Grand Est news page
  { document: NEWS, kind: 'count', what: '47 rencontres', passage: '47 rencontres menées pendant plus d’un mois sur tout le Grand Est', held: N('grand-est-acte-1-rencontres', 47) },
  { document: NEWS, kind: 'count', what: '44 dialogues territoriaux', passage: 'a organisé 44 dialogues territoriaux', held: N('grand-est-acte-1-rencontres', 44) },
  { document: NEWS, kind: 'count', what: '3 dialogues régionaux thématiques', passage: '3 dialogues régionaux thématiques', held: N('grand-est-acte-1-rencontres', 3) },
  { document: NEWS, kind: 'count', what: 'plus de 1 100 participants', passage: 'plus de 1 100 participants', held: N('grand-est-acte-1-contributions', 1100) },
  { document: NEWS, kind: 'count', what: 'plus de 1 700 contributions (stored once, not also as propositions)', passage: 'plus de 1 700 contributions, idées, pistes de solutions et propositions', held: X(() => N('grand-est-acte-1-contributions', 1700)() && figure('grand-est-acte-1-contributions')?.['propositions'] === undefined) },
  { document: NEWS, kind: 'count', what: 'plus de 500 constats', passage: 'plus de 500 constats convergents', held: N('grand-est-acte-1-contributions', 500) },
  { document: NEWS, kind: 'date', what: 'dialogues du 8 novembre à la mi-décembre 2022', passage: 'Entre le 8 novembre et la mi-décembre 2022', held: M('grand-est-dialogues-2022-11-08', '2022-11-08') },
  { document: NEWS, kind: 'date', what: 'restitution régionale du 7 février 2023', passage: 'Le 7 février 2023, la réunion régionale de restitution', held: M('grand-est-restitution-2023-02-07', '2023-02-07') },
  { document: NEWS, kind: 'date', what: 'webinaires départementaux', passage: 'dans les prochaines semaines, des webinaires départementaux de restitution', held: 'no date: « dans les prochaines semaines » of an undated page' },

  // ---------------------------------------------------------------- national brochure: letters
  { document: BROCHURE, kind: 'proportion', what: 'près d’un tiers des écoles engagées', passage: 'près d’un tiers de nos écoles et établissements sont engagés dans la démarche', held: R('education-france-bilan-ecoles-engagees', 33.3) },
  { document: BROCHURE, kind: 'count', what: 'plus de 8 500 projets déposés', passage: 'plus de 8 500 projets ont déjà été déposés', held: N('education-france-2022-2023', 8500) },
  { document: BROCHURE, kind: 'count', what: '2 300 projets dès la rentrée', passage: '2 300 débuteront dès cette rentrée scolaire', held: N('education-france-rentree-2023', 2300) },
  { document: BROCHURE, kind: 'count', what: 'plus de 450 réunions', passage: 'Plus de 450 réunions se sont déjà tenues', held: N('france-bilan-2023-09', 450) },
  { document: BROCHURE, kind: 'count', what: 'près de 250 projets', passage: 'près de 250 projets qui ont déjà identifiés', held: N('france-bilan-2023-09', 250) },
  { document: BROCHURE, kind: 'date', what: 'couverture complète d’ici l’année prochaine', passage: 'atteindre une couverture complète d’ici l’année prochaine', held: M('sante-couverture-complete-2024', '2024') },
  { document: BROCHURE, kind: 'date', what: 'neuf mois, du dernier trimestre 2022 au deuxième trimestre 2023', passage: 'du dernier trimestre 2022 au deuxième trimestre 2023', held: M('cnr-neuf-mois-2022-q4-2023-q2', '2023-Q2') },
  { document: BROCHURE, kind: 'count', what: 'dix thématiques', passage: 'le CNR s’est déployé au service de dix thématiques', held: 'the CNR as a whole (grand âge, logement, numérique…): the dataset’s thématiques are health and education only' },

  // ---------------------------------------------------------------- national brochure: key dates
  { document: BROCHURE, kind: 'date', what: 'lancement du CNR, 8 septembre 2022', passage: '8 septembre 2022 : Lancement du CNR à Marcoussis', held: M('cnr-lancement-2022-09-08', '2022-09-08') },
  { document: BROCHURE, kind: 'date', what: '2e CNR plénier, 12 décembre 2022', passage: '12 décembre 2022 : 2e CNR plénier.', held: M('cnr-pleniere-2022-12-12', '2022-12-12') },
  { document: BROCHURE, kind: 'date', what: '3e CNR plénier, 7 septembre 2023', passage: '7 septembre 2023 : 3e CNR plénier.', held: M('cnr-pleniere-2023-09-07', '2023-09-07') },
  { document: BROCHURE, kind: 'date', what: 'premier CNR Éducation, 5 octobre 2022', passage: '5 octobre 2022 : Le premier CNR Éducation', held: M('education-lancement-2022-10-05', '2022-10-05') },
  { document: BROCHURE, kind: 'date', what: 'plateforme de dépôt, décembre 2022', passage: 'Décembre 2022 : Mise en ligne de la plateforme de dépôt des projets.', held: M('education-plateforme-2022-12', '2022-12') },
  { document: BROCHURE, kind: 'date', what: '1re restitution Éducation, 17 février 2023', passage: '17 février 2023 : Premier événement de restitution national', held: M('education-restitution-2023-02-17', '2023-02-17') },
  { document: BROCHURE, kind: 'date', what: '2e restitution Éducation, 7 juillet 2023', passage: '7 juillet 2023 : Deuxième événement de restitution national', held: M('education-restitution-2023-07-07', '2023-07-07') },
  { document: BROCHURE, kind: 'date', what: 'premier CNR Santé, 3 octobre 2022', passage: '3 octobre 2022 : Le premier CNR Santé se tient au Mans', held: M('sante-lancement-2022-10-03', '2022-10-03') },
  { document: BROCHURE, kind: 'date', what: 'phase 1, octobre–décembre 2022', passage: 'Octobre - décembre 2022 : Phase 1 du CNR Santé', held: M('sante-phase-1-2022-10', '2022-10') },
  { document: BROCHURE, kind: 'date', what: 'phase 2, janvier 2023', passage: 'Janvier 2023 : Annonce de la généralisation', held: M('sante-phase-2-2023-01', '2023-01') },
  { document: BROCHURE, kind: 'date', what: 'restitution de la phase 1, 3 mai 2023', passage: '3 mai 2023 : Événement national de restitution de la phase 1.', held: M('sante-restitution-phase-1-2023-05-03', '2023-05-03') },

  // ---------------------------------------------------------------- national brochure: education
  { document: BROCHURE, kind: 'count', what: 'près de 19 000 écoles', passage: 'près de 19 000 écoles et établissements ont manifesté une intention de concertation', held: N('education-france-2022-2023', 19000) },
  { document: BROCHURE, kind: 'count', what: '3 000 projets accompagnés', passage: 'dont 3 000 bénéficient d’ores et déjà d’un accompagnement humain et financier', held: N('education-france-2022-2023', 3000) },
  { document: BROCHURE, kind: 'amount', what: '500 M€ sur cinq ans', passage: 'fonds d’innovation pédagogique à hauteur de 500 millions d’euros sur cinq ans', held: X(() => F('fonds-innovation-pedagogique', 500_000_000)() && dataset.fundings.find((f) => f.id === 'fonds-innovation-pedagogique')?.durationYears === 5) },
  { document: BROCHURE, kind: 'amount', what: 'plus de 210 M€ représentés par les projets', passage: 'les projets déposés représentent plus de 210 millions d’euros', held: X(() => F('education-projets-deposes-montant', 210_000_000)() && dataset.fundings.find((f) => f.id === 'education-projets-deposes-montant')?.kind === 'requested') },
  { document: BROCHURE, kind: 'amount', what: 'plus de 47 M€ attribués', passage: 'plus de 47 millions ont déjà été attribués', held: F('fonds-innovation-pedagogique-attribue', 47_000_000) },
  { document: BROCHURE, kind: 'proportion', what: '30 % des projets inter-écoles', passage: '30 % des projets étant inter-écoles ou établissements', held: R('education-france-2022-2023-inter-ecoles', 30) },
  { document: BROCHURE, kind: 'count', what: '1 million d’élèves', passage: 'DÉJÀ 1 MILLION D’ÉLÈVES CONCERNÉS', held: N('education-france-2022-2023-eleves', 1_000_000) },
  { document: BROCHURE, kind: 'date', what: 'premières portes ouvertes, 17 mars 2023 (ordre déduit)', passage: '17 mars 2023 7 juillet 2023 Premières portes ouvertes nationales', held: M('education-portes-ouvertes-2023-03-17', '2023-03-17') },
  { document: BROCHURE, kind: 'date', what: '2e édition des portes ouvertes, 7 juillet 2023 (ordre déduit)', passage: 'Deuxième édition des portes ouvertes nationales sur les sciences et le numérique', held: M('education-portes-ouvertes-2023-07-07', '2023-07-07') },
  { document: BROCHURE, kind: 'count', what: '33 045 réponses', passage: "Taille de l'échantillon : 33045 réponses", held: N('education-france-2022-2023-echantillon', 33045) },
  { document: BROCHURE, kind: 'project', what: 'Pour une école flexible', passage: 'Pour une école flexible', held: P('education-ecole-flexible') },
  { document: BROCHURE, kind: 'project', what: 'Webradio et médias', passage: 'Webradio et médias : libérer la parole des enfants au collège', held: P('education-webradio-medias') },
  { document: BROCHURE, kind: 'project', what: 'La Caz’culture', passage: 'La Caz’culture : favoriser l’ouverture culturelle des élèves', held: P('education-caz-culture') },
  { document: BROCHURE, kind: 'project', what: 'Bac box', passage: 'Bac box', held: P('education-bac-box') },
  { document: BROCHURE, kind: 'project', what: 'Un tiers-lieu pour travailler autrement', passage: 'Un tiers-lieu pour travailler autrement', held: P('education-tiers-lieu') },
  { document: BROCHURE, kind: 'project', what: 'Les fractions par le jeu', passage: 'Les fractions par le jeu', held: P('education-fractions-par-le-jeu') },

  // ---------------------------------------------------------------- national brochure: health
  { document: BROCHURE, kind: 'count', what: 'plus de 250 réunions (Acte I)', passage: 'plus de 250 réunions sur tout le territoire', held: N('france-acte-1', 250) },
  { document: BROCHURE, kind: 'count', what: 'environ 10 000 participants', passage: 'environ 10 000 participants', held: N('france-acte-1', 10000) },
  { document: BROCHURE, kind: 'project', what: 'Outil de remplacements (Hérault)', passage: 'Un outil pour faciliter les remplacements et installations de médecins libéraux', held: X(() => dataset.projects.some((p) => p.territories.includes('departement:34'))) },
  { document: BROCHURE, kind: 'project', what: 'Protocoles soins non programmés (Haute-Saône)', passage: 'Des protocoles pour les soins non programmés', held: P('haute-saone-protocoles-soins-non-programmes') },
  { document: BROCHURE, kind: 'project', what: 'Biologie délocalisée (Groix)', passage: 'Développer une activité de biologie délocalisée sur un territoire insulaire', held: P('groix-biologie-delocalisee') },
  { document: BROCHURE, kind: 'project', what: 'Service infirmier d’orientation (Grigny)', passage: 'Service infirmier d’orientation en appui au centre 15', held: P('grigny-service-infirmier-orientation') },
  { document: BROCHURE, kind: 'date', what: 'décret de dérogation, 7 avril 2023', passage: 'Annoncé par la Première Ministre le 7 avril dernier, un décret', held: M('sante-decret-derogation-2023-04-07', '2023-04-07') },
  { document: BROCHURE, kind: 'date', what: 'dérogation expérimentée dès 2017', passage: 'Ce droit de dérogation avait été expérimenté dès 2017', held: M('sante-derogation-experimentee-2017', '2017') },
  { document: BROCHURE, kind: 'amount', what: 'enveloppe de 30 M€ du FIR', passage: 'une enveloppe de 30 millions d’euros est réservée', held: F('etat-fir-cnr-locaux', 30_000_000) },
  { document: BROCHURE, kind: 'date', what: 'CPTS généralisées d’ici fin 2023', passage: 'ont vocation à être généralisées sur l’ensemble du territoire d’ici fin 2023', held: M('sante-cpts-generalisees-2023', '2023') },
  { document: BROCHURE, kind: 'target', what: '100 médicobus', passage: '100 médicobus seront déployés', held: T('france-objectifs-medicobus-maisons-de-sante', 100) },
  { document: BROCHURE, kind: 'target', what: '4 000 maisons de santé', passage: '4 000 maisons de santé seront déployées partout en France', held: T('france-objectifs-medicobus-maisons-de-sante', 4000) },
  { document: BROCHURE, kind: 'count', what: 'six CNR territoriaux en Hauts-de-France', passage: 'Il y a donc six CNR territoriaux.', held: X(() => dataset.instances.filter((i) => i.kind === 'conseil-cnr').length === 6) },
  { document: BROCHURE, kind: 'count', what: 'le CNR installé au sein des CTS', passage: 'le CNR est ainsi installé au sein du Conseil Territorial de Santé (CTS)', held: X(() => dataset.instances.filter((i) => i.id.startsWith('cts-hauts-de-france-')).length === 6) },
  { document: BROCHURE, kind: 'count', what: 'six territoires de démocratie sanitaire', passage: 'Les 6 territoires de démocratie sanitaire en région Hauts-de-France', held: X(() => dataset.territories.filter((t) => t.id.startsWith('tds:hauts-de-france-')).length === 6) },
  { document: BROCHURE, kind: 'target', what: 'une trentaine d’actions complémentaires', passage: 'sélectionner une trentaine d’actions complémentaires', held: T('hauts-de-france-acte-2-actions', 30) },
  { document: BROCHURE, kind: 'count', what: 'dix actions prioritaires', passage: 'dix actions prioritaires identifiées par l’ARS', held: N('hauts-de-france-acte-2-actions', 10) },
  { document: BROCHURE, kind: 'target', what: 'une cinquantaine d’actions pilotées', passage: 'une cinquantaine d’actions soient pilotées', held: T('hauts-de-france-acte-2-actions', 50) },
  { document: BROCHURE, kind: 'target', what: 'une dizaine par CNR', passage: 'soit une dizaine par CNR', held: X(() => (figure('hauts-de-france-acte-2-actions')?.targets ?? []).filter((t) => t.count === 10).length === 1) },
  { document: BROCHURE, kind: 'amount', what: '2,6 M€ de FIR déjà délégués', passage: 'l’enveloppe FIR de 2,6 M€ déjà déléguée', held: X(() => F('ars-hauts-de-france-fir', 2_600_000)() && dataset.fundings.find((f) => f.id === 'ars-hauts-de-france-fir')?.kind === 'delegated') },
  ...(
    [
      ['MÉTROPOLE-FLANDRES 1 003 987 habitants', 'metropole-flandres', 1_003_987],
      ['PAS-DE-CALAIS 1 465 000 habitants', 'pas-de-calais', 1_465_000],
      ['HAINAUT 991 669 habitants', 'hainaut', 991_669],
      ['SOMME 571 537 habitants', 'somme', 571_537],
      ['AISNE 540 103 habitants', 'aisne', 540_103],
      ['OISE 815161 habitants', 'oise', 815_161],
    ] as const
  ).map(
    ([passage, code, population]): Fact => ({
      document: BROCHURE,
      kind: 'count',
      what: `population du TDS ${code}`,
      passage,
      held: X(() => dataset.territories.find((t) => t.id === `tds:hauts-de-france-${code}`)?.population === population),
    }),
  ),
  { document: BROCHURE, kind: 'date', what: 'populations de décembre 2016', passage: 'Source ARS HdF, service Observation et Études - Déc. 2016', held: X(() => dataset.territories.filter((t) => t.populationDate === '2016-12').length === 6) },

  // ---------------------------------------------------------------- the phase-1 map
  { document: BROCHURE, kind: 'count', what: 'carte : 1 sondage régional (Île-de-France)', passage: '1 SONDAGE RÉGIONAL ((3000 franciliens interrogés)', held: N('ile-de-france-acte-1-sondage', 1) },
  { document: BROCHURE, kind: 'count', what: 'carte : 3000 franciliens interrogés', passage: '3000 franciliens interrogés', held: N('ile-de-france-acte-1-sondage', 3000) },
  { document: BROCHURE, kind: 'count', what: 'carte : 77 propositions (PACA, déduit)', passage: '700 PARTICIPANTS 77 PROPOSITIONS 41 PROJETS CNR', held: X(() => N('paca-acte-1-propositions', 77)() && figure('paca-acte-1-propositions')?.derivation?.kind === 'deduced') },
  ...(
    [
      ['carte-phase-1-bloc-01', '12 RÉUNIONS DÉPARTEMENTALES', [12, 1000, 8]],
      ['carte-phase-1-bloc-02', '38 RÉUNIONS TERRITORIALES 3 700 PARTICIPANTS', [38, 3700, 34]],
      ['carte-phase-1-bloc-03', '36 ATELIERS 233 PARTICIPANTS', [9, 36, 233]],
      ['carte-phase-1-bloc-04-grand-est', '1 PROJET PAR DÉPARTEMENT', [1]],
      ['carte-phase-1-bloc-05-ile-de-france', '28 RÉUNIONS TERRITORIALES 54 CONTRIBUTIONS ÉCRITES', [28, 54, 1000, 160]],
      ['carte-phase-1-bloc-07', '7 RÉUNIONS CNR 1 070 PARTICIPANTS 50 PROPOSITIONS 24 ACTIONS CNR', [7, 1070, 50, 24]],
      ['carte-phase-1-bloc-08', '18 ATELIERS 1 250 PARTICIPANTS 5 ENGAGEMENTS 30 PROJETS CNR', [18, 1250, 5, 30]],
      ['carte-phase-1-bloc-09', '21 RÉUNIONS TERRITORIALES 1 200 PARTICIPANTS 100 PROPOSITIONS 6 PROJETS CNR', [21, 1200, 100, 6]],
      ['carte-phase-1-bloc-10', '7 RÉUNIONS DÉPARTEMENTALES 250 PARTICIPANTS 16 PROJETS CNR 1 PROJET RÉGIONAL', [7, 250, 16, 1]],
      ['carte-phase-1-bloc-11', '13 PROJETS CNR', [13]],
      ['carte-phase-1-outre-mer-1', '4 RÉUNIONS TERRITORIALES 24 PROPOSITIONS 5 PROJETS CNR', [4, 24, 5]],
      ['carte-phase-1-outre-mer-2', '4 RÉUNIONS DE CO-CONSTRUCTION 24 PROPOSITIONS DE SOLUTIONS 5 PROJETS CNR', [4, 24, 5]],
      ['carte-phase-1-outre-mer-3', '1 RÉUNION9 RÉUNIONS 2 RÉUNIONS', [1, 9, 2]],
      ['carte-phase-1-outre-mer-4', '8 PROJETS CNR', [8]],
    ] as const
  ).flatMap(([id, passage, values]) =>
    values.map(
      (value, i): Fact => ({
        document: BROCHURE,
        kind: 'unattributed',
        what: `carte : ${id}, chiffre ${i + 1} (${value})`,
        passage,
        held: U(id, value),
      }),
    ),
  ),
];

const seedsDir = path.resolve(fileURLToPath(new URL('../../../../shared/seeds', import.meta.url)));
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('every fact of the documents', () => {
  it.runIf(existsSync(seedsDir))('cites, for each fact, a passage of its document', () => {
    const texts = new Map(
      dataset.documents.map((d) => [d.id, d.file && existsSync(path.join(seedsDir, d.file)) ? collapse(readFileSync(path.join(seedsDir, d.file), 'utf8')) : '']),
    );
    expect(facts.filter((f) => !texts.get(f.document)!.includes(collapse(f.passage))).map((f) => `${f.document}: ${f.passage}`)).toEqual([]);
  });

  it('holds every fact but those left out, each with its reason', () => {
    const missing = facts.filter((f) => typeof f.held === 'function' && !f.held()).map((f) => `${f.document}: ${f.what}`);
    expect(missing).toEqual([]);
    const left = facts.filter((f) => typeof f.held === 'string');
    expect(left.map((f) => f.what)).toEqual(['webinaires départementaux', 'dix thématiques']);
  });

  it('facts held / facts in the documents, per document and kind', () => {
    const table: Record<string, Partial<Record<Kind | 'held' | 'total', number>>> = {};
    for (const f of facts) {
      const row = (table[f.document] ??= {});
      row.total = (row.total ?? 0) + 1;
      if (typeof f.held === 'function') {
        row.held = (row.held ?? 0) + 1;
        row[f.kind] = (row[f.kind] ?? 0) + 1;
      }
    }
    const held = facts.filter((f) => typeof f.held === 'function').length;
    console.info(`facts held / facts in the documents: ${held} / ${facts.length}`, table);
    expect({ held, total: facts.length }).toEqual({ held: 162, total: 164 });
    expect(Object.fromEntries(Object.entries(table).map(([document, row]) => [document, `${row.held}/${row.total}`]))).toEqual({
      [VOSGES]: '19/19',
      [MOSELLE]: '10/10',
      [PACA]: '20/20',
      [NEWS]: '8/9',
      [BROCHURE]: '105/106',
    });
  });
});
