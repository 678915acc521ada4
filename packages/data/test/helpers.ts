// Typed views of the merged dataset for the tests (no dependency on the SDK at runtime).
import { mergeDataset } from '../scripts/merge.mjs';

export interface Source {
  document: string;
  excerpt: string;
}
export interface Derivation {
  kind: 'stated' | 'deduced' | 'unattributed';
  reasoning?: string;
  fields?: string[];
  position?: string;
  candidateTerritory?: string;
}
export interface Territory {
  id: string;
  kind: string;
  code: string;
  name: string;
  parent?: string;
  covers?: string[];
  partial?: boolean;
  population?: number;
  populationDate?: string;
  populationSource?: Source;
  derivation?: Derivation;
  source?: Source;
}
export interface Axis {
  id: string;
  thematique: string;
  number: number;
  subgroups?: { id: string; label: string }[];
  source: Source;
}
export interface Solution {
  id: string;
  axis: string;
  subgroup?: string;
  title: string;
  territory: string;
  source: Source;
}
export interface Project {
  id: string;
  thematique: string;
  title: string;
  porteurs: string[];
  axes: string[];
  solution?: string;
  territories: string[];
  status?: string;
  stage?: string;
  presentation?: string;
  derivation?: Derivation;
  source: Source;
}
export interface Funding {
  id: string;
  kind: string;
  thematique: string;
  funder: string;
  /** Absent for a `support`. */
  amount?: number;
  qualifier?: string;
  year?: number;
  durationYears?: number;
  territory?: string;
  projects?: string[];
  envelope?: string;
  derivation?: Derivation;
  source: Source;
}
export interface Figures {
  id: string;
  thematique: string;
  /** Absent for an unattributed figure. */
  territory?: string;
  phase: string;
  meetings?: { kind: string; count: number }[];
  counts?: { label: string; count: number; qualifier?: string }[];
  targets?: { label: string; count: number; qualifier?: string }[];
  proportions?: { label: string; percent: number; qualifier?: string }[];
  qualifiers?: Record<string, string>;
  derivation?: Derivation;
  source: Source;
  [metric: string]: unknown;
}
export interface Milestone {
  id: string;
  date: string;
  endDate?: string;
  title: string;
  kind?: string;
  thematique?: string;
  territory?: string;
  derivation?: Derivation;
  source: Source;
}
export interface Instance {
  id: string;
  kind: string;
  name: string;
  territory: string;
  composition?: { members?: number; membersQualifier?: string; mandateYears?: number; mandateRenewable?: boolean; colleges?: number; source: Source };
  counts?: { label: string; count: number; source: Source }[];
  derivation?: Derivation;
  source: Source;
}
export interface Document {
  id: string;
  title: string;
  publisher: string;
  date?: string;
  file?: string;
  derivation?: Derivation;
}
export interface Dataset {
  version: string;
  generatedAt: string;
  referential?: { name: string; edition: string };
  documents: Document[];
  territories: Territory[];
  axes: Axis[];
  solutions: Solution[];
  projects: Project[];
  fundings: Funding[];
  figures: Figures[];
  milestones: Milestone[];
  instances: Instance[];
}

export const dataset = mergeDataset() as unknown as Dataset;

const territoriesById = new Map(dataset.territories.map((t) => [t.id, t]));

/** The territory and every enclosing one, up to pays:FR. */
export function ancestry(id: string): string[] {
  const chain: string[] = [];
  let current: string | undefined = id;
  while (current !== undefined && !chain.includes(current)) {
    chain.push(current);
    current = territoriesById.get(current)?.parent;
  }
  return chain;
}

/** The département a territory lies in (itself when it is one). */
export function departementOf(id: string): string | undefined {
  return ancestry(id).find((t) => t.startsWith('departement:'));
}

/** Every record of every collection, with its collection's name. */
export function allRecords(): [string, { id: string; derivation?: Derivation; [key: string]: unknown }][] {
  const names = ['documents', 'territories', 'axes', 'solutions', 'projects', 'fundings', 'figures', 'milestones', 'instances'] as const;
  return names.flatMap((name) =>
    (dataset[name] as unknown as { id: string; derivation?: Derivation }[]).map((r) => [name, r] as [string, typeof r]),
  );
}
