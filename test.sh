#!/usr/bin/env bash
# Folio's whole test suite, as CI runs it on a fresh machine:
#   1. installs what the tests need (curl, jq, postgresql, nodejs and npm from Debian packages) when missing, and the
#      Standard Webhooks verifier the webhook tests run (npm standardwebhooks);
#   2. builds everything in Release with warnings as errors, and checks formatting;
#   3. runs the domain unit tests and the integration tests (real HTTP pipeline, real SQLite files, real processes);
#   4. runs the integration tests again on PostgreSQL, in a throwaway cluster on a free loopback port, with a streaming
#      hot standby of it for the read-replica tests;
#   5. walks through the README's curl example against a real `folio serve --demo`.
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
# npm brings nodejs with it: the webhook tests verify deliveries with the Standard Webhooks project's own library
# (npm standardwebhooks) under node.
install_packages curl jq npm
(cd tests/Folio.Tests/Webhooks/Verifier && npm ci --no-audit --no-fund --silent)

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
postgres_install
pg_bin=$(postgres_bin)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results=$(mktemp -d)
cluster=""
cleanup() {
  if [ -n "$cluster" ]; then
    postgres_stop "$cluster/standby"
    postgres_stop "$cluster/data"
    rm -rf "$cluster"
  fi
  rm -rf "$results"
}
trap cleanup EXIT

# A throwaway PostgreSQL cluster: trust on loopback only, durability off (the data dies with the run).
start_postgres() {
  cluster=$(mktemp -d)
  pg_port=$(postgres_free_port 54320) || { echo "No free loopback port for PostgreSQL." >&2; return 1; }
  postgres_start "$cluster" "$pg_port" -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off
}

# A streaming hot standby of that cluster (pg_basebackup -R), for the read-replica tests.
start_standby() {
  as_postgres "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U postgres -D "$cluster/standby" -R -X stream >"$cluster/basebackup.log" 2>&1
  standby_port=$(postgres_free_port $((pg_port + 1))) || return 1
  as_postgres "$pg_bin/pg_ctl" -D "$cluster/standby" -l "$cluster/standby.log" -w -t 60 start \
    -o "-h 127.0.0.1 -p $standby_port -k $cluster -c max_connections=300 -c hot_standby=on -c fsync=off" >/dev/null
}

log "Restoring and building (Release, warnings are errors)"
dotnet restore Folio.slnx --verbosity quiet
dotnet build Folio.slnx -c Release --no-restore --verbosity quiet

log "Checking formatting"
dotnet format Folio.slnx --verify-no-changes --no-restore

log "Running the tests"
status=0
dotnet test Folio.slnx -c Release --no-build --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || status=$?

log "Running the integration tests again on PostgreSQL"
if start_postgres; then
  standby=""
  if start_standby; then standby="Host=127.0.0.1;Port=$standby_port;Username=postgres"; else echo "The standby did not start:" >&2; cat "$cluster"/basebackup.log "$cluster"/standby.log >&2 || true; status=1; fi
  FOLIO_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres" FOLIO_TEST_POSTGRES_STANDBY="$standby" \
    dotnet test tests/Folio.Tests -c Release --no-build --logger "trx;LogFileName=postgres.trx" --results-directory "$results" \
    -- RunConfiguration.TreatNoTestsAsError=true || status=$?
else
  echo "PostgreSQL did not start:" >&2; cat "$cluster"/*.log >&2 || true; status=1
fi

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
