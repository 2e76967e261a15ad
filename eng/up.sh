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

cat <<INFO
[up] starting. Once the dashboard prints its login URL (below), open it to watch every resource.
     gateway      http://localhost:8080      (health: /health, API index: /)
     mail inbox   http://127.0.0.1:5080      (smtp4dev web inbox; SMTP on 127.0.0.1:2525)
     PostgreSQL   127.0.0.1:15432            RabbitMQ (AMQP) 127.0.0.1:15673
     data         $(pwd)/.data
INFO
exec dotnet run --project AppHost/Safeguard.AppHost.csproj --no-build --launch-profile http -- "$@"
