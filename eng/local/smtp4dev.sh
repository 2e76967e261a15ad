#!/usr/bin/env bash
# Runs smtp4dev (dotnet tool from the manifest) on loopback: an SMTP server, a web inbox and an HTTP API.
# Env: SMTP_PORT, SMTP_WEB_PORT, SMTP_DB (file path; empty keeps mail in memory).
# smtp4dev keeps only the last 100 messages by default and silently drops older ones: a test that counts more
# (a burst across a crash sends one e-mail per case) would see e-mails vanish. It keeps 10,000 here.
set -euo pipefail
: "${SMTP_PORT:?}" "${SMTP_WEB_PORT:?}"
cd "$(dirname "$0")/../.."
exec dotnet tool run smtp4dev -- --smtpport="$SMTP_PORT" --urls="http://127.0.0.1:$SMTP_WEB_PORT" \
  --bindaddress=127.0.0.1 --imapport= --pop3port= --db="${SMTP_DB:-}" --nousersettings --hostname=localhost \
  --messagestokeep=10000
