#!/usr/bin/env bash
# Prints a bearer token from the identity service's development issuer (POST /dev/token through the gateway,
# which exists only in Development and only while the platform trusts its own identity service). One command per person:
#   eng/token.sh csr-supervisor SK                      a supervisor of centre SK
#   eng/token.sh team-member MVR-SK police ana@mvr.test a police member (team membership is matched on e-mail)
#   eng/token.sh reintegration-officer DR municipality  the officer of municipality DR
# Roles: csr-case-worker csr-supervisor team-member reintegration-officer prison-probation-officer
#        training-admin analyst platform-admin.  Use: curl -H "Authorization: Bearer $(eng/token.sh ...)" ...
set -euo pipefail
if [ $# -lt 2 ]; then sed -n 2,9p "$0" | sed 's/^# \{0,1\}//'; exit 2; fi
role=$1 institution=$2
kind=${3:-}
email=${4:-}
if [ -z "$kind" ]; then
  case "$role" in
    csr-*) kind=csr ;; reintegration-officer) kind=municipality ;; prison-probation-officer) kind=prison ;;
    team-member) kind=police ;; platform-admin) kind=platform ;; *) kind=ministry ;;
  esac
fi
gateway=${SAFEGUARD_GATEWAY:-http://localhost:8080}
body=$(printf '{"subject":"%s","roles":["%s"],"institution":"%s","institutionKind":"%s"%s}' \
  "${SAFEGUARD_SUBJECT:-$role-$institution}" "$role" "$institution" "$kind" "${email:+,\"email\":\"$email\"}")
curl -sf -X POST "$gateway/dev/token" -H 'content-type: application/json' -d "$body" \
  | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
