/**
 * The OpenAPI document is what the project publishes for API implementers;
 * these tests keep it true:
 * - its record schemas are generated from the zod schemas (run
 *   `UPDATE_OPENAPI=1 npx vitest run test/http/openapi.test.ts` after changing
 *   a schema, and commit the file);
 * - the reference server serves every documented operation, and its answers
 *   validate against the documented response schemas (no undocumented field);
 * - the documented query parameters are the ones the SDK sends and the server reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createApp } from '../../../../examples/api-server/src/server.js';
import { smallDataset } from '../../src/query/__fixtures__/small-dataset.js';
import { Axis, DatasetMeta, Project, Solution, SourceDocument, Territory } from '../../src/schemas/index.js';
import { breakdownToParams, figuresQueryToParams, filtersToParams, projectQueryToParams } from '../../src/sources/index.js';
import { serveFetch, type LoopbackServer } from './helpers.js';

const FILE = new URL('../../openapi/cnr-api.openapi.json', import.meta.url);
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const RECORDS: Record<string, z.ZodMiniType> = { DatasetMeta, Project, Territory, Axis, Solution, SourceDocument };

/** JSON Schema of a zod schema as the API's clients read it (unknown fields are ignored, hence `io: 'input'`). */
function recordSchema(schema: z.ZodMiniType): Schema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    override(ctx) {
      // A case-insensitive regex (identifiers: `departement:2A`) loses its flag in JSON Schema: spell both cases.
      const checks = (ctx.zodSchema._zod.def as { checks?: { _zod: { def: { pattern?: unknown } } }[] }).checks ?? [];
      const pattern = ctx.jsonSchema.pattern;
      if (typeof pattern !== 'string') return;
      for (const check of checks) {
        const regex = check._zod.def.pattern;
        if (regex instanceof RegExp && regex.flags.includes('i') && regex.source === pattern) {
          ctx.jsonSchema.pattern = pattern.replaceAll('a-z', 'A-Za-z');
        }
      }
    },
  }) as Schema;
  delete json['$schema'];
  return json;
}

const doc = JSON.parse(readFileSync(FILE, 'utf8')) as Schema & {
  paths: Record<string, { get: { parameters: ({ $ref: string } | { name: string; in: string })[]; responses: Record<string, Schema> } }>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, { name: string; in: string }> };
};

if (process.env['UPDATE_OPENAPI']) {
  for (const [name, schema] of Object.entries(RECORDS)) doc.components.schemas[name] = recordSchema(schema);
  writeFileSync(FILE, `${JSON.stringify(doc, null, 2)}\n`);
}

function resolve(ref: string): Schema {
  const parts = ref.replace(/^#\//, '').split('/');
  let node: Json = doc as unknown as Json;
  for (const part of parts) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !(part in node)) {
      throw new Error(`Unresolved $ref ${ref}`);
    }
    node = node[part]!;
  }
  return node as Schema;
}

const IGNORED = new Set(['description', 'default', 'format', 'title', 'examples']);

/**
 * A small JSON Schema validator for the keywords this document uses. Objects
 * are closed (`strict`): a field the document does not declare is an error,
 * so the document cannot fall behind what the server sends.
 */
function validate(schema: Schema, value: unknown, path = '$'): string[] {
  if (typeof schema['$ref'] === 'string') return validate(resolve(schema['$ref']), value, path);
  const errors: string[] = [];
  for (const [keyword, arg] of Object.entries(schema)) {
    if (IGNORED.has(keyword)) continue;
    switch (keyword) {
      case 'type': {
        const ok =
          arg === 'integer'
            ? Number.isInteger(value)
            : arg === 'array'
              ? Array.isArray(value)
              : arg === 'object'
                ? typeof value === 'object' && value !== null && !Array.isArray(value)
                : typeof value === arg;
        if (!ok) return [`${path}: expected ${String(arg)}`];
        break;
      }
      case 'enum':
        if (!(arg as Json[]).includes(value as Json)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
        break;
      case 'minimum':
        if ((value as number) < (arg as number)) errors.push(`${path}: below minimum`);
        break;
      case 'maximum':
        if ((value as number) > (arg as number)) errors.push(`${path}: above maximum`);
        break;
      case 'minLength':
        if ((value as string).length < (arg as number)) errors.push(`${path}: too short`);
        break;
      case 'maxLength':
        if ((value as string).length > (arg as number)) errors.push(`${path}: too long`);
        break;
      case 'pattern':
        if (!new RegExp(arg as string, 'u').test(value as string)) errors.push(`${path}: does not match ${String(arg)}`);
        break;
      case 'minItems':
        if ((value as unknown[]).length < (arg as number)) errors.push(`${path}: too few items`);
        break;
      case 'maxItems':
        if ((value as unknown[]).length > (arg as number)) errors.push(`${path}: too many items`);
        break;
      case 'items':
        (value as unknown[]).forEach((item, i) => errors.push(...validate(arg as Schema, item, `${path}[${i}]`)));
        break;
      case 'required':
        for (const key of arg as string[]) if (!Object.hasOwn(value as object, key)) errors.push(`${path}.${key}: required`);
        break;
      case 'additionalProperties':
        break; // objects are closed anyway, see `properties`
      case 'properties': {
        const properties = arg as Record<string, Schema>;
        for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
          if (!Object.hasOwn(properties, key)) errors.push(`${path}.${key}: not documented`);
          else if (item !== undefined) errors.push(...validate(properties[key]!, item, `${path}.${key}`));
        }
        break;
      }
      default:
        throw new Error(`The test validator does not know the keyword "${keyword}" (at ${path})`);
    }
  }
  return errors;
}

