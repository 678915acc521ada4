import type { BreakdownLevel } from '../query/breakdown.js';
import { MAX_LIMIT } from '../query/limits.js';
import { PROJECT_SORT_KEYS, PROJECT_STATUSES } from '../schemas/collections.js';
import type { ProjectFilters, ProjectQueryOptions } from '../query/types.js';
import type { Thematique } from '../schemas/primitives.js';
import type { ProjectStatus } from '../schemas/project.js';
import type { LocalizedMessage } from '../validation/report.js';
import type { FiguresQuery } from './types.js';

/**
 * Query parameters of the REST contract (`openapi/cnr-api.openapi.json`),
 * written by the REST source and read by the reference server, so both
 * sides agree by construction.
 */

const THEMATIQUES: readonly Thematique[] = ['sante', 'education'];
const IDENTIFIER = /^[a-z0-9][a-z0-9._:-]*$/i;

function setText(params: URLSearchParams, name: string, value: string | undefined): void {
  if (value !== undefined && value !== '') params.set(name, value);
}

function setList(params: URLSearchParams, name: string, values: readonly string[] | undefined): void {
  if (values && values.length > 0) params.set(name, [...new Set(values)].sort().join(','));
}

function setNumber(params: URLSearchParams, name: string, value: number | undefined): void {
  if (value !== undefined) params.set(name, String(value));
}

/** Filters as query parameters, in a stable order (so equal filters give equal URLs). */
export function filtersToParams(filters: ProjectFilters = {}, params = new URLSearchParams()): URLSearchParams {
  setText(params, 'thematique', filters.thematique);
  setList(params, 'axis', filters.axes);
  setText(params, 'solution', filters.solution);
  setList(params, 'status', filters.statuses);
  setText(params, 'territory', filters.territory);
  setText(params, 'funder', filters.funder);
  setNumber(params, 'yearFrom', filters.yearFrom);
  setNumber(params, 'yearTo', filters.yearTo);
  setText(params, 'q', filters.q);
  return params;
}

/** Filters, sort and page as the query parameters of `GET /projects`. */
export function projectQueryToParams(filters: ProjectFilters = {}, options: ProjectQueryOptions = {}): URLSearchParams {
  const params = filtersToParams(filters);
  setText(params, 'sort', options.sort);
  setText(params, 'order', options.order);
  setNumber(params, 'limit', options.limit);
  setNumber(params, 'offset', options.offset);
  setText(params, 'cursor', options.cursor);
  return params;
}

/** Filters and level as the query parameters of `GET /breakdown`. */
export function breakdownToParams(filters: ProjectFilters = {}, level: BreakdownLevel = 'region'): URLSearchParams {
  const params = filtersToParams(filters);
  params.set('level', level);
  return params;
}

/** A figures query as the query parameters of `GET /figures`. */
export function figuresQueryToParams(query: FiguresQuery = {}): URLSearchParams {
  const params = new URLSearchParams();
  setText(params, 'territory', query.territory);
  setText(params, 'thematique', query.thematique);
  setText(params, 'phase', query.phase);
  return params;
}

/** A query parameter the server rejects, with why. */
export interface ParamError {
  param: string;
  message: LocalizedMessage;
}

class Reader {
  readonly errors: ParamError[] = [];
  constructor(private readonly params: URLSearchParams) {}

  private fail(param: string, fr: string, en: string): undefined {
    this.errors.push({ param, message: { fr, en } });
    return undefined;
  }

  text(name: string, max: number, pattern?: RegExp): string | undefined {
    const value = this.params.get(name);
    if (value === null || value === '') return undefined;
    if (value.length > max) return this.fail(name, `Au plus ${max} caractères.`, `At most ${max} characters.`);
    if (pattern && !pattern.test(value)) return this.fail(name, 'Format invalide.', 'Invalid format.');
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.text(name, 100);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    const list = allowed.join(', ');
    return this.fail(name, `Valeur non reconnue ; valeurs possibles : ${list}.`, `Unknown value; expected one of: ${list}.`);
  }

  /** A list, given as `a,b` or as repeated parameters. */
  list<T extends string>(name: string, check: (value: string) => boolean, max = 100): T[] | undefined {
    const values = this.params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '');
    if (values.length === 0) return undefined;
    if (values.length > max) return this.fail(name, `Au plus ${max} valeurs.`, `At most ${max} values.`);
    const wrong = values.filter((value) => value.length > 200 || !check(value));
    if (wrong.length > 0) {
      return this.fail(name, `Valeurs invalides : ${wrong.slice(0, 5).join(', ')}.`, `Invalid values: ${wrong.slice(0, 5).join(', ')}.`);
    }
    return [...new Set(values)] as T[];
  }

  int(name: string, min: number, max: number): number | undefined {
    const value = this.params.get(name);
    if (value === null || value === '') return undefined;
    const number = /^-?\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
      return this.fail(name, `Un entier entre ${min} et ${max} est attendu.`, `An integer between ${min} and ${max} is expected.`);
    }
    return number;
  }
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function readFilters(reader: Reader): ProjectFilters {
  return compact<ProjectFilters>({
    thematique: reader.oneOf('thematique', THEMATIQUES),
    axes: reader.list('axis', (value) => IDENTIFIER.test(value)),
    solution: reader.text('solution', 200, IDENTIFIER),
    statuses: reader.list<ProjectStatus>('status', (value) => (PROJECT_STATUSES as readonly string[]).includes(value)),
    territory: reader.text('territory', 200, IDENTIFIER),
    funder: reader.text('funder', 300),
    yearFrom: reader.int('yearFrom', 1900, 2200),
    yearTo: reader.int('yearTo', 1900, 2200),
    q: reader.text('q', 500),
  });
}

/** Reads the filters of `GET /facets` and `GET /funding/total`. */
export function parseFilterParams(params: URLSearchParams): { filters: ProjectFilters; errors: ParamError[] } {
  const reader = new Reader(params);
  const filters = readFilters(reader);
  return { filters, errors: reader.errors };
}

/** Reads the filters, sort and page of `GET /projects`. */
export function parseProjectParams(params: URLSearchParams): {
  filters: ProjectFilters;
  options: ProjectQueryOptions;
  errors: ParamError[];
} {
  const reader = new Reader(params);
  const filters = readFilters(reader);
  const options = compact<ProjectQueryOptions>({
    sort: reader.oneOf('sort', PROJECT_SORT_KEYS),
    order: reader.oneOf('order', ['asc', 'desc'] as const),
    limit: reader.int('limit', 1, MAX_LIMIT),
    offset: reader.int('offset', 0, 1_000_000_000),
    cursor: reader.text('cursor', 1000),
  });
  return { filters, options, errors: reader.errors };
}

/** Reads the query of `GET /figures`. */
export function parseFiguresParams(params: URLSearchParams): { query: FiguresQuery; errors: ParamError[] } {
  const reader = new Reader(params);
  const query = compact<FiguresQuery>({
    territory: reader.text('territory', 200, IDENTIFIER),
    thematique: reader.oneOf('thematique', THEMATIQUES),
    phase: reader.text('phase', 200),
  });
  return { query, errors: reader.errors };
}
