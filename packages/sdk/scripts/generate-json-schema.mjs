#!/usr/bin/env node
/**
 * Writes `schema/cnr-dataset.schema.json` from the zod schemas.
 *
 *   node scripts/generate-json-schema.mjs           # regenerate (pnpm run schema)
 *   node scripts/generate-json-schema.mjs --check   # exit 1 if the checked-in file differs (pnpm run schema:check)
 */
import { writeGeneratedFile } from './generated-file.mjs';

await writeGeneratedFile({
  module: 'scripts/dataset-json-schema.ts',
  produce: 'serializeDatasetJsonSchema',
  target: 'schema/cnr-dataset.schema.json',
  script: 'schema',
});
