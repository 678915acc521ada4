#!/usr/bin/env bash
# Installs what the demo and the tests need, when it is missing: Debian's
# Chromium, Firefox ESR and WebKitGTK's WebKitWebDriver + MiniBrowser with Xvfb (apt), pnpm (npm), the workspace's dependencies
# (pinned by pnpm-lock.yaml), and builds the embedded dataset.
# Safe to run twice: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.21.0
want_browsers=${CNR_SETUP_BROWSERS:-1}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

if [ "$want_browsers" = 1 ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  # WebKit (Safari's engine): the MiniBrowser has no headless mode, hence Xvfb.
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  [ -x /usr/bin/Xvfb ] || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "› Installing ${missing[*]} with apt-get"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
  fi
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" != "${PNPM_VERSION%%.*}" ]; then
  echo "› Installing pnpm $PNPM_VERSION with npm"
  npm install -g --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || as_root npm install -g --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null
fi

echo "› Installing the workspace's dependencies (pnpm-lock.yaml)"
pnpm install --frozen-lockfile --reporter=silent

echo "› Building the embedded dataset"
pnpm --filter @cnr-widgets/data run build >/dev/null
