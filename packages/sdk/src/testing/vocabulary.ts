/**
 * What the synthetic datasets are made of: six régions with their real INSEE
 * codes (départements and chef-lieu communes), and the words made-up
 * communes and projects are drawn from.
 */
import type { Axis } from '../schemas/axis.js';
import { PROJECT_STATUSES } from '../schemas/collections.js';
import type { ProjectPresentation, ProjectStatus } from '../schemas/project.js';
import type { SourceRef } from '../schemas/source.js';

export interface DepartementRef {
  code: string;
  name: string;
  slug: string;
  /** Chef-lieu: INSEE commune code and name. */
  capital: [string, string];
}

export interface RegionRef {
  code: string;
  name: string;
  slug: string;
  weight: number;
  departements: DepartementRef[];
}

const d = (code: string, name: string, slug: string, capitalCode: string, capitalName: string): DepartementRef => ({
  code,
  name,
  slug,
  capital: [capitalCode, capitalName],
});

/** A small fixed referential: six régions with their real INSEE codes. */
export const REGIONS: RegionRef[] = [
  {
    code: '44',
    name: 'Grand Est',
    slug: 'grand-est',
    weight: 4,
    departements: [
      d('08', 'Ardennes', 'ardennes', '08105', 'Charleville-Mézières'),
      d('10', 'Aube', 'aube', '10387', 'Troyes'),
      d('51', 'Marne', 'marne', '51108', 'Châlons-en-Champagne'),
      d('52', 'Haute-Marne', 'haute-marne', '52121', 'Chaumont'),
      d('54', 'Meurthe-et-Moselle', 'meurthe-et-moselle', '54395', 'Nancy'),
      d('55', 'Meuse', 'meuse', '55029', 'Bar-le-Duc'),
      d('57', 'Moselle', 'moselle', '57463', 'Metz'),
      d('67', 'Bas-Rhin', 'bas-rhin', '67482', 'Strasbourg'),
      d('68', 'Haut-Rhin', 'haut-rhin', '68066', 'Colmar'),
      d('88', 'Vosges', 'vosges', '88160', 'Épinal'),
    ],
  },
  {
    code: '32',
    name: 'Hauts-de-France',
    slug: 'hauts-de-france',
    weight: 2,
    departements: [
      d('02', 'Aisne', 'aisne', '02408', 'Laon'),
      d('59', 'Nord', 'nord', '59350', 'Lille'),
      d('60', 'Oise', 'oise', '60057', 'Beauvais'),
      d('62', 'Pas-de-Calais', 'pas-de-calais', '62041', 'Arras'),
      d('80', 'Somme', 'somme', '80021', 'Amiens'),
    ],
  },
  {
    code: '52',
    name: 'Pays de la Loire',
    slug: 'pays-de-la-loire',
    weight: 2,
    departements: [
      d('44', 'Loire-Atlantique', 'loire-atlantique', '44109', 'Nantes'),
      d('49', 'Maine-et-Loire', 'maine-et-loire', '49007', 'Angers'),
      d('53', 'Mayenne', 'mayenne', '53130', 'Laval'),
      d('72', 'Sarthe', 'sarthe', '72181', 'Le Mans'),
      d('85', 'Vendée', 'vendee', '85191', 'La Roche-sur-Yon'),
    ],
  },
  {
    code: '93',
    name: 'Provence-Alpes-Côte d’Azur',
    slug: 'paca',
    weight: 2,
    departements: [
      d('04', 'Alpes-de-Haute-Provence', 'alpes-de-haute-provence', '04070', 'Digne-les-Bains'),
      d('05', 'Hautes-Alpes', 'hautes-alpes', '05061', 'Gap'),
      d('06', 'Alpes-Maritimes', 'alpes-maritimes', '06088', 'Nice'),
      d('13', 'Bouches-du-Rhône', 'bouches-du-rhone', '13055', 'Marseille'),
      d('83', 'Var', 'var', '83137', 'Toulon'),
      d('84', 'Vaucluse', 'vaucluse', '84007', 'Avignon'),
    ],
  },
  {
    code: '94',
    name: 'Corse',
    slug: 'corse',
    weight: 1,
    departements: [d('2A', 'Corse-du-Sud', 'corse-du-sud', '2A004', 'Ajaccio'), d('2B', 'Haute-Corse', 'haute-corse', '2B033', 'Bastia')],
  },
  {
    code: '01',
    name: 'Guadeloupe',
    slug: 'guadeloupe',
    weight: 1,
    departements: [d('971', 'Guadeloupe', 'guadeloupe', '97105', 'Basse-Terre')],
  },
];

