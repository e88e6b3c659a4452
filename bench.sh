#!/usr/bin/env bash
# Runs the benchmarks (issue 7) against the private PostgreSQL, in a database of their own (learningorg_bench), and
# writes docs/benchmarks.md. Starts PostgreSQL first and stops it on exit if this script started it.
#   ./bench.sh                         every scenario at full size (about 45 minutes on 2 cores)
#   ./bench.sh --scale quick           the same at a tenth of the volume, written to .local/bench/
#   ./bench.sh --only ingest,activation
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

infra/ensure-tools.sh
was_running=0
infra/postgres.sh status 2>/dev/null && was_running=1
infra/postgres.sh start >/dev/null
trap '[ "$was_running" = 1 ] || infra/postgres.sh stop' EXIT

dotnet build bench/LearningOrg.Bench/LearningOrg.Bench.csproj -c Release -nologo -v q
LEARNINGORG_BENCH_DB="$(LEARNINGORG_DB=learningorg_bench infra/postgres.sh url)" \
  dotnet bench/LearningOrg.Bench/bin/Release/net10.0/LearningOrg.Bench.dll "$@"
