#!/usr/bin/env bash
# Side by side: Folio's payments and GET /v1/invoices/{id} measured on two builds of Folio (BEFORE and AFTER, e.g. the
# previous main and a refactoring), in alternating rounds on the same seeded books, to tell a change in speed from the
# machine's noise. Each revision is exported from git into the temp folder and built in Release there; one SQLite
# database is seeded once (migrated by the BEFORE build) and every server run starts on a fresh copy of it. In each
# round both builds run one after the other (BEFORE then AFTER, then AFTER then BEFORE in the next round, and so on),
# one server at a time: warm-up, then wrk on GET /v1/invoices/{id} rotating over 10,000 sampled invoices, warm-up,
# then wrk on POST /v1/invoices/{id}/pay (one cent each) rotating over the payable open invoices. After each run the
# books of its copy are checked: every invoice balances and every amount paid equals its payments.
#
#   bash bench/compare.sh                                       # the working tree against where it left main
#   BENCH_BEFORE=7c8eb25 bash bench/compare.sh                  # the working tree against a given revision
#   BENCH_BEFORE=HEAD BENCH_AFTER=HEAD bash bench/compare.sh    # one build against itself: the machine's noise
#   BENCH_ROUNDS=2 BENCH_DURATION=5s BENCH_WARMUP=5s bash bench/compare.sh    # quick check
#
# Settings (environment):
#   BENCH_BEFORE      the revision measured as BEFORE (any git revision). Default: the merge base of HEAD and BENCH_BASE;
#                     when that is HEAD itself (HEAD is on BENCH_BASE), HEAD when the working tree has changes, else
#                     HEAD~1 (HEAD's first parent: BENCH_BASE's previous state when HEAD is its tip).
#   BENCH_BASE        the branch BEFORE is taken from when BENCH_BEFORE is not set (main).
#   BENCH_AFTER       the revision measured as AFTER. Default: the working tree as it is (committed or not; tracked and
#                     untracked files, not the ignored ones).
#   BENCH_ROUNDS (3), BENCH_DURATION (10s), BENCH_WARMUP (10s: before each scenario of each server run),
#   BENCH_ENGINES (sqlite; "sqlite postgres" also runs the rounds on a throwaway PostgreSQL cluster),
#   BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_TOLERANCE (0.05: a median ratio within 1 ± this is no change),
#   BENCH_KEEP (0: 1 keeps the temp folder), BENCH_STRICT (0: 1 exits 1 when AFTER is slower beyond the noise).
# See bench/README.md ("Side by side: bench/compare.sh") for how to read the report.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
BASE_REF="${BENCH_BASE:-main}"
ROUNDS="${BENCH_ROUNDS:-3}"
DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-10s}"
ENGINES="${BENCH_ENGINES:-sqlite}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
TOLERANCE="${BENCH_TOLERANCE:-0.05}"
KEEP="${BENCH_KEEP:-0}"
STRICT="${BENCH_STRICT:-0}"
PAY_BODY='{"amount":1}'

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
# shellcheck source=scripts/postgres.sh
source "$REPO/scripts/postgres.sh"

PG_DIR=""
bench_cleanup_extra() { [[ -z "$PG_DIR" ]] || postgres_stop "$PG_DIR/data"; }

