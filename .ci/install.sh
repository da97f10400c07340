#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian 12 + Node 20 machine of this project's kind.
# Idempotent: each step checks for its result first. Non-apt downloads land in $CI_CACHE (git-ignored).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CI_CACHE=${CI_CACHE:-$ROOT/.ci/cache}
mkdir -p "$CI_CACHE"
export DEBIAN_FRONTEND=noninteractive
step() { local t0; t0=$(date +%s); "$@"; echo "[install] $(( $(date +%s) - t0 ))s: $*" >&2; }

# 1. Debian bookworm packages. Services never auto-start here (policy-rc.d), we start them ourselves.
#    librsvg2-bin: rsvg-convert, to check resources/icon.png against its SVG source (scripts/render-icon.sh);
#    unzip: test/package reads the packaged .vsix; pre-commit: the hook in .pre-commit-hooks.yaml is tested with the real tool;
#    iproute2, util-linux: ip and unshare for the namespaced corporate-machine tests (test/dockerd/corporate.sh).
APT_PKGS="chromium neovim tinyproxy squid docker-registry libkrb5-dev ripgrep containerd runc tini iptables openssl curl iproute2 util-linux librsvg2-bin unzip pre-commit"
if ! dpkg -s $APT_PKGS >/dev/null 2>&1; then
  step apt-get update -qq
  step apt-get install -y -qq --no-install-recommends $APT_PKGS >/dev/null
fi

# 2. dockerd 26 from Debian trixie: bookworm's 20.10 has neither daemon.json "proxies" nor `dockerd --validate`.
#    Fetched through a private apt configuration (the machine's sources stay untouched) and only extracted.
DOCKER_ROOT=$CI_CACHE/docker-trixie
TRIXIE_PKGS=""
[ -x "$DOCKER_ROOT/usr/sbin/dockerd" ] || TRIXIE_PKGS="docker.io"
# buildx 0.13 (the `docker buildx` plugin): the --driver-opt quoting checks run its option parsing for real, and the
# status tests read a real `docker buildx ls`/`inspect`.
[ -x "$DOCKER_ROOT/usr/libexec/docker/cli-plugins/docker-buildx" ] || TRIXIE_PKGS="$TRIXIE_PKGS docker-buildx"
# The cross-check talks to its daemon with a docker client. These machines have a 28.x client in /usr/local/bin;
# where none is on PATH, take trixie's docker-cli (same 26.1.5 source package) into the same directory.
if ! command -v docker >/dev/null && [ ! -x "$DOCKER_ROOT/usr/bin/docker" ]; then TRIXIE_PKGS="$TRIXIE_PKGS docker-cli"; fi
if [ -n "$TRIXIE_PKGS" ]; then
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  A=$CI_CACHE/apt-trixie
  mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/debs"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" > "$A/sources.list"
  O=(-o "Dir::Etc::SourceList=$A/sources.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$A/lists"
     -o "Dir::Cache=$A/cache" -o APT::Sandbox::User=root)
  step apt-get "${O[@]}" update -qq
  (cd "$A/debs" && step apt-get "${O[@]}" download $TRIXIE_PKGS >/dev/null)
  for deb in "$A/debs"/*.deb; do dpkg-deb -x "$deb" "$DOCKER_ROOT"; done
  rm -rf "$A"
  "$DOCKER_ROOT/usr/sbin/dockerd" --version
  [ ! -x "$DOCKER_ROOT/usr/libexec/docker/cli-plugins/docker-buildx" ] || "$DOCKER_ROOT/usr/libexec/docker/cli-plugins/docker-buildx" version
fi

# 3. code-server 4.100.3 = VS Code 1.100.3, the newest line that runs on Node 20. Built from the npm registry.
CS_DIR=$CI_CACHE/code-server
if [ ! -f "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  mkdir -p "$CS_DIR" "$CI_CACHE/tmp/vscode-ripgrep-cache-1.15.11"
  # @vscode/ripgrep's postinstall would download rg from GitHub; seed its cache with Debian's rg instead.
  tar -C /usr/bin -czf "$CI_CACHE/tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
  [ -f "$CS_DIR/package.json" ] || echo '{"name":"code-server-host","private":true}' > "$CS_DIR/package.json"
  # unsafe_perm: its postinstall refuses root otherwise; yes: node-pty's postinstall calls `npx node-gyp`.
  (cd "$CS_DIR" && TMPDIR=$CI_CACHE/tmp npm_config_unsafe_perm=true npm_config_yes=true \
     step npm install --no-audit --no-fund --loglevel=error code-server@4.100.3 >/dev/null)
  if [ ! -f "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
    echo "[install] code-server installed without ripgrep: the ripgrep cache seeding no longer matches" >&2; exit 1
  fi
fi

# 4. The project's own npm dependencies.
if [ ! -d "$ROOT/node_modules/esbuild" ] || [ "$ROOT/package.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  (cd "$ROOT" && step npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "[install] done" >&2
