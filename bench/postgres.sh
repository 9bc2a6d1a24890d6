#!/usr/bin/env bash
# Folio load benchmark on PostgreSQL. In one run, on one throwaway cluster with production durability (fsync and
# synchronous_commit on), at the same concurrency (32 connections or clients, 2 threads):
#   - Folio's GET /v1/invoices/{id} and list by customer against the hand-written baseline over raw Npgsql
#     (bench/Baseline with a Host=... connection string), after a byte-for-byte parity check (targets >= 0.8 by id,
#     >= 1.0 for the list);
#   - the same two requests against `pgbench -M prepared` running the exact SQL Folio sent for them, captured from
#     Folio's own command log in this run (context: the database alone, no HTTP, no JSON);
#   - payments: 32 clients paying distinct open invoices through POST /v1/invoices/{id}/pay, against a pgbench script
#     doing the same transaction (lock the invoice row, insert the payment, update the invoice), the two measured in
#     turns over several rounds (target: median ratio >= 0.5); afterwards every invoice must still balance and every
#     payment must be booked once.
#
#   bash bench/postgres.sh                                      # 15 s per scenario after a 15 s warm-up
#   BENCH_DURATION=5s BENCH_WARMUP=3s bash bench/postgres.sh    # quick check
#
# Settings (environment): BENCH_DURATION (15s), BENCH_WARMUP (15s), BENCH_CONNECTIONS (32), BENCH_THREADS (2),
# BENCH_PAY_ROUNDS (3: payment rounds, Folio then pgbench in each), BENCH_KEEP (0: 1 keeps the temp folder and its cluster's data), BENCH_STRICT (0: 1 exits 1 when a target is missed).
# See bench/README.md for what is measured and how to read the figures.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
DURATION="${BENCH_DURATION:-15s}"
WARMUP="${BENCH_WARMUP:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
KEEP="${BENCH_KEEP:-0}"
PAY_ROUNDS="${BENCH_PAY_ROUNDS:-3}"
STRICT="${BENCH_STRICT:-0}"
# Ids per pgbench transaction: one side-table lookup picks this many, then Folio's statement runs once for each.
BATCH=10

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
# shellcheck source=scripts/postgres.sh
source "$REPO/scripts/postgres.sh"

PG_DIR=""
bench_cleanup_extra() { [[ -z "$PG_DIR" ]] || postgres_stop "$PG_DIR/data"; }

seconds() { local d="$1"; case "$d" in *m) echo $((${d%m} * 60)) ;; *s) echo "${d%s}" ;; *) echo "$d" ;; esac; }

ensure_tool wrk wrk
ensure_tool curl curl
command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH"
postgres_install
PG_BIN="$(postgres_bin)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/folio-bench.XXXXXX")"
# The cluster lives inside the work folder and, as root, belongs to the postgres user, who must reach it.
chmod 711 "$WORK"
RESULTS_DIR="$BENCH_DIR/results"
mkdir -p "$RESULTS_DIR"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
log "work folder $WORK"

build "$REPO/src/Folio/Folio.csproj"
build "$BENCH_DIR/Seed/Folio.Bench.Seed.csproj"
build "$BENCH_DIR/Baseline/Folio.Bench.Baseline.csproj"

