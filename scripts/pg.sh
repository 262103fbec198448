#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and benchmarks: initdb into a
# folder, listening on a Unix socket in that folder only (no TCP at all),
# password (SCRAM) authentication, a role "litmine" that owns the test
# databases and a role "litmine_ro" that may only read them.
#
#   scripts/pg.sh start DIR        initdb + start; prints the admin URL
#   scripts/pg.sh newdb DIR NAME   (re)creates database NAME, empty; prints its URL
#   scripts/pg.sh url DIR NAME [ROLE [PASSWORD]]   a URL, nothing created
#   scripts/pg.sh sql DIR NAME SQL as litmine in database NAME; prints the
#                                  last statement's rows (unaligned)
#   scripts/pg.sh kill DIR         stops the server at once (fault tests)
#   scripts/pg.sh restart DIR      starts a server made before (after kill)
#   scripts/pg.sh stop DIR         stops the server and removes DIR
#   scripts/pg.sh run CMD...       start in a temp folder, run CMD with
#                                  LITMINE_PG_DIR set, stop and remove at exit
#
# PostgreSQL refuses to run as root, so as root the server runs as the
# "postgres" system user (Debian's postgresql package creates it; this
# script creates it otherwise).  The binaries are found at run time: the
# newest /usr/lib/postgresql/<version>/bin, else pg_ctl on $PATH.
set -euo pipefail

die() { echo "pg.sh: $*" >&2; exit 1; }

bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    d=$(command -v pg_ctl 2>/dev/null | xargs -r dirname)
  fi
  [ -n "$d" ] && [ -x "$d/initdb" ] \
    || die "no PostgreSQL server found: run scripts/deps.sh (package postgresql)"
  echo "$d"
}

# as_owner CMD...: runs CMD as the server's owner (postgres when we are root)
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id postgres >/dev/null 2>&1 && return 0
  useradd --system --no-create-home --shell /usr/sbin/nologin postgres \
    || die "cannot create the postgres system user"
}

# Passwords of the throwaway server (it listens on a private socket only).
ADMIN_PW=litmine-admin
RW_PW=litmine-rw
RO_PW=litmine-ro
PORT=5432

url() {   # url DIR DB [ROLE [PASSWORD]]
  local dir=$1 db=$2 role=${3:-litmine} pw=${4:-}
  if [ -z "$pw" ]; then
    case $role in
      postgres) pw=$ADMIN_PW ;; litmine) pw=$RW_PW ;; litmine_ro) pw=$RO_PW ;;
    esac
  fi
  echo "postgresql://$role:$pw@/$db?host=$(readlink -f "$dir/sock")&port=$PORT"
}

psql_admin() {   # psql_admin DIR SQL
  local b; b=$(bindir)
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=$ADMIN_PW "$b/psql" -X -q -v ON_ERROR_STOP=1 -h "$(readlink -f "$1/sock")" -p $PORT \
    -U postgres -d postgres -c "$2" >/dev/null
}

