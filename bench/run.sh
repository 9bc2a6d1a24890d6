#!/usr/bin/env bash
# Folio load benchmark: Folio against a hand-written baseline (bench/Baseline) on the same seeded SQLite database.
#
#   bash bench/run.sh                        # about 4 minutes: 15 s per scenario after a 5 s warm-up
#   BENCH_DURATION=5s bash bench/run.sh      # quick check
#
# Settings (environment): BENCH_DURATION (15s), BENCH_WARMUP (5s), BENCH_CONNECTIONS (32), BENCH_THREADS (2),
# BENCH_PAGE (1000: the deep page measured against page 1), BENCH_BREAKDOWN (1: also measure /healthz and an
# auth-only request), BENCH_BREAKDOWN_DURATION (5s), BENCH_SQL (1: capture the SQL of one request of each kind),
# BENCH_KEEP (0: 1 keeps the temp folder), BENCH_STRICT (0: 1 exits 1 when a target is missed).
# See bench/README.md for what is measured and how to read the figures.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
DURATION="${BENCH_DURATION:-15s}"
WARMUP="${BENCH_WARMUP:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
DEEP_PAGE="${BENCH_PAGE:-1000}"
BREAKDOWN="${BENCH_BREAKDOWN:-1}"
BREAKDOWN_DURATION="${BENCH_BREAKDOWN_DURATION:-5s}"
CAPTURE_SQL="${BENCH_SQL:-1}"
KEEP="${BENCH_KEEP:-0}"
STRICT="${BENCH_STRICT:-0}"
LIMIT=50
CUSTOMERS=1000
INVOICES_PER_CUSTOMER=100

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
FOLIO_DLL="$REPO/src/Folio/bin/Release/net10.0/folio.dll"
SEED_DLL="$BENCH_DIR/Seed/bin/Release/net10.0/Folio.Bench.Seed.dll"
BASELINE_DLL="$BENCH_DIR/Baseline/bin/Release/net10.0/Folio.Bench.Baseline.dll"
LUA="$BENCH_DIR/lua/rotate.lua"
CLK_TCK="$(getconf CLK_TCK)"

PIDS=()
WORK=""

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

stop_pid() {
  local pid="$1" i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$? pid
  for pid in "${PIDS[@]}"; do
    stop_pid "$pid"
  done
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    if [[ "$KEEP" == 1 || ( $status -ne 0 && $status -ne 130 ) ]]; then
      log "kept $WORK (logs, database, wrk output)"
    else
      rm -rf "$WORK"
    fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tool() {
  local tool="$1" package="$2" sudo=""
  command -v "$tool" >/dev/null 2>&1 && return 0
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  log "installing $package"
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$package" >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$package" >/dev/null
  fi
  command -v "$tool" >/dev/null 2>&1 || die "could not install $package"
}

build() {
  local project="$1" out="$WORK/build-$(basename "$1" .csproj).log"
  log "building $(realpath --relative-to="$REPO" "$project") (Release)"
  dotnet build "$project" -c Release -nologo -v quiet >"$out" 2>&1 || { tail -30 "$out" >&2; die "build of $project failed"; }
}

# A loopback port nobody listens on.
free_port() {
  local port i
  for i in $(seq 200); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free loopback port found"
}

wait_ready() {
  local url="$1" pid="$2" log_file="$3" i
  for i in $(seq 300); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log_file" >&2; die "server exited before answering $url"; }
    sleep 0.2
  done
  tail -30 "$log_file" >&2
  die "no answer from $url after 60 s"
}

# Process CPU time (user + system) in clock ticks.
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

rss_sampler() {
  local pid="$1" out="$2"
  while kill -0 "$pid" 2>/dev/null; do
    awk '/^VmRSS:/ { rss = $2 } /^VmHWM:/ { hwm = $2 } END { if (rss != "") print rss, hwm }' "/proc/$pid/status" >>"$out" 2>/dev/null || break
    sleep 0.25
  done
}

declare -A RPS P50 P99 NON2XX CPU_MS REQUESTS

# measure NAME PID BASE_URL PATHS_FILE DURATION [wrk options such as -H ...]
measure() {
  local name="$1" pid="$2" base="$3" paths="$4" duration="$5"
  shift 5
  local before after output line
  before="$(cpu_ticks "$pid")"
  output="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s "$@" -s "$LUA" "$base" -- "$paths")" \
    || die "wrk failed for $name"
  after="$(cpu_ticks "$pid")"
  printf '%s\n' "$output" >"$WORK/wrk-$name.txt"
  line="$(grep '^BENCH_RESULT' <<<"$output")" || die "no BENCH_RESULT line from wrk for $name"
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  RPS[$name]="$(field rps)"
  P50[$name]="$(field p50_ms)"
  P99[$name]="$(field p99_ms)"
  NON2XX[$name]="$(field non2xx)"
  REQUESTS[$name]="$(field requests)"
  CPU_MS[$name]="$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="${REQUESTS[$name]}" 'BEGIN { printf "%.3f", (n > 0) ? t * 1000 / hz / n : 0 }')"
  log "$(printf '%-16s %9s req/s  p50 %8s ms  p99 %8s ms  non-2xx %s  server CPU %s ms/req' "$name" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${NON2XX[$name]}" "${CPU_MS[$name]}")"
}

