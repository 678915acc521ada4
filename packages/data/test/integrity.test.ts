// Ids are unique and well-formed, and every reference between records resolves.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../scripts/merge.mjs';
import { allRecords, ancestry, dataset } from './helpers.js';

const IDENTIFIER = /^[a-z0-9][a-z0-9._:-]*$/i;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-Q[1-4])?$/;

const ids = (records: { id: string }[]) => new Set(records.map((r) => r.id));
const documents = ids(dataset.documents);
const territories = ids(dataset.territories);
const axes = ids(dataset.axes);
const solutions = ids(dataset.solutions);
const projects = ids(dataset.projects);
const fundings = ids(dataset.fundings);

/** Every `[where, reference, targets]` of the dataset. */
function references(): [string, string, Set<string>][] {
  const refs: [string, string, Set<string>][] = [];
  for (const t of dataset.territories) {
    if (t.parent) refs.push([`territories/${t.id}.parent`, t.parent, territories]);
    for (const c of t.covers ?? []) refs.push([`territories/${t.id}.covers`, c, territories]);
  }
  for (const s of dataset.solutions) {
    refs.push([`solutions/${s.id}.axis`, s.axis, axes]);
    refs.push([`solutions/${s.id}.territory`, s.territory, territories]);
  }
  for (const p of dataset.projects) {
    for (const a of p.axes) refs.push([`projects/${p.id}.axes`, a, axes]);
    if (p.solution) refs.push([`projects/${p.id}.solution`, p.solution, solutions]);
    for (const t of p.territories) refs.push([`projects/${p.id}.territories`, t, territories]);
  }
  for (const f of dataset.fundings) {
    if (f.territory) refs.push([`fundings/${f.id}.territory`, f.territory, territories]);
    if (f.envelope) refs.push([`fundings/${f.id}.envelope`, f.envelope, fundings]);
    for (const p of f.projects ?? []) refs.push([`fundings/${f.id}.projects`, p, projects]);
  }
  for (const f of dataset.figures) {
    if (f.territory) refs.push([`figures/${f.id}.territory`, f.territory, territories]);
    const candidate = f.derivation?.candidateTerritory;
    if (candidate) refs.push([`figures/${f.id}.derivation.candidateTerritory`, candidate, territories]);
  }
  for (const t of dataset.territories) {
    if (t.populationSource) refs.push([`territories/${t.id}.populationSource.document`, t.populationSource.document, documents]);
  }
  for (const i of dataset.instances) {
    if (i.composition) refs.push([`instances/${i.id}.composition.source.document`, i.composition.source.document, documents]);
    for (const c of i.counts ?? []) refs.push([`instances/${i.id}.counts.source.document`, c.source.document, documents]);
  }
  for (const m of dataset.milestones) if (m.territory) refs.push([`milestones/${m.id}.territory`, m.territory, territories]);
  for (const i of dataset.instances) refs.push([`instances/${i.id}.territory`, i.territory, territories]);
  for (const name of COLLECTIONS) {
    for (const record of dataset[name] as { id: string; source?: { document: string } }[]) {
      if (record.source) refs.push([`${name}/${record.id}.source.document`, record.source.document, documents]);
    }
  }
  return refs;
}

describe('ids', () => {
  it.each(COLLECTIONS)('%s: unique and well-formed', (name) => {
    const records = dataset[name] as { id: string }[];
    expect(records.length).toBeGreaterThan(0);
    expect(ids(records).size).toBe(records.length);
    expect(records.map((r) => r.id).filter((id) => !IDENTIFIER.test(id))).toEqual([]);
  });

  it('territory ids are <kind>:<code>', () => {
    expect(dataset.territories.filter((t) => t.id !== `${t.kind}:${t.code}`).map((t) => t.id)).toEqual([]);
  });
});

