#!/usr/bin/env bash
# Installs the npm client render's tests read GEXF with (graphology-gexf),
# pinned by render/testdata/js/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../render/testdata/js"
if ! command -v npm >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --no-audit --no-fund --loglevel=error