warm() {
  local base="$1" paths="$2"
  shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s "$@" -s "$LUA" "$base" -- "$paths" >/dev/null || die "warm-up failed"
}

# ---------------------------------------------------------------------------------------------------------------
ensure_tool wrk wrk
ensure_tool curl curl
command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/folio-bench.XXXXXX")"
RESULTS_DIR="$BENCH_DIR/results"
mkdir -p "$RESULTS_DIR"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
log "work folder $WORK"

build "$REPO/src/Folio/Folio.csproj"
build "$BENCH_DIR/Seed/Folio.Bench.Seed.csproj"
build "$BENCH_DIR/Baseline/Folio.Bench.Baseline.csproj"

export FOLIO_DATABASE="$WORK/folio.db"
export Logging__LogLevel__Default=Warning
export ASPNETCORE_ENVIRONMENT=Production

log "migrating a fresh database"
dotnet "$FOLIO_DLL" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; die "migrate failed"; }
log "seeding $CUSTOMERS customers x $INVOICES_PER_CUSTOMER invoices"
dotnet "$SEED_DLL" "$FOLIO_DATABASE" "$WORK/ids" --customers "$CUSTOMERS" --invoices-per-customer "$INVOICES_PER_CUSTOMER" | tee "$WORK/seed.log" >&2 \
  || die "seed failed"
KEY="$(dotnet "$FOLIO_DLL" keys create --admin --name bench 2>"$WORK/keys.log")" || { cat "$WORK/keys.log" >&2; die "keys create failed"; }
[[ "$KEY" == folio_sk_* ]] || die "unexpected key output: $KEY"
AUTH=(-H "Authorization: Bearer $KEY")

awk '{ print "/v1/invoices/" $0 }' "$WORK/ids/invoices.txt" >"$WORK/get.paths"
awk -v limit="$LIMIT" '{ print "/v1/invoices?customer_id=" $0 "&limit=" limit }' "$WORK/ids/customers.txt" >"$WORK/list.paths"
echo "/v1/invoices?limit=$LIMIT" >"$WORK/page1.paths"
echo "/healthz" >"$WORK/health.paths"
echo "/v1/invoices/not-an-invoice-id" >"$WORK/authonly.paths"

# --- Folio ------------------------------------------------------------------------------------------------------
FOLIO_PORT="$(free_port)"
FOLIO_URL="http://127.0.0.1:$FOLIO_PORT"
log "starting Folio on $FOLIO_URL (Logging__LogLevel__Default=Warning)"
dotnet "$FOLIO_DLL" serve --urls "$FOLIO_URL" >"$WORK/folio.log" 2>&1 &
FOLIO_PID=$!
PIDS+=("$FOLIO_PID")
rss_sampler "$FOLIO_PID" "$WORK/folio-rss.txt" &
PIDS+=("$!")
wait_ready "$FOLIO_URL/healthz" "$FOLIO_PID" "$WORK/folio.log"