function parameterNames(path: string): string[] {
  return doc.paths[path]!.get.parameters
    .map((p) => ('$ref' in p ? resolve(p.$ref) : p) as { name: string; in: string })
    .filter((p) => p.in === 'query')
    .map((p) => p.name)
    .sort();
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and every $ref resolves', () => {
    expect(doc['openapi']).toMatch(/^3\.1\./);
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(() => resolve(ref), ref).not.toThrow();
  });

  it.each(Object.keys(RECORDS))('record schema %s is the one generated from zod', (name) => {
    expect(doc.components.schemas[name], 'run UPDATE_OPENAPI=1 npx vitest run test/http/openapi.test.ts').toEqual(
      recordSchema(RECORDS[name]!),
    );
  });

  it('documents the query parameters the SDK sends', () => {
    const everyFilter = {
      thematique: 'sante',
      axes: ['a'],
      solution: 's',
      statuses: ['en-cours'],
      territory: '44',
      funder: 'ARS',
      yearFrom: 2022,
      yearTo: 2024,
      q: 'x',
    } as const;
    const sent = (params: URLSearchParams) => [...new Set(params.keys())].sort();
    expect(parameterNames('/projects')).toEqual(
      sent(projectQueryToParams(everyFilter, { sort: 'date', order: 'desc', limit: 1, offset: 1, cursor: 'c' })),
    );
    expect(parameterNames('/facets')).toEqual(sent(filtersToParams(everyFilter)));
    expect(parameterNames('/funding/total')).toEqual(sent(filtersToParams(everyFilter)));
    expect(parameterNames('/breakdown')).toEqual(sent(breakdownToParams(everyFilter, 'departement')));
    expect(parameterNames('/figures')).toEqual(sent(figuresQueryToParams({ territory: '44', thematique: 'sante', phase: 'p' })));
  });
});

describe('the reference server follows the OpenAPI document', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await serveFetch(createApp({ dataset: smallDataset }).fetch);
  });
  afterAll(() => server.close());

  const examples: Record<string, string[]> = {
    '/meta': ['meta'],
    '/projects': ['projects', 'projects?territory=44&sort=amount&order=desc&limit=2', 'projects?q=prevention&status=en-cours,realise'],
    '/projects/{id}': [`projects/${smallDataset.projects[0]!.id}`],
    '/facets': ['facets', 'facets?territory=88&axis=sante-1'],
    '/funding/total': ['funding/total', 'funding/total?territory=44'],
    '/breakdown': ['breakdown?level=region', 'breakdown?level=departement&territory=44&axis=sante-4', 'breakdown?level=departement&thematique=sante'],
    '/figures': ['figures', 'figures?territory=44', 'figures?territory=region:44&phase=acte-1'],
    '/territories': ['territories'],
    '/axes': ['axes'],
    '/solutions': ['solutions'],
    '/documents': ['documents'],
  };

  it('has an example for every documented path', () => {
    expect(Object.keys(examples).sort()).toEqual(Object.keys(doc.paths).sort());
  });

  it.each(Object.entries(examples))('%s answers as documented', async (path, urls) => {
    const schema = doc.paths[path]!.get.responses['200']!['content'] as { 'application/json': { schema: Schema } };
    for (const url of urls) {
      const response = await fetch(server.url + url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('etag'), url).toBeTruthy();
      expect(validate(schema['application/json'].schema, await response.json()), url).toEqual([]);
    }
  });

  it('documents its errors as problem details', async () => {
    const problem = doc.components.schemas['Problem']!;
    for (const [url, status] of [
      ['projects?limit=0', 400],
      ['projects/no-such-id', 404],
      ['figures?thematique=culture', 400],
      ['breakdown', 400],
      ['breakdown?level=commune', 400],
    ] as const) {
      const response = await fetch(server.url + url);
      expect(response.status, url).toBe(status);
      expect(String(doc.paths[url.startsWith('projects/') ? '/projects/{id}' : `/${url.split('?')[0]}`]!.get.responses[String(status)]!['$ref'])).toContain(
        status === 400 ? 'BadRequest' : 'NotFound',
      );
      expect(validate(problem, await response.json()), url).toEqual([]);
    }
  });
});
