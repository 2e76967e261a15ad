#!/usr/bin/env bash
# Runs smtp4dev (dotnet tool from the manifest) on loopback: an SMTP server, a web inbox and an HTTP API.
# Env: SMTP_PORT, SMTP_WEB_PORT, SMTP_DB (file path; empty keeps mail in memory), SMTP_KEEP (messages kept).
# smtp4dev keeps only the last 100 messages by default and silently drops older ones: a test that counts more
# (a burst across a crash sends one e-mail per case) would see e-mails vanish. It keeps 10,000 here. The cost of
# each message received grows with the number kept (it trims them on every receipt): 120 e-mails/s with an empty
# inbox, 30/s with 10,000 kept, on 2 cores. The benchmark's scale run, which sends hundreds of thousands and reads
# none back, keeps fewer.
set -euo pipefail
: "${SMTP_PORT:?}" "${SMTP_WEB_PORT:?}"
cd "$(dirname "$0")/../.."
exec dotnet tool run smtp4dev -- --smtpport="$SMTP_PORT" --urls="http://127.0.0.1:$SMTP_WEB_PORT" \
  --bindaddress=127.0.0.1 --imapport= --pop3port= --db="${SMTP_DB:-}" --nousersettings --hostname=localhost \
  --messagestokeep="${SMTP_KEEP:-10000}"
