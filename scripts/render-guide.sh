#!/usr/bin/env bash
# Renders the guide's diagram: docs/guide/docker-proxy-layers.svg (the source we draw) -> .png (for the Marketplace
# and viewers without SVG). The PNG is committed; test/unit/docs.test.ts checks it still matches the SVG.
# Needs rsvg-convert (Debian package librsvg2-bin, installed by .ci/install.sh). Usage: bash scripts/render-guide.sh [OUT]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/docs/guide/docker-proxy-layers.png}
command -v rsvg-convert >/dev/null || { echo "render-guide: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 2; }
rsvg-convert --format png "$ROOT/docs/guide/docker-proxy-layers.svg" --output "$OUT"