export const COMMUNE_PREFIXES = ['Saint-', 'Sainte-', 'Le ', 'La ', 'Les ', '', '', ''];
export const COMMUNE_ROOTS = [
  'Étival', 'Thaon', 'Bruyères', 'Œting', 'Mirecourt', 'Châtel', 'Gérardmer', 'Plombières', 'Éloyes', 'Aÿ',
  'Bœurs', 'Cœuvres', 'Lœuilly', 'Vittel', 'Contrexéville', 'Neufchâteau', 'Hérival', 'Fontenoy', 'Maël', 'Noë',
];
export const COMMUNE_SUFFIXES = ['', '', '', '-sur-Moselle', '-en-Vôge', '-lès-Bains', '-aux-Bois', '-le-Château', '-d’Arve'];

export const TITLE_TEMPLATES = [
  'Maison de santé pluriprofessionnelle de {place}',
  'Prévention du diabète et de l’obésité à {place}',
  'Main-d’œuvre soignante : attirer les jeunes professionnels à {place}',
  'Téléconsultation en EHPAD — {place}',
  'Cœur de santé {n} : accès aux soins à {place}',
  'Former les infirmiers en pratique avancée ({place})',
  'Service d’accès aux soins (SAS) de {place}',
  'Équipe mobile de gériatrie à {place}',
  'Fidéliser les internes : logement à {place}',
  'Santé mentale des jeunes, {place}',
  'Bus de prévention bucco-dentaire {n}',
  'Centre de soins non programmés de {place}',
];
export const PORTEURS = [
  'ARS {region}',
  'CPTS de {place}',
  'Centre hospitalier de {place}',
  'Mairie de {place}',
  'Université de {place}',
  'Maison de santé de {place}',
  'Conseil départemental {dept}',
  'Association Œuvre de santé {place}',
];
export const PARTENAIRES = [
  'Assurance maladie',
  'Ordre des médecins',
  'URPS médecins libéraux',
  'Éducation nationale',
  'Conseil régional {region}',
  'Mutualité française',
  'Protection maternelle et infantile',
  'Caisse d’allocations familiales',
];
export const OBJECTIFS = [
  'Améliorer l’accès à un médecin traitant pour les patients en affection de longue durée à {place}.',
  'Réduire le recours aux urgences pour les soins non programmés en journée.',
  'Renforcer l’attractivité des métiers du soin auprès des lycéens et des étudiants.',
  'Développer la prévention dans le quotidien : activité physique, nutrition, santé sexuelle.',
  'Coordonner les professionnels de ville et l’hôpital autour du parcours de la personne âgée.',
  'Mettre en œuvre un guichet unique d’installation pour les jeunes médecins.',
];
export const PUBLICS = ['Jeunes', 'Personnes âgées', 'Patients sans médecin traitant', 'Étudiants en santé', 'Familles'];
export const STATUSES: readonly ProjectStatus[] = PROJECT_STATUSES;
export const PRESENTATIONS: ProjectPresentation[] = ['atelier', 'echange-partenaires', 'retour-terrain', 'autre'];
export const PHASES = ['2022-dialogues', '2023-acte-2'];

/** The axes of both thématiques (their real labels), each citing `source`. */
export function syntheticAxes(source: SourceRef): Axis[] {
  return [
    { id: 'sante-1', thematique: 'sante', number: 1, label: 'Accès à un médecin traitant ou à une équipe traitante', shortLabel: 'Accès', source },
    { id: 'sante-2', thematique: 'sante', number: 2, label: 'Continuité des soins et soins non programmés', shortLabel: 'Continuité', source },
    {
      id: 'sante-3',
      thematique: 'sante',
      number: 3,
      label: 'Attractivité des métiers de la santé',
      shortLabel: 'Attractivité',
      subgroups: [
        { id: 'sante-3-former', label: 'Former' },
        { id: 'sante-3-attirer', label: 'Attirer' },
        { id: 'sante-3-fideliser', label: 'Fidéliser' },
      ],
      source,
    },
    { id: 'sante-4', thematique: 'sante', number: 4, label: 'Prévention dans le quotidien', shortLabel: 'Prévention', source },
    { id: 'education-1', thematique: 'education', number: 1, label: 'Bien-être des élèves et climat scolaire', source },
    { id: 'education-2', thematique: 'education', number: 2, label: 'Réussite et épanouissement de chaque élève', source },
    { id: 'education-3', thematique: 'education', number: 3, label: 'L’école ouverte sur son territoire', source },
  ];
}

export const SANTE_AXES: readonly string[] = ['sante-1', 'sante-2', 'sante-3', 'sante-4'];
export const SANTE_3_SUBGROUPS: readonly string[] = ['sante-3-former', 'sante-3-attirer', 'sante-3-fideliser'];
