#!/usr/bin/env bash
# Folio load benchmark: Folio against a hand-written baseline (bench/Baseline) on the same seeded SQLite database.
#
#   bash bench/run.sh                                      # 15 s per scenario after a 15 s warm-up (10 s for the dialect pairs)
#   BENCH_DURATION=5s BENCH_WARMUP=3s bash bench/run.sh    # quick check
#
# Settings (environment): BENCH_DURATION (15s), BENCH_WARMUP (15s), BENCH_DIALECT_WARMUP (10s, or BENCH_WARMUP when
# that is set), BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_PAGE (1000: the deep page measured against page 1),
# BENCH_DIALECTS (1: measure the dialects against the native API), BENCH_BREAKDOWN (1: also measure /healthz and an
# auth-only request), BENCH_BREAKDOWN_DURATION (5s), BENCH_SQL (1: capture the SQL of one request of each kind),
# BENCH_KEEP (0: 1 keeps the temp folder), BENCH_STRICT (0: 1 exits 1 when a target is missed).
# See bench/README.md for what is measured and how to read the figures.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
DURATION="${BENCH_DURATION:-15s}"
WARMUP="${BENCH_WARMUP:-15s}"
DIALECT_WARMUP="${BENCH_DIALECT_WARMUP:-${BENCH_WARMUP:-10s}}"
DIALECTS="${BENCH_DIALECTS:-1}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
DEEP_PAGE="${BENCH_PAGE:-1000}"
BREAKDOWN="${BENCH_BREAKDOWN:-1}"
BREAKDOWN_DURATION="${BENCH_BREAKDOWN_DURATION:-5s}"
CAPTURE_SQL="${BENCH_SQL:-1}"
KEEP="${BENCH_KEEP:-0}"
STRICT="${BENCH_STRICT:-0}"


# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

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
# The load comes from one key, far past the per-key rate limits a real client gets: they are off while measuring.
export Folio__RateLimits__Enabled=false
export ASPNETCORE_ENVIRONMENT=Production

seed_books "$FOLIO_DATABASE"
KEY="$(admin_key)"
AUTH=(-H "Authorization: Bearer $KEY")

read_paths
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

BASE_PORT="$(free_port)"
BASE_URL="http://127.0.0.1:$BASE_PORT"
parity_check

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

# --- Dialects against the native API ---------------------------------------------------------------------------
# Each dialect is measured right after the native request that reads the same rows, with the same warm-up, so that
# the ratio sees the same machine. The request files carry their key per line (see lua/rotate.lua).
declare -A DIALECT_STATE DIALECT_NOTE DIALECT_ROWS

# The first request of a paths file ("path<TAB>Header: value"), with its status code on stdout and its body in a file.
probe() {
  local line path header
  line="$(head -1 "$1")"
  path="${line%%$'\t'*}"
  header=""
  [[ "$line" == *$'\t'* ]] && header="${line#*$'\t'}"
  curl -sS -o "$2" -w '%{http_code}' ${header:+-H "$header"} "$FOLIO_URL$path" 2>>"$WORK/probe.log" || true
}

first_path() { head -1 "$1" | cut -f1; }

