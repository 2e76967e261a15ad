#!/usr/bin/env bash
# Messages a consumer gave up on after its retries wait in error queues (<queue>_error). An operator lists
# them, fixes the cause (the logs and traces name the message id), and moves them back:
#   eng/dead-letters.sh list                                    every service's error queues: count, message ids,
#                                                               types, the exception (never the content)
#   eng/dead-letters.sh replay <service> <queue> [messageId]    moves them (or one) back to <queue>
# <service> is the API prefix: risk-assessment safety-plans reintegration training notifications.
# A message that fails again returns to the error queue; replaying twice is safe (consumers drop duplicates).
# SAFEGUARD_GATEWAY: the gateway (default http://localhost:8080). SAFEGUARD_TOKEN: a platform administrator's
# token (default: one from the development issuer, eng/token.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gateway=${SAFEGUARD_GATEWAY:-http://localhost:8080}
usage() { sed -n 2,10p "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
token=${SAFEGUARD_TOKEN:-$(SAFEGUARD_GATEWAY=$gateway "$here/token.sh" platform-admin PLATFORM)}
[ -n "$token" ] || { echo "no token: is the platform up at $gateway?" >&2; exit 1; }
call() { curl -sS --fail-with-body -H "authorization: Bearer $token" "$@"; }
pretty() { if command -v python3 >/dev/null; then python3 -m json.tool; else cat; echo; fi; }

case "$1" in
  list)
    for service in risk-assessment safety-plans reintegration training notifications; do
      echo "== $service"
      call "$gateway/api/$service/dead-letters" | pretty
    done ;;
  replay)
    [ $# -ge 3 ] || usage
    call -X POST "$gateway/api/$2/dead-letters/$3/replay${4:+?messageId=$4}" | pretty ;;
  *) usage ;;
esac
