/**
 * What the scripts that write a file from the zod schemas share (generate-json-schema.mjs,
 * generate-compiled-checks.mjs): load a TypeScript module of scripts/ through Vite's module
 * runner (Node 20 cannot strip types itself, so no build is needed first), call one of its
 * functions for the file's text, and write it — or, with `--check` on the command line, exit 1
 * when the checked-in file differs.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ module: string, produce: string, target: string, script: string }} file
 *   `module` and `target` relative to the package; `produce` the module's function returning the
 *   text; `script` the package script that regenerates it (named in the error).
 */
export async function writeGeneratedFile({ module: source, produce, target: targetPath, script }) {
  const target = resolve(root, targetPath);
  const { module } = await runnerImport(resolve(root, source), {
    configFile: false,
    logLevel: 'error',
    root,
    resolve: { conditions: ['source'] },
  });
  const text = module[produce]();
  const shown = relative(process.cwd(), target) || target;
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current === text) {
      console.log(`${shown} matches the zod schemas.`);
      return;
    }
    const fix = `Run \`pnpm --filter @cnr-widgets/sdk run ${script}\` and commit it.`;
    console.error(current === undefined ? `${shown} is missing. ${fix}` : `${shown} does not match the zod schemas. ${fix}`);
    process.exitCode = 1;
    return;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
  console.log(`Wrote ${shown}.`);
}