[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROUNDS must be a positive number"
for engine in $ENGINES; do [[ "$engine" == sqlite || "$engine" == postgres ]] || die "BENCH_ENGINES lists sqlite and/or postgres, not $engine"; done
[[ " $ENGINES " == *" sqlite "* ]] || die "BENCH_ENGINES must include sqlite (the books are seeded there)"
command -v git >/dev/null 2>&1 || die "git is not on PATH"
command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH"

# --- The two revisions -------------------------------------------------------------------------------------------
git_repo() { git -C "$REPO" "$@"; }
commit_of() { git_repo rev-parse --verify --quiet "$1^{commit}" || die "$2=$1 is not a revision of this repository"; }
subject_of() { git_repo log -1 --format='%h %s' "$1" | cut -c1-70; }

HEAD_REV="$(git_repo rev-parse --verify HEAD)"
DIRTY=0
[[ -z "$(git_repo status --porcelain)" ]] || DIRTY=1

if [[ -n "${BENCH_AFTER:-}" ]]; then
  AFTER_REV="$(commit_of "$BENCH_AFTER" BENCH_AFTER)"
  AFTER_LABEL="$(subject_of "$AFTER_REV")"
elif [[ "$DIRTY" == 1 ]]; then
  AFTER_REV=""
  AFTER_LABEL="working tree, HEAD + uncommitted changes: $(subject_of HEAD)"
else
  AFTER_REV=""
  AFTER_LABEL="working tree, clean: $(subject_of HEAD)"
fi

if [[ -n "${BENCH_BEFORE:-}" ]]; then
  BEFORE_REV="$(commit_of "$BENCH_BEFORE" BENCH_BEFORE)"
  BEFORE_WHY="BENCH_BEFORE=$BENCH_BEFORE"
else
  git_repo rev-parse --verify --quiet "$BASE_REF^{commit}" >/dev/null || die "BENCH_BASE=$BASE_REF is not a revision of this repository; set BENCH_BEFORE"
  BEFORE_REV="$(git_repo merge-base "$BASE_REF" HEAD)" || die "HEAD and $BASE_REF have no common ancestor; set BENCH_BEFORE"
  BEFORE_WHY="the merge base of HEAD and $BASE_REF"
  if [[ "$BEFORE_REV" == "$HEAD_REV" ]]; then
    if [[ -z "${BENCH_AFTER:-}" && "$DIRTY" == 1 ]]; then
      BEFORE_WHY="HEAD (HEAD is on $BASE_REF; AFTER is its uncommitted changes)"
    else
      BEFORE_REV="$(commit_of HEAD~1 BENCH_BEFORE)"
      BEFORE_WHY="HEAD~1 (HEAD is on $BASE_REF: its first parent)"
    fi
  fi
fi
BEFORE_LABEL="$(subject_of "$BEFORE_REV")"
SAME_SOURCE=0
if [[ -n "$AFTER_REV" || "$DIRTY" == 0 ]] && [[ "$(git_repo rev-parse "$BEFORE_REV^{tree}")" == "$(git_repo rev-parse "${AFTER_REV:-HEAD}^{tree}")" ]]; then
  SAME_SOURCE=1
fi
for rev in "$BEFORE_REV" "${AFTER_REV:-HEAD}"; do
  git_repo cat-file -e "$rev:src/Folio/Folio.csproj" 2>/dev/null || die "$(subject_of "$rev") has no src/Folio/Folio.csproj"
done

ensure_tool wrk wrk
ensure_tool curl curl
ensure_tool sqlite3 sqlite3
[[ " $ENGINES " != *" postgres "* ]] || postgres_install

WORK="$(mktemp -d "${TMPDIR:-/tmp}/folio-compare.XXXXXX")"
# A PostgreSQL cluster lives inside the work folder and, as root, belongs to the postgres user, who must reach it.
chmod 711 "$WORK"
RESULTS_DIR="$BENCH_DIR/results"
mkdir -p "$RESULTS_DIR"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
log "work folder $WORK"
log "BEFORE: $BEFORE_LABEL ($BEFORE_WHY)"
log "AFTER:  $AFTER_LABEL"
[[ "$SAME_SOURCE" == 0 ]] || log "BEFORE and AFTER are the same source: this run measures the machine's noise"

# export_tree REVISION DEST: the files of a commit (git archive), or of the working tree when REVISION is empty.
export_tree() {
  local rev="$1" dest="$2"
  mkdir -p "$dest"
  if [[ -n "$rev" ]]; then
    git_repo archive --format=tar "$rev" | tar -x -C "$dest"
  else
    (
      cd "$REPO"
      git ls-files -z --cached --others --exclude-standard \
        | while IFS= read -r -d '' file; do [[ -e "$file" ]] && printf '%s\0' "$file"; done \
        | tar --null -T - -cf -
    ) | tar -x -C "$dest"
  fi
}

# build_side SIDE REVISION: exports and builds src/Folio in Release under $WORK/SIDE; prints folio.dll's path.
# Build servers are not kept running after the build, so nothing the script started outlives it.
build_side() {
  local side="$1" rev="$2" dir="$WORK/$1"
  export_tree "$rev" "$dir"
  log "building $side: src/Folio/Folio.csproj (Release)"
  dotnet build "$dir/src/Folio/Folio.csproj" -c Release -nologo -v quiet --disable-build-servers >"$WORK/build-$side.log" 2>&1 \
    || { tail -30 "$WORK/build-$side.log" >&2; die "the $side build failed"; }
  [[ -f "$dir/src/Folio/bin/Release/net10.0/folio.dll" ]] || die "the $side build has no src/Folio/bin/Release/net10.0/folio.dll"
}

declare -A DLL LABEL
LABEL[before]="BEFORE"
LABEL[after]="AFTER"
build_side before "$BEFORE_REV"
build_side after "$AFTER_REV"
DLL[before]="$WORK/before/src/Folio/bin/Release/net10.0/folio.dll"
DLL[after]="$WORK/after/src/Folio/bin/Release/net10.0/folio.dll"
log "building bench/Seed (Release)"
dotnet build "$BENCH_DIR/Seed/Folio.Bench.Seed.csproj" -c Release -nologo -v quiet --disable-build-servers >"$WORK/build-seed.log" 2>&1 \
  || { tail -30 "$WORK/build-seed.log" >&2; die "the build of bench/Seed failed"; }

export Logging__LogLevel__Default=Warning
# The load comes from one key, far past the per-key rate limits a real client gets: they are off while measuring.
export Folio__RateLimits__Enabled=false
export ASPNETCORE_ENVIRONMENT=Production

# --- The books ---------------------------------------------------------------------------------------------------
# Seeded once, migrated by the BEFORE build (lib.sh's seed_books and admin_key run FOLIO_DLL); then the AFTER build's
# migrate runs on them too, so that both read the same schema (it reports when it had something to apply).
FOLIO_DLL="${DLL[before]}"
SEED_DB="$WORK/seed.db"
seed_books "$SEED_DB"
FOLIO_DATABASE="$SEED_DB" dotnet "${DLL[after]}" migrate >"$WORK/migrate-after.log" 2>&1 || { cat "$WORK/migrate-after.log" >&2; die "the AFTER build's migrate failed on the seeded books"; }
AFTER_MIGRATE="$(tail -1 "$WORK/migrate-after.log")"
log "AFTER's migrate on the seeded books: $AFTER_MIGRATE"
declare -A KEY
KEY[sqlite]="$(FOLIO_DATABASE="$SEED_DB" admin_key)"
# Every server run starts from a copy of this file: fold the write-ahead log into it first.
sqlite3 "$SEED_DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
read_paths
sqlite3 "$SEED_DB" "SELECT lower(id) FROM invoices WHERE status = 'open' AND amount_remaining >= 1000 ORDER BY id" >"$WORK/ids/payable.txt"
PAYABLE="$(wc -l <"$WORK/ids/payable.txt")"
[[ "$PAYABLE" -ge $((CONNECTIONS * 10)) ]] || die "only $PAYABLE payable invoices"
awk '{ print "/v1/invoices/" $0 "/pay" }' "$WORK/ids/payable.txt" >"$WORK/pay.paths"
SAMPLED="$(wc -l <"$WORK/get.paths")"
SEEDED="$(sed -n 's/^Stored: //p' "$WORK/seed.log")"
DB_MB="$(du -m "$SEED_DB" | cut -f1)"

if [[ " $ENGINES " == *" postgres "* ]]; then
  PG_BIN="$(postgres_bin)"
  PG_DIR="$WORK/pg"
  mkdir -p "$PG_DIR"
  PG_PORT="$(postgres_free_port 55432)" || die "no free loopback port for PostgreSQL"
  PG_VERSION="$("$PG_BIN/postgres" --version | awk '{ print $3 }')"
  log "starting PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT (fsync and synchronous_commit on)"
  postgres_start "$PG_DIR" "$PG_PORT" -c max_connections=300 -c shared_buffers=512MB || { cat "$PG_DIR"/*.log >&2; die "PostgreSQL did not start"; }
  PG_SERVER="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
  pg_sql() { local db="$1"; shift; "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
  log "copying the books to PostgreSQL with the BEFORE build's folio copy"
  FOLIO_DATABASE="$SEED_DB" dotnet "${DLL[before]}" copy --to "$PG_SERVER;Database=folio" >"$WORK/copy.log" 2>&1 || { tail -20 "$WORK/copy.log" >&2; die "folio copy failed"; }
  FOLIO_DATABASE="$PG_SERVER;Database=folio" dotnet "${DLL[after]}" migrate >"$WORK/migrate-after-pg.log" 2>&1 || { cat "$WORK/migrate-after-pg.log" >&2; die "the AFTER build's migrate failed on PostgreSQL"; }
  log "AFTER's migrate on PostgreSQL: $(tail -1 "$WORK/migrate-after-pg.log")"
  KEY[postgres]="$(FOLIO_DATABASE="$PG_SERVER;Database=folio" admin_key)"
  pg_sql folio -c "VACUUM ANALYZE"
  PG_MB="$(pg_sql folio -c "SELECT pg_database_size('folio') / 1048576")"
  # The server's CPU: the postmaster and its live backends, plus the backends it has reaped.
  pg_ticks() {
    local master child
    master="$(head -1 "$PG_DIR/data/postmaster.pid")"
    {
      sed 's/^.*) //' "/proc/$master/stat" | awk '{ print $12 + $13 + $14 + $15 }'
      for child in $(pgrep -P "$master"); do sed 's/^.*) //' "/proc/$child/stat" 2>/dev/null | awk '{ print $12 + $13 }' || true; done
    } | awk '{ s += $1 } END { print s + 0 }'
  }
fi

# books_sql ENGINE SQL: one value from the run's copy of the books.
books_sql() {
  case "$1" in
    sqlite) sqlite3 "$WORK/run.db" "$2" ;;
    postgres) pg_sql folio_run -c "$2" ;;
  esac
}

# fresh_books ENGINE: a fresh copy of the seeded books for one server run; prints its connection string.
fresh_books() {
  case "$1" in
    sqlite)
      rm -f "$WORK/run.db" "$WORK/run.db-wal" "$WORK/run.db-shm"
      cp "$SEED_DB" "$WORK/run.db"
      echo "$WORK/run.db" ;;
    postgres)
      PGOPTIONS='-c client_min_messages=warning' pg_sql postgres -c "DROP DATABASE IF EXISTS folio_run" \
        -c "CREATE DATABASE folio_run TEMPLATE folio STRATEGY FILE_COPY"
      echo "$PG_SERVER;Database=folio_run" ;;
  esac
}

# --- One server run ----------------------------------------------------------------------------------------------
declare -A HWM_MB DB_CPU_MS BOOKS ORDER

# measure_on ENGINE NAME PID URL PATHS AUTH...: lib.sh's measure, plus PostgreSQL's own CPU per request.
measure_on() {
  local engine="$1" name="$2" pid="$3" url="$4" paths="$5" before=0
  shift 5
  [[ "$engine" != postgres ]] || before="$(pg_ticks)"
  measure "$name" "$pid" "$url" "$paths" "$DURATION" "$@"
  if [[ "$engine" == postgres ]]; then
    DB_CPU_MS[$name]="$(awk -v t=$(($(pg_ticks) - before)) -v hz="$CLK_TCK" -v n="${REQUESTS[$name]}" 'BEGIN { printf "%.3f", (n > 0) ? t * 1000 / hz / n : 0 }')"
  fi
}

# server_run ENGINE ROUND SIDE POSITION: one build's server on a fresh copy of the books, GET by id then payments;
# then the books of that copy are checked.
server_run() {
  local engine="$1" round="$2" side="$3" tag="$1_r$2_$3" database port url pid payments_before booked answered unbalanced misbooked
  ORDER[$tag]="$4"
  database="$(fresh_books "$engine")"
  payments_before="$(books_sql "$engine" "SELECT count(*) FROM payments")"
  port="$(free_port)"
  url="http://127.0.0.1:$port"
  log "$engine round $round: ${LABEL[$side]} on $url"
  FOLIO_DATABASE="$database" dotnet "${DLL[$side]}" serve --urls "$url" >"$WORK/$tag.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  wait_ready "$url/healthz" "$pid" "$WORK/$tag.log"
  local auth=(-H "Authorization: Bearer ${KEY[$engine]}")
  warm "$url" "$WORK/get.paths" "${auth[@]}"
  measure_on "$engine" "${tag}_get" "$pid" "$url" "$WORK/get.paths" "${auth[@]}"
  SCRIPT_ARGS=(POST "$PAY_BODY")
  warm "$url" "$WORK/pay.paths" "${auth[@]}"
  measure_on "$engine" "${tag}_pay" "$pid" "$url" "$WORK/pay.paths" "${auth[@]}"
  SCRIPT_ARGS=()
  HWM_MB[$tag]="$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")"
  stop_pid "$pid"

  unbalanced="$(books_sql "$engine" "SELECT count(*) FROM invoices WHERE status <> 'draft' AND status <> 'void' AND amount_paid + credit_applied + amount_remaining <> total")"
  misbooked="$(books_sql "$engine" "SELECT count(*) FROM invoices i WHERE i.amount_paid <> (SELECT coalesce(sum(p.amount - p.credited_to_balance), 0) FROM payments p WHERE p.invoice_id = i.id)")"
  booked=$(($(books_sql "$engine" "SELECT count(*) FROM payments") - payments_before))
  answered=$((REQUESTS[${tag}_pay] - NON2XX[${tag}_pay]))
  # The warm-up's payments are booked too (wrk does not count them), so at least every answered payment is there.
  if [[ "$unbalanced" == 0 && "$misbooked" == 0 && "$booked" -ge "$answered" ]]; then
    BOOKS[$tag]="ok: $booked payments booked ($answered answered in the measured run)"
  else
    BOOKS[$tag]="WRONG: $unbalanced invoices do not balance, $misbooked disagree with their payments; $booked payments booked, $answered answered"
    log "$engine round $round, ${LABEL[$side]}: the books are ${BOOKS[$tag]}"
  fi
}

for engine in $ENGINES; do
  for round in $(seq "$ROUNDS"); do
    if (( round % 2 == 1 )); then order=(before after); else order=(after before); fi
    server_run "$engine" "$round" "${order[0]}" 1st
    server_run "$engine" "$round" "${order[1]}" 2nd
  done
done
rm -f "$WORK/run.db" "$WORK/run.db-wal" "$WORK/run.db-shm"

# --- Report ------------------------------------------------------------------------------------------------------
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { printf '%s\n' "$@" | sort -g | head -1; }
maximum() { printf '%s\n' "$@" | sort -g | tail -1; }

# verdict_of RATIO MIN MAX NON2XX: whether AFTER differs from BEFORE beyond the rounds' spread and the tolerance.
verdict_of() {
  awk -v r="$1" -v lo="$2" -v hi="$3" -v bad="$4" -v t="$TOLERANCE" 'BEGIN {
    if (bad > 0) { print "INVALID (non-2xx responses under load)"; exit }
    if (r == 0) { print "NO DATA"; exit }
    if ((lo <= 1 && hi >= 1) || (r >= 1 - t && r <= 1 + t)) { print "same within noise"; exit }
    printf "AFTER %s by %.0f%% (every round)\n", (r < 1) ? "slower" : "faster", (r < 1) ? (1 - r) * 100 : (r - 1) * 100
  }'
}

declare -A VERDICT
# row ENGINE ROUND RUN BUILD SCENARIO RPS P50 P99 NON2XX CPU DB_CPU PEAK: a line of a round's table (the database's
# CPU only on PostgreSQL).
row() {
  printf '%-5s %-3s %-6s %-26s %10s %8s %9s %7s %10s' "${@:2:9}"
  [[ "$1" != postgres ]] || printf ' %9s' "${11}"
  printf ' %7s\n' "${12}"
}
summary_row() { printf '  %-26s %10s %10s %6s %11s %10s %10s  %s\n' "$@"; }
scenario_label() { if [[ "$1" == get ]]; then echo "GET /v1/invoices/{id}"; else echo "POST /v1/invoices/{id}/pay"; fi; }

engine_report() {
  local engine="$1" round side tag scenario name r med_b med_a lo hi non2xx
  local -a sides values_b values_a ratios cpu_b cpu_a hwm_b hwm_a
  echo
  case "$engine" in
    sqlite) echo "SQLite, a ${DB_MB} MB file; each server run on a fresh copy of it" ;;
    postgres) echo "PostgreSQL $PG_VERSION, ${PG_MB} MB, loopback TCP, shared_buffers=512MB, fsync and synchronous_commit on;"
      echo "each server run on a fresh copy of the books (CREATE DATABASE ... TEMPLATE)" ;;
  esac
  row "$engine" "round" "run" "build" "scenario" "requests/s" "p50 ms" "p99 ms" "non-2xx" "CPU ms/req" "db ms/req" "peak MB"
  row "$engine" "-----" "---" "-----" "--------" "----------" "------" "------" "-------" "----------" "---------" "-------"
  for round in $(seq "$ROUNDS"); do
    if (( round % 2 == 1 )); then sides=(before after); else sides=(after before); fi
    for side in "${sides[@]}"; do
      tag="${engine}_r${round}_${side}"
      for scenario in get pay; do
        name="${tag}_$scenario"
        row "$engine" "$round" "${ORDER[$tag]}" "${LABEL[$side]}" "$(scenario_label "$scenario")" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" \
          "${NON2XX[$name]}" "${CPU_MS[$name]}" "${DB_CPU_MS[$name]:-}" "$([[ "$scenario" == pay ]] && echo "${HWM_MB[$tag]}")"
      done
    done
  done
  echo
  summary_row "" "BEFORE" "AFTER" "AFTER" "rounds'" "BEFORE" "AFTER" ""
  summary_row "" "req/s" "req/s" "/" "AFTER /" "CPU" "CPU" ""
  summary_row "scenario" "(median)" "(median)" "BEFORE" "BEFORE" "ms/req" "ms/req" "verdict"
  for scenario in get pay; do
    values_b=() values_a=() ratios=() cpu_b=() cpu_a=() non2xx=0
    for round in $(seq "$ROUNDS"); do
      values_b+=("${RPS[${engine}_r${round}_before_$scenario]}")
      values_a+=("${RPS[${engine}_r${round}_after_$scenario]}")
      cpu_b+=("${CPU_MS[${engine}_r${round}_before_$scenario]}")
      cpu_a+=("${CPU_MS[${engine}_r${round}_after_$scenario]}")
      ratios+=("$(ratio "${RPS[${engine}_r${round}_after_$scenario]}" "${RPS[${engine}_r${round}_before_$scenario]}")")
      non2xx=$((non2xx + NON2XX[${engine}_r${round}_before_$scenario] + NON2XX[${engine}_r${round}_after_$scenario]))
    done
    med_b="$(median "${values_b[@]}")"
    med_a="$(median "${values_a[@]}")"
    r="$(ratio "$med_a" "$med_b")"
    lo="$(minimum "${ratios[@]}")"
    hi="$(maximum "${ratios[@]}")"
    VERDICT[${engine}_$scenario]="$(verdict_of "$r" "$lo" "$hi" "$non2xx")"
    summary_row "$(scenario_label "$scenario")" "$(printf '%.1f' "$med_b")" "$(printf '%.1f' "$med_a")" "$r" "$lo-$hi" \
      "$(printf '%.3f' "$(median "${cpu_b[@]}")")" "$(printf '%.3f' "$(median "${cpu_a[@]}")")" "${VERDICT[${engine}_$scenario]}"
  done
  for scenario in get pay; do
    ratios=()
    for round in $(seq "$ROUNDS"); do
      ratios+=("$(ratio "${RPS[${engine}_r${round}_after_$scenario]}" "${RPS[${engine}_r${round}_before_$scenario]}")")
    done
    printf '  AFTER / BEFORE of each round, %s: %s\n' "$(scenario_label "$scenario")" "${ratios[*]}"
  done
  hwm_b=() hwm_a=()
  for round in $(seq "$ROUNDS"); do hwm_b+=("${HWM_MB[${engine}_r${round}_before]}"); hwm_a+=("${HWM_MB[${engine}_r${round}_after]}"); done
  echo "  peak RSS (highest VmHWM of a server run): BEFORE $(maximum "${hwm_b[@]}") MB, AFTER $(maximum "${hwm_a[@]}") MB"
  echo "  books after each server run (every invoice balances, every amount paid equals its payments):"
  for round in $(seq "$ROUNDS"); do
    for side in before after; do
      printf '    round %s, %-7s %s\n' "$round" "${LABEL[$side]}:" "${BOOKS[${engine}_r${round}_${side}]}"
    done
  done
}

report() {
  echo
  echo "Folio side by side, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "BEFORE: $BEFORE_LABEL ($BEFORE_WHY)"
  echo "AFTER:  $AFTER_LABEL"
  [[ "$SAME_SOURCE" == 0 ]] || echo "        (the same source as BEFORE: the differences below are the machine's noise)"
  echo "machine: nproc=$(nproc), $CPU_MODEL, ${MEM_GIB} GiB RAM; .NET runtime $RUNTIME; $(wrk -v 2>&1 | head -1 | awk '{ print $1, $2 }')"
  echo "load: wrk $THREADS threads, $CONNECTIONS connections, on loopback; each server run: $WARMUP warm-up then $DURATION of"
  echo "      GET /v1/invoices/{id} over $SAMPLED sampled invoices, then $WARMUP warm-up then $DURATION of POST /v1/invoices/{id}/pay"
  echo "      (one cent each) over $PAYABLE open invoices; one server at a time, BEFORE and AFTER alternating (B-A, A-B, ...)"
  echo "servers: Release builds (dotnet folio.dll serve), admin API key, Logging__LogLevel__Default=Warning"
  echo "books: $SEEDED"
  echo "       migrated by BEFORE; AFTER's migrate on them: $AFTER_MIGRATE"
  local engine
  for engine in $ENGINES; do engine_report "$engine"; done
  echo
  echo "  CPU ms/req: the Folio process's own CPU time (user + system) during the measured run, divided by requests;"
  [[ " $ENGINES " != *" postgres "* ]] || echo "  db ms/req: PostgreSQL's (the postmaster and its backends) over the same window."
  echo "  verdict: 'same within noise' when the rounds' ratios straddle 1.00 or the ratio of the medians is within"
  echo "  1 ± $TOLERANCE (BENCH_TOLERANCE); otherwise AFTER was slower (or faster) in every round."
}

report | sed 's/[[:space:]]*$//' | tee "$RESULTS_DIR/compare-$STAMP.txt"
echo
echo "Saved to $(realpath --relative-to="$REPO" "$RESULTS_DIR/compare-$STAMP.txt")."

for tag in "${!BOOKS[@]}"; do
  [[ "${BOOKS[$tag]}" == ok:* ]] || die "the books were wrong after a server run (see the report)"
done
if [[ "$STRICT" == 1 && ( "${VERDICT[*]}" == *slower* || "${VERDICT[*]}" == *INVALID* ) ]]; then
  exit 1
fi
