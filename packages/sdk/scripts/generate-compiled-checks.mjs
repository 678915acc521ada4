#!/usr/bin/env node
/**
 * Writes `src/validation/compiled-checks.generated.ts` from the zod schemas
 * (see scripts/compiled-checks.ts).
 *
 *   node scripts/generate-compiled-checks.mjs           # regenerate (pnpm run checks)
 *   node scripts/generate-compiled-checks.mjs --check   # exit 1 if the checked-in file differs (pnpm run checks:check)
 */
import { writeGeneratedFile } from './generated-file.mjs';

await writeGeneratedFile({
  module: 'scripts/compiled-checks.ts',
  produce: 'generateCompiledChecks',
  target: 'src/validation/compiled-checks.generated.ts',
  script: 'checks',
});