# check_dialect NAME PATHS_FILE ROW_PATTERN NATIVE_PATHS_FILE NATIVE_ROW_PATTERN
# A dialect is measured when a known-good request answers 200 with as many rows as the native request beside it.
check_dialect() {
  local name="$1" paths="$2" pattern="$3" native="$4" native_pattern="$5" status native_status rows native_rows code
  status="$(probe "$paths" "$WORK/probe-$name.json")"
  if [[ "$status" == 404 ]]; then
    DIALECT_STATE[$name]=skip
    code="$(grep -o '"code":"[^"]*"' "$WORK/probe-$name.json" | head -1 | cut -d'"' -f4)" || true
    DIALECT_NOTE[$name]="not served: GET $(first_path "$paths") answers 404${code:+ ($code)}"
    log "$name: ${DIALECT_NOTE[$name]}"
    return
  fi
  if [[ "$status" != 200 ]]; then
    DIALECT_STATE[$name]=error
    DIALECT_NOTE[$name]="GET $(first_path "$paths") answers HTTP $status for a known-good request: $(head -c 200 "$WORK/probe-$name.json")"
    log "$name: ${DIALECT_NOTE[$name]}"
    return
  fi
  native_status="$(probe "$native" "$WORK/probe-$name-native.json")"
  [[ "$native_status" == 200 ]] || die "native GET $(first_path "$native") answers HTTP $native_status"
  rows="$(grep -oE "\"$pattern\"[[:space:]]*:" "$WORK/probe-$name.json" | wc -l)"
  native_rows="$(grep -oE "\"$native_pattern\"[[:space:]]*:" "$WORK/probe-$name-native.json" | wc -l)"
  DIALECT_ROWS[$name]="$rows/$native_rows"
  if [[ "$rows" -ne "$native_rows" || "$rows" -eq 0 ]]; then
    DIALECT_STATE[$name]=error
    DIALECT_NOTE[$name]="GET $(first_path "$paths") gives $rows invoices where the native request gives $native_rows: not the same work, not measured"
    log "$name: ${DIALECT_NOTE[$name]}"
    return
  fi
  DIALECT_STATE[$name]=served
  log "$name: served; $rows invoices per response, as many as the native request beside it"
}

