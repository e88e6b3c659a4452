#!/usr/bin/env bash
# Builds LearningOrg and runs it with the demo data on http://127.0.0.1:${PORT:-5080}.
# Starts the private PostgreSQL (infra/postgres.sh) first; stops it on exit if this script started it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
port="${PORT:-5080}"

infra/ensure-tools.sh
was_running=0
infra/postgres.sh status 2>/dev/null && was_running=1
db="$(infra/postgres.sh start)"
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
  [ "$was_running" = 1 ] || infra/postgres.sh stop
}
trap cleanup EXIT INT TERM

dotnet build src/Api/LearningOrg.Api.csproj -c Release -nologo -v q
# Development keys for research pseudonyms and the local token issuer, whose persona sign-in and token endpoint are on
# for the demo; a deployment sets its own secrets (or Auth__Authority) and leaves the local issuer off. The Orleans
# dashboard is on for local runs (DASHBOARD=false turns it off); deployments leave it off unless they protect it.
ConnectionStrings__learningorg="$db" Demo__Seed=true Orleans__Dashboard__Enabled="${DASHBOARD:-true}" ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}" \
  Research__PseudonymKey="${Research__PseudonymKey:-learningorg-development-pseudonym-key}" \
  Auth__SigningKey="${Auth__SigningKey:-learningorg-development-signing-key-not-for-production}" \
  Auth__LocalIssuer__Enabled="${Auth__LocalIssuer__Enabled:-true}" \
  dotnet run --project src/Api -c Release --no-build --urls "http://127.0.0.1:$port" &
app=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$app" 2>/dev/null || { echo "The app stopped; see the log above." >&2; exit 1; }
  sleep 1
done
cat <<MSG

LearningOrg is running with the demo data at http://127.0.0.1:$port
  web app        http://127.0.0.1:$port/
  API reference  http://127.0.0.1:$port/api/reference
  dashboard      http://127.0.0.1:$port/dashboard/ (Orleans; DASHBOARD=false turns it off)
  health         http://127.0.0.1:$port/health/ready
  example        curl -H "Authorization: Bearer <token>" http://127.0.0.1:$port/api/schools/maple-grove-elementary/state
  sign in        http://127.0.0.1:$port/signin (demo personas)
  token          curl -X POST http://127.0.0.1:$port/api/dev/tokens -H 'Content-Type: application/json' -d '{"persona":"admin"}'
Press Ctrl+C to stop.
MSG
wait "$app"
