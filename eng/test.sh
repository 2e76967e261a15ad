#!/usr/bin/env bash
# Runs the test suite on real PostgreSQL, RabbitMQ and SMTP: installs what is missing, builds, then runs
# each test project in turn (each starts its own platform on fresh data and free ports).
#   eng/test.sh                                   every test project under tests/
#   eng/test.sh tests/Safeguard.RiskAssessment.Tests   one service's tests
# SAFEGUARD_TEST_FILTER="FullyQualifiedName~CaseToEmail" runs only the matching tests.
# Under CI (CI=true) or with SAFEGUARD_COLD_INSTALL=1, the install step first runs as on a fresh machine,
# with empty .NET tool and NuGet caches of its own, and the run fails if it fails there.
# Ends with "tests: N passed, N failed, N skipped", the suite's run time, and a non-zero exit when anything
# failed.
set -euo pipefail
cd "$(dirname "$0")/.."
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
started=$(date +%s)

if [ "${CI:-}" = true ] || [ "${SAFEGUARD_COLD_INSTALL:-}" = 1 ]; then
  # A warm machine's caches hide what breaks a newcomer's first run (a tool manifest that restores only
  # when its packages are already cached); only this step needs cold caches, the build keeps the warm ones.
  echo "[test] install step with cold caches, as on a fresh machine..."
  cold=$(mktemp -d)
  NUGET_PACKAGES="$cold/nuget" DOTNET_CLI_HOME="$cold/home" bash eng/install-prereqs.sh \
    || { echo "[test] the install step fails on a fresh machine (cold caches)" >&2; rm -rf "$cold"; exit 1; }
  rm -rf "$cold"
fi
bash eng/install-prereqs.sh
echo "[test] building..."
dotnet build Platform.sln -nologo -v quiet -clp:ErrorsOnly

if [ $# -gt 0 ]; then
  projects=("$@")
else
  # Every project under tests/ that is a test project (Microsoft.NET.Test.Sdk sets IsTestProject), whatever
  # its name: fast unit-test projects and the platform's end-to-end ones alike. The unit tests (*.UnitTests,
  # seconds, no platform) go first, so a broken rule shows before any platform starts.
  fast=() platform=()
  for csproj in tests/*/*.csproj; do
    if [ "$(dotnet msbuild "$csproj" -getProperty:IsTestProject -nologo 2>/dev/null)" = true ]; then
      case "$csproj" in
        *.UnitTests/*) fast+=("$(dirname "$csproj")") ;;
        *) platform+=("$(dirname "$csproj")") ;;
      esac
    fi
  done
  projects=("${fast[@]}" "${platform[@]}")
fi

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
status=0
for project in "${projects[@]}"; do
  name=$(basename "$project")
  echo "[test] $name"
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" ${SAFEGUARD_TEST_FILTER:+--filter "$SAFEGUARD_TEST_FILTER"} || status=1
done

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx")
  total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + total - p - f))
done
if [ $((passed + failed)) -eq 0 ]; then
  echo "[test] no test ran" >&2
  status=1
fi
elapsed=$(( $(date +%s) - started ))
echo "[test] the suite took $((elapsed / 60)) min $((elapsed % 60)) s (install, build and every project above)"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
