# Shell functions shared by the load benchmarks (bench/run.sh on SQLite, bench/postgres.sh on PostgreSQL).
# The sourcing script sets BENCH_DIR, REPO, WARMUP, CONNECTIONS, THREADS and KEEP first. A script may define
# bench_cleanup_extra to stop what else it started; it runs before the temp folder is removed.
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
  if declare -F bench_cleanup_extra >/dev/null; then bench_cleanup_extra || true; fi
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
# Arguments for lua/rotate.lua after the paths file (a method and a body); empty for GET.
SCRIPT_ARGS=()

# measure NAME PID BASE_URL PATHS_FILE DURATION [wrk options such as -H ...]
measure() {
  local name="$1" pid="$2" base="$3" paths="$4" duration="$5"
  shift 5
  local before after output line
  before="$(cpu_ticks "$pid")"
  output="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s "$@" -s "$LUA" "$base" -- "$paths" "${SCRIPT_ARGS[@]}")" \
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
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s "$@" -s "$LUA" "$base" -- "$paths" "${SCRIPT_ARGS[@]}" >/dev/null || die "warm-up failed"
}


ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { if (v == "" || v + 0 == 0) { print "NO DATA"; exit } ok = (op == ">=") ? v >= t : (op == "<=") ? v <= t : v < t; print ok ? "PASS" : "FAIL" }'; }

# The machine, for the reports.
CPU_MODEL="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
MEM_GIB="$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
RUNTIME="$(dotnet --list-runtimes 2>/dev/null | awk '/^Microsoft.NETCore.App/ { v = $2 } END { print v }')"

# The seeded data set: the same for both engines.
CUSTOMERS=1000
INVOICES_PER_CUSTOMER=100
LIMIT=50

# seed_books FILE: migrates a fresh SQLite file and fills it with Folio.Bench.Seed; ids go to $WORK/ids.
seed_books() {
  local file="$1"
  log "migrating a fresh SQLite database"
  FOLIO_DATABASE="$file" dotnet "$FOLIO_DLL" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; die "migrate failed"; }
  log "seeding $CUSTOMERS customers x $INVOICES_PER_CUSTOMER invoices"
  dotnet "$SEED_DLL" "$file" "$WORK/ids" --customers "$CUSTOMERS" --invoices-per-customer "$INVOICES_PER_CUSTOMER" | tee "$WORK/seed.log" >&2 \
    || die "seed failed"
}

# admin_key: prints a new admin key of the books in FOLIO_DATABASE.
admin_key() {
  local key
  key="$(dotnet "$FOLIO_DLL" keys create --admin --name bench 2>"$WORK/keys.log")" || { cat "$WORK/keys.log" >&2; die "keys create failed"; }
  [[ "$key" == folio_sk_* ]] || die "unexpected key output: $key"
  echo "$key"
}

# read_paths: the request paths of the two read scenarios, rotating over every seeded invoice and customer.
read_paths() {
  awk '{ print "/v1/invoices/" $0 }' "$WORK/ids/invoices.txt" >"$WORK/get.paths"
  awk -v limit="$LIMIT" '{ print "/v1/invoices?customer_id=" $0 "&limit=" limit }' "$WORK/ids/customers.txt" >"$WORK/list.paths"
}

# start_baseline [minimal|tuned]: the hand-written server on BASE_URL, over FOLIO_DATABASE; sets BASE_PID.
start_baseline() {
  BASELINE_MODE="${1:-minimal}" dotnet "$BASELINE_DLL" --urls "$BASE_URL" >>"$WORK/baseline.log" 2>&1 &
  BASE_PID=$!
  PIDS+=("$BASE_PID")
  wait_ready "$BASE_URL/healthz" "$BASE_PID" "$WORK/baseline.log"
}

# Parity: the baseline must answer byte for byte what Folio (running on FOLIO_URL) answers, or the comparison means
# nothing. Beside the sampled invoices, the seed names one invoice of each kind (currency, state, part-paid, a user's
# or an organization's). Folio's page tokens are sealed by its key ring (encrypted with a fresh nonce each time, so no
# two are alike) and the baseline's are plain ids: a next_page_token is compared by presence only, and page 2 is read
# from each server with its own token. Starts and stops the baseline.
parity_check() {
  local parity_paths folio_token base_token checked=0 path folio_body base_body
  log "starting the baseline on $BASE_URL for a parity check"
  start_baseline
  parity_paths="$( (head -20 "$WORK/get.paths"; awk '{ print "/v1/invoices/" $0 }' "$WORK/ids/parity.txt"; head -5 "$WORK/list.paths"; echo "/v1/invoices?limit=$LIMIT") )"
  folio_token="$(curl -fsS "${AUTH[@]}" "$FOLIO_URL/v1/invoices?limit=$LIMIT" | grep -o '"next_page_token":"[^"]*"' | cut -d'"' -f4)"
  base_token="$(curl -fsS "$BASE_URL/v1/invoices?limit=$LIMIT" | grep -o '"next_page_token":"[^"]*"' | cut -d'"' -f4)"
  parity_paths+=$'\n'"/v1/invoices?limit=$LIMIT&page_token=PAGE2"
  while IFS= read -r path; do
    folio_body="$(curl -fsS "${AUTH[@]}" "$FOLIO_URL${path/PAGE2/$folio_token}")" || die "Folio failed on $path"
    base_body="$(curl -fsS "$BASE_URL${path/PAGE2/$base_token}")" || die "baseline failed on $path"
    folio_body="$(sed -E 's/"next_page_token":"[^"]*"/"next_page_token":"(token)"/' <<<"$folio_body")"
    base_body="$(sed -E 's/"next_page_token":"[^"]*"/"next_page_token":"(token)"/' <<<"$base_body")"
    if [[ "$folio_body" != "$base_body" ]]; then
      printf '%s\n' "$folio_body" >"$WORK/parity-folio.json"
      printf '%s\n' "$base_body" >"$WORK/parity-baseline.json"
      die "the baseline's JSON differs from Folio's for $path (see $WORK/parity-*.json)"
    fi
    checked=$((checked + 1))
  done <<<"$parity_paths"
  log "parity: $checked responses identical byte for byte"
  stop_pid "$BASE_PID"
}