PG_DIR="$WORK/pg"
mkdir -p "$PG_DIR"
PG_PORT="$(postgres_free_port 55432)" || die "no free loopback port for PostgreSQL"
log "starting PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PG_PORT (fsync and synchronous_commit on)"
postgres_start "$PG_DIR" "$PG_PORT" -c max_connections=300 -c shared_buffers=512MB || { cat "$PG_DIR"/*.log >&2; die "PostgreSQL did not start"; }
DATABASE="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=folio"
sql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d folio -v ON_ERROR_STOP=1 -qAt "$@"; }
pgbench_run() { "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j "$THREADS" "$@" folio; }

export Logging__LogLevel__Default=Warning
# The load comes from one key, far past the per-key rate limits a real client gets: they are off while measuring.
export Folio__RateLimits__Enabled=false
export ASPNETCORE_ENVIRONMENT=Production

# The same books as the SQLite benchmark, moved with the documented path from SQLite to PostgreSQL.
seed_books "$WORK/seed.db"
log "copying the books to PostgreSQL with folio copy"
FOLIO_DATABASE="$WORK/seed.db" dotnet "$FOLIO_DLL" copy --to "$DATABASE" >"$WORK/copy.log" 2>&1 || { tail -20 "$WORK/copy.log" >&2; die "folio copy failed"; }
rm -f "$WORK/seed.db"
export FOLIO_DATABASE="$DATABASE"
sql -c "VACUUM ANALYZE"
KEY="$(admin_key)"
AUTH=(-H "Authorization: Bearer $KEY")
read_paths

# Open invoices with room for many one-cent payments, for both payment scenarios.
sql -c "SELECT id FROM invoices WHERE status = 'open' AND amount_remaining >= 1000 ORDER BY id" >"$WORK/ids/payable.txt"
PAYABLE="$(wc -l <"$WORK/ids/payable.txt")"
[[ "$PAYABLE" -ge $((CONNECTIONS * 10)) ]] || die "only $PAYABLE payable invoices"
awk '{ print "/v1/invoices/" $0 "/pay" }' "$WORK/ids/payable.txt" >"$WORK/pay.paths"
PAY_BODY='{"amount":1}'

# pgbench picks its ids from numbered side tables (the same ids wrk rotates over); Folio never reads them.
side_table() {
  local name="$1" file="$2" columns
  columns="$(seq "$BATCH" | awk '{ printf "%sa[%d] AS id%d", (NR > 1 ? ", " : ""), $1, $1 }')"
  sql <<SQL
CREATE UNLOGGED TABLE ${name}_all (n serial PRIMARY KEY, id uuid NOT NULL);
\\copy ${name}_all (id) FROM '$file'
CREATE UNLOGGED TABLE $name AS
  SELECT g AS n, $columns FROM (SELECT (n - 1) / $BATCH + 1 AS g, array_agg(id ORDER BY n) AS a FROM ${name}_all GROUP BY 1) AS groups
  WHERE cardinality(a) = $BATCH;
ALTER TABLE $name ADD PRIMARY KEY (n);
ANALYZE $name;
SQL
  sql -c "SELECT count(*) FROM $name"
}
GET_GROUPS="$(side_table bench_get "$WORK/ids/invoices.txt")"
LIST_GROUPS="$(side_table bench_list "$WORK/ids/customers.txt")"
sql <<SQL
CREATE UNLOGGED TABLE bench_pay (n serial PRIMARY KEY, id uuid NOT NULL);
\\copy bench_pay (id) FROM '$WORK/ids/payable.txt'
ANALYZE bench_pay;
SQL

# --- Folio ------------------------------------------------------------------------------------------------------
FOLIO_PORT="$(free_port)"
FOLIO_URL="http://127.0.0.1:$FOLIO_PORT"
# EF Core's command log at Information: the SQL of every request, for the pgbench scripts. Folio logs it only while
# the capture runs; the measured runs below use a server without it.
capture_sql() {
  # Appending, so that the markers written beside the server land between its lines.
  local port pid
  port="$(free_port)"
  env 'Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information' \
    dotnet "$FOLIO_DLL" serve --urls "http://127.0.0.1:$port" >>"$WORK/folio-sql.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  wait_ready "http://127.0.0.1:$port/healthz" "$pid" "$WORK/folio-sql.log"
  curl -fsS -o /dev/null "${AUTH[@]}" "http://127.0.0.1:$port$(sed -n 2p "$WORK/get.paths")"
  for scenario in get list; do
    sleep 0.3
    echo "=== $scenario" >>"$WORK/folio-sql.log"
    sleep 0.3
    curl -fsS -o /dev/null "${AUTH[@]}" "http://127.0.0.1:$port$(head -1 "$WORK/$scenario.paths")"
  done
  sleep 0.5
  stop_pid "$pid"
}

# folio_statement SCENARIO: the statements Folio sent for the request after "=== SCENARIO" that read invoices (a list
# sends two: the invoices, then their lines), separated by ";".
folio_statement() {
  awk -v marker="=== $1" '
    function found() { if (sql ~ /FROM invoices AS/) { out = out (out == "" ? "" : ";\n") sql } sql = "" }
    $0 == marker { on = 1; next }
    /^=== / { if (on) found(); on = 0 }
    !on { next }
    /Executed DbCommand/ { found(); keep = 1; next }
    /^[a-z]+: / { keep = 0; next }
    keep { sub(/^      /, ""); sql = sql $0 "\n" }
    END { if (on) found(); printf "%s", out }
  ' "$WORK/folio-sql.log"
}

log "capturing the SQL Folio sends for each read (EF Core command log)"
capture_sql
folio_statement get >"$WORK/folio-get.sql"
folio_statement list >"$WORK/folio-list.sql"
grep -q '@id' "$WORK/folio-get.sql" || die "no get-by-id statement with @id in Folio's log (see $WORK/folio-sql.log)"
grep -q '@customerId' "$WORK/folio-list.sql" || die "no list statement with @customerId in Folio's log (see $WORK/folio-sql.log)"

log "starting Folio on $FOLIO_URL"
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

FOLIO_HWM_KB="$(awk '/^VmHWM:/ { print $2 }' "/proc/$FOLIO_PID/status")"
stop_pid "$FOLIO_PID"

# Context: the same reads with Npgsql's auto-prepare turned off (Folio turns it on unless the connection string says).
log "Folio with Max Auto Prepare=0: the two reads again (context)"
FOLIO_DATABASE="$DATABASE;Max Auto Prepare=0" dotnet "$FOLIO_DLL" serve --urls "$FOLIO_URL" >"$WORK/folio-unprepared.log" 2>&1 &
UNPREPARED_PID=$!
PIDS+=("$UNPREPARED_PID")
wait_ready "$FOLIO_URL/healthz" "$UNPREPARED_PID" "$WORK/folio-unprepared.log"
warm "$FOLIO_URL" "$WORK/get.paths" "${AUTH[@]}"
measure unprepared_get "$UNPREPARED_PID" "$FOLIO_URL" "$WORK/get.paths" "$DURATION" "${AUTH[@]}"
warm "$FOLIO_URL" "$WORK/list.paths" "${AUTH[@]}"
measure unprepared_list "$UNPREPARED_PID" "$FOLIO_URL" "$WORK/list.paths" "$DURATION" "${AUTH[@]}"
stop_pid "$UNPREPARED_PID"

# --- Baselines over raw Npgsql ----------------------------------------------------------------------------------
for mode in minimal tuned; do
  log "baseline ($mode) on $BASE_URL"
  start_baseline "$mode"
  prefix=base
  [[ "$mode" == tuned ]] && prefix=tuned
  warm "$BASE_URL" "$WORK/get.paths"
  measure "${prefix}_get" "$BASE_PID" "$BASE_URL" "$WORK/get.paths" "$DURATION"
  warm "$BASE_URL" "$WORK/list.paths"
  measure "${prefix}_list" "$BASE_PID" "$BASE_URL" "$WORK/list.paths" "$DURATION"
  stop_pid "$BASE_PID"
done

# --- pgbench ----------------------------------------------------------------------------------------------------
# pgbench_script FILE GROUPS TABLE STATEMENT_FILE PARAMETER...: one lookup of BATCH ids, then Folio's statement once per id.
# Each @parameter of Folio's statement becomes a pgbench variable: the id parameter takes :idN, the others fixed values.
pgbench_script() {
  local file="$1" groups="$2" table="$3" statement="$4" id_param="$5" fixed="$6" i
  {
    echo "\\set n random(1, $groups)"
    echo "SELECT $(seq "$BATCH" | awk '{ printf "%sid%d", (NR > 1 ? ", " : ""), $1 }') FROM $table WHERE n = :n \\gset"
    for i in $(seq "$BATCH"); do
      sed -E -e "s/@$id_param\\b/:id$i/g" -e "$fixed" "$statement" | sed '/^$/d'
      echo ";"
    done
  } >"$file"
}
pgbench_script "$WORK/pgbench-get.sql" "$GET_GROUPS" bench_get "$WORK/folio-get.sql" id 's/@p\b/1/g'
pgbench_script "$WORK/pgbench-list.sql" "$LIST_GROUPS" bench_list "$WORK/folio-list.sql" customerId "s/@p\\b/$((LIMIT + 1))/g"
grep -q '@' "$WORK/pgbench-get.sql" "$WORK/pgbench-list.sql" && die "a parameter of Folio's SQL has no pgbench value (see $WORK/pgbench-*.sql)"

# The payment transaction, as a hand-written application would run it: each client pays only invoices of its own
# (n = client + clients * k), so no two clients ever wait for the same row.
PER_CLIENT=$((PAYABLE / CONNECTIONS))
cat >"$WORK/pgbench-pay.sql" <<SQL
\\set n 1 + :client_id + $CONNECTIONS * random(0, $((PER_CLIENT - 1)))
SELECT id FROM bench_pay WHERE n = :n \\gset
BEGIN;
SELECT currency, customer_id FROM invoices WHERE id = :id FOR UPDATE \\gset
INSERT INTO payments (id, amount, created_at, credited_to_balance, currency, customer_id, invoice_id, method, received_at, reference)
  VALUES (gen_random_uuid(), 1, now(), 0, :currency, :customer_id, :id, 'other', now(), NULL);
UPDATE invoices SET amount_paid = amount_paid + 1, amount_remaining = amount_remaining - 1, updated_at = now(), version = version + 1
  WHERE id = :id;
END;
SQL

declare -A PGB_TPS PGB_LAT PGB_TX
# pgbench_measure NAME SCRIPT: a warm-up, then a measured run; transactions per second without connection time.
pgbench_measure() {
  local name="$1" script="$2" output
  pgbench_run -T "$(seconds "$WARMUP")" -f "$script" >"$WORK/pgbench-$name-warm.txt" 2>&1 || { tail -20 "$WORK/pgbench-$name-warm.txt" >&2; die "pgbench warm-up failed for $name"; }
  output="$(pgbench_run -T "$(seconds "$DURATION")" -f "$script" 2>&1)" || { printf '%s\n' "$output" | tail -20 >&2; die "pgbench failed for $name"; }
  printf '%s\n' "$output" >"$WORK/pgbench-$name.txt"
  PGB_TPS[$name]="$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' <<<"$output")"
  PGB_LAT[$name]="$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$output")"
  PGB_TX[$name]="$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<<"$output")"
  [[ -n "${PGB_TPS[$name]}" ]] || die "no tps line from pgbench for $name (see $WORK/pgbench-$name.txt)"
  grep -q '^number of failed transactions: 0 ' <<<"$output" || die "pgbench transactions failed for $name (see $WORK/pgbench-$name.txt)"
  log "$(printf 'pgbench %-8s %9s transactions/s  latency average %s ms' "$name" "${PGB_TPS[$name]}" "${PGB_LAT[$name]}")"
}
log "pgbench -M prepared, $CONNECTIONS clients, $THREADS threads: Folio's get-by-id statement ($BATCH per transaction)"
pgbench_measure get "$WORK/pgbench-get.sql"
log "pgbench: Folio's list statement ($BATCH per transaction)"
pgbench_measure list "$WORK/pgbench-list.sql"
# --- Payments: Folio and pgbench in turns ----------------------------------------------------------------------
# The machine's speed drifts by tens of percent over minutes, so one Folio run and one pgbench run minutes apart can
# disagree by more than what is measured. Folio is warmed up once; then PAY_ROUNDS rounds each measure Folio, then
# pgbench (with its own warm-up, as for the reads); the target is the median of the rounds' ratios, each taken between
# runs seconds apart. Folio sits idle while pgbench runs.
log "Folio: POST /v1/invoices/{id}/pay, one cent each, rotating over $PAYABLE open invoices, in turns with pgbench's payment transaction"
dotnet "$FOLIO_DLL" serve --urls "$FOLIO_URL" >"$WORK/folio-pay.log" 2>&1 &
PAY_PID=$!
PIDS+=("$PAY_PID")
rss_sampler "$PAY_PID" "$WORK/folio-rss.txt" &
PIDS+=("$!")
wait_ready "$FOLIO_URL/healthz" "$PAY_PID" "$WORK/folio-pay.log"
PAYMENTS_BEFORE="$(sql -c "SELECT count(*) FROM payments")"
SCRIPT_ARGS=(POST "$PAY_BODY")
warm "$FOLIO_URL" "$WORK/pay.paths" "${AUTH[@]}"
PAY_RATIOS=()
FOLIO_PAID=0
PGBENCH_PAID=0
for round in $(seq "$PAY_ROUNDS"); do
  measure "folio_pay_$round" "$PAY_PID" "$FOLIO_URL" "$WORK/pay.paths" "$DURATION" "${AUTH[@]}"
  pgbench_measure "pay_$round" "$WORK/pgbench-pay.sql"
  PAY_RATIOS+=("$(ratio "${RPS[folio_pay_$round]}" "${PGB_TPS[pay_$round]}")")
  FOLIO_PAID=$((FOLIO_PAID + REQUESTS[folio_pay_$round]))
  PGBENCH_PAID=$((PGBENCH_PAID + PGB_TX[pay_$round]))
done
SCRIPT_ARGS=()
PAY_HWM_KB="$(awk '/^VmHWM:/ { print $2 }' "/proc/$PAY_PID/status")"
stop_pid "$PAY_PID"
[[ "${PAY_HWM_KB:-0}" -gt "${FOLIO_HWM_KB:-0}" ]] && FOLIO_HWM_KB="$PAY_HWM_KB"
PAYMENTS_BOOKED="$(($(sql -c "SELECT count(*) FROM payments") - PAYMENTS_BEFORE))"

# --- The books after both payment runs --------------------------------------------------------------------------
UNBALANCED="$(sql -c "SELECT count(*) FROM invoices WHERE status <> 'draft' AND status <> 'void' AND amount_paid + credit_applied + amount_remaining <> total")"
MISBOOKED="$(sql -c "SELECT count(*) FROM invoices i WHERE i.amount_paid <> (SELECT coalesce(sum(p.amount - p.credited_to_balance), 0) FROM payments p WHERE p.invoice_id = i.id)")"
[[ "$UNBALANCED" == 0 && "$MISBOOKED" == 0 ]] || die "after the payment runs $UNBALANCED invoices do not balance and $MISBOOKED disagree with their payments"
# Folio's warm-up payments are booked too (wrk does not count them), so at least every answered payment is there.
[[ "$PAYMENTS_BOOKED" -ge $((FOLIO_PAID + PGBENCH_PAID)) ]] || die "Folio answered $FOLIO_PAID payments and pgbench made $PGBENCH_PAID, but only $PAYMENTS_BOOKED are booked"

# --- Report -----------------------------------------------------------------------------------------------------
per_statement() { awk -v t="$1" -v b="$BATCH" 'BEGIN { printf "%.1f", t * b }'; }
PGB_GET="$(per_statement "${PGB_TPS[get]}")"
PGB_LIST="$(per_statement "${PGB_TPS[list]}")"
GET_RATIO="$(ratio "${RPS[folio_get]}" "${RPS[base_get]}")"
LIST_RATIO="$(ratio "${RPS[folio_list]}" "${RPS[base_list]}")"
PAY_RATIO="$(printf '%s\n' "${PAY_RATIOS[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : sprintf("%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2) }')"
V_GET="$(verdict "$GET_RATIO" ">=" 0.8)"
V_LIST="$(verdict "$LIST_RATIO" ">=" 1.0)"
V_PAY="$(verdict "$PAY_RATIO" ">=" 0.5)"
for name in folio_get folio_list base_get base_list $(seq -f 'folio_pay_%g' "$PAY_ROUNDS"); do
  [[ "${NON2XX[$name]}" == 0 ]] || { V_GET="FAIL (non-2xx under load)"; V_LIST="$V_GET"; V_PAY="$V_GET"; }
done
RSS_PEAK_MB="$(awk -v hwm="${FOLIO_HWM_KB:-0}" '{ if ($2 > m) m = $2 } END { if (hwm > m) m = hwm; printf "%.0f", m / 1024 }' "$WORK/folio-rss.txt")"
DB_MB="$(sql -c "SELECT pg_database_size('folio') / 1048576")"

row() { printf '%-58s %-9s %12s %9s %9s %8s %12s\n' "$@"; }
report() {
  echo
  echo "Folio load benchmark on PostgreSQL, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: nproc=$(nproc), $CPU_MODEL, ${MEM_GIB} GiB RAM; .NET runtime $RUNTIME; $(wrk -v 2>&1 | head -1 | awk '{ print $1, $2 }'); $("$PG_BIN/pgbench" --version)"
  echo "database: PostgreSQL on the same machine, loopback TCP, shared_buffers=512MB, fsync and synchronous_commit on; ${DB_MB} MB,"
  echo "          $(sed -n 's/^Stored: //p' "$WORK/seed.log") (moved from SQLite with folio copy)"
  echo "load: $CONNECTIONS connections (wrk) or clients (pgbench), $THREADS threads, $DURATION per scenario after a $WARMUP warm-up; one server at a time"
  echo "servers: Folio Release build (admin API key, Logging__LogLevel__Default=Warning); baseline bench/Baseline over raw Npgsql"
  echo "         (one joined query, Utf8JsonWriter, no auth; 'baseline' = pooled connections, unprepared commands, as EF Core"
  echo "         sends them: the target; 'tuned' = statements prepared once per connection: context)"
  echo
  row "scenario" "server" "per second" "p50 ms" "p99 ms" "non-2xx" "CPU ms/req"
  row "--------" "------" "----------" "------" "------" "-------" "----------"
  local name label server
  for entry in \
    "folio_get|GET /v1/invoices/{id}|Folio" \
    "base_get|GET /v1/invoices/{id}|baseline" \
    "tuned_get|GET /v1/invoices/{id}|tuned" \
    "folio_list|GET /v1/invoices?customer_id=...&limit=$LIMIT|Folio" \
    "base_list|GET /v1/invoices?customer_id=...&limit=$LIMIT|baseline" \
    "tuned_list|GET /v1/invoices?customer_id=...&limit=$LIMIT|tuned" \
    "unprepared_get|GET /v1/invoices/{id}, Max Auto Prepare=0|Folio" \
    "unprepared_list|GET /v1/invoices?customer_id=..., Max Auto Prepare=0|Folio"; do
    IFS='|' read -r name label server <<<"$entry"
    row "$label" "$server" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${NON2XX[$name]}" "${CPU_MS[$name]}"
  done
  row "Folio's get-by-id statement, $BATCH per transaction" "pgbench" "$PGB_GET" "" "" "" ""
  row "Folio's list statements (2), $BATCH lists per transaction" "pgbench" "$PGB_LIST" "" "" "" ""
  for round in $(seq "$PAY_ROUNDS"); do
    name="folio_pay_$round"
    row "round $round: POST /v1/invoices/{id}/pay (1 cent)" "Folio" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${NON2XX[$name]}" "${CPU_MS[$name]}"
    row "round $round: payment transaction (lock, insert, update)" "pgbench" "${PGB_TPS[pay_$round]}" "" "" "" ""
  done
  echo
  echo "targets:"
  printf '  %-66s %8s  %s\n' "Folio / raw-Npgsql baseline requests/s, GET /v1/invoices/{id} (>= 0.8)" "$GET_RATIO" "$V_GET"
  printf '  %-66s %8s  %s\n' "Folio / raw-Npgsql baseline requests/s, list by customer (>= 1.0)" "$LIST_RATIO" "$V_LIST"
  printf '  %-66s %8s  %s\n' "Folio payments/s / pgbench transactions/s, median of $PAY_ROUNDS rounds (>= 0.5)" "$PAY_RATIO" "$V_PAY"
  printf '  %-66s %8s\n' "  the rounds' ratios" "${PAY_RATIOS[*]}"
  echo "context:"
  printf '  %-66s %8s\n' "Folio / pgbench with Folio's own SQL, get by id" "$(ratio "${RPS[folio_get]}" "$PGB_GET")"
  printf '  %-66s %8s\n' "Folio / pgbench with Folio's own SQL, list by customer" "$(ratio "${RPS[folio_list]}" "$PGB_LIST")"
  printf '  %-66s %8s\n' "baseline / pgbench, get by id" "$(ratio "${RPS[base_get]}" "$PGB_GET")"
  printf '  %-66s %8s\n' "baseline / pgbench, list by customer" "$(ratio "${RPS[base_list]}" "$PGB_LIST")"
  printf '  %-66s %8s\n' "Folio / tuned baseline, get by id" "$(ratio "${RPS[folio_get]}" "${RPS[tuned_get]}")"
  printf '  %-66s %8s\n' "Folio / tuned baseline, list by customer" "$(ratio "${RPS[folio_list]}" "${RPS[tuned_list]}")"
  printf '  %-66s %8s\n' "Folio peak RSS in MB" "$RSS_PEAK_MB"
  echo "books after the payment runs: $PAYMENTS_BOOKED payments booked (Folio answered $FOLIO_PAID in its measured runs, pgbench made $PGBENCH_PAID);"
  echo "  every invoice balances (paid + credit + remaining = total) and every amount paid equals its payments."
  echo "  pgbench's figures for the reads are statements/s: each transaction looks up $BATCH random ids in a side table,"
  echo "  then runs Folio's statement (captured from Folio's command log in this run) once per id; a list is two statements."
}

report | tee "$RESULTS_DIR/postgres-$STAMP.txt"
echo
echo "Saved to $(realpath --relative-to="$REPO" "$RESULTS_DIR/postgres-$STAMP.txt"); Folio's SQL and the pgbench scripts are in the"
echo "work folder while it is kept (BENCH_KEEP=1)."

if [[ "$STRICT" == 1 && "$V_GET$V_LIST$V_PAY" == *FAIL* ]]; then
  exit 1
fi