# Parity: the baseline must answer byte for byte what Folio answers, or the comparison means nothing.
BASE_PORT="$(free_port)"
BASE_URL="http://127.0.0.1:$BASE_PORT"
start_baseline() {
  BASELINE_MODE="${1:-minimal}" dotnet "$BASELINE_DLL" --urls "$BASE_URL" >>"$WORK/baseline.log" 2>&1 &
  BASE_PID=$!
  PIDS+=("$BASE_PID")
  wait_ready "$BASE_URL/healthz" "$BASE_PID" "$WORK/baseline.log"
}
log "starting the baseline on $BASE_URL for a parity check"
start_baseline
parity_paths="$( (head -20 "$WORK/get.paths"; head -5 "$WORK/list.paths"; cat "$WORK/page1.paths") )"
token="$(curl -fsS "${AUTH[@]}" "$FOLIO_URL/v1/invoices?limit=$LIMIT" | grep -o '"next_page_token":"[^"]*"' | cut -d'"' -f4)"
parity_paths+=$'\n'"/v1/invoices?limit=$LIMIT&page_token=$token"
checked=0
while IFS= read -r path; do
  folio_body="$(curl -fsS "${AUTH[@]}" "$FOLIO_URL$path")" || die "Folio failed on $path"
  base_body="$(curl -fsS "$BASE_URL$path")" || die "baseline failed on $path"
  if [[ "$folio_body" != "$base_body" ]]; then
    printf '%s\n' "$folio_body" >"$WORK/parity-folio.json"
    printf '%s\n' "$base_body" >"$WORK/parity-baseline.json"
    die "the baseline's JSON differs from Folio's for $path (see $WORK/parity-*.json)"
  fi
  checked=$((checked + 1))
done <<<"$parity_paths"
log "parity: $checked responses identical byte for byte"
stop_pid "$BASE_PID"

log "Folio: GET /v1/invoices/{id} (warm-up $WARMUP, then $DURATION)"
warm "$FOLIO_URL" "$WORK/get.paths" "${AUTH[@]}"
measure folio_get "$FOLIO_PID" "$FOLIO_URL" "$WORK/get.paths" "$DURATION" "${AUTH[@]}"
log "Folio: GET /v1/invoices?customer_id=...&limit=$LIMIT"
warm "$FOLIO_URL" "$WORK/list.paths" "${AUTH[@]}"
measure folio_list "$FOLIO_PID" "$FOLIO_URL" "$WORK/list.paths" "$DURATION" "${AUTH[@]}"

log "walking next_page_token to page $DEEP_PAGE of GET /v1/invoices?limit=$LIMIT"
token=""
for ((page = 1; page < DEEP_PAGE; page++)); do
  url="$FOLIO_URL/v1/invoices?limit=$LIMIT${token:+&page_token=$token}"
  token="$(curl -fsS "${AUTH[@]}" "$url" | grep -o '"next_page_token":"[^"]*"' | cut -d'"' -f4)" || true
  [[ -n "$token" ]] || die "the list ends at page $page: fewer than $DEEP_PAGE pages of $LIMIT"
done
echo "/v1/invoices?limit=$LIMIT&page_token=$token" >"$WORK/deep.paths"
deep_count="$(curl -fsS "${AUTH[@]}" "$FOLIO_URL$(cat "$WORK/deep.paths")" | grep -o '"customer_id":' | wc -l)"
[[ "$deep_count" -eq "$LIMIT" ]] || die "page $DEEP_PAGE has $deep_count invoices, not $LIMIT"
log "page $DEEP_PAGE token: $token ($deep_count invoices on that page)"
measure folio_page1 "$FOLIO_PID" "$FOLIO_URL" "$WORK/page1.paths" "$DURATION" "${AUTH[@]}"
measure folio_pageN "$FOLIO_PID" "$FOLIO_URL" "$WORK/deep.paths" "$DURATION" "${AUTH[@]}"

if [[ "$BREAKDOWN" == 1 ]]; then
  log "Folio breakdown: /healthz (no auth, no database) and an authenticated request that never reaches the database"
  WARMUP=1s warm "$FOLIO_URL" "$WORK/health.paths"
  measure folio_health "$FOLIO_PID" "$FOLIO_URL" "$WORK/health.paths" "$BREAKDOWN_DURATION"
  WARMUP=1s warm "$FOLIO_URL" "$WORK/authonly.paths" "${AUTH[@]}"
  measure folio_authonly "$FOLIO_PID" "$FOLIO_URL" "$WORK/authonly.paths" "$BREAKDOWN_DURATION" "${AUTH[@]}"
fi

FOLIO_HWM_KB="$(awk '/^VmHWM:/ { print $2 }' "/proc/$FOLIO_PID/status")"
stop_pid "$FOLIO_PID"

# --- Baseline ---------------------------------------------------------------------------------------------------
log "starting the baseline on $BASE_URL"
start_baseline
log "baseline: GET /v1/invoices/{id}"
warm "$BASE_URL" "$WORK/get.paths"
measure base_get "$BASE_PID" "$BASE_URL" "$WORK/get.paths" "$DURATION"
log "baseline: GET /v1/invoices?customer_id=...&limit=$LIMIT"
warm "$BASE_URL" "$WORK/list.paths"
measure base_list "$BASE_PID" "$BASE_URL" "$WORK/list.paths" "$DURATION"
if [[ "$BREAKDOWN" == 1 ]]; then
  WARMUP=1s warm "$BASE_URL" "$WORK/health.paths"
  measure base_health "$BASE_PID" "$BASE_URL" "$WORK/health.paths" "$BREAKDOWN_DURATION"
fi
BASE_HWM_KB="$(awk '/^VmHWM:/ { print $2 }' "/proc/$BASE_PID/status")"
stop_pid "$BASE_PID"

# The tuned baseline keeps statements prepared per connection: context for what SQLite itself costs, not a target.
log "starting the tuned baseline (statements prepared once per connection) on $BASE_URL"
start_baseline tuned
warm "$BASE_URL" "$WORK/get.paths"
measure tuned_get "$BASE_PID" "$BASE_URL" "$WORK/get.paths" "$DURATION"
warm "$BASE_URL" "$WORK/list.paths"
measure tuned_list "$BASE_PID" "$BASE_URL" "$WORK/list.paths" "$DURATION"
stop_pid "$BASE_PID"

# --- The SQL Folio runs -----------------------------------------------------------------------------------------
SQL_FILE="$RESULTS_DIR/sql-$STAMP.txt"
if [[ "$CAPTURE_SQL" == 1 ]]; then
  SQL_PORT="$(free_port)"
  log "capturing Folio's SQL on a separate short run (Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information)"
  env 'Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information' \
    dotnet "$FOLIO_DLL" serve --urls "http://127.0.0.1:$SQL_PORT" >>"$WORK/folio-sql.log" 2>&1 &
  SQL_PID=$!
  PIDS+=("$SQL_PID")
  wait_ready "http://127.0.0.1:$SQL_PORT/healthz" "$SQL_PID" "$WORK/folio-sql.log"
  {
    for path in "$(head -1 "$WORK/get.paths")" "$(head -1 "$WORK/list.paths")" "$(cat "$WORK/deep.paths")"; do
      sleep 0.3
      echo "=== GET $path"
      sleep 0.3
      curl -fsS -o /dev/null "${AUTH[@]}" "http://127.0.0.1:$SQL_PORT$path"
    done
    sleep 0.5
  } >>"$WORK/folio-sql.log" 2>&1
  stop_pid "$SQL_PID"
  # Keep what follows the first request: the per-request commands, without the startup migration check.
  awk '/^=== GET/ { on = 1 } on' "$WORK/folio-sql.log" >"$SQL_FILE"
fi

# --- Report -----------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { if (v == "" || v + 0 == 0) { print "NO DATA"; exit } ok = (op == ">=") ? v >= t : (op == "<=") ? v <= t : v < t; print ok ? "PASS" : "FAIL" }'; }

GET_RATIO="$(ratio "${RPS[folio_get]}" "${RPS[base_get]}")"
LIST_RATIO="$(ratio "${RPS[folio_list]}" "${RPS[base_list]}")"
PAGE_RATIO="$(ratio "${P50[folio_pageN]}" "${P50[folio_page1]}")"
RSS_PEAK_KB="$(awk -v hwm="${FOLIO_HWM_KB:-0}" '{ if ($1 > m) m = $1; if ($2 > m) m = $2 } END { if (hwm > m) m = hwm; print m + 0 }' "$WORK/folio-rss.txt")"
RSS_MAX_SAMPLED_KB="$(awk '{ if ($1 > m) m = $1 } END { print m + 0 }' "$WORK/folio-rss.txt")"
RSS_PEAK_MB="$(awk -v k="$RSS_PEAK_KB" 'BEGIN { printf "%.0f", k / 1024 }')"
RSS_SAMPLED_MB="$(awk -v k="$RSS_MAX_SAMPLED_KB" 'BEGIN { printf "%.0f", k / 1024 }')"
BASE_HWM_MB="$(awk -v k="${BASE_HWM_KB:-0}" 'BEGIN { printf "%.0f", k / 1024 }')"
V_GET="$(verdict "$GET_RATIO" ">=" 0.8)"
V_LIST="$(verdict "$LIST_RATIO" ">=" 0.8)"
V_PAGE="$(verdict "$PAGE_RATIO" "<=" 1.2)"
V_RSS="$(verdict "$RSS_PEAK_MB" "<" 300)"

CPU_MODEL="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
MEM_GIB="$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
RUNTIME="$(dotnet --list-runtimes 2>/dev/null | awk '/^Microsoft.NETCore.App/ { v = $2 } END { print v }')"
DB_MB="$(du -m "$FOLIO_DATABASE" | cut -f1)"

row() { printf '%-44s %-9s %12s %9s %9s %8s %12s\n' "$@"; }
report() {
  echo
  echo "Folio load benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: nproc=$(nproc), $CPU_MODEL, ${MEM_GIB} GiB RAM; .NET runtime $RUNTIME; $(wrk -v 2>&1 | head -1 | awk '{ print $1, $2 }')"
  echo "load: wrk $THREADS threads, $CONNECTIONS connections, $DURATION per scenario after a $WARMUP warm-up, on loopback; one server at a time"
  echo "servers: Folio Release build (dotnet folio.dll serve), admin API key, Logging__LogLevel__Default=Warning;"
  echo "         baseline bench/Baseline (Microsoft.Data.Sqlite, one joined query, Utf8JsonWriter, no auth), same database:"
  echo "         'baseline' = plain ADO.NET, fresh commands per request (the target); 'tuned' = statements prepared once per connection (context)"
  echo "data: SQLite ${DB_MB} MB, $(sed -n 's/^Stored: //p' "$WORK/seed.log")"
  echo
  row "scenario" "server" "requests/s" "p50 ms" "p99 ms" "non-2xx" "CPU ms/req"
  row "--------" "------" "----------" "------" "------" "-------" "----------"
  local name label server
  for entry in \
    "folio_get|GET /v1/invoices/{id}|Folio" \
    "base_get|GET /v1/invoices/{id}|baseline" \
    "tuned_get|GET /v1/invoices/{id}|tuned" \
    "folio_list|GET /v1/invoices?customer_id=...&limit=$LIMIT|Folio" \
    "base_list|GET /v1/invoices?customer_id=...&limit=$LIMIT|baseline" \
    "tuned_list|GET /v1/invoices?customer_id=...&limit=$LIMIT|tuned" \
    "folio_page1|GET /v1/invoices?limit=$LIMIT (page 1)|Folio" \
    "folio_pageN|GET /v1/invoices?limit=$LIMIT (page $DEEP_PAGE)|Folio" \
    "folio_health|GET /healthz (no auth, no DB)|Folio" \
    "base_health|GET /healthz|baseline" \
    "folio_authonly|GET /v1/invoices/not-an-id (auth, 404)|Folio"; do
    IFS='|' read -r name label server <<<"$entry"
    [[ -n "${RPS[$name]:-}" ]] || continue
    row "$label" "$server" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${NON2XX[$name]}" "${CPU_MS[$name]}"
  done
  echo
  echo "targets:"
  printf '  %-62s %8s  %s\n' "Folio / baseline requests/s, GET /v1/invoices/{id} (>= 0.8)" "$GET_RATIO" "$V_GET"
  printf '  %-62s %8s  %s\n' "Folio / baseline requests/s, list by customer (>= 0.8)" "$LIST_RATIO" "$V_LIST"
  printf '  %-62s %8s  %s\n' "page-$DEEP_PAGE p50 / page-1 p50, GET /v1/invoices?limit=$LIMIT (<= 1.2)" "$PAGE_RATIO" "$V_PAGE"
  printf '  %-62s %8s  %s\n' "Folio peak RSS in MB (< 300)" "$RSS_PEAK_MB" "$V_RSS"
  printf '  %-62s %8s  %s\n' "context: Folio / tuned baseline, GET by id" "$(ratio "${RPS[folio_get]}" "${RPS[tuned_get]:-0}")" ""
  printf '  %-62s %8s  %s\n' "context: Folio / tuned baseline, list by customer" "$(ratio "${RPS[folio_list]}" "${RPS[tuned_list]:-0}")" ""
  echo "  (Folio RSS: VmHWM over the run ${RSS_PEAK_MB} MB, highest VmRSS sampled every 0.25 s ${RSS_SAMPLED_MB} MB; baseline VmHWM ${BASE_HWM_MB} MB)"
  echo "  CPU ms/req is the server process's own CPU time (user + system) during the measured run, divided by requests."
  echo "  The expected non-2xx of the auth-only row are its 404s."
}

report | tee "$RESULTS_DIR/run-$STAMP.txt"
if [[ "$CAPTURE_SQL" == 1 && -s "$SQL_FILE" ]]; then
  echo
  echo "SQL Folio ran for one request of each kind (also in $(realpath --relative-to="$REPO" "$SQL_FILE")):"
  grep -v -E '^(info|dbug|warn): ' "$SQL_FILE" | sed 's/^      //' || true
fi
echo
echo "Saved to $(realpath --relative-to="$REPO" "$RESULTS_DIR/run-$STAMP.txt")."

if [[ "$STRICT" == 1 && "$V_GET$V_LIST$V_PAGE$V_RSS" == *FAIL* ]]; then
  exit 1
fi
