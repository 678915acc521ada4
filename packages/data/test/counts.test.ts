// What the five source documents state, counted from the documents themselves
// (each expectation names its passage), checked against the merged dataset.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dataset, departementOf, type Figures } from './helpers.js';

const require = createRequire(import.meta.url);

const sortedIds = (records: { id: string }[]) => records.map((r) => r.id).sort();
const countBy = <T>(items: T[], key: (item: T) => string | undefined) => {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item) ?? '(none)';
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
};

describe('documents', () => {
  it('the five seed documents, each with a title, a publisher, a date and its file', () => {
    expect(dataset.documents).toHaveLength(5);
    expect(new Set(dataset.documents.map((d) => d.file)).size).toBe(5);
    for (const d of dataset.documents) {
      expect(d.title.length).toBeGreaterThan(0);
      expect(d.publisher.length).toBeGreaterThan(0);
      expect(d.date).toMatch(/^20\d\d/);
    }
    // « Dossier de presse - … en Grand Est, un an après – décembre 2023 »; the brochure: « Septembre 2023 ».
    expect(dataset.documents.find((d) => d.id === 'ge-vosges-2023')?.date).toBe('2023-12');
    expect(dataset.documents.find((d) => d.id === 'cnr-territoriaux-2023')?.date).toBe('2023-09');
  });
});

