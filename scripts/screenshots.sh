#!/usr/bin/env bash
# Refreshes the README pictures in docs/images from the same code-server UI tests CI runs: builds, packages and
# installs the extension in code-server on the prepared machine of test/vscode/run-in-code-server.sh, then
#  - .ci/e2e/ui-smoke.js opens the Proxy Status view in a 700 px sidebar and runs Test Registry Connectivity (the
#    broken machine: Problems with each next step, a layer with its test row, the report):
#    proxy-status.png, connectivity-tree.png, connectivity-report.png;
#  - .ci/e2e/ui-lint-pictures.js opens three bad files of test/fixtures/pictures-workspace and the rule docs picker:
#    lint-daemon-json.png, lint-dropin.png, lint-dockerfile.png, rule-docs-picker.png;
#  - .ci/e2e/ui-engines.js shows the view on the recorded Docker Desktop machine: proxy-status-desktop.png.
# A picture is copied only when the step that takes it passed its assertions. Look at the pictures before committing them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
npm run -s build
npx tsc -p .
# As in the suite: a network namespace with only loopback, so the connectivity step reaches no other address.
ONLY_UI=1 SCREENSHOTS_TO="$ROOT/docs/images" unshare --net -- bash -c 'ip link set lo up && exec bash test/vscode/run-in-code-server.sh'
ls -l docs/images/proxy-status.png docs/images/proxy-status-desktop.png docs/images/connectivity-tree.png docs/images/connectivity-report.png \
  docs/images/lint-daemon-json.png docs/images/lint-dropin.png docs/images/lint-dockerfile.png docs/images/rule-docs-picker.png
