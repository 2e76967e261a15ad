#!/usr/bin/env bash
# The platform benchmark (issues 10 and 25), each figure against its target, in this order:
#   - resident memory of every process, idle (services and gateway apart from servers and orchestration);
#   - the floor: assessment + outbox event + audit entry written straight to PostgreSQL, one transaction each, by 20
#     writers, then 20 callers submitting assessments through the gateway: the platform's share of the floor;
#   - the ramp: the highest assessment rate sustained in the mix, the other kinds in proportion (p99 under target,
#     served >= 95 %, errors <= 1 %);
#   - overload at twice that step: admitted assessments' p99, the share refused, the admitted team e-mails all sent;
#   - the mix at 300 assessments/s for 5 minutes: requests/s and latency p50/p95/p99 per kind, high-risk assessment ->
#     last team e-mail (p50/p99), memory and CPU after it, and the gateway's overhead over a direct call during it;
#   - the gateway's overhead at light load (one caller), and beside it the floor: a bare Kestrel + YARP hop measured the
#     same way; refusals and errors of all phases;
#   - then, on a fresh platform with traces sampled at the gateway (SAFEGUARD_BENCH_TRACE_SAMPLE_RATIO, default 0.1;
#     failed traces and every metric still sent), the main run and the overheads again, and the main run's figures
#     of both side by side: every span to the dashboard (as a developer runs it) against sampled (as an operator would).
#   eng/bench.sh                          the whole run (about 25 minutes after the platform is up)
#   eng/bench.sh --seconds 60 --assessments 150 --warmup 10 --overload-seconds 30
#   eng/bench.sh --ramp [--ramp-from 10 --ramp-by 10 --ramp-seconds 30]   the floor, the ramp and the overload alone
#   eng/bench.sh --overhead                the gateway's overhead at light load alone
#   eng/bench.sh --scale [--scale-steps 1,10,100]   the growth table (issue 25 §6): records loaded through the gateway up to
#       each step (1x = 1,000 assessed cases, 100 live safety plans, 200 reintegration cases, 5,000 audit rows), then one
#       quiet window of every poller's rounds (pg_stat_statements: ms, rows and blocks per round), a short mix's reads and
#       writes, and memory; about an hour to 100x on 2 cores. PostgreSQL is started with pg_stat_statements for it.
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
    # The next platform must not find this one's processes still answering on the same ports.
    for _ in $(seq 1 60); do curl -sf -o /dev/null "$gateway/health" || break; sleep 1; done
  fi
}

bash eng/install-prereqs.sh
echo "[bench] building (Release) ..."
dotnet build Platform.sln -c Release -nologo -v quiet -clp:ErrorsOnly

# Starts the platform on a fresh state folder, with any extra AppHost settings given.
start_platform() {
  state=$(pwd)/.data-bench
  rm -rf "$state" && mkdir -p "$state"
  echo "[bench] starting the platform (Release, state $state, log $state/apphost.log) $* ..."
  # The AppHost itself rather than `dotnet run` (which returns at once and leaves nothing to stop), with the
  # environment of its "http" launch profile.
  ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development ASPNETCORE_URLS=http://localhost:18888 \
  ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:18889 ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:18890 \
  ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    AppHost/bin/Release/net10.0/Safeguard.AppHost "--Safeguard:StateDir=$state" "--Safeguard:Ports:Services=$service_ports" "$@" \
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
  # The floor writes beside risk-assessment's tables, as the server's administrator (AppHost default port 15432);
  # passed in the environment, not on a command line that `ps` shows.
  password=$(sed -n 's/.*"PostgresPassword" *: *"\([^"]*\)".*/\1/p' "$state/secrets.json")
  export SAFEGUARD_BENCH_DATABASE="Host=127.0.0.1;Port=15432;Username=postgres;Password=$password;Database=risk_assessment"
}

benchmark() {
  dotnet run --project tests/Safeguard.LoadBenchmark -c Release --no-build -- --gateway "$gateway" "${direct[@]}" "$@"
}

if curl -sf -o /dev/null "$gateway/health"; then
  echo "[bench] using the platform already up at $gateway (the run with sampled traces needs a platform of its own: skipped)"
  benchmark "$@"
  exit $?
fi

figures=$(mktemp -d)
trap 'stop_platform; rm -rf "$figures"' EXIT
case " $* " in
  *" --scale "*)
    # The pollers' rounds are read from pg_stat_statements (eng/local/postgres.sh passes PG_OPTIONS to the server).
    # The 100x step sends ~250,000 e-mails (one per case, 15 per plan): smtp4dev keeping 10,000 takes 30 a second, keeping 1,000
    # about 150 (eng/local/smtp4dev.sh); the run reads back only the seat invitations, sent first.
    PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" SMTP_KEEP=1000 start_platform
    benchmark "$@" --centres "${SAFEGUARD_BENCH_SCALE_CENTRES:-10}"
    exit $? ;;
esac
start_platform
rc=0
benchmark "$@" --summary "$figures/every-span.json" || rc=$?
case " $* " in
  *" --ramp "*|*" --overhead "*) exit $rc ;;
esac

# Issue 25 §5: the main run again with traces sampled at the gateway, as an operator runs it, then both side by side.
ratio=${SAFEGUARD_BENCH_TRACE_SAMPLE_RATIO:-0.1}
stop_platform
start_platform "--Safeguard:TraceSampleRatio=$ratio"
benchmark "$@" --main-only --trace-sample-ratio "$ratio" --summary "$figures/sampled.json" || rc=$?
if [ -f "$figures/every-span.json" ] && [ -f "$figures/sampled.json" ]; then
  benchmark --compare "$figures/every-span.json" "$figures/sampled.json"
fi
exit $rc
