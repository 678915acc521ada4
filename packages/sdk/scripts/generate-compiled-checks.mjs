#!/usr/bin/env node
/**
 * Writes `src/validation/compiled-checks.generated.ts` from the zod schemas
 * (see scripts/compiled-checks.ts).
 *
 *   node scripts/generate-compiled-checks.mjs           # regenerate (pnpm run checks)
 *   node scripts/generate-compiled-checks.mjs --check   # exit 1 if the checked-in file differs (pnpm run checks:check)
 *
 * The schemas are TypeScript: Vite's module runner loads them, so no build is needed first.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(root, 'src/validation/compiled-checks.generated.ts');
const check = process.argv.includes('--check');

const { module } = await runnerImport(resolve(root, 'scripts/compiled-checks.ts'), {
  configFile: false,
  logLevel: 'error',
  root,
  resolve: { conditions: ['source'] },
});
const text = module.generateCompiledChecks();
const shown = relative(process.cwd(), target) || target;

if (check) {
  const current = await readFile(target, 'utf8').catch(() => undefined);
  if (current !== text) {
    console.error(
      current === undefined
        ? `${shown} is missing. Run \`pnpm --filter @cnr-widgets/sdk run checks\` and commit it.`
        : `${shown} does not match the zod schemas. Run \`pnpm --filter @cnr-widgets/sdk run checks\` and commit it.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`${shown} matches the zod schemas.`);
  }
} else {
  await writeFile(target, text);
  console.log(`Wrote ${shown}.`);
}