start() {
  local dir=$1 b
  b=$(bindir)
  ensure_user
  # a fresh server every time: one left by a killed test run goes first
  [ -e "$dir/data/PG_VERSION" ] && stop "$dir"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  # a Unix socket path holds at most 107 bytes: a deep folder gets its
  # socket in a short temporary one, named in DIR/sock
  if [ ${#dir} -gt 60 ]; then
    ln -s "$(mktemp -d -t lmpg.XXXXXX)" "$dir/sock"
  else
    mkdir -p "$dir/sock"
  fi
  [ "$(id -u)" -eq 0 ] && chown postgres "$(readlink -f "$dir/sock")"
  printf '%s\n' "$ADMIN_PW" > "$dir/pw"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$dir"
  chmod 700 "$dir"
  as_owner "$b/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pw" \
    --auth-local=scram-sha-256 --auth-host=reject -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  # a test server: no fsync (a crash loses the throwaway data, not a corpus)
  cat >> "$dir/data/postgresql.conf" <<EOF
listen_addresses = ''
port = $PORT
unix_socket_directories = '$(readlink -f "$dir/sock")'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
shared_buffers = 64MB
EOF
  as_owner "$b/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; die "the server did not start"; }
  # others may reach the socket (the tests run as root, the server as postgres)
  chmod 755 "$dir"
  psql_admin "$dir" "CREATE ROLE litmine LOGIN CREATEDB PASSWORD '$RW_PW';
                     CREATE ROLE litmine_ro LOGIN PASSWORD '$RO_PW';"
  url "$dir" postgres postgres
}

newdb() {   # newdb DIR NAME: a database owned by litmine, readable by litmine_ro
  local dir=$1 db=$2
  dir=$(cd "$dir" && pwd)
  [[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || die "$db: database names are [a-z_][a-z0-9_]*"
  psql_admin "$dir" "DROP DATABASE IF EXISTS $db;"
  psql_admin "$dir" "CREATE DATABASE $db OWNER litmine;"
  local b; b=$(bindir)
  # what litmine_ro may read: every table litmine will create in it
  PGPASSWORD=$RW_PW "$b/psql" -X -q -v ON_ERROR_STOP=1 -h "$(readlink -f "$dir/sock")" -p $PORT -U litmine \
    -d "$db" -c "GRANT USAGE ON SCHEMA public TO litmine_ro;
                 ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO litmine_ro;" \
    >/dev/null
  url "$dir" "$db"
}

sql() {   # sql DIR NAME SQL
  local b; b=$(bindir)
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=$RW_PW "$b/psql" -X -q -A -t \
    -v ON_ERROR_STOP=1 -h "$(readlink -f "$1/sock")" -p $PORT -U litmine -d "$2" -c "$3"
}

restart() {
  local b; b=$(bindir)
  as_owner "$b/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 start >/dev/null \
    || { cat "$1/server.log" >&2; die "the server did not start"; }
}

stop() {   # stop DIR [keep]
  local dir=$1 b
  [ -d "$dir" ] || return 0
  b=$(bindir)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$b/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ "${2:-}" != keep ]; then
    [ -L "$dir/sock" ] && rm -rf "$(readlink -f "$dir/sock")"
    rm -rf "$dir"
  fi
}

case ${1:-} in
  start) [ $# -eq 2 ] || die "usage: pg.sh start DIR"; start "$2" ;;
  newdb) [ $# -eq 3 ] || die "usage: pg.sh newdb DIR NAME"; newdb "$2" "$3" ;;
  url)   [ $# -ge 3 ] || die "usage: pg.sh url DIR NAME [ROLE [PASSWORD]]"
         url "$(cd "$2" && pwd)" "$3" "${4:-litmine}" "${5:-}" ;;
  sql)   [ $# -eq 4 ] || die "usage: pg.sh sql DIR NAME SQL"; sql "$2" "$3" "$4" ;;
  kill)  [ $# -eq 2 ] || die "usage: pg.sh kill DIR"; stop "$2" keep ;;
  restart) [ $# -eq 2 ] || die "usage: pg.sh restart DIR"; restart "$2" ;;
  stop)  [ $# -eq 2 ] || die "usage: pg.sh stop DIR"; stop "$2" ;;
  run)
    shift
    [ $# -ge 1 ] || die "usage: pg.sh run CMD..."
    tmp=$(mktemp -d -t litmine-pg.XXXXXX)
    chmod 755 "$tmp"      # the server may run as another user
    trap 'stop "$tmp/pg"; rm -rf "$tmp"' EXIT
    trap 'exit 130' INT TERM
    start "$tmp/pg" >/dev/null
    LITMINE_PG_DIR=$tmp/pg "$@"
    ;;
  *) die "usage: pg.sh start|newdb|url|kill|restart|stop|run ..." ;;
esac
