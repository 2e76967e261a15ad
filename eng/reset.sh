#!/usr/bin/env bash
# Removes the local platform's data (.data/: PostgreSQL cluster, RabbitMQ node, mail, passwords) so that
# the next eng/up.sh starts from nothing. Stop the platform first (Ctrl-C in its terminal); servers of this
# checkout still running (e.g. after the AppHost was killed hard) are stopped here.
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(pwd)/.data"

pids=$(pgrep -f -- "$data" || true)
if [ -n "$pids" ]; then
  echo "[reset] stopping servers still using $data: $pids"
  kill -INT $pids 2>/dev/null || true
  sleep 3
  kill -KILL $(pgrep -f -- "$data" || true) 2>/dev/null || true
fi
# The PostgreSQL cluster may live outside, linked from .data (see eng/local/postgres.sh).
[ -L "$data/postgres" ] && rm -rf "$(readlink -f "$data/postgres")"
rm -rf "$data"
echo "[reset] removed $data"
