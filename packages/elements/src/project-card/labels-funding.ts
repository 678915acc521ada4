import { summedAmount, type Funding } from '@cnr-widgets/sdk';

/** What the funding records naming a project bring to its card. */
export interface ProjectFunding {
  /** Euros summed by the SDK's rule (`summedAmount`: envelope, delegated, engaged, allocation), a share of an envelope also counted left out. */
  total: number;
  /** True when one of them also names other projects (the amount is shared, not the project's own). */
  shared: boolean;
  /** Euros asked for (`requested`): a demand, never shown as funding; 0 when none. */
  requested: number;
  /** The reasonings of the deduced records behind `total` or `requested`. */
  deduced: string[];
}

/**
 * Per project, the funding the card shows: summed amounts (never a `requested`
 * one, which is kept apart; a `support` has none), each record once; a record
 * drawn from an envelope that also names the project is left out (the
 * envelope already holds it).
 */
export function fundingsByProject(fundings: readonly Funding[]): Map<string, ProjectFunding> {
  const byProject = new Map<string, Funding[]>();
  for (const funding of fundings) {
    for (const id of new Set(funding.projects ?? [])) {
      const list = byProject.get(id);
      if (list) list.push(funding);
      else byProject.set(id, [funding]);
    }
  }
  const map = new Map<string, ProjectFunding>();
  for (const [id, list] of byProject) {
    const ids = new Set(list.filter((funding) => summedAmount(funding) !== undefined).map((funding) => funding.id));
    const entry: ProjectFunding = { total: 0, shared: false, requested: 0, deduced: [] };
    for (const funding of list) {
      const amount = summedAmount(funding);
      let counted = false;
      if (amount !== undefined && !(funding.envelope !== undefined && ids.has(funding.envelope))) {
        entry.total += amount;
        entry.shared ||= (funding.projects?.length ?? 0) > 1;
        counted = true;
      } else if (funding.kind === 'requested') {
        entry.requested += funding.amount;
        counted = true;
      }
      if (counted && funding.derivation?.kind === 'deduced') entry.deduced.push(funding.derivation.reasoning);
    }
    if (entry.total > 0 || entry.requested > 0) map.set(id, entry);
  }
  return map;
}
