#!/usr/bin/env bash
# Real VS Code tests in code-server 4.100.3 (VS Code 1.100.3) driven by Debian chromium through playwright-core:
#  (a) the mocha suite (out/test/vscode/suite) in code-server's Node extension host, extension loaded from $ROOT
#      (extensionDevelopmentPath via the workbench `payload` URL parameter; exit code from window.codeAutomationExit);
#  (b) a UI smoke test against the packaged and INSTALLED .vsix (Explorer, Problems panel, palette command, screenshot).
#  (c) activation of the installed .vsix: an ordinary JSON file in a workspace without Docker files does not start
#      its language server; a Docker workspace does (activation time printed), and a rule id clicked in Problems opens the bundled page;
#  (d) the error explainer in that UI (.ci/e2e/ui-explain.js: terminal link hover and click, Output panel hover);
#  (f) Set Up Proxy (.ci/e2e/ui-setup.js: the command's inputs, the multi-file diff preview, the terminal step, undo);
#  (e) the README pictures of the lint UI (.ci/e2e/ui-lint-pictures.js: daemon.json, drop-in and Dockerfile findings
#      with their Quick Fix menus, the Dockerfile hover, the rule docs picker), in a workspace of three bad files.
#  (f) the view on a recorded Docker Desktop machine (.ci/e2e/ui-engines.js, test/fixtures/engines/desktop-mac).
# Builds nothing: the caller runs `npm run build && npx tsc -p .` first. Everything listens on 127.0.0.1 only.
# Env: CI_CACHE (default $ROOT/.ci/cache), RUN_DIR (scratch dir, default mktemp), CS_PORT (default: a free port),
#      ONLY_UI=1 (skip the mocha suite), SCREENSHOTS_TO (also copy the README pictures there: see README_SHOTS).
# Output: `N passed, N failed` for each part and a final one for the two parts; exit 1 when anything failed.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CI_CACHE=${CI_CACHE:-$ROOT/.ci/cache}
RUN_DIR=${RUN_DIR:-$(mktemp -d /tmp/dpd-vscode.XXXXXX)}
CS_ENTRY=$CI_CACHE/code-server/node_modules/code-server/out/node/entry.js
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
D=$RUN_DIR/code-server
SHOTS=$RUN_DIR/shots
PASS=0; FAIL=0; CS_PID=
log() { echo "[vscode] $*"; }
result() { if [ "$1" -eq 0 ]; then PASS=$((PASS + 1)); log "PASS $2"; else FAIL=$((FAIL + 1)); log "FAIL $2"; fi; }
finish() { echo "vscode: $PASS passed, $FAIL failed"; [ "$FAIL" -eq 0 ]; }

stop_code_server() {
  [ -n "$CS_PID" ] || return 0
  kill -TERM "$CS_PID" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$CS_PID" 2>/dev/null || { CS_PID=; return 0; }; sleep 0.1; done
  kill -KILL "$CS_PID" 2>/dev/null; CS_PID=
}
trap stop_code_server EXIT

for f in "$CS_ENTRY" "$CHROMIUM" "$ROOT/dist/extension.js" "$ROOT/dist/server.js" "$ROOT/out/test/vscode/suite/index.js" "$ROOT/node_modules/playwright-core/package.json"; do
  [ -e "$f" ] || { log "missing $f (run .ci/install.sh, then npm run build && npx tsc -p .)"; FAIL=1; finish; exit 1; }
done

