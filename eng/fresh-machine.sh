#!/usr/bin/env bash
# Proves a change on a newcomer's first run before you submit it: clones the repository's committed HEAD
# into a temporary folder and there, with empty .NET tool and NuGet caches of its own (as a fresh machine
# has them), runs the README's test command on one end-to-end test: install step, build, the whole platform
# started, a case opened through the gateway and its e-mail in the inbox.
#   eng/fresh-machine.sh                       the case-to-e-mail test
#   eng/fresh-machine.sh "FullyQualifiedName~GeneratedClient" [tests/<project>]   another test
# Commit first: uncommitted changes are not in the clone. The folder is removed when the run passes and
# kept (its path printed) when it fails. Debian packages already installed stay installed.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
filter=${1:-FullyQualifiedName~CaseToEmailTests}
project=${2:-tests/Safeguard.Platform.Tests}

scratch=$(mktemp -d -t safeguard-fresh-XXXXXX)
echo "[fresh] cloning $(git -C "$repo" rev-parse --short HEAD) into $scratch"
git clone -q "$repo" "$scratch/repo"
# The seeds and notes sit beside the repository, as they do for a developer and for CI.
[ -d "$repo/../shared" ] && ln -s "$(cd "$repo/../shared" && pwd)" "$scratch/shared"

started=$SECONDS
if (cd "$scratch/repo" && NUGET_PACKAGES="$scratch/nuget" DOTNET_CLI_HOME="$scratch/dotnet-home" \
      SAFEGUARD_TEST_FILTER="$filter" bash eng/test.sh "$project"); then
  echo "[fresh] passed on cold caches in $((SECONDS - started)) s"
  rm -rf "$scratch"
else
  echo "[fresh] FAILED on cold caches after $((SECONDS - started)) s; the clone and its caches are kept in $scratch" >&2
  exit 1
fi
