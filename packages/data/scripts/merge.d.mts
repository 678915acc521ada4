export declare const packageDir: string;
export declare const srcDir: string;
export declare const COLLECTIONS: readonly [
  'documents',
  'territories',
  'axes',
  'solutions',
  'projects',
  'fundings',
  'figures',
  'milestones',
  'instances',
];
export type CollectionName = (typeof COLLECTIONS)[number];
export interface SourceRef {
  document: string;
  excerpt: string;
  page?: number;
}
export interface MergedRecord {
  id: string;
  source?: SourceRef;
  [key: string]: unknown;
}
export type MergedDataset = {
  version: string;
  generatedAt: string;
  referential?: { name: string; edition: string };
  [key: string]: unknown;
} & Record<CollectionName, MergedRecord[]>;
export declare function mergeDataset(dir?: string): MergedDataset;
export declare const REFERENTIAL_KINDS: readonly ['pays', 'region', 'departement', 'tds'];
export declare function referentialOf(dataset: MergedDataset): MergedDataset;
