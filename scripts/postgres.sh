# Shell functions for throwaway PostgreSQL clusters, sourced by test.sh and bench/postgres.sh.
# Debian's postgresql package is installed when missing; as root, the cluster belongs to the postgres user (initdb
# refuses to run as root).

postgres_bin() { find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1; }

postgres_install() {
  local bin sudo=""
  bin=$(postgres_bin)
  if [ -n "$bin" ] && [ -x "$bin/initdb" ] && [ -x "$bin/pgbench" ]; then return 0; fi
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing postgresql from Debian packages" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A loopback port nobody listens on, from FIRST upwards.
postgres_free_port() {
  local port
  for port in $(seq "$1" $(($1 + 100))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# postgres_start DIR PORT [server options...]: a new cluster in DIR/data, trust on loopback only, started on PORT.
postgres_start() {
  local dir="$1" port="$2" bin
  shift 2
  bin=$(postgres_bin)
  [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-locale -E UTF8 >"$dir/initdb.log"
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o "-h 127.0.0.1 -p $port -k $dir $*" >/dev/null
}

# postgres_stop DATA_DIR: stops a cluster at once (its data is thrown away).
postgres_stop() { as_postgres "$(postgres_bin)/pg_ctl" -D "$1" -m immediate stop >/dev/null 2>&1 || true; }
