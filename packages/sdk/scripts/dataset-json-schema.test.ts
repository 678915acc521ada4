import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { COLLECTION_NAMES } from '../src/schemas/dataset.js';
import { HttpUrl, Identifier } from '../src/schemas/primitives.js';
import {
  DATASET_SCHEMA_ID,
  HTTP_URL_PATTERN,
  IDENTIFIER_PATTERN,
  buildDatasetJsonSchema,
  serializeDatasetJsonSchema,
} from './dataset-json-schema.js';

const checkedIn = readFileSync(new URL('../schema/cnr-dataset.schema.json', import.meta.url), 'utf8');

describe('dataset JSON Schema', () => {
  it('matches the checked-in file (run `pnpm --filter @cnr-widgets/sdk run schema` after changing a schema)', () => {
    expect(checkedIn).toBe(serializeDatasetJsonSchema());
  });

  it('is a draft 2020-12 schema with an $id, a title and named definitions', () => {
    const schema = buildDatasetJsonSchema() as {
      $schema: string;
      $id: string;
      title: string;
      required: string[];
      properties: Record<string, { items?: { $ref?: string } }>;
      $defs: Record<string, { pattern?: string; title?: string }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(DATASET_SCHEMA_ID);
    expect(schema.title).toMatch(/CNR/);
    // Every collection may be missing, as the loader accepts.
    expect(schema.required).toEqual(['version', 'generatedAt']);
    for (const name of COLLECTION_NAMES) expect(schema.properties[name]?.items?.$ref).toMatch(/^#\/\$defs\//);
    expect(schema.properties['projects']?.items?.$ref).toBe('#/$defs/Project');
    expect(schema.$defs['Identifier']?.pattern).toBe(IDENTIFIER_PATTERN);
    expect(schema.$defs['HttpUrl']?.pattern).toBe(HTTP_URL_PATTERN);
    // Every definition has a name a producer can read (no anonymous `__schema0`) and a title.
    for (const [name, definition] of Object.entries(schema.$defs)) {
      expect(name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(definition.title, name).toMatch(/\S/);
    }
  });

  it('spells the case-insensitive identifier rule so that `departement:2A` passes', () => {
    const pattern = new RegExp(IDENTIFIER_PATTERN, 'u');
    for (const id of ['region:44', 'departement:2A', 'commune:88160', 'vosges-teleconsultation', 'a.b_c']) {
      expect(pattern.test(id)).toBe(true);
    }
    for (const id of ['-x', 'a b', 'é', ':x', '']) expect(pattern.test(id)).toBe(false);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (value) => {
        expect(pattern.test(value)).toBe(z.safeParse(Identifier, value).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts only http(s) URLs with a domain, as the SDK does', () => {
    const pattern = new RegExp(HTTP_URL_PATTERN, 'u');
    const accepted = [
      'https://www.grand-est.ars.sante.fr/cnr-sante?x=1#top',
      'http://example.org',
      'HTTPS://EXAMPLE.ORG/Path',
      'https://user:pw@example.org:8443/a b',
    ];
    const rejected = [
      'javascript:alert(1)',
      'JavaScript://example.org/%0Aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.org/file',
      'https://localhost/',
      'https://127.0.0.1/',
      'https:example.org',
      '//example.org',
    ];
    for (const url of accepted) {
      expect(pattern.test(url), url).toBe(true);
      expect(z.safeParse(HttpUrl, url).success, url).toBe(true);
    }
    for (const url of rejected) {
      expect(pattern.test(url), url).toBe(false);
      expect(z.safeParse(HttpUrl, url).success, url).toBe(false);
    }
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https', 'ftp', 'javascript'], withQueryParameters: true, withFragments: true }), (url) => {
        expect(pattern.test(url)).toBe(z.safeParse(HttpUrl, url).success);
      }),
      { numRuns: 1000 },
    );
  });
});