describe('references', () => {
  it('every reference resolves', () => {
    expect(references().filter(([, ref, targets]) => !targets.has(ref)).map(([where, ref]) => `${where} → ${ref}`)).toEqual([]);
  });

  it('every territory leads up to pays:FR, by kind (commune/EPCI → département → région → pays)', () => {
    const rank: Record<string, number> = { commune: 0, epci: 0, departement: 1, tds: 1, region: 2, pays: 3 };
    const byId = new Map(dataset.territories.map((t) => [t.id, t]));
    for (const t of dataset.territories) {
      expect(ancestry(t.id).at(-1), t.id).toBe('pays:FR');
      const parent = t.parent ? byId.get(t.parent) : undefined;
      if (t.kind !== 'pays') expect(rank[parent!.kind]!, t.id).toBeGreaterThan(rank[t.kind]!);
    }
  });

  it('a TDS covers départements of its own région', () => {
    for (const t of dataset.territories.filter((x) => x.kind === 'tds')) {
      expect(t.covers?.length, t.id).toBeGreaterThan(0);
      for (const c of t.covers ?? []) expect(ancestry(c)[1], `${t.id} covers ${c}`).toBe(t.parent);
    }
  });

  it('a solution’s sub-group belongs to its axis; an envelope reference points at an envelope', () => {
    for (const s of dataset.solutions.filter((x) => x.subgroup)) {
      const axis = dataset.axes.find((a) => a.id === s.axis);
      expect(axis?.subgroups?.map((g) => g.id), s.id).toContain(s.subgroup);
    }
    for (const f of dataset.fundings.filter((x) => x.envelope)) {
      expect(dataset.fundings.find((e) => e.id === f.envelope)?.kind, f.id).toBe('envelope');
    }
  });

  it('every document is cited, and every record but the referential has a short excerpt', () => {
    const cited = new Set(references().filter(([where]) => where.endsWith('.source.document')).map(([, ref]) => ref));
    expect([...documents].filter((d) => !cited.has(d))).toEqual([]);
    for (const name of COLLECTIONS) {
      for (const record of dataset[name] as { id: string; kind?: string; source?: { excerpt: string } }[]) {
        const fromReferential = name === 'territories' && record.kind !== 'tds';
        if (name === 'documents' || fromReferential) continue;
        expect(record.source?.excerpt.trim().length, `${name}/${record.id}`).toBeGreaterThan(0);
        expect(record.source!.excerpt.length, `${name}/${record.id}`).toBeLessThanOrEqual(450);
      }
    }
  });

  it('dates are partial ISO dates', () => {
    const dates = [
      ...dataset.documents.map((d) => d.date),
      ...dataset.milestones.flatMap((m) => [m.date, m.endDate]),
      ...dataset.territories.map((t) => t.populationDate),
      ...dataset.figures.flatMap((f) => [f['periodStart'], f['periodEnd']]),
    ].filter((d): d is string => typeof d === 'string');
    expect(dates.filter((d) => !PARTIAL_DATE.test(d))).toEqual([]);
    expect(Number.isNaN(Date.parse(dataset.generatedAt))).toBe(false);
  });
});

describe('how strongly each value is supported (derivation)', () => {
  const PHASES = ['acte-1', 'acte-2', 'bilan', 'evenement', 'annee-scolaire', 'rentree', 'objectifs'];

  it('every deduced value has its reasoning, in words, and names real fields', () => {
    const deduced = allRecords().filter(([, r]) => r.derivation?.kind === 'deduced');
    expect(deduced.length).toBeGreaterThan(30);
    for (const [name, r] of deduced) {
      expect(r.derivation!.reasoning?.trim().length ?? 0, `${name}/${r.id}`).toBeGreaterThan(60);
      for (const field of r.derivation!.fields ?? []) expect(r, `${name}/${r.id}: ${field}`).toHaveProperty(field);
    }
  });

  it('unattributed figures have no territory, a described position, and a candidate only as such', () => {
    const unattributed = dataset.figures.filter((f) => f.derivation?.kind === 'unattributed');
    expect(unattributed).toHaveLength(14);
    for (const f of unattributed) {
      expect(f.territory, f.id).toBeUndefined();
      expect(f.derivation!.position?.length ?? 0, f.id).toBeGreaterThan(20);
      expect(f.derivation!.reasoning?.length ?? 0, f.id).toBeGreaterThan(20);
    }
    // A figure without a territory is always marked unattributed, and only figures may be.
    for (const f of dataset.figures.filter((x) => x.territory === undefined)) expect(f.derivation?.kind, f.id).toBe('unattributed');
    expect(allRecords().filter(([name, r]) => name !== 'figures' && r.derivation?.kind === 'unattributed')).toEqual([]);
    expect(unattributed.filter((f) => f.derivation?.candidateTerritory).map((f) => f.derivation!.candidateTerritory).sort()).toEqual([
      'region:11',
      'region:44',
    ]);
  });

  it('figures use one vocabulary of phases', () => {
    expect(dataset.figures.filter((f) => !PHASES.includes(f.phase)).map((f) => `${f.id}: ${f.phase}`)).toEqual([]);
  });

  it('a share names its envelope, which holds at least the share; an envelope is never a share of itself', () => {
    for (const f of dataset.fundings.filter((x) => x.envelope)) {
      const envelope = dataset.fundings.find((e) => e.id === f.envelope)!;
      expect(envelope.kind, f.id).toBe('envelope');
      expect(envelope.amount!, f.id).toBeGreaterThanOrEqual(f.amount!);
      expect(envelope.envelope, f.id).toBeUndefined();
    }
    // Support has no amount; every other kind has one.
    for (const f of dataset.fundings) expect(f.amount === undefined, f.id).toBe(f.kind === 'support');
  });
});

describe('build output', () => {
  const built = fileURLToPath(new URL('../dist/cnr-dataset.json', import.meta.url));
  // Under CI (`CI=true`) the build ran first (scripts/test.sh): a missing build fails, it is not skipped.
  const ci = /^(true|1)$/i.test(process.env['CI'] ?? '');
  it.runIf(existsSync(built) || ci)('dist/cnr-dataset.json is up to date with src/ (run `pnpm build`)', () => {
    expect(existsSync(built), 'packages/data/dist/cnr-dataset.json is missing: run `pnpm build` first').toBe(true);
    expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(dataset);
  });
});