describe('territorial referential', () => {
  const kinds = countBy(dataset.territories, (t) => t.kind);

  it('records the edition of @etalab/decoupage-administratif it comes from', () => {
    const { version } = require('@etalab/decoupage-administratif/package.json') as { version: string };
    expect(dataset.referential?.edition).toBe(version);
  });

  it('1 pays, 18 régions, 101 départements', () => {
    expect(kinds['pays']).toBe(1);
    expect(kinds['region']).toBe(18);
    expect(kinds['departement']).toBe(101);
    const regions = dataset.territories.filter((t) => t.kind === 'region').map((t) => t.code).sort();
    expect(regions).toEqual(['01', '02', '03', '04', '06', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94']);
    const deps = new Set(dataset.territories.filter((t) => t.kind === 'departement').map((t) => t.code));
    for (const code of ['01', '2A', '2B', '88', '95', '971', '972', '973', '974', '976']) expect(deps.has(code), code).toBe(true);
    expect(deps.has('20')).toBe(false);
    expect(deps.has('975')).toBe(false);
    expect(dataset.territories.find((t) => t.id === 'region:44')?.name).toBe('Grand Est');
    expect(dataset.territories.find((t) => t.id === 'departement:88')?.parent).toBe('region:44');
  });

  it('the 10 departmental TDS of Grand Est (« définis à l’échelle géographique départementale »)', () => {
    const tds = dataset.territories.filter((t) => t.id.startsWith('tds:grand-est-'));
    expect(tds).toHaveLength(10);
    const geDeps = dataset.territories.filter((t) => t.kind === 'departement' && t.parent === 'region:44').map((t) => t.id);
    expect(geDeps).toHaveLength(10);
    expect(tds.flatMap((t) => t.covers ?? []).sort()).toEqual(geDeps.sort());
    for (const t of tds) {
      expect(t.parent).toBe('region:44');
      expect(t.covers).toHaveLength(1);
      expect(t.partial).toBeUndefined();
    }
  });

  it('the 6 TDS of Hauts-de-France with the brochure’s populations, the Nord split in two', () => {
    const tds = dataset.territories.filter((t) => t.id.startsWith('tds:hauts-de-france-'));
    expect(Object.fromEntries(tds.map((t) => [t.name, t.population]))).toEqual({
      'TDS Métropole-Flandres': 1_003_987,
      'TDS Pas-de-Calais': 1_465_000,
      'TDS Hainaut': 991_669,
      'TDS Somme': 571_537,
      'TDS Aisne': 540_103,
      'TDS Oise': 815_161,
    });
    const nord = tds.filter((t) => t.covers?.includes('departement:59'));
    expect(nord.map((t) => t.name).sort()).toEqual(['TDS Hainaut', 'TDS Métropole-Flandres']);
    for (const t of nord) expect(t.partial).toBe(true);
    const hdfDeps = dataset.territories.filter((t) => t.kind === 'departement' && t.parent === 'region:32').map((t) => t.id);
    expect([...new Set(tds.flatMap((t) => t.covers ?? []))].sort()).toEqual(hdfDeps.sort());
  });

  it('the communes and EPCI the projects name, from the referential', () => {
    const names = Object.fromEntries(
      dataset.territories.filter((t) => t.kind === 'commune' || t.kind === 'epci').map((t) => [t.id, t.name]),
    );
    expect(names).toMatchObject({
      'epci:200068146': 'CC Sarrebourg Moselle Sud',
      'epci:245700950': 'CC du Pays de Phalsbourg',
      'epci:200039865': 'Metz Métropole',
      'commune:56069': 'Groix',
      'commune:97617': 'Tsingoni',
      'commune:57672': 'Thionville',
    });
  });
});

describe('axes and solutions', () => {
  it('4 health axes, axis 3 in three sub-groups; no education axis', () => {
    const sante = dataset.axes.filter((a) => a.thematique === 'sante');
    expect(sante.map((a) => a.id).sort()).toEqual(['sante-1', 'sante-2', 'sante-3', 'sante-4']);
    expect(sante.map((a) => a.number).sort()).toEqual([1, 2, 3, 4]);
    expect(dataset.axes.find((a) => a.id === 'sante-3')?.subgroups?.map((s) => s.id)).toEqual([
      'sante-3-former',
      'sante-3-attirer',
      'sante-3-fideliser',
    ]);
    expect(dataset.axes.filter((a) => a.thematique === 'education')).toHaveLength(0);
  });

  it('16 solutions explored in Grand Est: 2 + 2 + 6 (Former 2, Attirer 2, Fidéliser 2) + 6', () => {
    expect(dataset.solutions).toHaveLength(16);
    for (const s of dataset.solutions) expect(s.territory).toBe('region:44');
    expect(countBy(dataset.solutions, (s) => s.axis)).toEqual({ 'sante-1': 2, 'sante-2': 2, 'sante-3': 6, 'sante-4': 6 });
    expect(countBy(dataset.solutions.filter((s) => s.axis === 'sante-3'), (s) => s.subgroup)).toEqual({
      'sante-3-former': 2,
      'sante-3-attirer': 2,
      'sante-3-fideliser': 2,
    });
  });
});

describe('projects', () => {
  const from = (document: string) => dataset.projects.filter((p) => p.source.document === document);

  it('6 projects accompanied in the Vosges', () => {
    const vosges = from('ge-vosges-2023');
    expect(vosges).toHaveLength(6);
    for (const p of vosges) expect(p.territories).toEqual(['departement:88']);
    expect(vosges.map((p) => p.porteurs.length)).toEqual([1, 2, 2, 1, 2, 1]);
  });

  it('Moselle: 3 presented in workshops, 2 discussed with partners, and the mental-health reorganisation', () => {
    const moselle = from('ge-moselle-2023');
    expect(moselle).toHaveLength(6);
    expect(countBy(moselle, (p) => p.presentation)).toEqual({ atelier: 3, 'echange-partenaires': 2, autre: 1 });
    for (const p of moselle) expect(p.territories.map(departementOf)).toContain('departement:57');
    expect(moselle.find((p) => p.presentation === 'autre')?.title).toMatch(/santé mentale/);
  });

  it('4 projects in the Hautes-Alpes, each « EN COURS »', () => {
    const ha = from('paca-hautes-alpes-2023');
    expect(ha).toHaveLength(4);
    for (const p of ha) {
      expect(p.status).toBe('en-cours');
      expect(p.stage).toBe('en cours');
      expect(p.territories).toEqual(['departement:05']);
    }
  });

  it('4 national field reports: Hérault, Haute-Saône, Morbihan (Groix), Rhône (Grigny)', () => {
    const reports = dataset.projects.filter((p) => p.thematique === 'sante' && p.presentation === 'retour-terrain');
    expect(reports).toHaveLength(4);
    expect(reports.map((p) => departementOf(p.territories[0]!)).sort()).toEqual([
      'departement:34',
      'departement:56',
      'departement:69',
      'departement:70',
    ]);
  });

  it('6 education examples, in the Eure, Mayotte, the Jura, the Val-d’Oise, the Rhône, and « Beauvais (80) » in Hauts-de-France', () => {
    const education = dataset.projects.filter((p) => p.thematique === 'education');
    expect(education).toHaveLength(6);
    expect(education.map((p) => departementOf(p.territories[0]!) ?? p.territories[0]).sort()).toEqual([
      'departement:27',
      'departement:39',
      'departement:69',
      'departement:95',
      'departement:976',
      'region:32',
    ]);
    // The text says « Beauvais (80) » (Beauvais is in the Oise, 60) and « Académie d’Amiens »:
    // only the région is certain, and the record says why.
    const fractions = education.find((p) => p.id === 'education-fractions-par-le-jeu')!;
    expect(fractions.territories).toEqual(['region:32']);
    expect(fractions.derivation).toMatchObject({ kind: 'deduced', fields: ['territories'] });
    expect(fractions.derivation?.reasoning).toMatch(/Beauvais \(80\)/);
  });

  it('26 projects; a status only where the text states one', () => {
    expect(dataset.projects).toHaveLength(26);
    expect(countBy(dataset.projects.filter((p) => p.status), (p) => p.status)).toEqual({ 'en-cours': 4, 'en-reflexion': 1 });
    // The documents attach no project to an axis or a solution.
    for (const p of dataset.projects) {
      expect(p.axes).toEqual([]);
      expect(p.solution).toBeUndefined();
    }
  });
});

describe('funding', () => {
  it('every amount the documents give, in euros, of the kind the text says', () => {
    const rows = dataset.fundings
      .filter((f) => f.amount !== undefined)
      .map((f) => [f.thematique, f.funder, f.kind, f.amount, f.qualifier ?? 'exact', f.year ?? null, f.territory ?? null])
      .sort((a, b) => Number(a[3]) - Number(b[3]));
    expect(rows).toEqual([
      // « via son Fonds d’Intervention Régional (FIR) à hauteur de 1 M€ en 2023 »
      ['sante', 'ARS Grand Est', 'allocation', 1_000_000, 'exact', 2023, 'region:44'],
      // « l’enveloppe FIR de 2,6 M€ déjà déléguée »
      ['sante', 'ARS Hauts-de-France', 'delegated', 2_600_000, 'exact', null, 'region:32'],
      // « Plus de 2,9 millions d’euros ont été engagés par l’ARS Paca en 2023 »
      ['sante', 'ARS Paca', 'engaged', 2_900_000, 'plus-de', 2023, 'region:93'],
      // « une enveloppe de 30 millions d’euros est réservée, sur le Fonds d’intervention régionale »
      ['sante', 'État', 'envelope', 30_000_000, 'exact', null, 'pays:FR'],
      // « plus de 47 millions ont déjà été attribués aux écoles et aux établissements »
      ['education', 'État', 'allocation', 47_000_000, 'plus-de', null, 'pays:FR'],
      // « les projets déposés représentent plus de 210 millions d’euros »: a demand, never summed
      ['education', 'État', 'requested', 210_000_000, 'plus-de', null, 'pays:FR'],
      // « fonds d’innovation pédagogique à hauteur de 500 millions d’euros sur cinq ans »
      ['education', 'État', 'envelope', 500_000_000, 'exact', null, 'pays:FR'],
    ]);
    const byId = new Map(dataset.fundings.map((f) => [f.id, f]));
    expect(byId.get('fonds-innovation-pedagogique')?.durationYears).toBe(5);
    expect(byId.get(byId.get('fonds-innovation-pedagogique-attribue')!.envelope!)?.amount).toBe(500_000_000);
  });

  it('the FIR amounts of two ARS are linked to the State’s 30 M€, and say it is a deduction', () => {
    for (const id of ['ars-hauts-de-france-fir', 'ars-grand-est-fir-2023']) {
      const f = dataset.fundings.find((x) => x.id === id)!;
      expect(f.envelope, id).toBe('etat-fir-cnr-locaux');
      expect(f.derivation?.kind, id).toBe('deduced');
      expect(f.derivation?.fields, id).toContain('envelope');
    }
    expect(dataset.fundings.find((x) => x.id === 'ars-hauts-de-france-fir')?.derivation?.fields).toContain('funder');
  });

  it('support stated without an amount: ARS Grand Est engineering, the four Hautes-Alpes projects, the Conseil régional', () => {
    const support = dataset.fundings.filter((f) => f.kind === 'support');
    expect(support.map((f) => [f.funder, f.territory, f.projects?.length ?? 0]).sort()).toEqual([
      ['ARS Grand Est', 'region:44', 0],
      ['ARS Paca', 'departement:05', 4],
      ['Conseil régional Provence-Alpes-Côte d’Azur', 'region:93', 0],
    ]);
  });
});

describe('concertation figures', () => {
  const records = (territory: string, phase: string) =>
    dataset.figures.filter((f) => f.territory === territory && f.phase === phase);
  /** The metric of a territory and phase, stated once across its records. */
  const metric = (territory: string, phase: string, name: string): [number, string] | undefined => {
    const stated = records(territory, phase).filter((f) => f[name] !== undefined);
    expect(stated.length, `${territory} ${phase} ${name} stated once`).toBeLessThanOrEqual(1);
    const f: Figures | undefined = stated[0];
    return f ? [f[name] as number, f.qualifiers?.[name] ?? 'exact'] : undefined;
  };
  const counts = (thematique: string) =>
    Object.fromEntries(
      dataset.figures
        .filter((f) => f.thematique === thematique)
        .flatMap((f) => f.counts ?? [])
        .map((c) => [c.count, c.qualifier ?? 'exact']),
    );

  it('Grand Est, Acte I: 44 dialogues territoriaux and 3 regional ones, 1 100+ participants, 1 700+ contributions (stored once), 500+ constats', () => {
    const meetings = records('region:44', 'acte-1').flatMap((f) => f.meetings ?? []);
    expect(meetings.map((m) => [m.kind, m.count])).toEqual([
      ['dialogue-territorial', 44],
      ['rencontre-regionale', 3],
    ]);
    expect(metric('region:44', 'acte-1', 'reunions')).toEqual([47, 'exact']);
    expect(metric('region:44', 'acte-1', 'participants')).toEqual([1100, 'plus-de']);
    // « plus de 1 700 contributions, idées, pistes de solutions et propositions »: one figure, one metric.
    expect(metric('region:44', 'acte-1', 'contributions')).toEqual([1700, 'plus-de']);
    expect(metric('region:44', 'acte-1', 'propositions')).toBeUndefined();
    expect(metric('region:44', 'acte-1', 'constats')).toEqual([500, 'plus-de']);
    // « 20 initiatives en santé identifiées et accompagnées à ce jour »
    expect(metric('region:44', 'bilan', 'projets')).toEqual([20, 'exact']);
  });

  it('PACA: 25 meetings, près de 700 participants, 77 propositions (deduced), 41 projects; its bilan at 8 November 2023 (14 done, 27 under way)', () => {
    expect(metric('region:93', 'acte-1', 'reunions')).toEqual([25, 'exact']);
    expect(metric('region:93', 'acte-1', 'participants')).toEqual([700, 'pres-de']);
    expect(metric('region:93', 'acte-1', 'propositions')).toEqual([77, 'exact']);
    expect(metric('region:93', 'acte-1', 'projets')).toEqual([41, 'exact']);
    expect(metric('region:93', 'bilan', 'projetsRealises')).toEqual([14, 'exact']);
    expect(metric('region:93', 'bilan', 'projetsEnCours')).toEqual([27, 'exact']);
    expect(records('region:93', 'bilan')[0]?.['periodEnd']).toBe('2023-11-08');
    const propositions = dataset.figures.find((f) => f.id === 'paca-acte-1-propositions')!;
    expect(propositions.derivation).toMatchObject({ kind: 'deduced', fields: ['territory'] });
  });

  it('Hautes-Alpes: 5 meetings, 4 projects; Moselle: about a hundred at the anniversary evening, undated', () => {
    expect(metric('departement:05', 'acte-1', 'reunions')).toEqual([5, 'exact']);
    expect(metric('departement:05', 'acte-1', 'projets')).toEqual([4, 'exact']);
    expect(metric('departement:57', 'evenement', 'participants')).toEqual([100, 'environ']);
    // The Moselle kit prints no date: none is borrowed from its Vosges twin.
    expect(records('departement:57', 'evenement')[0]?.['periodEnd']).toBeUndefined();
  });

  it('national: Acte I (250+ meetings, about 10 000 participants) and the bilan (450+ meetings, près de 250 projects)', () => {
    expect(metric('pays:FR', 'acte-1', 'reunions')).toEqual([250, 'plus-de']);
    expect(metric('pays:FR', 'acte-1', 'participants')).toEqual([10000, 'environ']);
    expect(metric('pays:FR', 'bilan', 'reunions')).toEqual([450, 'plus-de']);
    expect(metric('pays:FR', 'bilan', 'projets')).toEqual([250, 'pres-de']);
  });

  it('education: 8 500+ projects, près de 19 000 schools, 3 000 accompanied, 2 300 starting, 1 million pupils, 33 045 answers; près d’un tiers and 30 %', () => {
    expect(metric('pays:FR', 'annee-scolaire', 'projets')).toEqual([8500, 'plus-de']);
    expect(counts('education')).toEqual({ 19000: 'pres-de', 3000: 'exact', 1000000: 'exact', 2300: 'exact', 33045: 'exact' });
    const proportions = dataset.figures.flatMap((f) => f.proportions ?? []).map((p) => [p.percent, p.qualifier ?? 'exact', p.label]);
    expect(proportions.sort()).toEqual([
      [30, 'exact', 'projets inter-écoles ou établissements'],
      [33.3, 'pres-de', 'écoles et établissements engagés dans la démarche (« près d’un tiers »)'],
    ]);
  });

  it('targets, never results: Hauts-de-France’s actions, the national médicobus and maisons de santé', () => {
    const targets = dataset.figures.flatMap((f) => (f.targets ?? []).map((t) => [f.territory, t.count, t.qualifier ?? 'exact']));
    expect(targets).toEqual([
      ['region:32', 30, 'environ'],
      ['region:32', 50, 'environ'],
      ['region:32', 10, 'environ'],
      ['pays:FR', 100, 'exact'],
      ['pays:FR', 4000, 'exact'],
    ]);
    // « dix actions prioritaires identifiées par l’ARS » is a count, not a target.
    expect(dataset.figures.find((f) => f.id === 'hauts-de-france-acte-2-actions')?.counts).toEqual([
      { label: 'actions prioritaires identifiées par l’ARS', count: 10 },
    ]);
  });

  it('the phase-1 map: a région only where the text names it or its own documents restate the block; every other block unattributed', () => {
    const placed = dataset.figures.filter((f) => f.phase === 'acte-1' && f.territory?.startsWith('region:'));
    expect([...new Set(placed.map((f) => f.territory))].sort()).toEqual(['region:11', 'region:44', 'region:93']);
    expect(counts('sante')).toEqual({ 1: 'exact', 2: 'exact', 3000: 'exact', 24: 'exact', 5: 'exact', 9: 'exact', 10: 'exact' });
    const unattributed = dataset.figures.filter((f) => f.derivation?.kind === 'unattributed');
    // Every figure of the map's blocks, as numbers: 41 that no région is said to have.
    const numbers = unattributed.flatMap((f) => [
      ...(['reunions', 'participants', 'contributions', 'propositions', 'projets'] as const).flatMap((m) => (f[m] === undefined ? [] : [f[m]])),
      ...(f.meetings ?? []).map((m) => m.count),
      ...(f.counts ?? []).map((c) => c.count),
    ]);
    expect(numbers).toHaveLength(41);
  });
});

describe('milestones and instances', () => {
  it('every dated event', () => {
    expect(dataset.milestones.map((m) => m.date).sort()).toEqual([
      '2017', // droit de dérogation expérimenté
      '2022-09', // TDS défini en Grand Est
      '2022-09-08', // lancement du CNR à Marcoussis
      '2022-10', // phase 1 du CNR Santé
      '2022-10-03', // premier CNR Santé au Mans
      '2022-10-05', // premier CNR Éducation
      '2022-11-04', // première concertation en PACA
      '2022-11-08', // début des dialogues en Grand Est
      '2022-12', // plateforme de dépôt des projets
      '2022-12-12', // 2e CNR plénier
      '2022-Q4', // neuf mois, jusqu’au deuxième trimestre 2023
      '2023', // CPTS généralisées d’ici fin 2023
      '2023-01', // phase 2
      '2023-02-07', // restitution régionale Grand Est
      '2023-02-17', // 1re restitution nationale Éducation
      '2023-03', // CTS installés en Grand Est
      '2023-03-17', // premières portes ouvertes nationales (ordre déduit)
      '2023-04-07', // décret : droit de dérogation des DG d’ARS
      '2023-05-03', // restitution nationale de la phase 1
      '2023-07-07', // 2e restitution nationale Éducation
      '2023-07-07', // 2e édition des portes ouvertes (ordre déduit)
      '2023-09-07', // 3e CNR plénier
      '2023-10', // révision du PRS Grand Est
      '2023-11-08', // premier bilan PACA
      '2023-11-14', // nouveau cycle dans les Hautes-Alpes
      '2024', // couverture complète « d’ici l’année prochaine » (déduit)
      '2024', // poursuite en 2024 et 2025 (Vosges)
      '2024', // poursuite en 2024 et 2025 (Moselle)
      '2024-Q1', // restitution au premier trimestre 2024
    ]);
  });

  it('a CTS in each of the 10 TDS of Grand Est and the 6 of Hauts-de-France, six CNR territoriaux there, and PACA’s six departmental CTS', () => {
    const cts = dataset.instances.filter((i) => i.kind === 'cts');
    expect(cts.filter((i) => i.territory.startsWith('tds:grand-est-'))).toHaveLength(10);
    expect(cts.filter((i) => i.territory.startsWith('tds:hauts-de-france-'))).toHaveLength(6);
    expect(dataset.instances.filter((i) => i.kind === 'conseil-cnr')).toHaveLength(6);
    const pacaDeps = dataset.territories.filter((t) => t.kind === 'departement' && t.parent === 'region:93').map((t) => t.id);
    expect(cts.filter((i) => i.territory.startsWith('departement:')).map((i) => i.territory).sort()).toEqual(pacaDeps.sort());
  });

  it('CTS composition: 50 members, a renewable 5-year mandate, 6 colleges (Grand Est); about fifty members (PACA)', () => {
    const ge = dataset.instances.filter((i) => i.id.startsWith('cts-grand-est-'));
    for (const i of ge) expect(i.composition, i.id).toMatchObject({ members: 50, mandateYears: 5, mandateRenewable: true, colleges: 6 });
    const paca = dataset.instances.filter((i) => i.id.startsWith('cts-paca-'));
    for (const i of paca) expect(i.composition, i.id).toMatchObject({ members: 50, membersQualifier: 'environ' });
    expect(dataset.instances.find((i) => i.id === 'cts-grand-est-moselle')?.counts?.map((c) => c.count)).toEqual([5]);
    // The names of the CTS are deduced except the one the text names (« CTS de la Moselle »).
    expect(ge.filter((i) => i.derivation?.kind !== 'deduced').map((i) => i.id)).toEqual(['cts-grand-est-moselle']);
    for (const i of paca) expect(i.derivation?.kind, i.id).toBe('deduced');
  });

  it('the Hauts-de-France populations are counted as of December 2016', () => {
    for (const t of dataset.territories.filter((x) => x.id.startsWith('tds:hauts-de-france-'))) {
      expect(t.populationDate, t.id).toBe('2016-12');
      expect(t.populationSource?.excerpt, t.id).toMatch(/Déc\. 2016/);
    }
  });
});

describe('collection sizes', () => {
  it('matches the README', () => {
    expect({
      documents: dataset.documents.length,
      axes: dataset.axes.length,
      solutions: dataset.solutions.length,
      projects: dataset.projects.length,
      fundings: dataset.fundings.length,
      milestones: dataset.milestones.length,
      instances: dataset.instances.length,
    }).toEqual({ documents: 5, axes: 4, solutions: 16, projects: 26, fundings: 10, milestones: 29, instances: 28 });
    expect(sortedIds(dataset.figures)).toHaveLength(34);
  });
});
