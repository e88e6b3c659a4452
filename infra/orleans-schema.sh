#!/usr/bin/env bash
# Applies Orleans' PostgreSQL tables and queries (infra/orleans/postgresql/clustering.sql) to the private
# PostgreSQL (infra/postgres.sh, which must be running). Safe to run again: the script is idempotent.
#
#   infra/orleans-schema.sh [schema]    schema defaults to $ORLEANS_SCHEMA or "orleans" (Orleans:Schema)
#
# Extra SQL files of the same folder can be named in ORLEANS_SQL (space-separated, applied after clustering.sql).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
schema="${1:-${ORLEANS_SCHEMA:-orleans}}"
[[ "$schema" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || { echo "schema must be a lower-case identifier, not '$schema'" >&2; exit 2; }

url="$("$root/infra/postgres.sh" url)"
field() { printf '%s' "$url" | tr ';' '\n' | sed -n "s/^$1=//p"; }
psql_bin="$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | head -n1 || true)"
psql_bin="${psql_bin:-$(command -v psql)}"

run_psql() {
  PGPASSWORD="$(field Password)" PGOPTIONS="-c search_path=$schema -c client_min_messages=warning" \
    "$psql_bin" -h "$(field Host)" -p "$(field Port)" -U "$(field Username)" -d "$(field Database)" \
    -v ON_ERROR_STOP=1 -q "$@" >/dev/null
}

run_psql -c "CREATE SCHEMA IF NOT EXISTS $schema"
for file in clustering.sql ${ORLEANS_SQL:-}; do
  run_psql -f "$root/infra/orleans/postgresql/$file"
done
echo "Orleans schema '$schema' is ready" >&2
