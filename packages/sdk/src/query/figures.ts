import { FIGURE_METRICS, isUnattributed } from '../schemas/collections.js';
import type { ConcertationFigures, FigureMetric } from '../schemas/figures.js';
import { descendantsOf, resolveTerritory, type DatasetIndex } from './dataset-index.js';
import type { FiguresQuery, FiguresTotal } from './types.js';


/** True when some strict ancestor of `territory` (per the hierarchy) is in `holders`. */
function hasAncestorIn(index: DatasetIndex, territory: string, holders: ReadonlySet<string>): boolean {
  const seen = new Set<string>([territory]);
  const stack = [...(index.territoryParents.get(territory) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    // In a cycle (bad data) two territories are each other's ancestor: keep the smaller id.
    if (holders.has(id) && (!descendantsOf(index, territory).has(id) || id < territory)) return true;
    const above = index.territoryParents.get(id);
    if (above) for (const parent of above) if (!seen.has(parent)) stack.push(parent);
  }
  return false;
}

/** The fields of a figures record whose deduction bears on a metric's value where it is counted. */
const PLACING_FIELDS = ['territory', 'phase'];

/** The reasoning when `metric` of `record` (as summed) rests on a deduction, otherwise undefined. */
function deductionFor(record: ConcertationFigures, metric: FigureMetric): string | undefined {
  const derivation = record.derivation;
  if (derivation?.kind !== 'deduced') return undefined;
  const fields = derivation.fields;
  return fields === undefined || fields.includes(metric) || fields.some((f) => PLACING_FIELDS.includes(f))
    ? derivation.reasoning
    : undefined;
}

/** A figures record with a stated territory. */
type Placed = ConcertationFigures & { territory: string };
const isPlaced = (record: ConcertationFigures): record is Placed => !isUnattributed(record);

function latestDate(records: readonly ConcertationFigures[]): string {
  let latest = '';
  for (const record of records) {
    const date = record.periodEnd ?? record.periodStart ?? '';
    if (date > latest) latest = date;
  }
  return latest;
}

/**
 * The figures whose territory the documents do not state (a « non attribué »
 * view): records without a `territory` or with `derivation.kind`
 * `unattributed`, in dataset order, optionally of one thématique and phase.
 * None of them is ever in `sumFigures`.
 */
export function unattributedFigures(
  index: DatasetIndex,
  query: Pick<FiguresQuery, 'thematique' | 'phase'> = {},
): ConcertationFigures[] {
  const phase = query.phase?.trim() || undefined;
  return index.figures.filter(
    (record) =>
      isUnattributed(record) &&
      (query.thematique === undefined || record.thematique === query.thematique) &&
      (phase === undefined || record.phase === phase),
  );
}

/**
 * Concertation figures of a territory (with hierarchy), a thématique and a phase.
 *
 * Rule, per phase and per metric: take the records of the territory and of
 * every territory below it (see `descendantsOf`) that state the metric, and
 * keep only the topmost ones — a record is dropped when a territory above it
 * (its département, région, or a TDS covering it) also has one. So a
 * territory's own record is used when it exists, and otherwise its
 * descendants' records are summed without counting a parent with its
 * children. Two records for the same territory and phase are the same fact
 * restated: the first in dataset order is used. With no territory, every
 * territory's records compete the same way (records of unknown territories
 * included). With no phase, each metric comes from one phase, never a sum of
 * phases — phases are successive reports, often cumulative (« plus de 250
 * réunions » in Acte I, « plus de 450 réunions se sont déjà tenues » a year
 * later), so adding them would count the same meetings twice. The phase is the
 * latest one in which the territory itself states the metric (with no
 * territory: a top-level territory such as the country); only when none does,
 * the latest phase of the records below it. A phase's date
 * for a metric is the latest `periodEnd` (or `periodStart`) of its records
 * that state the metric; undated phases
 * come first, then ties keep dataset order. A metric no record states is absent (not zero). `reunions` is taken
 * as stated, never derived from `meetings`. An unattributed record (no
 * `territory`, or `derivation.kind` `unattributed`) is never summed, with or
 * without a territory filter; targets and proportions are not metrics.
 */
export function sumFigures(index: DatasetIndex, query: FiguresQuery = {}): FiguresTotal {
  const raw = query.territory?.trim();
  const territory = raw ? (resolveTerritory(index, raw)?.id ?? raw) : undefined;
  const below = territory === undefined ? undefined : descendantsOf(index, territory);
  const phase = query.phase?.trim() || undefined;

  const byPhase = new Map<string, Placed[]>();
  for (const record of index.figures) {
    // Unattributed figures (no stated territory) are in no territory's sum, not even the country's.
    if (!isPlaced(record)) continue;
    if (query.thematique !== undefined && record.thematique !== query.thematique) continue;
    if (phase !== undefined && record.phase !== phase) continue;
    if (territory !== undefined && record.territory !== territory && !below!.has(record.territory)) continue;
    const list = byPhase.get(record.phase);
    if (list) list.push(record);
    else byPhase.set(record.phase, [record]);
  }

  const result: FiguresTotal = { records: [] };
  if (territory !== undefined) result.territory = territory;
  const used = new Set<ConcertationFigures>();
  const approximate: FigureMetric[] = [];
  const deduced: NonNullable<FiguresTotal['deduced']> = [];

  for (const metric of FIGURE_METRICS) {
    let sum: number | undefined;
    let approx = false;
    let usedHere: Placed[] = [];
    // Phases in rising preference (see the rule above): a phase in which the
    // territory itself states the metric beats one that only has records
    // below it; then the later report wins.
    const phases = [...byPhase.values()]
      .map((records, order) => {
        const stating = records.filter((r) => r[metric] !== undefined);
        const own = stating.some((r) => (territory === undefined ? (index.territoryParents.get(r.territory)?.length ?? 0) === 0 : r.territory === territory));
        return { records, order, own: own ? 1 : 0, date: latestDate(stating) };
      })
      .sort((a, b) => a.own - b.own || (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1));
    for (const { records } of phases) {
      const first = new Map<string, Placed>();
      for (const record of records) {
        if (record[metric] !== undefined && !first.has(record.territory)) first.set(record.territory, record);
      }
      if (first.size === 0) continue;
      // A later phase replaces an earlier one for this metric.
      sum = 0;
      approx = false;
      usedHere = [];
      const holders = new Set(first.keys());
      for (const [id, record] of first) {
        if (hasAncestorIn(index, id, holders)) continue;
        sum += record[metric]!;
        usedHere.push(record);
        const qualifier = record.qualifiers?.[metric];
        if (qualifier !== undefined && qualifier !== 'exact') approx = true;
      }
    }
    for (const record of usedHere) {
      used.add(record);
      const reasoning = deductionFor(record, metric);
      if (reasoning !== undefined) deduced.push({ metric, record: record.id, reasoning });
    }
    if (sum !== undefined) result[metric] = sum;
    if (approx) approximate.push(metric);
  }

  result.records = index.figures.filter((record) => used.has(record)).map((record) => record.id);
  if (approximate.length > 0) result.approximate = approximate;
  if (deduced.length > 0) result.deduced = deduced;
  return result;
}
