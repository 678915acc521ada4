// Issue 17 in the client and in producers' messages: the unattributed figures
// are reachable through the client (embedded/static; REST says it cannot), and
// a wrong `kind` or an amount on a support is reported in words a producer can act on.
import { describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { CnrError } from './errors.js';
import type { DataSource } from './sources/types.js';
import { parseDataset } from './validation/index.js';

const source = { document: 'doc-1', excerpt: 'extrait' };
const document = {
  documents: [{ id: 'doc-1', title: 'Doc', publisher: 'ARS', kind: 'rapport' }],
  fundings: [
    { id: 'soutien', kind: 'support', thematique: 'sante', label: 'Soutien', funder: 'ARS', amount: 5_000, source },
    { id: 'mauvais-kind', kind: 'subvention', thematique: 'sante', label: 'X', funder: 'ARS', amount: 1, source },
  ],
  projects: [
    {
      id: 'p-derivation',
      thematique: 'sante',
      title: 'Projet',
      territories: ['region:93'],
      axes: [],
      porteurs: ['ARS'],
      derivation: { kind: 'devine' },
      source,
    },
  ],
  figures: [
    { id: 'bloc-1', thematique: 'sante', phase: 'acte-1', propositions: 160, derivation: { kind: 'unattributed', position: '1er bloc', candidateTerritory: 'region:11' }, source },
    { id: 'bloc-2', thematique: 'sante', phase: 'bilan', participants: 1_000, derivation: { kind: 'unattributed' }, source },
    { id: 'france', thematique: 'sante', territory: 'pays:FR', phase: 'acte-1', propositions: 10, source },
  ],
};

describe('client.unattributedFigures', () => {
  it('lists the figures of no territory from a document, by phase, and never sums them', async () => {
    const client = createClient({ src: document });
    const all = await client.unattributedFigures();
    expect(all.data.map((record) => record.id)).toEqual(['bloc-1', 'bloc-2']);
    expect(all.stale).toBe(false);
    expect((await client.unattributedFigures({ phase: 'bilan' })).data.map((r) => r.id)).toEqual(['bloc-2']);
    expect((await client.figures({ phase: 'acte-1' })).data.propositions).toBe(10);
  });

  it('lists the brochure map blocks of the embedded dataset, each marked unattributed', async () => {
    const { data } = await createClient().unattributedFigures();
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((record) => record.derivation?.kind === 'unattributed' || record.territory === undefined)).toBe(true);
  });

  it('rejects with a CnrError when the source has no such query (REST)', async () => {
    const inner = createClient({ src: document });
    const rest: DataSource = {
      kind: 'rest',
      load: (o) => inner.load(o),
      refresh: (o) => inner.refresh(o),
      projects: (f, q, o) => inner.projects(f, q, o),
      project: (id, o) => inner.project(id, o),
      facets: (f, o) => inner.facets(f, o),
      fundingTotal: (f, o) => inner.fundingTotal(f, o),
      figures: (q, o) => inner.figures(q, o),
      breakdown: (f, l, o) => inner.breakdown(f, l, o),
      territories: (o) => inner.territories(o),
      axes: (o) => inner.axes(o),
      documents: (o) => inner.documents(o),
    };
    const error = await createClient({ source: rest }).unattributedFigures().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CnrError);
    expect((error as Error).message).toContain('non attribués');
  });
});

describe('producer messages on the new kinds', () => {
  const { problems } = parseDataset(document).report;
  const find = (id: string) => problems.filter((problem) => problem.id === id);

  it('names the allowed funding kinds for an unknown kind', () => {
    const [problem] = find('mauvais-kind');
    expect(problem?.path).toEqual(['kind']);
    expect(problem?.severity).toBe('error');
    expect(problem?.message.fr).toBe(
      'Valeur de « kind » non reconnue ; valeurs possibles : "envelope", "delegated", "engaged", "allocation", "requested", "support".',
    );
    expect(problem?.message.en).toContain('expected one of: "envelope"');
  });

  it('names the allowed derivation kinds for an unknown derivation.kind', () => {
    const problem = find('p-derivation').find((p) => p.path.join('.') === 'derivation.kind');
    expect(problem?.path).toEqual(['derivation', 'kind']);
    expect(problem?.message.fr).toBe('Valeur de « kind » non reconnue ; valeurs possibles : "stated", "deduced", "unattributed".');
  });

  it('says a missing kind is missing, with the allowed values', () => {
    const { report } = parseDataset({ ...document, fundings: [{ id: 'sans-kind', thematique: 'sante', label: 'X', funder: 'ARS', amount: 1, source }] });
    const problem = report.problems.find((p) => p.id === 'sans-kind');
    expect(problem?.message.fr).toMatch(/^Champ « kind » manquant ; valeurs possibles : "envelope"/);
  });

  it('keeps a support with an amount but warns that the amount is ignored', () => {
    const result = parseDataset(document);
    const [problem] = find('soutien');
    expect(problem?.severity).toBe('warning');
    expect(problem?.path).toEqual(['amount']);
    expect(problem?.message.fr).toContain('Un soutien (kind "support") n’a pas de montant');
    expect(problem?.message.fr).toContain('kind "allocation"');
    const kept = result.dataset.fundings.find((f) => f.id === 'soutien');
    expect(kept?.kind).toBe('support');
    expect(kept !== undefined && 'amount' in kept).toBe(false);
  });

  it('does not warn on a support without an amount', () => {
    const { report } = parseDataset({ ...document, fundings: [{ id: 'ok', kind: 'support', thematique: 'sante', label: 'S', funder: 'ARS', source }] });
    expect(report.problems.filter((p) => p.id === 'ok')).toEqual([]);
  });
});
