#!/usr/bin/env bash
# A corporate machine in private namespaces (shared/docs/test-infra.md §6.4): only loopback exists, and scratch
# directories are bind-mounted over /etc/docker, /etc/systemd/system and /etc/resolv.conf, so dockerd 26, the docker
# CLI and our engine read daemon.json, certs.d and drop-ins where a real machine has them, and the host's /etc never
# changes. Everything started inside dies with the PID namespace. Usage: corporate.sh TAP_FILE (from scripts/test.sh).
set -euo pipefail
TAP=$1
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
SCRATCH=$(mktemp -d "${RUN_DIR:-/tmp}/corp-etc.XXXXXX")
chmod 755 "$SCRATCH"
mkdir -p "$SCRATCH/docker" "$SCRATCH/systemd"
printf 'nameserver 127.0.0.1\n' > "$SCRATCH/resolv.conf"
export ROOT SCRATCH TAP
exec unshare --mount --pid --net --fork -- bash -c '
  set -euo pipefail
  ip link set lo up
  mount --make-rprivate /
  mount --bind "$SCRATCH/docker" /etc/docker
  mount --bind "$SCRATCH/systemd" /etc/systemd/system
  mount --bind "$SCRATCH/resolv.conf" /etc/resolv.conf
  cd "$ROOT"
  node --test --test-reporter=spec --test-reporter-destination=stdout \
       --test-reporter=tap --test-reporter-destination="$TAP" out/test/dockerd/corporate.test.js
'
