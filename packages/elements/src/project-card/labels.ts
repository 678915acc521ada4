import type { CnrClient, SourceDocument, Territory } from '@cnr-widgets/sdk';
import { fundingsByProject, type ProjectFunding } from './labels-funding.js';

export type { ProjectFunding };

/** The lookups a card (or a list naming its filters) makes to show names instead of ids. */
export interface Labels {
  /** Axis and sub-group id → short label. */
  axes: Map<string, string>;
  /** Territory id (`departement:88`) → territory. */
  territories: Map<string, Territory>;
  /** Document id → document. */
  documents: Map<string, SourceDocument>;
  /** Project id → its funding, from the funding records that name it (see `fundingsByProject`). */
  fundings: Map<string, ProjectFunding>;
}

export type LabelKind = keyof Labels;

type Cache = { [K in LabelKind]?: Promise<Labels[K]> };

/** One lookup per client and kind, shared by every card of the page. */
const caches = new WeakMap<CnrClient, Cache>();

/** The lookups that have succeeded, by client: a card rendered after them takes them in its first render. */
const settled = new WeakMap<CnrClient, Partial<Labels>>();

/** The names of one kind when their lookup has succeeded already; undefined while pending or never asked. */
export function knownLabels<K extends LabelKind>(client: CnrClient, kind: K): Labels[K] | undefined {
  return settled.get(client)?.[kind] as Labels[K] | undefined;
}

/** Whether the names of one kind are looked up already (a list does it with its page): a card then takes them at once. */
export function lookedUp(client: CnrClient, kind: LabelKind): boolean {
  return caches.get(client)?.[kind] !== undefined;
}

async function fetchLabels<K extends LabelKind>(client: CnrClient, kind: K): Promise<Labels[K]> {
  switch (kind) {
    case 'axes': {
      const map = new Map<string, string>();
      for (const axis of (await client.axes()).data) {
        map.set(axis.id, axis.shortLabel ?? axis.label);
        for (const subgroup of axis.subgroups ?? []) map.set(subgroup.id, subgroup.label);
      }
      return map as Labels[K];
    }
    case 'territories': {
      const map: Labels['territories'] = new Map();
      for (const territory of (await client.territories()).data) map.set(territory.id, territory);
      return map as Labels[K];
    }
    case 'documents': {
      const map = new Map<string, SourceDocument>();
      for (const document of (await client.documents()).data) map.set(document.id, document);
      return map as Labels[K];
    }
    default: {
      // Only a source holding the whole document has the funding records; the REST
      // contract has no per-project funding, so nothing is shown rather than guessed.
      if (client.kind === 'rest') return new Map() as Labels[K];
      const { dataset } = await client.load();
      const map: Labels['fundings'] = fundingsByProject(dataset.fundings);
      return map as Labels[K];
    }
  }
}

/**
 * The names behind the ids of one kind, looked up once per client. A failed
 * lookup is forgotten (the next caller tries again) and rejects; callers then
 * show the ids.
 */
export function lookupLabels<K extends LabelKind>(client: CnrClient, kind: K): Promise<Labels[K]> {
  let cache = caches.get(client);
  if (cache === undefined) {
    cache = {};
    caches.set(client, cache);
  }
  const known = cache[kind];
  if (known) return known;
  const pending = fetchLabels(client, kind);
  cache[kind] = pending as Cache[K];
  pending.then(
    (labels) => {
      if (cache[kind] !== pending) return;
      let done = settled.get(client);
      if (done === undefined) settled.set(client, (done = {}));
      done[kind] = labels;
    },
    () => {
      if (cache[kind] === pending) delete cache[kind];
    },
  );
  return pending;
}
