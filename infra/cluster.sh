#!/usr/bin/env bash
# A LearningOrg cluster on loopback: the private PostgreSQL, three silos (src/Silo) that form one Orleans cluster
# through the ADO.NET membership tables, and the API (src/Api) as a cluster client, each in the background.
# MEMBERSHIP=AzureTable has them meet in an Azure Storage table on the private Azurite instead.
#
#   infra/cluster.sh start    start PostgreSQL, apply Orleans' schema, build once, start the silos and the API,
#                             wait until each answers /health/ready, print the URLs
#   infra/cluster.sh stop     stop the API and the silos, and PostgreSQL and Azurite if this script started them
#   infra/cluster.sh status   each process, its ports and whether it is ready
#
# Pids, ports and logs live under .local/cluster/. Ports are free ones picked at start; PORT fixes the API's.
# DEMO_SEED=false starts without the demo story (seeded through the client, idempotent).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$root/.local/cluster"
silos=(silo1 silo2 silo3)
cluster_id="${CLUSTER_ID:-learningorg}"
orleans_schema="${ORLEANS_SCHEMA:-orleans}"
membership="${MEMBERSHIP:-AdoNet}"
grain_storage="${GRAIN_STORAGE:-AdoNet}"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

alive() { [ -f "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

ready() { curl -fs "http://127.0.0.1:$(cat "$state/$1.http")/health/ready" >/dev/null 2>&1; }

# Starts a built app in the background in its own session (it outlives this script), logging to .local/cluster.
launch() {
  local name="$1" project="$2" dll="$3" http="$4"
  shift 4
  echo "$http" >"$state/$name.http"
  (
    cd "$root/src/$project"
    env "$@" ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}" \
      ConnectionStrings__learningorg="$db" Orleans__Membership="$membership" Orleans__ClusterId="$cluster_id" \
      Orleans__Schema="$orleans_schema" "${azure_env[@]}" \
      setsid dotnet "bin/Release/net10.0/$dll" --urls "http://127.0.0.1:$http" >"$state/$name.log" 2>&1 </dev/null &
    echo $! >"$state/$name.pid"
  )
}

wait_ready() {
  local name="$1"
  for _ in $(seq 1 180); do
    ready "$name" && return 0
    alive "$name" || { echo "$name stopped while starting; its log:" >&2; tail -n 40 "$state/$name.log" >&2; return 1; }
    sleep 1
  done
  echo "$name did not become ready in 180 s; see $state/$name.log" >&2
  return 1
}

start() {
  mkdir -p "$state"
  for name in "${silos[@]}" api; do
    if alive "$name"; then echo "The cluster is running already ($name); infra/cluster.sh stop first." >&2; exit 1; fi
  done
  "$root/infra/ensure-tools.sh"
  if "$root/infra/postgres.sh" status 2>/dev/null; then rm -f "$state/started-postgres"; else touch "$state/started-postgres"; fi
  db="$("$root/infra/postgres.sh" start)"
  azure_env=()
  if [ "$membership" = AzureTable ] || [ "$grain_storage" = AzureBlob ]; then
    if "$root/infra/azurite.sh" status 2>/dev/null; then rm -f "$state/started-azurite"; else touch "$state/started-azurite"; fi
    local azure
    azure="$("$root/infra/azurite.sh" start)"
    azure_env=(Orleans__AzureTableConnectionString="$azure" GrainStorage__AzureConnectionString="${GrainStorage__AzureConnectionString:-$azure}")
  fi
  [ "$membership" = AzureTable ] || ORLEANS_SCHEMA="$orleans_schema" "$root/infra/orleans-schema.sh"

  echo "Building the silo and the API" >&2
  dotnet build "$root/src/Silo/LearningOrg.Silo.csproj" -c Release -nologo -v q >&2
  dotnet build "$root/src/Api/LearningOrg.Api.csproj" -c Release -nologo -v q >&2

  # The first silo starts alone so that it creates the cluster's membership version; the others join it together.
  for name in "${silos[@]}"; do
    local silo_port gateway_port
    silo_port="$(free_port)"; gateway_port="$(free_port)"
    echo "$silo_port $gateway_port" >"$state/$name.ports"
    launch "$name" Silo LearningOrg.Silo.dll "$(free_port)" \
      Orleans__SiloPort="$silo_port" Orleans__GatewayPort="$gateway_port" OTEL_SERVICE_NAME="learningorg-$name" \
      GrainStorage__Provider="$grain_storage"
    [ "$name" = silo1 ] && wait_ready silo1
  done
  for name in "${silos[@]:1}"; do wait_ready "$name"; done

  launch api Api LearningOrg.Api.dll "${PORT:-$(free_port)}" \
    Orleans__Mode=Client Demo__Seed="${DEMO_SEED:-true}" \
    Research__PseudonymKey="${Research__PseudonymKey:-learningorg-development-pseudonym-key}" \
    Auth__SigningKey="${Auth__SigningKey:-learningorg-development-signing-key-not-for-production}" \
    Auth__LocalIssuer__Enabled="${Auth__LocalIssuer__Enabled:-true}"
  wait_ready api
  local api
  api="http://127.0.0.1:$(cat "$state/api.http")"
  cat <<MSG

LearningOrg runs as a cluster of three silos ($membership membership) with the API as a client:
  web app        $api/
  API reference  $api/api/reference
  sign in        $api/signin (demo personas)
  token          curl -X POST $api/api/dev/tokens -H 'Content-Type: application/json' -d '{"persona":"admin"}'
  example        curl -H "Authorization: Bearer <token>" $api/api/schools/maple-grove-elementary/state
MSG
  for name in "${silos[@]}"; do
    read -r silo_port gateway_port <"$state/$name.ports"
    echo "  $name          silo 127.0.0.1:$silo_port, gateway $gateway_port, health http://127.0.0.1:$(cat "$state/$name.http")/health/ready"
  done
  echo "Logs and pids: $state. Stop with infra/cluster.sh stop."
}

stop_process() {
  local name="$1" pid
  alive "$name" || { rm -f "$state/$name.pid"; return 0; }
  pid="$(cat "$state/$name.pid")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name did not stop within 30 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$state/$name.pid"
  echo "stopped $name" >&2
}

stop() {
  # The client first, then the silos one by one, each leaving the membership gracefully.
  stop_process api
  for name in silo3 silo2 silo1; do stop_process "$name"; done
  if [ -f "$state/started-postgres" ]; then
    "$root/infra/postgres.sh" stop
    rm -f "$state/started-postgres"
    echo "stopped PostgreSQL" >&2
  fi
  if [ -f "$state/started-azurite" ]; then
    "$root/infra/azurite.sh" stop
    rm -f "$state/started-azurite"
    echo "stopped Azurite" >&2
  fi
}

status() {
  local all=0
  for name in "${silos[@]}" api; do
    if alive "$name"; then
      if ready "$name"; then health=ready; else health="not ready"; all=1; fi
      echo "$name: pid $(cat "$state/$name.pid"), http://127.0.0.1:$(cat "$state/$name.http"), $health"
    else
      echo "$name: not running"
      all=1
    fi
  done
  return "$all"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
