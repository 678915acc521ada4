import type { Solution } from '../schemas/axis.js';
import type { Dataset } from '../schemas/dataset.js';
import type { ConcertationFigures } from '../schemas/figures.js';
import type { Funding } from '../schemas/funding.js';
import type { Instance, Milestone } from '../schemas/milestone.js';
import type { Project } from '../schemas/project.js';
import type { SourceRef } from '../schemas/source.js';
import type { Territory } from '../schemas/territory.js';
import {
  COMMUNE_PREFIXES,
  COMMUNE_ROOTS,
  COMMUNE_SUFFIXES,
  OBJECTIFS,
  PARTENAIRES,
  PHASES,
  PORTEURS,
  PRESENTATIONS,
  PUBLICS,
  REGIONS,
  STATUSES,
  TITLE_TEMPLATES,
  SANTE_3_SUBGROUPS,
  SANTE_AXES,
  syntheticAxes,
  type DepartementRef,
  type RegionRef,
} from './vocabulary.js';

/**
 * A seeded synthetic dataset for tests and benchmarks. Territory codes are
 * real INSEE codes (régions, départements, their chef-lieu communes); other
 * communes, EPCI, projects, amounts and figures are made up, and the document
 * says so. Never use it as data.
 */
export interface SyntheticOptions {
  /** Number of projects (default 1 000). */
  projects?: number;
  /** Seed of the pseudo-random generator (default 42): same seed, same dataset. */
  seed?: number;
  /** Made-up communes per département, besides its chef-lieu (default 12). */
  communesPerDepartement?: number;
}


