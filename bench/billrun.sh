#!/usr/bin/env bash
# The bill-run benchmark: `folio bill-run --as-of T` over BENCH_SUBSCRIPTIONS subscriptions (one period due each), on
# SQLite and on a throwaway PostgreSQL cluster, against a bulk insert of the very rows it wrote. See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
SUBSCRIPTIONS="${BENCH_SUBSCRIPTIONS:-100000}"
ENGINES="${BENCH_ENGINES:-sqlite postgres}"
KEEP="${BENCH_KEEP:-0}"
STRICT="${BENCH_STRICT:-0}"
WARMUP=0 CONNECTIONS=0 THREADS=0

source "$BENCH_DIR/lib.sh"
source "$REPO/scripts/postgres.sh"
BULK_DLL="$BENCH_DIR/BulkInsert/bin/Release/net10.0/Folio.Bench.BulkInsert.dll"

PG_DIR=""
bench_cleanup_extra() { [[ -z "$PG_DIR" ]] || postgres_stop "$PG_DIR/data"; }

command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH"
[[ -x /usr/bin/time ]] || ensure_tool /usr/bin/time time
[[ "$SUBSCRIPTIONS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_SUBSCRIPTIONS must be a positive number"
for engine in $ENGINES; do [[ "$engine" == sqlite || "$engine" == postgres ]] || die "BENCH_ENGINES lists sqlite and/or postgres, not $engine"; done
[[ " $ENGINES " == *" postgres "* ]] && postgres_install

WORK="$(mktemp -d "${TMPDIR:-/tmp}/folio-billrun.XXXXXX")"
chmod 711 "$WORK"
RESULTS_DIR="$BENCH_DIR/results"
mkdir -p "$RESULTS_DIR"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
log "work folder $WORK"

build "$REPO/src/Folio/Folio.csproj"
build "$BENCH_DIR/Seed/Folio.Bench.Seed.csproj"
build "$BENCH_DIR/BulkInsert/Folio.Bench.BulkInsert.csproj"

export Logging__LogLevel__Default=Warning
export DOTNET_ENVIRONMENT=Production

# as_of: a whole minute in the past, so that the run may use it (never in the future) and every anchor is before it.
AS_OF="$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:00Z)"
log "migrating a fresh SQLite database and seeding $SUBSCRIPTIONS subscriptions due at $AS_OF"
FOLIO_DATABASE="$WORK/seed.db" dotnet "$FOLIO_DLL" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; die "migrate failed"; }
dotnet "$SEED_DLL" "$WORK/seed.db" --subscriptions "$SUBSCRIPTIONS" --as-of "$AS_OF" | tee "$WORK/seed.log" >&2 || die "seed failed"
SEEDED="$(sed -n 's/^Stored: //p' "$WORK/seed.log")"

declare -A SECONDS1 SECONDS2 CPU_MS SERVER_CPU_MS HWM_MB RSS_QUARTER_MB RSS_END_MB INVOICED BASE_SECONDS BASE_ROWS BASE_DETAIL ITEMS SECOND_REPORT

# bill_run ENGINE PASS: times `folio bill-run --as-of AS_OF` on FOLIO_DATABASE; peak memory from the kernel (getrusage,
# the process's VmHWM) and RSS sampled every 0.25 s, to see whether it grows with the invoices written.
bill_run() {
  local engine="$1" pass="$2" out="$WORK/$1-run$2" pid start end status
  start="$(date +%s.%N)"
  /usr/bin/time -f '%M %U %S' -o "$out.time" dotnet "$FOLIO_DLL" bill-run --as-of "$AS_OF" >"$out.out" 2>"$out.err" &
  pid=$!
  PIDS+=("$pid")
  # /usr/bin/time's child is the folio process: sample it, not time itself.
  local child=""
  for _ in $(seq 50); do child="$(pgrep -P "$pid" | head -1)" && [[ -n "$child" ]] && break; sleep 0.02; done
  [[ -z "$child" ]] || rss_sampler "$child" "$out.rss" >/dev/null 2>&1 &
  status=0
  wait "$pid" || status=$?
  end="$(date +%s.%N)"
  [[ "$status" == 0 ]] || { tail -20 "$out.err" "$out.out" >&2; die "$engine bill run $pass exited with $status"; }
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

# measure_engine ENGINE: two passes of the bill run on FOLIO_DATABASE, then checks the books it left.
measure_engine() {
  local engine="$1" report server_before=0
  log "$engine: bill run as of $AS_OF"
  [[ "$engine" != postgres ]] || server_before="$(server_ticks)"
  SECONDS1[$engine]="$(bill_run "$engine" 1)"
  [[ "$engine" != postgres ]] || SERVER_CPU_MS[$engine]="$(awk -v t=$(($(server_ticks) - server_before)) -v hz="$CLK_TCK" -v n="$SUBSCRIPTIONS" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
  report="$(head -1 "$WORK/$engine-run1.out")"
  log "$engine: $report in ${SECONDS1[$engine]} s"
  INVOICED[$engine]="$(sed -n 's/.*invoiced \([0-9]*\),.*/\1/p' <<<"$report")"
  [[ "$report" == *"due $SUBSCRIPTIONS, invoiced $SUBSCRIPTIONS, skipped 0, failed 0" ]] || die "$engine: the first run did not invoice every subscription: $report"
  HWM_MB[$engine]="$(awk '{ printf "%.0f", $1 / 1024 }' "$WORK/$engine-run1.time")"
  # CPU per invoice (user + system), start-up included: where the time goes when the run is slower than the baseline.
  CPU_MS[$engine]="$(awk -v n="$SUBSCRIPTIONS" '{ printf "%.2f", ($2 + $3) * 1000 / n }' "$WORK/$engine-run1.time")"
  # RSS a quarter of the way through the run and at its end: a run that streams stays flat.
  read -r RSS_QUARTER_MB[$engine] RSS_END_MB[$engine] < <(awk '{ rss[NR] = $1 } END { q = int(NR / 4); if (q < 1) q = 1; printf "%.0f %.0f\n", rss[q] / 1024, rss[NR] / 1024 }' "$WORK/$engine-run1.rss" 2>/dev/null || echo "0 0")

  log "$engine: the same bill run again (nothing is due any more)"
  SECONDS2[$engine]="$(bill_run "$engine" 2)"
  SECOND_REPORT[$engine]="$(head -1 "$WORK/$engine-run2.out")"
  log "$engine: ${SECOND_REPORT[$engine]} in ${SECONDS2[$engine]} s"
  [[ "${SECOND_REPORT[$engine]}" == *"due 0, invoiced 0, skipped 0, failed 0" ]] || die "$engine: the second run found work: ${SECOND_REPORT[$engine]}"
}

# books_check ENGINE QUERY-RUNNER: one invoice per subscription, for period 0, each balanced, every subscription moved on.
books_check() {
  local engine="$1" wrong
  shift
  wrong="$("$@" "SELECT (SELECT COUNT(*) FROM subscriptions WHERE next_period_index <> 1)
    + (SELECT COUNT(*) FROM invoices WHERE subscription_id IS NULL OR subscription_period <> 0 OR status <> 'open' OR number IS NULL)
    + (SELECT COUNT(*) FROM invoices i WHERE i.total <> (SELECT SUM(t.total) FROM invoice_items t WHERE t.invoice_id = i.id))
    + ABS((SELECT COUNT(*) FROM invoices) - $SUBSCRIPTIONS)")"
  [[ "$wrong" == 0 ]] || die "$engine: $wrong inconsistencies in the books after the bill run"
  ITEMS[$engine]="$("$@" "SELECT COUNT(*) FROM invoice_items")"
}

# baseline ENGINE TABLES SOURCE TARGET: the rows the run wrote, TABLES "invoices" (its invoices and their items, the
# baseline before events) or "written" (with the events and audit entries it wrote beside them), into TARGET.
baseline() {
  local engine="$1" tables="$2" output
  shift 2
  output="$(dotnet "$BULK_DLL" "$engine" "$@" "$tables")" || die "$engine baseline failed"
  log "$engine baseline ($tables): $output"
  BASE_ROWS[$engine]="$(sed -n 's/^rows: \([0-9]*\) invoices.*/\1/p' <<<"$output")"
  BASE_SECONDS[$engine,$tables]="$(sed -n 's/.*seconds: \([0-9.]*\)$/\1/p' <<<"$output")"
  BASE_DETAIL[$engine,$tables]="${output%%;*}"
  [[ "${BASE_ROWS[$engine]}" == "$SUBSCRIPTIONS" ]] || die "$engine baseline inserted ${BASE_ROWS[$engine]} invoices, not $SUBSCRIPTIONS"
}

sqlite_query() { sqlite3 -batch "$FOLIO_DATABASE" "$1"; }

if [[ " $ENGINES " == *" sqlite "* ]]; then
  ensure_tool sqlite3 sqlite3
  cp "$WORK/seed.db" "$WORK/sqlite.db"
  export FOLIO_DATABASE="$WORK/sqlite.db"
  measure_engine sqlite
  books_check sqlite sqlite_query
  for tables in invoices written; do
    log "sqlite: baseline, the same rows ($tables) into a pre-run copy (one transaction of prepared inserts)"
    cp "$WORK/seed.db" "$WORK/sqlite-baseline.db"
    baseline sqlite "$tables" "$WORK/sqlite.db" "$WORK/sqlite-baseline.db"
    rm -f "$WORK/sqlite-baseline.db"*
  done
fi

if [[ " $ENGINES " == *" postgres "* ]]; then
  PG_BIN="$(postgres_bin)"
  PG_DIR="$WORK/pg"
  mkdir -p "$PG_DIR"
  PG_PORT="$(postgres_free_port 55432)" || die "no free loopback port for PostgreSQL"
  log "starting PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PG_PORT (fsync and synchronous_commit on)"
  postgres_start "$PG_DIR" "$PG_PORT" -c max_connections=300 -c shared_buffers=512MB || { cat "$PG_DIR"/*.log >&2; die "PostgreSQL did not start"; }
  PG_SERVER="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
  # The server's CPU: the postmaster's own and that of its children once they have exited (the run's backends do at its end).
  server_ticks() { sed 's/^.*) //' "/proc/$(head -1 "$PG_DIR/data/postmaster.pid")/stat" | awk '{ print $12 + $13 + $14 + $15 }'; }
  pg_query() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d folio -v ON_ERROR_STOP=1 -qAt -c "$1"; }
  export FOLIO_DATABASE="$PG_SERVER;Database=folio"
  dotnet "$FOLIO_DLL" migrate >"$WORK/pg-migrate.log" 2>&1 || { cat "$WORK/pg-migrate.log" >&2; die "migrate on PostgreSQL failed"; }
  log "loading the books into PostgreSQL (Npgsql binary COPY)"
  dotnet "$BULK_DLL" load "$WORK/seed.db" "$FOLIO_DATABASE" >"$WORK/pg-load.log" 2>&1 || { cat "$WORK/pg-load.log" >&2; die "loading PostgreSQL failed"; }
  [[ "$(pg_query "SELECT COUNT(*) FROM subscriptions")" == "$SUBSCRIPTIONS" ]] || die "PostgreSQL does not hold the $SUBSCRIPTIONS subscriptions"
  pg_query "VACUUM ANALYZE"
  # The baselines' databases: copies of the books as they are before the run.
  pg_query "CREATE DATABASE folio_baseline_invoices TEMPLATE folio"
  pg_query "CREATE DATABASE folio_baseline_written TEMPLATE folio"
  measure_engine postgres
  books_check postgres pg_query
  for tables in invoices written; do
    log "postgres: baseline, the same rows ($tables) into a pre-run copy (Npgsql binary COPY)"
    baseline postgres "$tables" "$FOLIO_DATABASE" "$PG_SERVER;Database=folio_baseline_$tables"
  done
fi

# --- Report -----------------------------------------------------------------------------------------------------
per_second() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0) ? n / s : 0 }'; }
row() { printf '%-10s %9s %12s %12s %14s %10s %10s %10s %12s\n' "$@"; }
report() {
  echo
  echo "Folio bill-run benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: nproc=$(nproc), $CPU_MODEL, ${MEM_GIB} GiB RAM; .NET runtime $RUNTIME"
  echo "books: $SEEDED"
  echo "command: folio bill-run --as-of $AS_OF (Release build, Logging__LogLevel__Default=Warning), run twice over the same period;"
  echo "         SQLite file (WAL) and PostgreSQL on the same machine over loopback TCP (shared_buffers=512MB, fsync and synchronous_commit on)"
  echo "baselines: the rows the run wrote, read back after it, bulk-inserted into a copy of the pre-run database (SQLite: one"
  echo "           transaction of prepared inserts; PostgreSQL: Npgsql binary COPY in one transaction); writing timed only."
  echo "           \"written\": every row it inserted, its invoices and items with the events and audit entries that tell of them"
  echo "           (the target's); \"invoices\": its invoices and items alone, the baseline of the figures from before events."
  echo
  row "engine" "invoices" "items" "Folio s" "Folio inv/s" "written s" "invoices s" "ratio" "peak MB"
  local engine ratio ratio_invoices second peak
  for engine in $ENGINES; do
    row "$engine" "${INVOICED[$engine]}" "${ITEMS[$engine]}" "${SECONDS1[$engine]}" "$(per_second "${INVOICED[$engine]}" "${SECONDS1[$engine]}")" \
      "${BASE_SECONDS[$engine,written]}" "${BASE_SECONDS[$engine,invoices]}" \
      "$(ratio "$(per_second "${INVOICED[$engine]}" "${SECONDS1[$engine]}")" "$(per_second "${BASE_ROWS[$engine]}" "${BASE_SECONDS[$engine,written]}")")" "${HWM_MB[$engine]}"
    echo "           written: ${BASE_DETAIL[$engine,written]}"
  done
  echo
  echo "targets:"
  for engine in $ENGINES; do
    ratio="$(ratio "$(per_second "${INVOICED[$engine]}" "${SECONDS1[$engine]}")" "$(per_second "${BASE_ROWS[$engine]}" "${BASE_SECONDS[$engine,written]}")")"
    ratio_invoices="$(ratio "$(per_second "${INVOICED[$engine]}" "${SECONDS1[$engine]}")" "$(per_second "${BASE_ROWS[$engine]}" "${BASE_SECONDS[$engine,invoices]}")")"
    second="$(awk -v a="${SECONDS2[$engine]}" -v b="${SECONDS1[$engine]}" 'BEGIN { printf "%.3f", (b > 0) ? a / b : 0 }')"
    peak="${HWM_MB[$engine]}"
    printf '  %-66s %8s  %s\n' "$engine: Folio / baseline of the rows written, invoices/s (>= 0.25)" "$ratio" "$(verdict "$ratio" ">=" 0.25)"
    printf '  %-66s %8s\n' "$engine: Folio / baseline of the invoices and items alone (no target)" "$ratio_invoices"
    printf '  %-66s %8s  %s\n' "$engine: peak memory of the bill run in MB, VmHWM (< 500)" "$peak" "$(verdict "$peak" "<" 500)"
    printf '  %-66s %8s  %s\n' "$engine: second run / first run time (< 0.10; ${SECONDS2[$engine]} s vs ${SECONDS1[$engine]} s)" "$second" "$(verdict "$second" "<" 0.10)"
    printf '  %-66s %8s\n' "$engine: RSS a quarter into the run / at its end, MB (flat when it streams)" "${RSS_QUARTER_MB[$engine]} / ${RSS_END_MB[$engine]}"
  done
  echo "where the time goes (first run, per invoice; CPU is user + system, start-up included):"
  for engine in $ENGINES; do
    printf '  %-66s %8s\n' "$engine: wall ms" "$(awk -v s="${SECONDS1[$engine]}" -v n="$SUBSCRIPTIONS" 'BEGIN { printf "%.2f", s * 1000 / n }')"
    printf '  %-66s %8s\n' "$engine: CPU ms of the folio process" "${CPU_MS[$engine]}"
    [[ "$engine" != postgres ]] || printf '  %-66s %8s\n' "$engine: CPU ms of the PostgreSQL server" "${SERVER_CPU_MS[$engine]}"
    printf '  %-66s %8s\n' "$engine: wall ms of the baseline's writing, rows written / invoices alone" "$(awk -v w="${BASE_SECONDS[$engine,written]}" -v i="${BASE_SECONDS[$engine,invoices]}" -v n="${BASE_ROWS[$engine]}" 'BEGIN { printf "%.3f / %.3f", w * 1000 / n, i * 1000 / n }')"
  done
  echo "checked: every run invoiced every subscription once (period 0, finalized, numbered, totals = sum of lines), the second found nothing due,"
  echo "         and the baseline inserted the same number of invoices."
}

report | tee "$RESULTS_DIR/billrun-$STAMP.txt"
echo
echo "Saved to $(realpath --relative-to="$REPO" "$RESULTS_DIR/billrun-$STAMP.txt")."
if [[ "$STRICT" == 1 ]] && grep -q 'FAIL\|NO DATA' "$RESULTS_DIR/billrun-$STAMP.txt"; then
  exit 1
fi
