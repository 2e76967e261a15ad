#!/usr/bin/env bash
# Runs the test suite on real PostgreSQL, RabbitMQ and SMTP: installs what is missing, builds, then runs
# each test project in turn (each starts its own platform on fresh data and free ports).
#   eng/test.sh                                   every test project
#   eng/test.sh tests/Safeguard.RiskAssessment.Tests   one service's tests
# Ends with a line "tests: N passed, N failed, N skipped" and a non-zero exit when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"

bash eng/install-prereqs.sh
echo "[test] building..."
dotnet build Platform.sln -nologo -v quiet -clp:ErrorsOnly

if [ $# -gt 0 ]; then projects=("$@"); else mapfile -t projects < <(ls -d tests/*.Tests | sort); fi

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
status=0
for project in "${projects[@]}"; do
  name=$(basename "$project")
  echo "[test] $name"
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" || status=1
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
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