/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates a synthetic dataset, valid against the schemas, deterministic for a seed. */
export function generateDataset(options: SyntheticOptions = {}): Dataset {
  const projectCount = Math.max(0, Math.floor(options.projects ?? 1000));
  const seed = options.seed ?? 42;
  const perDepartement = Math.max(0, Math.floor(options.communesPerDepartement ?? 12));
  const random = prng(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number): boolean => random() < p;
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');

  const source: SourceRef = {
    document: 'synthetique',
    excerpt: `Donnée synthétique générée (graine ${seed}) pour les tests et les mesures ; ne décrit aucun projet réel.`,
  };

  // --- territories ---------------------------------------------------------
  const territories: Territory[] = [{ id: 'pays:FR', kind: 'pays', code: 'FR', name: 'France', source }];
  interface DeptPlaces {
    region: RegionRef;
    dept: DepartementRef;
    communes: Territory[];
    epcis: Territory[];
    tds: Territory[];
  }
  const places: DeptPlaces[] = [];
  const instances: Instance[] = [];
  for (const region of REGIONS) {
    const regionId = `region:${region.code}`;
    territories.push({ id: regionId, kind: 'region', code: region.code, name: region.name, parent: 'pays:FR', source });
    for (const dept of region.departements) {
      const deptId = `departement:${dept.code}`;
      territories.push({ id: deptId, kind: 'departement', code: dept.code, name: dept.name, parent: regionId, source });
      const communes: Territory[] = [];
      const used = new Set<string>([dept.capital[0]]);
      communes.push({ id: `commune:${dept.capital[0]}`, kind: 'commune', code: dept.capital[0], name: dept.capital[1], parent: deptId, source });
      const width = 5 - dept.code.length;
      for (let k = 0; k < perDepartement; k++) {
        let code: string;
        do code = dept.code + pad(int(1, 10 ** width - 1), width);
        while (used.has(code));
        used.add(code);
        const name = pick(COMMUNE_PREFIXES) + pick(COMMUNE_ROOTS) + pick(COMMUNE_SUFFIXES);
        communes.push({ id: `commune:${code}`, kind: 'commune', code, name, parent: deptId, source });
      }
      territories.push(...communes);
      const epcis: Territory[] = [];
      for (let k = 0; k < 2; k++) {
        const code = `2000${pad(int(0, 99999), 5)}`;
        const covered = communes.filter((_, i) => i % 2 === k).map((c) => c.id);
        epcis.push({
          id: `epci:${code}`,
          kind: 'epci',
          code,
          name: `Communauté de communes ${k === 0 ? 'du Val' : 'des Hauts'} de ${dept.name}`,
          parent: deptId,
          covers: covered,
          source,
        });
      }
      // SIREN made up at random may collide: keep the first.
      for (const epci of epcis) if (!territories.some((t) => t.id === epci.id)) territories.push(epci);
      const tds: Territory[] = [];
      if (dept.code === '59') {
        const halves = [
          ['metropole-flandres', 'Métropole-Flandres'],
          ['hainaut', 'Hainaut'],
        ] as const;
        halves.forEach(([slug, name], half) => {
          const code = `${region.slug}-${slug}`;
          tds.push({
            id: `tds:${code}`,
            kind: 'tds',
            code,
            name: `Territoire de démocratie sanitaire ${name}`,
            parent: regionId,
            covers: [deptId, ...communes.filter((_, i) => i % 2 === half).map((c) => c.id)],
            partial: true,
            source,
          });
        });
      } else {
        const code = `${region.slug}-${dept.slug}`;
        tds.push({
          id: `tds:${code}`,
          kind: 'tds',
          code,
          name: `Territoire de démocratie sanitaire ${dept.name}`,
          parent: regionId,
          covers: [deptId],
          source,
        });
      }
      territories.push(...tds);
      for (const t of tds) {
        instances.push({ id: `cts-${t.code}`, kind: 'cts', name: `Conseil territorial de santé — ${t.name}`, territory: t.id, source });
      }
      places.push({ region, dept, communes, epcis: epcis.filter((e) => territories.includes(e)), tds });
    }
  }

  // --- axes and solutions --------------------------------------------------
  const axes = syntheticAxes(source);
  const santeAxes = SANTE_AXES;
  const subgroups = SANTE_3_SUBGROUPS;
  const solutions: Solution[] = [];
  const solutionsByRegion = new Map<string, Solution[]>();
  for (const region of REGIONS) {
    const list: Solution[] = [];
    const count = region.code === '44' ? 16 : 8;
    for (let k = 1; k <= count; k++) {
      const axis = pick(santeAxes);
      const solution: Solution = {
        id: `solution-${region.code}-${pad(k, 2)}`,
        axis,
        title: `Solution ${k} : ${pick(OBJECTIFS).replace('{place}', region.name)}`,
        territory: `region:${region.code}`,
        source,
      };
      if (axis === 'sante-3' && chance(0.7)) solution.subgroup = pick(subgroups);
      list.push(solution);
    }
    solutions.push(...list);
    solutionsByRegion.set(region.code, list);
  }

  // --- fundings: one FIR envelope per région, drawn-from allocations --------
  const fundings: Funding[] = [];
  const envelopes = new Map<string, Funding>();
  for (const region of REGIONS) {
    const envelope: Funding = {
      id: `fir-${region.code}-2023`,
      kind: 'envelope',
      thematique: 'sante',
      label: `Enveloppe FIR du CNR santé — ${region.name}`,
      funder: `ARS ${region.name}`,
      fund: 'FIR',
      amount: int(20, 400) * 50_000,
      year: 2023,
      territory: `region:${region.code}`,
      source,
    };
    envelopes.set(region.code, envelope);
    fundings.push(envelope, {
      id: `fip-${region.code}-2023`,
      kind: 'envelope',
      thematique: 'education',
      label: `Fonds d’innovation pédagogique — ${region.name}`,
      funder: 'État',
      fund: 'Fonds d’innovation pédagogique',
      amount: int(10, 100) * 10_000,
      year: 2023,
      territory: `region:${region.code}`,
      source,
    });
  }
  for (const place of places) {
    if (!chance(0.3)) continue;
    fundings.push({
      id: `fir-${place.dept.code.toLowerCase()}-territorial`,
      kind: 'allocation',
      thematique: 'sante',
      label: `Crédits FIR délégués — ${place.dept.name}`,
      funder: `ARS ${place.region.name}`,
      fund: 'FIR',
      amount: int(2, 40) * 10_000,
      year: 2023,
      territory: `departement:${place.dept.code}`,
      envelope: envelopes.get(place.region.code)!.id,
      source,
    });
  }

  // --- projects -------------------------------------------------------------
  const weighted: DeptPlaces[] = [];
  for (const place of places) for (let w = 0; w < place.region.weight; w++) weighted.push(place);
  const projects: Project[] = [];
  const projectsByRegion = new Map<string, string[]>();
  for (let i = 0; i < projectCount; i++) {
    const id = `projet-${pad(i + 1, 6)}`;
    const place = pick(weighted);
    const commune = pick(place.communes);
    const thematique = chance(0.9) ? 'sante' : 'education';
    const roll = random();
    const primary =
      roll < 0.45
        ? commune.id
        : roll < 0.7
          ? `departement:${place.dept.code}`
          : roll < 0.8
            ? pick(place.tds).id
            : roll < 0.9
              ? `region:${place.region.code}`
              : pick(place.epcis.length > 0 ? place.epcis : place.communes).id;
    const projectTerritories = [primary];
    if (chance(0.15)) {
      const other = pick(place.communes).id;
      if (other !== primary) projectTerritories.push(other);
    }
    const fill = (template: string): string =>
      template
        .replace('{place}', commune.name)
        .replace('{region}', place.region.name)
        .replace('{dept}', place.dept.name)
        .replace('{n}', String(int(1, 120)));

    const project: Project = {
      id,
      thematique,
      title: fill(pick(TITLE_TEMPLATES)),
      porteurs: Array.from({ length: int(1, 2) }, () => fill(pick(PORTEURS))),
      axes: [],
      territories: projectTerritories,
      source,
    };
    if (thematique === 'sante') {
      const solutionList = solutionsByRegion.get(place.region.code) ?? [];
      if (chance(0.25) && solutionList.length > 0) {
        const solution = pick(solutionList);
        project.solution = solution.id;
        project.axes.push(solution.axis);
      } else {
        const axis = pick(santeAxes);
        project.axes.push(axis === 'sante-3' && chance(0.5) ? pick(subgroups) : axis);
      }
      if (chance(0.2)) {
        const extra = pick(santeAxes);
        if (!project.axes.includes(extra)) project.axes.push(extra);
      }
    } else {
      project.axes.push(pick(['education-1', 'education-2', 'education-3']));
    }
    const partenaires = int(0, 3);
    if (partenaires > 0) project.partenaires = Array.from({ length: partenaires }, () => fill(pick(PARTENAIRES)));
    project.objectifs = Array.from({ length: int(1, 3) }, () => fill(pick(OBJECTIFS)));
    if (chance(0.5)) project.publics = [pick(PUBLICS)];
    if (chance(0.85)) project.status = pick(STATUSES);
    if (chance(0.8)) project.presentation = pick(PRESENTATIONS);
    if (chance(0.75)) {
      const year = int(2021, 2025);
      const precision = random();
      project.startDate =
        precision < 0.5 ? String(year) : precision < 0.8 ? `${year}-${pad(int(1, 12), 2)}` : `${year}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
      if (chance(0.25)) project.endDate = String(year + int(0, 3));
    }
    projects.push(project);

    const regionProjects = projectsByRegion.get(place.region.code) ?? [];
    projectsByRegion.set(place.region.code, regionProjects);
    if (thematique === 'sante' && chance(0.4)) {
      const envelope = envelopes.get(place.region.code)!;
      const funderRoll = random();
      const named = [id];
      if (chance(0.05) && regionProjects.length > 0) {
        for (let k = int(1, 2); k > 0; k--) {
          const other = pick(regionProjects);
          if (!named.includes(other)) named.push(other);
        }
      }
      const funding: Funding = {
        id: `financement-${pad(i + 1, 6)}`,
        kind: 'allocation',
        thematique: 'sante',
        label: `Financement de « ${project.title} »`,
        funder: funderRoll < 0.7 ? envelope.funder : funderRoll < 0.9 ? 'État' : pick(['Assurance maladie', `Conseil départemental ${place.dept.name}`]),
        amount: int(10, 1000) * 500,
        territory: primary,
        projects: named,
        source,
      };
      if (funding.funder === envelope.funder) {
        funding.fund = 'FIR';
        if (chance(0.8)) funding.envelope = envelope.id;
      }
      if (chance(0.9)) funding.year = int(2022, 2025);
      fundings.push(funding);
    }
    regionProjects.push(id);
  }

  // --- figures, milestones ---------------------------------------------------
  const figures: ConcertationFigures[] = [];
  const addFigures = (territory: string, slug: string, scale: number): void => {
    for (const phase of PHASES) {
      if (!chance(0.65)) continue;
      const record: ConcertationFigures = {
        id: `chiffres-${slug}-${phase}`,
        thematique: 'sante',
        territory,
        phase,
        reunions: int(2, 12) * scale,
        participants: int(50, 400) * scale,
        source,
      };
      if (chance(0.7)) record.propositions = int(5, 60) * scale;
      if (chance(0.5)) record.projets = int(1, 20) * scale;
      if (chance(0.2)) record.qualifiers = { participants: pick(['plus-de', 'pres-de', 'environ'] as const) };
      if (chance(0.3)) record.meetings = [{ kind: 'atelier', count: int(1, 6) }];
      figures.push(record);
    }
  };
  const milestones: Milestone[] = [];
  for (const region of REGIONS) {
    addFigures(`region:${region.code}`, `region-${region.code}`, 10);
    milestones.push({
      id: `lancement-${region.code}`,
      date: `2022-${pad(int(9, 12), 2)}`,
      title: `Lancement du CNR santé en ${region.name}`,
      kind: 'lancement',
      thematique: 'sante',
      territory: `region:${region.code}`,
      source,
    });
  }
  for (const place of places) {
    addFigures(`departement:${place.dept.code}`, `departement-${place.dept.code.toLowerCase()}`, 1);
    for (const t of place.tds) if (chance(0.2)) addFigures(t.id, t.code, 1);
  }

  return {
    version: `synthetic-${seed}-${projectCount}`,
    generatedAt: '2024-01-01T00:00:00Z',
    title: 'Jeu de données synthétique (tests et mesures)',
    publisher: 'CNR Widgets',
    license: 'MIT',
    documents: [
      {
        id: 'synthetique',
        title: 'Jeu de données synthétique — aucune donnée réelle',
        publisher: 'CNR Widgets',
        kind: 'autre',
      },
    ],
    territories,
    axes,
    solutions,
    projects,
    fundings,
    figures,
    milestones,
    instances,
  };
}
