#!/usr/bin/env bash
# The npm package of the CLI (issue 20): `npm run pack:cli` builds the tarball, which is installed OFFLINE into an
# empty folder with an empty npm cache (so nothing can come from a registry: the package must have no dependencies),
# and the installed bin runs lint, status --root, explain and the language server (a real LSP initialize over stdio).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
T=$(mktemp -d "${RUN_DIR:-/tmp}/npm-package.XXXXXX")
fail() { echo "FAIL: $*"; exit 1; }

TGZ=$(node scripts/pack-cli.mjs --no-build | tail -1)
[ -f "$TGZ" ] || fail "pack:cli printed '$TGZ', not a file"
case "$TGZ" in "$ROOT"/dist/*.tgz) ;; *) fail "tarball not under dist/: $TGZ" ;; esac
echo "tarball: $TGZ ($(stat -c %s "$TGZ") bytes)"
tar -tzf "$TGZ" | sort

mkdir -p "$T/empty-project" "$T/npm-cache"
cd "$T/empty-project"
unset HTTP_PROXY HTTPS_PROXY http_proxy https_proxy ALL_PROXY all_proxy
# --offline with a fresh cache: any dependency would have to come from the network, so the install would fail.
npm install --offline --no-audit --no-fund --cache "$T/npm-cache" --registry http://127.0.0.1:9/ "$TGZ"
ls node_modules
[ "$(ls node_modules | grep -v '^\.' | tr '\n' ' ')" = "docker-proxy-doctor " ] || fail "node_modules holds more than the package: $(ls node_modules)"
BIN=$T/empty-project/node_modules/.bin/docker-proxy-doctor
[ -x "$BIN" ] || fail "no bin at $BIN"

echo "--- lint"
printf '{\n  "http-proxy": "http://proxy.example.com:3128"\n}\n' > daemon.json
rc=0; out=$("$BIN" lint --kind daemon-json --format json daemon.json) || rc=$?
echo "$out"
[ "$rc" -eq 1 ] || fail "lint exit $rc, expected 1"
echo "$out" | grep -q '"rule":"DJ001"' || echo "$out" | grep -q '"rule": "DJ001"' || fail "lint did not report DJ001"

echo "--- status --root"
rc=0; out=$("$BIN" status --root "$ROOT/examples/broken") || rc=$?
echo "$out" | head -5
[ "$rc" -eq 1 ] || fail "status exit $rc, expected 1 (the broken tree has a layer in error)"
echo "$out" | grep -q '\[FAIL\] Daemon' || fail "status shows no failing daemon layer"
echo "$out" | grep -q 's3cret' && fail "status printed a password"

echo "--- explain"
rc=0; out=$(printf '#5 ERROR: failed to authorize: failed to fetch oauth token: Post "https://auth.docker.io/token": dial tcp 44.208.254.194:443: i/o timeout\n' | "$BIN" explain) || rc=$?
echo "$out"
[ "$rc" -eq 1 ] || fail "explain exit $rc, expected 1 (it knows this error)"
echo "$out" | grep -qi 'token' || fail "explain did not explain the token error"

echo "--- lsp --stdio"
out=$(node "$ROOT/test/cli/lsp-initialize.js" "$BIN" lsp --stdio)
echo "$out"
echo "$out" | grep -q '"name":"docker-proxy-doctor"' || fail "no serverInfo from the language server"
echo "$out" | grep -q 'server exited with code 0' || fail "the language server did not exit cleanly after shutdown/exit"

cd "$ROOT"; rm -rf "$T"
echo "npm package: PASS"