if [[ "$DIALECTS" == 1 ]]; then
  # One organization key per organization: the native API's organization-level invoice list is what an organization's
  # key sees (the organization's and its users' invoices, never drafts). The admin key creates them through the API.
  log "creating an organization key for each of the $(wc -l <"$WORK/ids/organizations.txt") organizations"
  awk -v url="$FOLIO_URL/v1/api_keys" -v key="$KEY" '{
    if (NR > 1) print "next"
    printf "url = \"%s\"\nheader = \"Authorization: Bearer %s\"\nheader = \"Content-Type: application/json\"\n", url, key
    printf "data = \"{\\\"scope\\\":\\\"organization\\\",\\\"name\\\":\\\"bench\\\",\\\"organization_id\\\":\\\"%s\\\"}\"\n", $0
    printf "fail-with-body\nsilent\nshow-error\nwrite-out = \"\\n\"\n"
  }' "$WORK/ids/organizations.txt" >"$WORK/org-keys.curl"
  curl -K "$WORK/org-keys.curl" >"$WORK/org-keys.json" 2>"$WORK/org-keys.log" || { tail -5 "$WORK/org-keys.log" >&2; die "creating organization keys failed"; }
  sed -n 's/.*"organization_id":"\([^"]*\)".*"secret":"\([^"]*\)".*/\1\t\2/p' "$WORK/org-keys.json" >"$WORK/org-keys.txt"
  [[ "$(wc -l <"$WORK/org-keys.txt")" -eq "$(wc -l <"$WORK/ids/organizations.txt")" ]] || die "not every organization got a key (see $WORK/org-keys.json)"

  ADMIN_HEADER="Authorization: Bearer $KEY"
  awk -F'\t' '{ print "/v1/invoices?unpaid=true&limit=100\tAuthorization: Bearer " $2 }' "$WORK/org-keys.txt" >"$WORK/native-unpaid.paths"
  awk -F'\t' -v limit="$LIMIT" '{ print "/v1/invoices?limit=" limit "\tAuthorization: Bearer " $2 }' "$WORK/org-keys.txt" >"$WORK/native-org.paths"
  awk -v h="$ADMIN_HEADER" '{ print $0 "\t" h }' "$WORK/get.paths" >"$WORK/native-get.paths"
  cut -f1 "$WORK/org-keys.txt" | awk -v h="$ADMIN_HEADER" '{ print "/invoices/nopaid?idOrganization=" $0 "\t" h }' >"$WORK/console.paths"
  cut -f1 "$WORK/org-keys.txt" | awk -v h="$ADMIN_HEADER" -v limit="$LIMIT" '{ print "/v1/organizations/" $0 "/billing/invoices?per_page=" limit "\t" h }' >"$WORK/billing.paths"
  cut -f1 "$WORK/org-keys.txt" | awk -v h="$ADMIN_HEADER" -v limit="$LIMIT" '{ print "/admin/v1/invoices?organizationId=" $0 "&pageSize=" limit "\t" h }' >"$WORK/admin.paths"
  awk -v key="$KEY" '{ print "/api/v2/invoices/" $0 "\tX-SALESBRICKS-KEY: " key }' "$WORK/ids/invoices.txt" >"$WORK/details.paths"

  check_dialect console "$WORK/console.paths" idOrganization "$WORK/native-unpaid.paths" customer_id
  check_dialect billing "$WORK/billing.paths" total_incl_vat "$WORK/native-org.paths" customer_id
  check_dialect admin "$WORK/admin.paths" effectiveTime "$WORK/native-org.paths" customer_id
  check_dialect details "$WORK/details.paths" invoice_id "$WORK/native-get.paths" customer_id

  pair() {
    local name="$1" paths="$2"
    log "$name: warm-up $DIALECT_WARMUP, then $DURATION"
    WARMUP="$DIALECT_WARMUP" warm "$FOLIO_URL" "$paths"
    measure "$name" "$FOLIO_PID" "$FOLIO_URL" "$paths" "$DURATION"
  }
  if [[ "${DIALECT_STATE[console]}" == served ]]; then
    pair native_unpaid "$WORK/native-unpaid.paths"
    pair dialect_console "$WORK/console.paths"
  fi
  if [[ "${DIALECT_STATE[billing]}" == served || "${DIALECT_STATE[admin]}" == served ]]; then
    pair native_org "$WORK/native-org.paths"
    if [[ "${DIALECT_STATE[billing]}" == served ]]; then
      pair dialect_billing "$WORK/billing.paths"
    fi
    if [[ "${DIALECT_STATE[admin]}" == served ]]; then
      pair dialect_admin "$WORK/admin.paths"
    fi
  fi
  if [[ "${DIALECT_STATE[details]}" == served ]]; then
    pair native_get "$WORK/native-get.paths"
    pair dialect_details "$WORK/details.paths"
  fi
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
  # One request of each kind, with its key: the native reads, then each dialect that was measured beside its native request.
  {
    printf '%s\t%s\n' "$(head -1 "$WORK/get.paths")" "${AUTH[1]}" "$(head -1 "$WORK/list.paths")" "${AUTH[1]}" "$(cat "$WORK/deep.paths")" "${AUTH[1]}"
    for name in console billing admin details; do
      if [[ "${DIALECT_STATE[$name]:-}" == served ]]; then head -1 "$WORK/$name.paths"; fi
    done
    if [[ "${DIALECT_STATE[console]:-}" == served ]]; then head -1 "$WORK/native-unpaid.paths"; fi
    if [[ "${DIALECT_STATE[billing]:-}" == served || "${DIALECT_STATE[admin]:-}" == served ]]; then head -1 "$WORK/native-org.paths"; fi
  } >"$WORK/sql.requests"
  {
    while IFS=$'\t' read -r path header; do
      sleep 0.3
      echo "=== GET $path"
      sleep 0.3
      curl -sS -o /dev/null -H "$header" "http://127.0.0.1:$SQL_PORT$path"
    done <"$WORK/sql.requests"
    sleep 0.5
  } >>"$WORK/folio-sql.log" 2>&1
  stop_pid "$SQL_PID"
  # Keep what follows the first request: the per-request commands, without the startup migration check.
  awk '/^=== GET/ { on = 1 } on' "$WORK/folio-sql.log" >"$SQL_FILE"
fi

