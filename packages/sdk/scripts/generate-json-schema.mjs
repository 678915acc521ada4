#!/usr/bin/env node
/**
 * Writes `schema/cnr-dataset.schema.json` from the zod schemas.
 *
 *   node scripts/generate-json-schema.mjs           # regenerate (pnpm run schema)
 *   node scripts/generate-json-schema.mjs --check   # exit 1 if the checked-in file differs (pnpm run schema:check)
 *
 * The schemas are TypeScript: Vite's module runner loads them (Node 20 cannot
 * strip types itself), so no build is needed first.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(root, 'schema/cnr-dataset.schema.json');
const check = process.argv.includes('--check');

const { module } = await runnerImport(resolve(root, 'scripts/dataset-json-schema.ts'), {
  configFile: false,
  logLevel: 'error',
  root,
  resolve: { conditions: ['source'] },
});
const text = module.serializeDatasetJsonSchema();
const shown = relative(process.cwd(), target) || target;

if (check) {
  const current = await readFile(target, 'utf8').catch(() => undefined);
  if (current !== text) {
    console.error(
      current === undefined
        ? `${shown} is missing. Run \`pnpm --filter @cnr-widgets/sdk run schema\` and commit it.`
        : `${shown} does not match the zod schemas. Run \`pnpm --filter @cnr-widgets/sdk run schema\` and commit it.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`${shown} matches the zod schemas.`);
  }
} else {
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
  console.log(`Wrote ${shown}.`);
}
