#!/usr/bin/env bash
# Installs what the platform needs on a fresh Debian 12 machine with the .NET 10 SDK:
# PostgreSQL 15 and RabbitMQ server binaries (run later as local processes, never as system services),
# Chromium for the browser tests (Playwright drives Debian's build: no browser can be downloaded at run time),
# kubectl for the manifests' test, the dotnet tools of the manifest and the npm tools of eng/npm-tools. Idempotent: a second run changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
command -v setpriv >/dev/null || need+=(util-linux)
command -v jq >/dev/null || need+=(jq)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v npm >/dev/null || need+=(nodejs npm)
# kubectl renders the Kubernetes manifests in a test (`kubectl kustomize`, offline). The machine image brings a
# current one; Debian's own is older (its kustomize may not read every field the manifests use).
command -v kubectl >/dev/null || need+=(kubernetes-client)

if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "[prereqs] installing: ${need[*]}"
  $sudo apt-get update -qq
  # policy-rc.d may forbid starting services; we never want the system-wide instances anyway.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The Debian package may start a system broker on 5672 where policy allows; the platform runs its own.
if command -v systemctl >/dev/null && systemctl is-active --quiet rabbitmq-server 2>/dev/null; then
  echo "[prereqs] note: a system rabbitmq-server is running; the platform uses its own ports and data"
fi

bash eng/restore-tools.sh
# The lock file pins every package; npm ci installs exactly that, and only when it changed.
if ! cmp -s eng/npm-tools/package-lock.json eng/npm-tools/node_modules/.installed-from-lock 2>/dev/null; then
  (cd eng/npm-tools && npm ci --no-audit --no-fund --loglevel=error >/dev/null && cp package-lock.json node_modules/.installed-from-lock)
fi
echo "[prereqs] ready: $(/usr/lib/postgresql/15/bin/postgres --version), rabbitmq-server $(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || echo '?')"