# --- Report -----------------------------------------------------------------------------------------------------

GET_RATIO="$(ratio "${RPS[folio_get]}" "${RPS[base_get]}")"
LIST_RATIO="$(ratio "${RPS[folio_list]}" "${RPS[base_list]}")"
PAGE_RATIO="$(ratio "${P50[folio_pageN]}" "${P50[folio_page1]}")"
RSS_PEAK_KB="$(awk -v hwm="${FOLIO_HWM_KB:-0}" '{ if ($1 > m) m = $1; if ($2 > m) m = $2 } END { if (hwm > m) m = hwm; print m + 0 }' "$WORK/folio-rss.txt")"
RSS_MAX_SAMPLED_KB="$(awk '{ if ($1 > m) m = $1 } END { print m + 0 }' "$WORK/folio-rss.txt")"
RSS_PEAK_MB="$(awk -v k="$RSS_PEAK_KB" 'BEGIN { printf "%.0f", k / 1024 }')"
RSS_SAMPLED_MB="$(awk -v k="$RSS_MAX_SAMPLED_KB" 'BEGIN { printf "%.0f", k / 1024 }')"
BASE_HWM_MB="$(awk -v k="${BASE_HWM_KB:-0}" 'BEGIN { printf "%.0f", k / 1024 }')"
V_GET="$(verdict "$GET_RATIO" ">=" 0.8)"
V_LIST="$(verdict "$LIST_RATIO" ">=" 1.0)"
V_PAGE="$(verdict "$PAGE_RATIO" "<=" 1.2)"
V_RSS="$(verdict "$RSS_PEAK_MB" "<" 300)"

DB_MB="$(du -m "$FOLIO_DATABASE" | cut -f1)"

row() { printf '%-58s %-9s %12s %9s %9s %8s %12s\n' "$@"; }

# The verdict of a dialect measured beside its native request: errors under load void the comparison. The lists must
# cost what the native list costs (>= 0.9); the invoice details dialect is one invoice with its renewal estimate, more
# than the native read of it, and keeps the dialects' earlier target (>= 0.8).
dialect_verdict() {
  local dialect="$1" native="$2" target="${3:-0.9}"
  if [[ "${NON2XX[$dialect]}" != 0 || "${NON2XX[$native]}" != 0 ]]; then
    echo "FAIL (non-2xx responses under load)"
  else
    verdict "$(ratio "${RPS[$dialect]}" "${RPS[$native]}")" ">=" "$target"
  fi
}

