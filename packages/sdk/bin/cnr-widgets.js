#!/usr/bin/env node
// The `cnr-widgets` command: a thin launcher for the built CLI (src/cli/main.ts → dist/cli.js).
let main;
try {
  ({ main } = await import('../dist/cli.js'));
} catch (error) {
  process.stderr.write(
    `cnr-widgets: cannot load dist/cli.js (${error instanceof Error ? error.message : String(error)}).\n` +
      'In a source checkout, build it first: pnpm --filter @cnr-widgets/sdk run build\n',
  );
  process.exit(2);
}
// `cnr-widgets export | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
