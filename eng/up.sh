#!/usr/bin/env bash
# Brings the whole platform up: installs what is missing, builds, and starts the AppHost with PostgreSQL,
# RabbitMQ, smtp4dev, the five services, the gateway and the Aspire dashboard. Ctrl-C stops everything.
# Data persists in .data/ between runs (eng/reset.sh removes it). Extra arguments go to the AppHost,
# e.g. --Safeguard:Ports:Gateway=9090.
set -euo pipefail
cd "$(dirname "$0")/.."
# The AppHost and RabbitMQ both need HOME (the AppHost hangs silently without it).
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"

bash eng/install-prereqs.sh
echo "[up] building..."
dotnet build AppHost/Safeguard.AppHost.csproj -nologo -v quiet -clp:ErrorsOnly

gateway_port=8080
for arg in "$@"; do
  case "$arg" in --Safeguard:Ports:Gateway=*) gateway_port=${arg#*=} ;; esac
done
gateway=http://localhost:$gateway_port

# The gateway is healthy long before the services behind it have migrated their databases and joined the
# broker; until then it answers 503 for them. This watcher says once when every service answers through it.
announce_ready() {
  local apphost=$1 started=$SECONDS
  while kill -0 "$apphost" 2>/dev/null; do
    local apis waiting=0
    if apis=$(curl -sf -H 'accept: application/json' "$gateway/" 2>/dev/null | jq -r '.apis[].openApi' 2>/dev/null) && [ -n "$apis" ]; then
      for doc in $apis; do
        curl -sf -o /dev/null "$gateway$doc" || waiting=$((waiting + 1))
      done
      if [ "$waiting" -eq 0 ]; then
        echo "[up] ready after $((SECONDS - started)) s: every service answers through the gateway at $gateway (API reference: $gateway/api-reference)"
        return
      fi
    fi
    sleep 2
  done
}
announce_ready $$ &

cat <<INFO
[up] starting. Once the dashboard prints its login URL (below), open it to watch every resource;
     "[up] ready" follows when every service answers.
     gateway      $gateway      (health: /health, API reference: /api-reference)
     mail inbox   http://127.0.0.1:5080      (smtp4dev web inbox; SMTP on 127.0.0.1:2525)
     PostgreSQL   127.0.0.1:15432            RabbitMQ (AMQP) 127.0.0.1:15673
     data         $(pwd)/.data
INFO
exec dotnet run --project AppHost/Safeguard.AppHost.csproj --no-build --launch-profile http -- "$@"
