#!/usr/bin/env bash
# Renders the Marketplace icon: resources/icon.svg (the source we draw) -> resources/icon.png (128x128, what ships).
# The PNG is committed so a build needs no renderer; test/package checks it still matches the SVG.
# Needs rsvg-convert (Debian package librsvg2-bin, installed by .ci/install.sh). Usage: bash scripts/render-icon.sh [OUT]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/resources/icon.png}
command -v rsvg-convert >/dev/null || { echo "render-icon: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 2; }
rsvg-convert --width 128 --height 128 --format png "$ROOT/resources/icon.svg" --output "$OUT"
