#!/usr/bin/env bash
# Runs every test: lint, type check, JSON Schema and source checks, unit tests
# (Vitest, Node), browser tests (Chromium, Firefox ESR and WebKit), Storybook build.
# Installs what it needs first (scripts/setup.sh). Exits non-zero on any failure.
# The build runs before the tests: some check its output (the CLI, the built
# dataset, the examples), and under CI=true they fail, not skip, without it.
set -euo pipefail
cd "$(dirname "$0")/.."
export STORYBOOK_DISABLE_TELEMETRY=1 PUPPETEER_SKIP_DOWNLOAD=1

bash scripts/setup.sh

reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT

step() { printf '\n━━ %s\n' "$1"; }

step "Lint"
pnpm lint

step "Type check"
pnpm typecheck

step "JSON Schema matches the zod schemas"
pnpm --filter @cnr-widgets/sdk run schema:check

step "The compiled checks match the zod schemas"
pnpm --filter @cnr-widgets/sdk run checks:check

step "The CLI's COG table matches @etalab/decoupage-administratif"
pnpm --filter @cnr-widgets/sdk run cog:check

step "Every excerpt of the dataset appears in its source document"
pnpm --filter @cnr-widgets/data run verify-sources

step "Build (npm entries, CDN bundle + SRI, manifest, typings, export checks) and size budgets"
pnpm build
pnpm test:cdn 2>&1 | tee "$reports/node-test-cdn.log" # Subresource Integrity of the CDN snippet, Chromium, Firefox ESR and WebKit
pnpm size:check # `pnpm size` is `pnpm build` and this check; the build just ran

step "Unit tests (Node)"
for pkg in sdk data elements; do # elements: the server rendering (its browser tests are below)
  (cd "packages/$pkg" && pnpm exec vitest run --reporter=default --reporter=json --outputFile="$reports/vitest-$pkg.json")
done

step "Browser tests (Chromium, Firefox ESR, WebKit)"
pnpm test:browser 2>&1 | tee "$reports/wtr.log"

step "Examples: smoke tests of every page in Chromium and WebKit, and the SDK in Node"
(cd examples && pnpm exec vitest run --reporter=default --reporter=json --outputFile="$reports/vitest-examples.json")

step "Release dry run (packs and checks the three packages, publishes nothing)"
pnpm exec changeset status
pnpm -r --filter './packages/**' publish --dry-run --no-git-checks --access public
node scripts/check-pack.mjs # no test, story or fixture in a tarball; every exported file in it

step "Storybook build, and its docs pages in the toolbar language"
pnpm build-storybook
pnpm test:storybook

step "Summary (each engine, then everything)"
node scripts/test-summary.mjs "$reports"
