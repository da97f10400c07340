#!/usr/bin/env bash
# .pre-commit-hooks.yaml with the real pre-commit (Debian's package), offline: the hook repository is a throw-away
# local git repository holding this project's manifest (pre-commit clones it from its path), the CLI is the npm
# package installed offline and put on PATH (the hook is `language: system`). In a throw-away project repository a
# good daemon.json commits, a bad one is blocked, and files the hook does not lint commit untouched.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*"; exit 1; }
command -v pre-commit >/dev/null || fail "pre-commit not found (bash .ci/install.sh installs Debian's pre-commit)"
T=$(mktemp -d "${RUN_DIR:-/tmp}/pre-commit.XXXXXX")
export PRE_COMMIT_HOME=$T/pre-commit-home GIT_CONFIG_GLOBAL=$T/gitconfig GIT_CONFIG_NOSYSTEM=1
git config --global user.name "Proxy Doctor Test"; git config --global user.email test@example.invalid
git config --global init.defaultBranch main; git config --global commit.gpgsign false

# The CLI, from the npm package, offline.
TGZ=$(cd "$ROOT" && node scripts/pack-cli.mjs --no-build | tail -1)
mkdir -p "$T/cli" && (cd "$T/cli" && npm install --offline --no-audit --no-fund --silent --cache "$T/npm-cache" "$TGZ")
export PATH=$T/cli/node_modules/.bin:$PATH
command -v docker-proxy-doctor >/dev/null || fail "the npm package put no docker-proxy-doctor on PATH"

# The hook repository: this project's manifest, committed.
mkdir "$T/hooks" && cp "$ROOT/.pre-commit-hooks.yaml" "$T/hooks/" && git -C "$T/hooks" init -q && git -C "$T/hooks" add . && git -C "$T/hooks" commit -qm hooks
REV=$(git -C "$T/hooks" rev-parse HEAD)

mkdir "$T/project" && cd "$T/project" && git init -q
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: docker-proxy-doctor\n' "$T/hooks" "$REV" > .pre-commit-config.yaml
pre-commit install
git add .pre-commit-config.yaml && git commit -qm "pre-commit config"

mkdir -p etc/docker
echo "--- a good daemon.json commits"
printf '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,127.0.0.1,::1,registry.corp.example"\n  }\n}\n' > etc/docker/daemon.json
git add etc/docker/daemon.json
git commit -m "good daemon.json" 2>&1 | tee "$T/good.log" || fail "the good daemon.json was blocked"
grep -q 'Docker Proxy Doctor.*Passed' "$T/good.log" || fail "the hook did not run on the good daemon.json"

echo "--- a bad daemon.json is blocked"
BEFORE=$(git rev-parse HEAD)
printf '{\n  "http-proxy": "http://proxy.example.com:3128",\n  "proxies": { "httpProxy": "http://proxy.example.com:3128" }\n}\n' > etc/docker/daemon.json
git add etc/docker/daemon.json
rc=0; git commit -m "bad daemon.json" > "$T/bad.log" 2>&1 || rc=$?
cat "$T/bad.log"
[ "$rc" -ne 0 ] || fail "the bad daemon.json was committed"
[ "$(git rev-parse HEAD)" = "$BEFORE" ] || fail "HEAD moved although the hook failed"
grep -q 'Docker Proxy Doctor.*Failed' "$T/bad.log" || fail "the hook did not report a failure"
grep -q 'DJ001' "$T/bad.log" && grep -q 'DJ002' "$T/bad.log" || fail "the hook output does not name DJ001 and DJ002"
git checkout -q HEAD -- etc/docker/daemon.json

echo "--- files the hook does not lint (a README, an unrelated config.json) commit, the hook skipped or passed"
printf '# notes\n' > README.md; printf '{ "name": "app", "port": 8080 }\n' > config.json
git add README.md config.json
git commit -m "other files" 2>&1 | tee "$T/other.log" || fail "an unrelated config.json or README was blocked"

cd "$ROOT"; rm -rf "$T"
echo "pre-commit hook: PASS"
