#!/usr/bin/env bash
# Neovim (Debian's 0.7.2) as a second, independent LSP client of dist/server.js. Exit code 0/1.
# Needs: `npm run -s build` (dist/server.js) and `npx tsc -p .` (out/, for the engine's expected findings).
# The server is the npm package's: `npm run pack:cli` (from the current dist/), installed offline into a scratch
# folder and started as `docker-proxy-doctor lsp --stdio`, the command the README gives Neovim users.
# Env: DPD_SERVER=path/to/server.js tests that build directly instead (started as `node server.js --stdio`);
# NVIM (default nvim).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SERVER=${DPD_SERVER:-$ROOT/dist/server.js}
NVIM=${NVIM:-nvim}

command -v "$NVIM" >/dev/null || { echo "FAIL: $NVIM not found (bash .ci/install.sh installs Debian's neovim)"; exit 1; }
[ -f "$ROOT/out/server/src/engine/index.js" ] || { echo "FAIL: out/ not compiled (npx tsc -p .)"; exit 1; }

T=$(mktemp -d /tmp/dpd-nvim.XXXXXX)
trap 'rm -rf "$T"' EXIT
# nvim writes lsp.log, shada and swap files under these.
export XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data XDG_CACHE_HOME=$T/xdg/cache XDG_STATE_HOME=$T/xdg/state
unset HTTP_PROXY HTTPS_PROXY NO_PROXY ALL_PROXY http_proxy https_proxy no_proxy all_proxy

mkdir -p "$T/etc/docker" "$T/project" "$T/app"
cp "$ROOT/test/fixtures/daemon-json/x-top-level-http-proxy.json" "$T/etc/docker/daemon.json"
printf 'FROM debian:12\nENV http_proxy=http://proxy:3128\nRUN apt-get update\n' > "$T/app/Dockerfile"
printf '{"name":"x"}\n' > "$T/project/config.json"

if [ -z "${DPD_SERVER:-}" ]; then
  TGZ=$(cd "$ROOT" && node scripts/pack-cli.mjs --no-build | tail -1)
  mkdir -p "$T/npm-install" "$T/npm-cache"
  (cd "$T/npm-install" && npm install --offline --no-audit --no-fund --silent --cache "$T/npm-cache" "$TGZ")
  export DPD_SERVER_BIN=$T/npm-install/node_modules/.bin/docker-proxy-doctor
  [ -x "$DPD_SERVER_BIN" ] || { echo "FAIL: the npm package installed no bin"; exit 1; }
  echo "server: $DPD_SERVER_BIN lsp --stdio (npm package $(basename "$TGZ"), installed offline)"
fi
export DPD_SERVER=$SERVER DPD_DAEMON=$T/etc/docker/daemon.json DPD_DOCKERFILE=$T/app/Dockerfile \
       DPD_UNRELATED=$T/project/config.json DPD_EXPECTED=$T/expected.json

# What the engine itself finds in the same files, by the same path-based detection the server uses.
node - "$ROOT/out/server/src/engine/index.js" "$DPD_DAEMON" "$DPD_DOCKERFILE" "$DPD_UNRELATED" > "$DPD_EXPECTED" <<'EOF'
const [engineJs, ...files] = process.argv.slice(2);
const engine = require(engineJs);
const fs = require('fs');
const out = {};
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const kind = engine.detectKind(f, text);
  out[f] = kind ? engine.lint(text, kind, { path: f }).map((x) => ({ code: x.ruleId, line: x.range.start.line })) : [];
  process.stderr.write(`engine: ${f.replace(/.*\/dpd-nvim\.[^/]+\//, '')} kind=${kind ?? 'none'} findings=${out[f].map((x) => `${x.code}@${x.line + 1}`).join(',') || '-'}\n`);
}
process.stdout.write(JSON.stringify(out));
EOF

cd "$T"
rc=0
# timeout: a hung nvim must not hang the suite (the Lua itself bounds every wait).
timeout 120 "$NVIM" --headless --clean -u NONE -n -i NONE -c "luafile $ROOT/test/nvim/lsp-client.lua" </dev/null || rc=$?
echo
[ "$rc" -eq 0 ] && echo "nvim LSP client: PASS" || echo "nvim LSP client: FAIL (exit $rc)"
exit "$rc"