# Nothing may land in ~: code-server, chromium and the extension host write under XDG/HOME.
mkdir -p "$D/user/User" "$D/ext" "$D/home" "$D/xdg/config" "$D/xdg/data" "$D/xdg/cache" "$D/xdg/state" "$SHOTS"
# The prepared machine (test/fixtures/machine): DOCKER_CONFIG with a config.json, a rootless-location daemon.json.
# The server reads these real paths; the daemon itself comes from this machine (no dockerd running: "daemon down").
MACHINE=$RUN_DIR/machine
rm -rf "$MACHINE" && cp -r "$ROOT/test/fixtures/machine" "$MACHINE"
cp -r "$MACHINE/home/." "$D/home/"
mkdir -p "$D/xdg/config/docker" && cp "$MACHINE/home/.config/docker/daemon.json" "$D/xdg/config/docker/daemon.json"
export DOCKER_CONFIG=$MACHINE/docker-config
unset DOCKER_HOST DOCKER_CONTEXT
export HOME=$D/home XDG_CONFIG_HOME=$D/xdg/config XDG_DATA_HOME=$D/xdg/data XDG_CACHE_HOME=$D/xdg/cache XDG_STATE_HOME=$D/xdg/state
unset HTTP_PROXY HTTPS_PROXY http_proxy https_proxy ALL_PROXY all_proxy
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost

# A free port on 127.0.0.1 unless one was given.
CS_PORT=${CS_PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}

# 1. Package the extension as users get it.
(cd "$ROOT" && npx --no-install vsce package --no-dependencies --skip-license -o "$RUN_DIR/docker-proxy-doctor.vsix" >"$RUN_DIR/vsce.log" 2>&1)
rc=$?; [ $rc -eq 0 ] || tail -20 "$RUN_DIR/vsce.log"
result $rc "package the .vsix (vsce)"
[ $rc -eq 0 ] || { finish; exit 1; }

# 2. code-server profile: no walkthrough stealing keystrokes, no telemetry, no trust prompt, no update checks; the
#    terminal's DOM renderer, so the UI test can find the text a terminal shows.
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$CS_PORT" >"$D/config.yaml"
cat >"$D/user/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "git.enabled": false,
  "window.restoreWindows": "none",
  "terminal.integrated.gpuAcceleration": "off"
}
JSON
CS=(node "$CS_ENTRY" --config "$D/config.yaml" --user-data-dir "$D/user" --extensions-dir "$D/ext")
"${CS[@]}" --install-extension "$RUN_DIR/docker-proxy-doctor.vsix" >"$RUN_DIR/install-ext.log" 2>&1
rc=$?; [ $rc -eq 0 ] || cat "$RUN_DIR/install-ext.log"
result $rc "install the .vsix into code-server"
[ $rc -eq 0 ] || { finish; exit 1; }

# Two copies of the fixture workspace: the suite edits files and settings, the smoke test needs pristine ones.
rm -rf "$RUN_DIR/ws-tests" "$RUN_DIR/ws-ui" "$RUN_DIR/ws-link" "$RUN_DIR/ws-json" "$RUN_DIR/ws-cli" "$RUN_DIR/ws-pics"
cp -r "$ROOT/test/fixtures/workspace" "$RUN_DIR/ws-tests"
cp -r "$ROOT/test/fixtures/workspace" "$RUN_DIR/ws-ui"
cp -r "$ROOT/test/fixtures/workspace" "$RUN_DIR/ws-link"
cp -r "$ROOT/test/fixtures/no-docker-workspace" "$RUN_DIR/ws-json"
cp -r "$ROOT/test/fixtures/pictures-workspace" "$RUN_DIR/ws-pics"
# A home folder with only .docker/config.json: JSON no longer activates us by language, so this proves that the
# workspaceContains pattern matches a dot-folder.
rm -rf "$RUN_DIR/ws-cli" && mkdir -p "$RUN_DIR/ws-cli" && cp -r "$ROOT/test/fixtures/workspace/home/.docker" "$RUN_DIR/ws-cli/"

# 3. Start code-server on 127.0.0.1; the extension host inherits this environment.
DPD_EXPECT_EXT_PATH=$ROOT "${CS[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override >"$D/log" 2>&1 &
CS_PID=$!
healthy=1
for _ in $(seq 1 1200); do  # up to 120 s (a cold start on a busy machine); it is usually healthy after ~1 s
  if curl -sf -o /dev/null "http://127.0.0.1:$CS_PORT/healthz"; then healthy=0; break; fi
  kill -0 "$CS_PID" 2>/dev/null || break
  sleep 0.1
