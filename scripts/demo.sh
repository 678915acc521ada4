#!/usr/bin/env bash
# Serves the examples (the demo partner page on the embedded dataset) on
# http://localhost:5173/, after installing what is missing (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
CNR_SETUP_BROWSERS=0 bash scripts/setup.sh
port=${PORT:-5173}
echo
echo "  CNR Widgets demo: http://localhost:$port/"
echo
exec pnpm exec vite --config examples/vite.config.ts --port "$port" --strictPort --host localhost
