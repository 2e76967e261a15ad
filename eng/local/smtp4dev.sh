#!/usr/bin/env bash
# Runs smtp4dev (dotnet tool from the manifest) on loopback: an SMTP server, a web inbox and an HTTP API.
# Env: SMTP_PORT, SMTP_WEB_PORT, SMTP_DB (file path; empty keeps mail in memory).
set -euo pipefail
: "${SMTP_PORT:?}" "${SMTP_WEB_PORT:?}"
cd "$(dirname "$0")/../.."
exec dotnet tool run smtp4dev -- --smtpport="$SMTP_PORT" --urls="http://127.0.0.1:$SMTP_WEB_PORT" \
  --bindaddress=127.0.0.1 --imapport= --pop3port= --db="${SMTP_DB:-}" --nousersettings --hostname=localhost
