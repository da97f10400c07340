#!/usr/bin/env bash
# The main job: build, lint the bundled examples with the CLI, show the proxy status of the example machine,
# package the extension and say how to open it in VS Code. Needs only Node 20 and npm.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

if [ ! -d node_modules/esbuild ] || [ ! -d node_modules/@vscode/vsce ]; then
  echo "== Installing npm dependencies (first run only)"
  npm install --no-audit --no-fund --loglevel=error || { echo "npm install failed: check your npm registry access, then re-run."; exit 2; }
fi
echo "== Building"
npm run -s build || { echo "Build failed."; exit 2; }

echo
echo "== Linting examples/broken (every file has proxy mistakes)"
node dist/cli.js lint examples/broken
broken=$?
echo
echo "== Linting examples/clean (the same setup done right)"
node dist/cli.js lint examples/clean
clean=$?
echo
echo "== Proxy status of the example machine (examples/broken, files only; exit 1: a layer is in error)"
node dist/cli.js status --root examples/broken
echo
echo "== Packaging the extension"
mkdir -p dist
if npx vsce package --no-dependencies --skip-license -o dist/docker-proxy-doctor.vsix >/dev/null 2>&1; then
  echo "Packaged dist/docker-proxy-doctor.vsix. To use it:"
  echo "  VS Code:      code --install-extension dist/docker-proxy-doctor.vsix   then open examples/broken"
  echo "  code-server:  code-server --install-extension dist/docker-proxy-doctor.vsix && code-server examples/broken"
  echo "  From source:  open this folder in VS Code and press F5 (Run Extension)"
else
  echo "Packaging failed; run 'npx vsce package --no-dependencies' to see why."
fi
# The demo succeeds when the broken examples are flagged (exit 1) and the clean ones are not (exit 0).
[ "$broken" -eq 1 ] && [ "$clean" -eq 0 ]
