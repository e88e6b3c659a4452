#!/usr/bin/env bash
# Starts, stops or describes the private Azurite (the Azure Storage emulator) for the Azure grain storage.
#
#   infra/azurite.sh start    install Azurite with npm if needed, start it on free 127.0.0.1 ports, wait until it
#                             answers; prints the connection string
#   infra/azurite.sh stop     stop it
#   infra/azurite.sh url      print the connection string of the running emulator
#   infra/azurite.sh status   exit 0 when it answers
#
# Azurite is installed under .local/azurite and keeps its data under .local/azurite/data (both ignored by git).
# It listens on ports the system chose (port 0), read back from its start-up lines, so two checkouts never clash.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${LEARNINGORG_AZURITE_DIR:-$root/.local/azurite}"
version="3.37.0"
bin="$state/node_modules/.bin/azurite"
pid_file="$state/azurite.pid"
log_file="$state/azurite.log"
# Azurite's fixed development account: public, documented, and accepted by nothing but the emulator.
account="devstoreaccount1"
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

ensure_installed() {
  command -v npm >/dev/null || "$root/infra/ensure-tools.sh" >&2
  if [ ! -x "$bin" ] || ! grep -q "\"version\": \"$version\"" "$state/node_modules/azurite/package.json" 2>/dev/null; then
    echo "Installing azurite $version with npm into $state" >&2
    mkdir -p "$state"
    npm install --prefix "$state" --no-audit --no-fund --loglevel=error "azurite@$version" >&2
  fi
}

port_of() { # the port a service reported in the log: "Azurite Blob service is successfully listening at http://127.0.0.1:PORT"
  sed -n "s#.*Azurite $1 service is successfully listening at http://127.0.0.1:\([0-9]*\).*#\1#p" "$log_file" 2>/dev/null | tail -n 1
}

url() {
  local blob queue table
  blob="$(port_of Blob)"; queue="$(port_of Queue)"; table="$(port_of Table)"
  [ -n "$blob" ] && [ -n "$queue" ] && [ -n "$table" ] || { echo "Azurite is not running (no ports in $log_file)" >&2; return 1; }
  echo "DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/$account;QueueEndpoint=http://127.0.0.1:$queue/$account;TableEndpoint=http://127.0.0.1:$table/$account;"
}

is_up() {
  [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null || return 1
  local blob
  blob="$(port_of Blob)"
  [ -n "$blob" ] && [ -n "$(port_of Table)" ] && [ -n "$(port_of Queue)" ] || return 1
  # Any HTTP answer (an anonymous request is refused with 4xx) means the server is there.
  curl -s -o /dev/null -m 2 "http://127.0.0.1:$blob/$account?comp=list"
}

start() {
  mkdir -p "$state"
  # One start at a time: the test command and a test run from an IDE may ask together.
  exec 9>"$state/.lock"
  flock 9
  if is_up; then url; return; fi
  ensure_installed
  if [ -f "$pid_file" ]; then kill "$(cat "$pid_file")" 2>/dev/null || true; fi
  mkdir -p "$state/data"
  : >"$log_file"
  # --skipApiVersionCheck: the Azure SDK may speak a newer service version than this Azurite knows.
  # --loose: ignore headers Azurite does not implement rather than fail the request.
  setsid "$bin" --silent --skipApiVersionCheck --loose --location "$state/data" \
    --blobHost 127.0.0.1 --blobPort 0 --queueHost 127.0.0.1 --queuePort 0 --tableHost 127.0.0.1 --tablePort 0 \
    >>"$log_file" 2>&1 </dev/null 9>&- &
  echo $! >"$pid_file"
  for _ in $(seq 1 120); do is_up && break; sleep 0.5; done
  is_up || { tail -n 30 "$log_file" >&2; echo "Azurite did not answer" >&2; exit 1; }
  url
}

stop() {
  [ -f "$pid_file" ] || return 0
  local pid
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -f "$pid_file"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) is_up && url ;;
  status) is_up ;;
  *) echo "usage: $0 start|stop|url|status" >&2; exit 2 ;;
esac