done
[ $healthy -eq 0 ] || tail -20 "$D/log"
result $healthy "start code-server on 127.0.0.1:$CS_PORT"
[ $healthy -eq 0 ] || { finish; exit 1; }

NOISE='^(\[browser\] (%c|Creating a socket|Resolv|Updating|ChatSession|\[Service Worker\])|/usr/bin/chromium: [0-9]+: \[:)'
# (a) mocha suite inside the extension host, extension from the development path (ONLY_UI=1 skips it).
if [ "${ONLY_UI:-}" != 1 ]; then
CS_BASE=http://127.0.0.1:$CS_PORT EXT_DEV_PATH=$ROOT EXT_TESTS_PATH=$ROOT/out/test/vscode/suite/index \
  WS_FOLDER=$RUN_DIR/ws-tests CHROMIUM=$CHROMIUM node "$ROOT/.ci/e2e/run-ext-tests.js" 2>&1 | grep -Ev "$NOISE"
result "${PIPESTATUS[0]}" "mocha suite in the code-server extension host"
fi

# The suite edits the prepared config.json; the UI smoke starts from the pristine one.
cp "$ROOT/test/fixtures/machine/docker-config/config.json" "$DOCKER_CONFIG/config.json"

# (b) UI smoke against the installed .vsix.
CS_URL="http://127.0.0.1:$CS_PORT/?folder=$RUN_DIR/ws-ui" OUT_DIR=$SHOTS CHROMIUM=$CHROMIUM \
  node "$ROOT/.ci/e2e/ui-smoke.js" 2>&1 | grep -Ev "$NOISE"
rc=${PIPESTATUS[0]}
result "$rc" "UI smoke test against the installed .vsix"
# (d) the error explainer in the UI: terminal link, click, hover in the Output panel (same installed .vsix).
CS_URL="http://127.0.0.1:$CS_PORT/?folder=$RUN_DIR/ws-ui" OUT_DIR=$SHOTS CHROMIUM=$CHROMIUM \
  node "$ROOT/.ci/e2e/ui-explain.js" 2>&1 | grep -Ev "$NOISE"
result "${PIPESTATUS[0]}" "UI test of the error explainer against the installed .vsix"
# (e) the lint UI in pictures: findings, Quick Fix menus, a hover and the rule docs picker (same installed .vsix).
CS_URL="http://127.0.0.1:$CS_PORT/?folder=$RUN_DIR/ws-pics" OUT_DIR=$SHOTS CHROMIUM=$CHROMIUM \
  node "$ROOT/.ci/e2e/ui-lint-pictures.js" 2>&1 | grep -Ev "$NOISE"
result "${PIPESTATUS[0]}" "UI pictures of the lint findings, quick fixes and rule docs picker"
# (f) Set Up Proxy in the UI: the command and its inputs, the multi-file diff preview, the terminal step, the undo.
rm -rf "$RUN_DIR/ws-setup" && mkdir -p "$RUN_DIR/ws-setup"
printf 'FROM debian:bookworm\nENV https_proxy=http://bob:hunter2@proxy.corp.example:3128\nRUN apt-get update\n' >"$RUN_DIR/ws-setup/Dockerfile"
CS_URL="http://127.0.0.1:$CS_PORT/?folder=$RUN_DIR/ws-setup" OUT_DIR=$SHOTS CHROMIUM=$CHROMIUM \
  node "$ROOT/.ci/e2e/ui-setup.js" 2>&1 | grep -Ev "$NOISE"
