#!/usr/bin/env bash
# CLI tests against the bundled dist/cli.js (run `npm run build && npx tsc -p .` first).
set -euo pipefail
cd "$(dirname "$0")/../.."
node --test out/test/cli/
# The npm package: packed, installed offline into an empty folder, and run (lint, status, explain, lsp --stdio).
bash test/cli/npm-package.sh
# The pre-commit hook with the real pre-commit tool: a bad daemon.json blocks the commit, a good one passes.
bash test/cli/pre-commit.sh
