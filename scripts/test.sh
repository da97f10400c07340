#!/usr/bin/env bash
# The whole test suite: `bash scripts/test.sh` (the README's test command; `.ci/run` calls it with CI=true).
# Works on a fresh Debian 12 + Node 20 machine: installs what is missing first (.ci/install.sh, idempotent).
# Each group prints PASS/FAIL; a failed group does not stop the others. The last line is `N passed, N failed`
# (groups) and the exit code is non-zero when any group failed.
#
# Environment:
#   CI=true         stricter: nothing may be skipped (currently every group is strict anyway)
#   GROUPS_ONLY     space-separated group ids to run (e.g. "build nvim dockerd"); default: all. For local iteration;
#                   the groups not selected are reported as not run, and the summary counts only those that ran.
#   KEEP_RUN_DIR=0  delete the scratch directory at the end even when something failed
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export ROOT

if [ "${CI:-}" = true ] && [ -n "${GROUPS_ONLY:-}" ]; then
  echo "GROUPS_ONLY is for local iteration; CI runs every group"; echo "0 passed, 1 failed"; exit 2
fi
ALL_GROUPS="install build typecheck compile unit package lsp probe nvim dockerd buildx cli vscode bench"
for g in ${GROUPS_ONLY:-}; do
  [[ " $ALL_GROUPS " == *" $g "* ]] || { echo "unknown group '$g' in GROUPS_ONLY (groups: $ALL_GROUPS)"; echo "0 passed, 1 failed"; exit 2; }
done
T_START=$(date +%s)
RUN_DIR=$(mktemp -d /tmp/dpd-test.XXXXXX)
chmod 755 "$RUN_DIR" # services that drop privileges (squid: proxy, tinyproxy: nobody) must be able to enter it
export RUN_DIR
# Nothing the tools write (nvim, chromium, code-server, docker client) may land in ~ .
export XDG_CONFIG_HOME=$RUN_DIR/xdg/config XDG_DATA_HOME=$RUN_DIR/xdg/data \
       XDG_CACHE_HOME=$RUN_DIR/xdg/cache XDG_STATE_HOME=$RUN_DIR/xdg/state
export DOCKER_CONFIG=$RUN_DIR/docker-client-config
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$DOCKER_CONFIG"
export DOCKERD=${DOCKERD:-$ROOT/.ci/cache/docker-trixie/usr/sbin/dockerd}

PASSED=(); FAILED=(); NOT_RUN=()
selected() { [ -z "${GROUPS_ONLY:-}" ] || [[ " $GROUPS_ONLY " == *" $1 "* ]]; }

# group <id> <title> <command...>: runs the command, reports PASS/FAIL with its duration.
group() {
  local id=$1 title=$2; shift 2
  if ! selected "$id"; then NOT_RUN+=("$id"); return 0; fi
  local t0 rc; t0=$(date +%s)
  echo
  echo "=== [$id] $title"
  if [ "$id" = install ]; then "$@"; rc=$?
  else
    # Every test group runs in a network namespace of its own that has only loopback (127.0.0.1, ::1): nothing a
    # test starts (code-server and its extension host, our probes, the peers of the bench) can reach any other
    # address, not even a DNS server. The install is the one group that needs the package registries.
    unshare --net -- bash -c 'ip link set lo up || { echo "!!! cannot bring up loopback in the test network namespace"; exit 97; }; "$@"' loopback-only "$@"; rc=$?
  fi
  local dt=$(( $(date +%s) - t0 ))
  if [ "$rc" -eq 0 ]; then PASSED+=("$id"); echo "=== PASS [$id] $title (${dt}s)"
  else FAILED+=("$id"); echo "=== FAIL [$id] $title (exit $rc, ${dt}s)"; fi
  echo "$id $rc $dt" >> "$RUN_DIR/groups.txt"
}

# node --test passes with zero tests (an empty or missing directory is not an error for it); a test group that ran
# nothing is a defect, so count the tests from a TAP copy of the report and fail when there were none.
node_tests() { # <label> <paths...>
  local label=$1; shift
  local tap=$RUN_DIR/$label.tap
  node --test --test-reporter=spec --test-reporter-destination=stdout \
       --test-reporter=tap --test-reporter-destination="$tap" "$@"
  local rc=$? n
  n=$(awk '/^# tests /{print $3}' "$tap" 2>/dev/null | tail -1)
  if [ -z "$n" ] || [ "$n" -eq 0 ]; then
    echo "!!! $label: node --test ran 0 tests from $* (missing, empty or not compiled); counting the group as failed"
    return 1
  fi
  return $rc
}

