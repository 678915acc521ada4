import { summedAmount } from '../schemas/collections.js';
import type { Funding } from '../schemas/funding.js';
import type { DatasetIndex } from './dataset-index.js';
import { compileFilters, filterEntries, type CompiledFilters } from './filter.js';
import { compareFrench } from './normalize.js';
import type { FundingTotal, ProjectFilters } from './types.js';

/** Rounds a sum of euros to the cent (sums of floats drift). */
function toCents(value: number): number {
  return Math.round(value * 100) / 100;
}

function inYears(year: number | undefined, f: CompiledFilters, required: boolean): boolean {
  if (f.yearFrom === undefined && f.yearTo === undefined) return true;
  if (year === undefined) return !required;
  return year >= (f.yearFrom ?? -Infinity) && year <= (f.yearTo ?? Infinity);
}

/**
 * Total funding of the selection `filters` describes, with no amount counted twice.
 *
 * Which records are relevant:
 * 1. every funding naming a project that `filterProjects(filters)` returns,
 *    when it also matches `thematique`, `funder` and the year range (a record
 *    without a year is kept: its project already matched the range);
 * 2. funding records naming no project (envelopes, territorial amounts), when
 *    no filter on the projects themselves is set (`axes`, `solution`,
 *    `statuses`, `q`: such an amount cannot be said to fund, say, axis 3):
 *    those whose `territory` is the filter territory or lies below it — or
 *    every one when no territory filter is set (one without a territory only
 *    then) — and that match `thematique`, `funder` and the year range (a year
 *    is then required).
 *
 * Kinds: `envelope`, `delegated`, `engaged` and `allocation` amounts are
 * summed (`SUMMED_FUNDING_KINDS`); a `requested` amount (what projects
 * represent or ask) is a demand, never added to money reserved or given, and a
 * `support` has no amount: both are left out of every total.
 *
 * De-duplication: a record is summed once however many selected projects it
 * names (a shared allocation); and a record drawn, directly or through other
 * envelopes, from an envelope that is itself summed is left out, because the
 * envelope's amount already contains it (a share linked to its envelope by
 * `envelope`, such as a région's delegated part of a national envelope). A record naming projects of which
 * none is selected is never counted (an allocation to another territory's or
 * another axis's project).
 *
 * `deduced` lists the relevant records (summed, or left out for their
 * envelope) whose `derivation` is `deduced`, with the reasoning.
 */
export function totalFunding(index: DatasetIndex, filters: ProjectFilters = {}): FundingTotal {
  const f = compileFilters(index, filters);
  const fundings = index.fundings;
  const keys = index.fundingFunderKeys;
  const matches = (funding: Funding, position: number, yearRequired: boolean): boolean =>
    summedAmount(funding) !== undefined &&
    (f.thematique === undefined || funding.thematique === f.thematique) &&
    (f.funder === undefined || keys[position] === f.funder) &&
    inYears(funding.year, f, yearRequired);

  const selected = new Set<number>();
  for (const entry of filterEntries(index, f)) {
    for (const position of entry.fundings) {
      if (!selected.has(position) && matches(fundings[position]!, position, false)) selected.add(position);
    }
  }
  if (!f.hasProjectFilter) {
    fundings.forEach((funding, position) => {
      if (funding.projects !== undefined && funding.projects.length > 0) return;
      if (f.territory !== undefined) {
        if (funding.territory === undefined) return;
        if (funding.territory !== f.territory && !f.territoryDescendants!.has(funding.territory)) return;
      }
      if (matches(funding, position, true)) selected.add(position);
    });
  }

  const summed = [...selected]
    .filter((position) => !index.fundingEnvelopes[position]!.some((envelope) => selected.has(envelope)))
    .sort((a, b) => a - b);
  const deduced: NonNullable<FundingTotal['deduced']> = [];
  for (const position of [...selected].sort((a, b) => a - b)) {
    const derivation = fundings[position]!.derivation;
    if (derivation?.kind === 'deduced') deduced.push({ funding: fundings[position]!.id, reasoning: derivation.reasoning });
  }

  let total = 0;
  const byFunder = new Map<string, number>();
  const documents = new Set<string>();
  for (const position of summed) {
    const funding = fundings[position]!;
    const amount = summedAmount(funding)!;
    total += amount;
    const key = keys[position]!;
    byFunder.set(key, (byFunder.get(key) ?? 0) + amount);
    documents.add(funding.source.document);
  }
  const result: FundingTotal = {
    total: toCents(total),
    fundings: summed.map((position) => fundings[position]!.id),
    byFunder: [...byFunder]
      .map(([key, amount]) => ({ funder: index.funderLabels.get(key) ?? key, total: toCents(amount) }))
      .sort((a, b) => b.total - a.total || compareFrench(a.funder, b.funder)),
    documents: [...documents].sort(),
  };
  if (deduced.length > 0) result.deduced = deduced;
  return result;
}
