#!/usr/bin/env bash
# Folio's whole test suite, as CI runs it on a fresh machine:
#   1. installs what the tests need (curl and jq, from Debian packages) when missing;
#   2. builds everything in Release with warnings as errors, and checks formatting;
#   3. runs the domain unit tests and the integration tests (real HTTP pipeline, real SQLite files, real processes);
#   4. walks through the README's curl example against a real `folio serve --demo`.
# It ends with one line "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n==> %s\n' "$*"; }

install_packages() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing ${missing[*]} from Debian packages"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (https://dot.net)." >&2; exit 1; }
install_packages curl jq

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

log "Restoring and building (Release, warnings are errors)"
dotnet restore Folio.slnx --verbosity quiet
dotnet build Folio.slnx -c Release --no-restore --verbosity quiet

log "Checking formatting"
dotnet format Folio.slnx --verify-no-changes --no-restore

log "Running the tests"
status=0
dotnet test Folio.slnx -c Release --no-build --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || status=$?

log "Walking through the README example against a real server"
walkthrough=0
scripts/readme-walkthrough.sh src/Folio/bin/Release/net10.0/folio.dll || walkthrough=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$walkthrough" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
[ "$passed" -gt 1 ] || { echo "No test ran." >&2; status=1; }

echo
echo "tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
