/**
 * The data package declares its dataset's type by hand (packages/data/scripts/build.mjs
 * writes dist/index.d.ts) so that it depends on nothing. This test keeps that copy
 * true to the SDK's schemas: each record type of one must be assignable to the other's
 * (checked by `pnpm typecheck`), and the collections it writes are the SDK's, in order.
 */
import type {
  CnrAxis,
  CnrDataset,
  CnrDocument,
  CnrFigures,
  CnrFunding,
  CnrInstance,
  CnrMilestone,
  CnrProject,
  CnrSolution,
  CnrTerritory,
} from '@cnr-widgets/data';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { COLLECTIONS } from '../../data/scripts/merge.mjs';
import type { Axis, Solution } from '../src/schemas/axis.js';
import { COLLECTION_NAMES, type PROJECT_STATUSES } from '../src/schemas/collections.js';
import type { Dataset } from '../src/schemas/dataset.js';
import type { ConcertationFigures } from '../src/schemas/figures.js';
import type { Funding } from '../src/schemas/funding.js';
import type { Instance, Milestone } from '../src/schemas/milestone.js';
import type { Project } from '../src/schemas/project.js';
import type { SourceDocument } from '../src/schemas/source.js';
import type { Territory } from '../src/schemas/territory.js';

/** Every key of every member of a union. */
type AllKeys<T> = T extends unknown ? keyof T : never;

describe('the data package’s declared types', () => {
  it('match the SDK’s schemas, record by record, both ways', () => {
    expectTypeOf<CnrDocument>().toExtend<SourceDocument>();
    expectTypeOf<SourceDocument>().toExtend<CnrDocument>();
    expectTypeOf<CnrTerritory>().toExtend<Territory>();
    expectTypeOf<Territory>().toExtend<CnrTerritory>();
    expectTypeOf<CnrAxis>().toExtend<Axis>();
    expectTypeOf<Axis>().toExtend<CnrAxis>();
    expectTypeOf<CnrSolution>().toExtend<Solution>();
    expectTypeOf<Solution>().toExtend<CnrSolution>();
    expectTypeOf<CnrProject>().toExtend<Project>();
    expectTypeOf<Project>().toExtend<CnrProject>();
    expectTypeOf<CnrFunding>().toExtend<Funding>();
    expectTypeOf<Funding>().toExtend<CnrFunding>();
    expectTypeOf<CnrFigures>().toExtend<ConcertationFigures>();
    expectTypeOf<ConcertationFigures>().toExtend<CnrFigures>();
    expectTypeOf<CnrMilestone>().toExtend<Milestone>();
    expectTypeOf<Milestone>().toExtend<CnrMilestone>();
    expectTypeOf<CnrInstance>().toExtend<Instance>();
    expectTypeOf<Instance>().toExtend<CnrInstance>();
    expectTypeOf<CnrDataset>().toExtend<Dataset>();
    expectTypeOf<Dataset>().toExtend<CnrDataset>();
    expectTypeOf<NonNullable<CnrProject['status']>>().toEqualTypeOf<(typeof PROJECT_STATUSES)[number]>();
  });

  it('name the same fields as the SDK’s schemas (an optional field missing on one side is caught too)', () => {
    expectTypeOf<AllKeys<CnrDocument>>().toEqualTypeOf<AllKeys<SourceDocument>>();
    expectTypeOf<AllKeys<CnrTerritory>>().toEqualTypeOf<AllKeys<Territory>>();
    expectTypeOf<AllKeys<CnrAxis>>().toEqualTypeOf<AllKeys<Axis>>();
    expectTypeOf<AllKeys<CnrSolution>>().toEqualTypeOf<AllKeys<Solution>>();
    expectTypeOf<AllKeys<CnrProject>>().toEqualTypeOf<AllKeys<Project>>();
    expectTypeOf<AllKeys<CnrFunding>>().toEqualTypeOf<AllKeys<Funding>>();
    expectTypeOf<AllKeys<CnrFigures>>().toEqualTypeOf<AllKeys<ConcertationFigures>>();
    expectTypeOf<AllKeys<CnrMilestone>>().toEqualTypeOf<AllKeys<Milestone>>();
    expectTypeOf<AllKeys<CnrInstance>>().toEqualTypeOf<AllKeys<Instance>>();
    expectTypeOf<AllKeys<CnrDataset>>().toEqualTypeOf<AllKeys<Dataset>>();
  });

  it('are written for the SDK’s collections, in the SDK’s order', () => {
    expect(COLLECTIONS).toEqual([...COLLECTION_NAMES]);
  });
});
