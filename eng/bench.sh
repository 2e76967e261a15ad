#!/usr/bin/env bash
# The platform benchmark (issue 10): drives the gateway with a realistic mix and prints requests/s, latency
# p50/p95/p99 per request kind, high-risk assessment -> last team e-mail (p50/p99), errors, resident memory of
# every process (idle and loaded), and the gateway's overhead over a direct call, each against its target.
#   eng/bench.sh                          5 minutes at 300 assessments/s (after 30 s of warm-up)
#   eng/bench.sh --seconds 60 --assessments 150 --warmup 10
#   eng/bench.sh --ramp [--ramp-from 25 --ramp-by 25 --ramp-seconds 30]   the highest assessment rate sustained in the
#                                                                         mix (p99 under target, served >= 95 %, errors <= 1 %)
# Time-outs, refused connections and problem answers are counted per request kind; the report is always printed.
# Without a platform up, it starts one in Release on a fresh state folder (.data-bench/, with fixed service
# ports so that risk-assessment can be called directly) and stops it afterwards. With one already up at
# SAFEGUARD_GATEWAY (default http://localhost:8080) it uses that one; pass --direct URL for the overhead.
# Exit code 3 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
gateway=${SAFEGUARD_GATEWAY:-http://localhost:8080}
service_ports=18100   # risk-assessment, safety-plan, reintegration, training-registry, notification
direct=()
apphost_pid=

stop_platform() {
  if [ -n "$apphost_pid" ] && kill -0 "$apphost_pid" 2>/dev/null; then
    echo "[bench] stopping the platform ..."
    kill -TERM "$apphost_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$apphost_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$apphost_pid" 2>/dev/null || true
  fi
}

bash eng/install-prereqs.sh
echo "[bench] building (Release) ..."
dotnet build Platform.sln -c Release -nologo -v quiet -clp:ErrorsOnly

if curl -sf -o /dev/null "$gateway/health"; then
  echo "[bench] using the platform already up at $gateway"
else
  state=$(pwd)/.data-bench
  rm -rf "$state" && mkdir -p "$state"
  echo "[bench] starting the platform (Release, state $state, log $state/apphost.log) ..."
  trap stop_platform EXIT
  # The AppHost itself rather than `dotnet run` (which returns at once and leaves nothing to stop), with the
  # environment of its "http" launch profile.
  ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development ASPNETCORE_URLS=http://localhost:18888 \
  ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:18889 ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:18890 \
  ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    AppHost/bin/Release/net10.0/Safeguard.AppHost "--Safeguard:StateDir=$state" "--Safeguard:Ports:Services=$service_ports" \
    >"$state/apphost.log" 2>&1 &
  apphost_pid=$!
  for port in $(seq $service_ports $((service_ports + 4))); do
    for i in $(seq 1 300); do
      curl -sf -o /dev/null "http://localhost:$port/health" && break
      kill -0 "$apphost_pid" 2>/dev/null || { echo "[bench] the AppHost stopped; see $state/apphost.log" >&2; exit 1; }
      [ "$i" = 300 ] && { echo "[bench] service on port $port not healthy in 5 minutes; see $state/apphost.log" >&2; exit 1; }
      sleep 1
    done
  done
  until curl -sf -o /dev/null "$gateway/health"; do sleep 1; done
  direct=(--direct "http://localhost:$service_ports")
fi

dotnet run --project tests/Safeguard.LoadBenchmark -c Release --no-build -- --gateway "$gateway" "${direct[@]}" "$@"
