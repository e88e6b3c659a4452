#!/usr/bin/env bash
# Starts, stops or describes the private PostgreSQL that the app and the tests use.
#
#   infra/postgres.sh start    initdb if needed, start on 127.0.0.1 (the port of the last start when it is free,
#                              else a free one), wait until it answers, create the database; prints the
#                              connection string
#   infra/postgres.sh stop     stop it (fast shutdown)
#   infra/postgres.sh url      print the connection string of the running server
#   infra/postgres.sh status   exit 0 when it answers
#   infra/postgres.sh reset    drop the database and create it empty (everything in it is lost)
#
# Data lives under .local/postgres (ignored by git), or under LEARNINGORG_PG_DIR for a separate instance. When we are root the server runs as the "postgres" user,
# because PostgreSQL refuses to run as root. On a machine without PostgreSQL it is installed with apt-get.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${LEARNINGORG_PG_DIR:-$root/.local/postgres}"
# The server runs as "postgres" when we are root; if that user cannot reach a folder under this checkout
# (a clone under /root, say), keep the data in a folder of this checkout's own under /var/tmp instead.
if [ "$(id -u)" = "0" ] && [ -z "${LEARNINGORG_PG_DIR:-}" ]; then
  mkdir -p "$state"
  if ! su postgres -s /bin/sh -c "test -x '$state'" 2>/dev/null; then
    state="/var/tmp/learningorg-postgres-$(printf '%s' "$root" | md5sum | cut -c1-12)"
  fi
fi
data="$state/data"
port_file="$state/port"
db="${LEARNINGORG_DB:-learningorg}"
user="learningorg"
password="learningorg"

find_bin() {
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  command -v pg_ctl >/dev/null && { dirname "$(command -v pg_ctl)"; return; }
  return 1
}

ensure_installed() {
  if ! find_bin >/dev/null; then
    echo "PostgreSQL is not installed; installing it with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  fi
  bin="$(find_bin)"
}

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

# The port of the last start, when nothing listens on it: a restarted server keeps its address, so clients and
# their connection strings (a test that stops and starts its own server, say) find it again.
previous_port() {
  [ -f "$port_file" ] || return 1
  python3 - "$(cat "$port_file")" <<'PY' 2>/dev/null
import socket, sys
port = int(sys.argv[1])
s = socket.socket()
# As PostgreSQL binds: connections the old server left in TIME_WAIT do not make the port busy.
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.close()
print(port)
PY
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo 55432
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

url() {
  local port
  port="$(cat "$port_file")"
  echo "Host=127.0.0.1;Port=$port;Database=$db;Username=$user;Password=$password"
}

is_up() {
  [ -f "$port_file" ] && "$bin/pg_isready" -q -h 127.0.0.1 -p "$(cat "$port_file")"
}

start() {
  ensure_installed
  mkdir -p "$state"
  if [ "$(id -u)" = "0" ]; then chown postgres "$state"; fi
  if [ -f "$port_file" ] && [ -f "$data/postmaster.pid" ] && ! is_up; then
    # A server left behind by a killed run: stop it before starting afresh.
    as_owner "'$bin/pg_ctl' -D '$data' -m immediate -w stop" >/dev/null 2>&1 || true
  fi
  if is_up; then url; return; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    as_owner "'$bin/initdb' -D '$data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; exit 1; }
  fi
  local port
  port="$(previous_port || free_port)"
  echo "$port" >"$port_file"
  # Tuned for a throw-away development server: durability stays on (fsync), sockets only on loopback.
  as_owner "'$bin/pg_ctl' -D '$data' -l '$state/server.log' -w -t 60 \
    -o \"-h 127.0.0.1 -p $port -c unix_socket_directories='' -c max_connections=300 -c shared_buffers=256MB\" start" >/dev/null \
    || { tail -n 30 "$state/server.log" >&2; exit 1; }
  for _ in $(seq 1 60); do is_up && break; sleep 0.5; done
  is_up || { echo "PostgreSQL did not answer on port $port" >&2; exit 1; }
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE $user LOGIN SUPERUSER PASSWORD '$password';
  END IF;
END \$\$;
SQL
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -c "CREATE DATABASE $db OWNER $user" >/dev/null
  fi
  url
}

# Drops the database and creates it empty: for a store that holds an earlier edition of the demo story.
reset() {
  start >/dev/null
  local port
  port="$(cat "$port_file")"
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db OWNER $user" >/dev/null
  url
}

stop() {
  bin="$(find_bin)" || return 0
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "'$bin/pg_ctl' -D '$data' -m fast -w stop" >/dev/null || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  status) bin="$(find_bin)"; is_up ;;
  reset) reset ;;
  *) echo "usage: $0 start|stop|url|status|reset" >&2; exit 2 ;;
esac
