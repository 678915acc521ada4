/**
 * Serves a dataset through the REST contract on 127.0.0.1.
 *
 *   node dist/main.js                       # the embedded reference dataset, port 8787
 *   node dist/main.js my-dataset.json       # a producer's document, over the reference (régions, départements, TDS, axes, solutions)
 *   node dist/main.js my-dataset.json --port 9000   (or PORT=9000)
 */
import { readFile } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { createClient, formatProblem } from './sdk.js';
import { createApp } from './server.js';

function parseArgs(argv: readonly string[]): { file?: string; port: number } {
  let file: string | undefined;
  let port = Number(process.env['PORT'] ?? 8787);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--port') port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) port = Number(arg.slice('--port='.length));
    else if (!arg.startsWith('-')) file = arg;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Invalid port: ${port}`);
  return { ...(file ? { file } : {}), port };
}

async function main(): Promise<void> {
  const { file, port } = parseArgs(process.argv.slice(2));
  // A producer's file stands on the reference, as in a browser (`src`): the client merges it over
  // @cnr-widgets/data/referential, and the server serves that merged view.
  const client = createClient(file ? { src: JSON.parse(await readFile(file, 'utf8')) as object } : {});
  const { dataset, report } = await client.load();
  for (const problem of report.problems) console.warn(formatProblem(problem, 'en'));
  console.log(
    `${file ?? 'embedded dataset'}: version ${dataset.version}, ${dataset.projects.length} projects` +
      (report.problems.length > 0 ? `, ${report.problems.length} problems (see above)` : ''),
  );

  const app = createApp({ dataset }); // already merged and validated
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
    console.log(`CNR API listening on http://127.0.0.1:${info.port}/ (try /projects?territory=44)`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
