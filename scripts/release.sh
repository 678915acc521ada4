#!/usr/bin/env bash
# Builds the packages, checks their sizes and the changesets, and publishes them.
# A dry run unless RELEASE=1 (CI runs the dry run). Versions come from
# `pnpm changeset version`, run and committed before a release.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm build
node scripts/size.mjs
pnpm exec changeset status
if [ "${RELEASE:-0}" = 1 ]; then
  pnpm exec changeset publish
else
  pnpm -r --filter './packages/**' publish --dry-run --no-git-checks --access public
fi
