import { PROJECT_STATUSES } from '@cnr-widgets/sdk';
import type { ProjectFilters, ProjectStatus, Thematique } from '@cnr-widgets/sdk';

const STATUSES: readonly string[] = PROJECT_STATUSES;

/** Splits a comma-separated attribute into its trimmed, non-empty, distinct items. */
export function splitList(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((item) => item.trim()).filter((item) => item.length > 0))];
}

/** The filter attributes shared by the provider and the standalone widgets. */
export interface FilterAttributes {
  territory?: string | null;
  axis?: string | null;
  status?: string | null;
  thematique?: string | null;
  q?: string | null;
}

/** Reads filter attributes into a filter state; unknown statuses and thématiques are ignored. */
export function filtersFromAttributes(attributes: FilterAttributes): ProjectFilters {
  const filters: ProjectFilters = {};
  const thematique = attributes.thematique?.trim();
  filters.thematique = thematique === 'education' ? 'education' : ('sante' satisfies Thematique);
  const territory = attributes.territory?.trim();
  if (territory) filters.territory = territory;
  const axes = splitList(attributes.axis);
  if (axes.length > 0) filters.axes = axes;
  const statuses = splitList(attributes.status).filter((s): s is ProjectStatus => STATUSES.includes(s));
  if (statuses.length > 0) filters.statuses = statuses;
  const q = attributes.q?.trim();
  if (q) filters.q = q;
  return filters;
}

/** Drops empty values, so that two equal states compare equal. */
export function normalizeFilters(filters: ProjectFilters): ProjectFilters {
  const out: ProjectFilters = {};
  for (const [key, value] of Object.entries(filters) as [keyof ProjectFilters, unknown][]) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    (out as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}

/** A canonical string of a filter state: empty values dropped, keys and lists sorted. */
export function filtersKey(filters: ProjectFilters): string {
  const normal = normalizeFilters(filters) as Record<string, unknown>;
  return JSON.stringify(
    Object.keys(normal)
      .sort()
      .map((key) => {
        const value = normal[key];
        return [key, Array.isArray(value) ? [...(value as string[])].sort() : value];
      }),
  );
}