# dialect_target NAME DIALECT_RUN NATIVE_RUN LABEL: the dialect ÷ native line, or why the dialect was not measured.
dialect_target() {
  local name="$1" dialect="$2" native="$3" label="$4" target="${5:-0.9}"
  case "${DIALECT_STATE[$name]:-}" in
    served)
      printf '  %-62s %8s  %-7s (p99 %s vs %s ms; invoices per response: %s)\n' "$label" "$(ratio "${RPS[$dialect]}" "${RPS[$native]}")" \
        "$(dialect_verdict "$dialect" "$native" "$target")" "${P99[$dialect]}" "${P99[$native]}" "${DIALECT_ROWS[$name]%%/*}" ;;
    skip) printf '  %-62s %8s  %s\n' "$label" "-" "SKIP (${DIALECT_NOTE[$name]})" ;;
    error) printf '  %-62s %8s  %s\n' "$label" "-" "FAIL (${DIALECT_NOTE[$name]})" ;;
    *) printf '  %-62s %8s  %s\n' "$label" "-" "not run (BENCH_DIALECTS=0)" ;;
  esac
}
report() {
  echo
  echo "Folio load benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: nproc=$(nproc), $CPU_MODEL, ${MEM_GIB} GiB RAM; .NET runtime $RUNTIME; $(wrk -v 2>&1 | head -1 | awk '{ print $1, $2 }')"
  echo "load: wrk $THREADS threads, $CONNECTIONS connections, $DURATION per scenario after a $WARMUP warm-up ($DIALECT_WARMUP for the dialect pairs), on loopback; one server at a time"
  echo "servers: Folio Release build (dotnet folio.dll serve), admin API key (organization keys for the native lists beside the dialects),"
  echo "         Logging__LogLevel__Default=Warning;"
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
    "folio_authonly|GET /v1/invoices/not-an-id (auth, 404)|Folio" \
    "native_unpaid|GET /v1/invoices?unpaid=true&limit=100 (organization key)|Folio" \
    "dialect_console|GET /invoices/nopaid?idOrganization=... (console API)|Folio" \
    "native_org|GET /v1/invoices?limit=$LIMIT (organization key)|Folio" \
    "dialect_billing|GET /v1/organizations/{id}/billing/invoices?per_page=$LIMIT|Folio" \
    "dialect_admin|GET /admin/v1/invoices?organizationId=...&pageSize=$LIMIT|Folio" \
    "native_get|GET /v1/invoices/{id} (beside the details dialect)|Folio" \
    "dialect_details|GET /api/v2/invoices/{id} (X-SALESBRICKS-KEY)|Folio"; do
    IFS='|' read -r name label server <<<"$entry"
    [[ -n "${RPS[$name]:-}" ]] || continue
    row "$label" "$server" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${NON2XX[$name]}" "${CPU_MS[$name]}"
  done
  echo
  echo "targets:"
  printf '  %-62s %8s  %s\n' "Folio / baseline requests/s, GET /v1/invoices/{id} (>= 0.8)" "$GET_RATIO" "$V_GET"
  printf '  %-62s %8s  %s\n' "Folio / baseline requests/s, list by customer (>= 1.0)" "$LIST_RATIO" "$V_LIST"
  printf '  %-62s %8s  %s\n' "page-$DEEP_PAGE p50 / page-1 p50, GET /v1/invoices?limit=$LIMIT (<= 1.2)" "$PAGE_RATIO" "$V_PAGE"
  printf '  %-62s %8s  %s\n' "Folio peak RSS in MB (< 300)" "$RSS_PEAK_MB" "$V_RSS"
  printf '  %-62s %8s  %s\n' "context: Folio / tuned baseline, GET by id" "$(ratio "${RPS[folio_get]}" "${RPS[tuned_get]:-0}")" ""
  printf '  %-62s %8s  %s\n' "context: Folio / tuned baseline, list by customer" "$(ratio "${RPS[folio_list]}" "${RPS[tuned_list]:-0}")" ""
  echo "dialects, dialect / native requests/s, each measured right after its native request, admin key (lists >= 0.9, details >= 0.8):"
  dialect_target console dialect_console native_unpaid "console API /invoices/nopaid vs the organization's unpaid list"
  dialect_target billing dialect_billing native_org "organization billing invoices vs the organization's list"
  dialect_target admin dialect_admin native_org "admin API /admin/v1/invoices vs the organization's list"
  dialect_target details dialect_details native_get "invoice details /api/v2/invoices/{id} vs GET /v1/invoices/{id}" 0.8
  echo "  (native lists use each organization's own key: its invoices and its users', as the dialects list them)"
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

dialect_verdicts() {
  local entry name dialect native target
  for entry in console:dialect_console:native_unpaid:0.9 billing:dialect_billing:native_org:0.9 admin:dialect_admin:native_org:0.9 details:dialect_details:native_get:0.8; do
    IFS=: read -r name dialect native target <<<"$entry"
    case "${DIALECT_STATE[$name]:-}" in
      served) dialect_verdict "$dialect" "$native" "$target" ;;
      error) echo FAIL ;;
    esac
  done
}

if [[ "$STRICT" == 1 && "$V_GET$V_LIST$V_PAGE$V_RSS$(dialect_verdicts)" == *FAIL* ]]; then
  exit 1
fi
