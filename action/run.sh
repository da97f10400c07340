#!/usr/bin/env bash
# The lint step of action.yml. Inputs come as INPUT_* variables; writes `sarif-file` and `exit-code` to
# $GITHUB_OUTPUT and always exits 0 itself (the action's last step fails the job), so the SARIF is uploaded first.
# The CLI: $DPD_CLI when set (a command, e.g. "node /path/cli.js"; the test suite uses it offline), else the npm
# package docker-proxy-doctor at INPUT_VERSION or this action's own version, installed into $RUNNER_TEMP.
set -uo pipefail
ACTION_DIR=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
OUT=${GITHUB_OUTPUT:-/dev/null}
SARIF=${INPUT_SARIF_FILE:-docker-proxy-doctor.sarif}
FAIL_ON=${INPUT_FAIL_ON:-error}

output() { echo "$1=$2" >> "$OUT"; }
give_up() { echo "::error title=Docker Proxy Doctor::$1"; output exit-code 2; output sarif-file "$SARIF"; exit 0; }

case "$FAIL_ON" in error|warning|info|none) ;; *) give_up "fail-on must be error, warning, info or none (got '$FAIL_ON')" ;; esac

if [ -n "${DPD_CLI:-}" ]; then
  read -r -a CLI <<< "$DPD_CLI"
else
  VERSION=${INPUT_VERSION:-}
  [ -n "$VERSION" ] || VERSION=$(node -p "require(process.argv[1]).version" "$ACTION_DIR/package.json") || give_up "cannot read the action's version"
  PREFIX=${RUNNER_TEMP:-/tmp}/docker-proxy-doctor-$VERSION
  npm install --no-save --no-audit --no-fund --silent --prefix "$PREFIX" "docker-proxy-doctor@$VERSION" \
    || give_up "npm could not install docker-proxy-doctor@$VERSION"
  CLI=("$PREFIX/node_modules/.bin/docker-proxy-doctor")
fi

read -r -a PATHS <<< "$(printf '%s' "${INPUT_PATHS:-.}" | tr '\n' ' ')"
[ "${#PATHS[@]}" -gt 0 ] || PATHS=(.)
ARGS=(lint)
[ -n "${INPUT_CONFIG:-}" ] && ARGS+=(--config "$INPUT_CONFIG")
[ "$FAIL_ON" = none ] || ARGS+=(--fail-on "$FAIL_ON")

mkdir -p "$(dirname "$SARIF")"
"${CLI[@]}" "${ARGS[@]}" --format sarif "${PATHS[@]}" > "$SARIF"
code=$?
# The same findings as text, for the job log (its exit code is the one above).
"${CLI[@]}" "${ARGS[@]}" --format text "${PATHS[@]}" || true
# fail-on none: findings never fail the job, usage and read errors (2) still do.
if [ "$FAIL_ON" = none ] && [ "$code" -eq 1 ]; then code=0; fi
echo "docker-proxy-doctor lint exit code: $code (SARIF: $SARIF)"
output sarif-file "$SARIF"
output exit-code "$code"
exit 0