result "${PIPESTATUS[0]}" "UI test of Set Up Proxy (command, diff preview, terminal step, undo) against the installed .vsix"
# (g) a recorded Docker Desktop machine (test/fixtures/engines/desktop-mac) in the view: docker answers from the
#     recording (user setting dockerProxyDoctor.dockerPath), Desktop's settings-store.json at the Linux Desktop path.
DESKTOP_DOCKER=$RUN_DIR/desktop-docker
printf '#!/bin/sh\nexec "%s" "%s" "%s" "$@"\n' "$(command -v node)" "$ROOT/test/fixtures/engines/docker-replay.js" "$ROOT/test/fixtures/engines/desktop-mac" >"$DESKTOP_DOCKER"
chmod +x "$DESKTOP_DOCKER"
mkdir -p "$HOME/.docker/desktop" && cp "$ROOT/test/fixtures/engines/desktop-mac/settings-store.json" "$HOME/.docker/desktop/settings-store.json"
CS_URL="http://127.0.0.1:$CS_PORT/?folder=$RUN_DIR/ws-ui" OUT_DIR=$SHOTS CHROMIUM=$CHROMIUM DESKTOP_DOCKER=$DESKTOP_DOCKER \
  USER_SETTINGS=$D/user/User/settings.json node "$ROOT/.ci/e2e/ui-engines.js" 2>&1 | grep -Ev "$NOISE"
result "${PIPESTATUS[0]}" "UI: the Proxy Status view of a recorded Docker Desktop machine"
rm -rf "$HOME/.docker/desktop"
if [ -f "$SHOTS/ui-smoke.png" ]; then
  mkdir -p "$ROOT/.test-artifacts" && cp "$SHOTS"/*.png "$ROOT/.test-artifacts/" 2>/dev/null
  log "screenshots: $SHOTS (copied to $ROOT/.test-artifacts/)"
fi
# The README's pictures; each is written only by a step that passed its assertions, so a missing one stays as it was.
README_SHOTS="proxy-status.png proxy-status-desktop.png connectivity-tree.png connectivity-report.png lint-daemon-json.png lint-dropin.png lint-dockerfile.png rule-docs-picker.png"
if [ -n "${SCREENSHOTS_TO:-}" ]; then
  mkdir -p "$SCREENSHOTS_TO"
  for f in $README_SHOTS; do
    if [ -f "$SHOTS/$f" ]; then cp "$SHOTS/$f" "$SCREENSHOTS_TO/$f" && log "picture $SCREENSHOTS_TO/$f"; else log "picture $f not taken (its step failed)"; fi
  done
fi

# (c) activation, each in a fresh window (its own extension host), against the installed .vsix.
CS_URL="http://127.0.0.1:$CS_PORT/?folder=$RUN_DIR/ws-json" MODE=inactive OPEN=app/settings.json OUT_DIR=$SHOTS CHROMIUM=$CHROMIUM \
  node "$ROOT/.ci/e2e/activation.js" 2>&1 | grep -Ev "$NOISE"
result "${PIPESTATUS[0]}" "an ordinary JSON file does not start the language server"
CS_URL="http://127.0.0.1:$CS_PORT/?folder=$RUN_DIR/ws-link" MODE=active OPEN=etc/docker/daemon.json RULE=DJ001 OUT_DIR=$SHOTS \
  CHROMIUM=$CHROMIUM node "$ROOT/.ci/e2e/activation.js" 2>&1 | grep -Ev "$NOISE"
result "${PIPESTATUS[0]}" "a Docker workspace activates it; a rule id in Problems opens the bundled page"
CS_URL="http://127.0.0.1:$CS_PORT/?folder=$RUN_DIR/ws-cli" MODE=active OPEN=.docker/config.json RULE=CC003 OUT_DIR=$SHOTS \
  CHROMIUM=$CHROMIUM node "$ROOT/.ci/e2e/activation.js" 2>&1 | grep -Ev "$NOISE"
result "${PIPESTATUS[0]}" "a home folder with only .docker/config.json activates it, CC003 link works"
# Which event activated us in each window (the extension host logs it at info level).
grep -h -e "_doActivateExtension docker-proxy-doctor" -e "Not activating extension 'docker-proxy-doctor" \
  "$D"/user/logs/*/exthost*/remoteexthost.log 2>/dev/null | sed 's/^/[vscode] /'

stop_code_server
log "artifacts: $RUN_DIR (code-server log: $D/log)"
finish
