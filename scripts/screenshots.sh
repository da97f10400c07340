#!/usr/bin/env bash
# Refreshes the README pictures (docs/images/proxy-status.png, connectivity-tree.png, connectivity-report.png) from
# the same UI smoke test CI runs: builds, packages and installs the extension in code-server on the prepared machine
# of test/vscode/run-in-code-server.sh, opens the Proxy Status view and runs Test Registry Connectivity.
# Look at the pictures before committing them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
npm run -s build
npx tsc -p .
ONLY_UI=1 SCREENSHOTS_TO="$ROOT/docs/images" bash test/vscode/run-in-code-server.sh
ls -l docs/images/proxy-status.png docs/images/connectivity-tree.png docs/images/connectivity-report.png
