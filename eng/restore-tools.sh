#!/usr/bin/env bash
# Restores the dotnet tools of .config/dotnet-tools.json one at a time, then checks the whole manifest.
#
# Why one at a time: with empty caches (a fresh machine's NuGet folder or DOTNET_CLI_HOME), a single
# `dotnet tool restore` of a manifest with two or more tools attributes one package's commands to another
# ("The command "dotnet-ef" ... is not contained in the package ... The commands contained in the package
# are smtp4dev") and fails; on a warm machine it passes, which is how it hid (dotnet/sdk issue 53783,
# dotnet/efcore issue 38895). A manifest of one tool has nothing to mix up. Each tool gets its own
# one-tool manifest, so a tool added later restores the same way.
set -euo pipefail
cd "$(dirname "$0")/.."

manifest=.config/dotnet-tools.json
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for tool in $(jq -r '.tools | keys[]' "$manifest"); do
  jq --arg tool "$tool" '{version, isRoot: true, tools: {($tool): .tools[$tool]}}' "$manifest" > "$scratch/one.json"
  if ! dotnet tool restore --tool-manifest "$scratch/one.json" > "$scratch/log" 2>&1; then
    echo "[tools] restoring $tool failed:" >&2
    cat "$scratch/log" >&2
    exit 1
  fi
done
# Every package is in the caches now; this restore records them for the repository's own manifest and
# fails, with its own message, if the manifest is still wrong in any other way.
if ! dotnet tool restore > "$scratch/log" 2>&1; then
  cat "$scratch/log" >&2
  exit 1
fi