# tsc never deletes outputs; a test file that was removed or renamed would still run from out/. Drop every
# out/**/*.js whose TypeScript source is gone (out/ is build output, git-ignored).
prune_stale_out() {
  [ -d out ] || return 0
  local js src n=0
  while IFS= read -r -d '' js; do
    src=${js#out/}; src=${src%.js}
    if [ ! -f "$src.ts" ] && [ ! -f "$src.tsx" ] && [ ! -f "$src.js" ]; then rm -f "$js" "$js.map"; n=$((n+1)); fi
  done < <(find out -name '*.js' -print0)
  [ "$n" -eq 0 ] || echo "(removed $n stale compiled file(s) from out/)"
}

do_install()   { bash .ci/install.sh; }
do_build()     { npm run -s build; }
do_typecheck() { npx tsc --noEmit -p . && npx tsc -p server/src/engine; } # the second: the engine alone, without Node or DOM types
do_compile()   { prune_stale_out; npx tsc -p .; }
do_unit()      { node_tests unit out/test/unit/ && node out/scripts/gen-manifest.js --check; }
# The Marketplace package (vsce ls/package, icon, activation events), links, and test:electron's offline failure.
do_package()   { node_tests package out/test/package/; }
do_lsp() {
  # Decision: missing OR empty test/lsp fails everywhere (not only under CI=true). The README command must not
  # report success while a whole layer of the suite has no tests; another helper is writing them.
  if [ ! -d test/lsp ]; then echo "!!! test/lsp/ does not exist"; return 1; fi
  if ! ls test/lsp/*.test.ts >/dev/null 2>&1; then echo "!!! test/lsp/ has no *.test.ts files yet"; return 1; fi
  node_tests lsp out/test/lsp/
}
# Connectivity probes against real registries and proxies on 127.0.0.1 (test/probe/parts.ts starts and stops them).
do_probe()     { node_tests probe out/test/probe/; }
do_nvim()      { bash test/nvim/run.sh; }
do_dockerd() {
  local rc=0
  node --test-reporter=spec out/test/dockerd/crosscheck.js || rc=1
  # The status engine against the same dockerd 26 and trixie's buildx 0.13 (fails when it ran 0 tests).
  node_tests dockerd-status out/test/dockerd/status.test.js || rc=1
  # setup --apply against the same dockerd: a pull through squid with Basic auth before and after (issue 17).
  node_tests dockerd-setup out/test/dockerd/setup.test.js || rc=1
  # One machine, one picture (issue 15): status, test, deep test and explain against dockerd + squid + registries
  # inside private namespaces (only loopback; /etc/docker and the drop-in directory are scratch bind mounts).
  local tap=$RUN_DIR/dockerd-corporate.tap n
  bash test/dockerd/corporate.sh "$tap" || rc=1
  n=$(awk '/^# tests /{print $3}' "$tap" 2>/dev/null | tail -1)
  if [ -z "$n" ] || [ "$n" -eq 0 ]; then echo "!!! dockerd-corporate ran 0 tests"; rc=1; fi
  return $rc
}
do_buildx()    { node_tests buildx out/test/buildx/; }
do_cli() {
  if [ ! -f test/cli/run.sh ]; then echo "!!! test/cli/run.sh is missing"; return 1; fi
  bash test/cli/run.sh
}
# The bench has no thresholds: it must run to the end and print its tables (numbers go to docs/performance.md).
# A bench that printed no ratio ran nothing, which counts as a failure.
do_bench() {
  local log=$RUN_DIR/bench.txt
  node out/bench/main.js --quick 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || return "$rc"
  if ! grep -q ' / ' "$log" || ! grep -q '×' "$log"; then echo "!!! bench printed no ratios"; return 1; fi
}
do_vscode() {
  if [ ! -f test/vscode/run-in-code-server.sh ]; then echo "!!! test/vscode/run-in-code-server.sh is missing"; return 1; fi
  bash test/vscode/run-in-code-server.sh
}

# The groups run in a child bash inside their network namespace (group above): it needs these functions.
export -f $(compgen -A function)
echo "scratch dir: $RUN_DIR (CI=${CI:-})"
group install   "install (.ci/install.sh)"                      do_install
# The install may need the caller's proxy to reach apt/npm; the tests talk only to 127.0.0.1 and must not inherit it.
unset HTTP_PROXY HTTPS_PROXY NO_PROXY ALL_PROXY http_proxy https_proxy no_proxy all_proxy
group build     "build (npm run -s build)"                      do_build
group typecheck "typecheck (tsc --noEmit)"                      do_typecheck
group compile   "compile tests (tsc -p .)"                      do_compile
group unit      "unit tests (node --test out/test/unit/)"       do_unit
group package   "package tests (node --test out/test/package/)" do_package
group lsp       "LSP protocol tests (node --test out/test/lsp/)" do_lsp
group probe     "connectivity probes vs real registry/proxies"  do_probe
group nvim      "Neovim 0.7 as a second LSP client"             do_nvim
group dockerd   "dockerd 26 ground truth (cross-check, status)" do_dockerd
group buildx    "buildx 0.13 driver-option parsing (real shell, buildx, dockerd)" do_buildx
group cli       "CLI tests (test/cli/run.sh)"                   do_cli
group vscode    "real VS Code tests (code-server)"              do_vscode
group bench     "bench --quick (ratios against the peers, no thresholds)" do_bench

echo
echo "--- summary ($(( $(date +%s) - T_START ))s total; scratch: $RUN_DIR)"
[ ${#PASSED[@]} -eq 0 ]  || echo "passed:  ${PASSED[*]}"
[ ${#FAILED[@]} -eq 0 ]  || echo "failed:  ${FAILED[*]}"
[ ${#NOT_RUN[@]} -eq 0 ] || echo "not run (GROUPS_ONLY): ${NOT_RUN[*]}"
if [ ${#FAILED[@]} -eq 0 ] && [ "${KEEP_RUN_DIR:-}" != 1 ]; then rm -rf "$RUN_DIR"; fi
[ "${KEEP_RUN_DIR:-}" != 0 ] || rm -rf "$RUN_DIR"
echo "${#PASSED[@]} passed, ${#FAILED[@]} failed"
[ ${#FAILED[@]} -eq 0 ]
