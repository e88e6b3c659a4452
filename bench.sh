#!/usr/bin/env bash
# Runs the benchmarks (issues 7 and 14) against the private PostgreSQL, in a database of their own
# (learningorg_bench), and writes docs/benchmarks.md. Starts PostgreSQL first and stops it on exit if this script
# started it. What each scenario measures: docs/benchmarking.md.
#   ./bench.sh                         every scenario at full size (45 minutes on 2 cores before scenario 5's
#                                      2,000-school network and scenario 8 were added; longer now)
#   ./bench.sh --scale quick           smaller volumes, written to .local/bench/
#   ./bench.sh --scale smoke           what the test suite runs: checks the harness, its numbers mean nothing
#   ./bench.sh --only queries,indicator-cost
#                                      some scenarios: ingest, import, activation, asof, queries (timeline, network
#                                      comparisons of 200 and 2,000 schools after a write, trajectory, researcher
#                                      state), rebuild, memory, indicator-cost (appends with the inline indicator
#                                      table on and off)
#   ./bench.sh --out path.md           write the report there instead
#   ./bench.sh --help                  these options and the scenario names
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# --help needs neither PostgreSQL nor a build: the header above says it all.
for arg in "$@"; do
  if [ "$arg" = --help ] || [ "$arg" = -h ]; then
    sed -n '2,/^set -euo/p' "$0" | grep '^#' | cut -c3-
    exit 0
  fi
done

infra/ensure-tools.sh
was_running=0
infra/postgres.sh status 2>/dev/null && was_running=1
infra/postgres.sh start >/dev/null
trap '[ "$was_running" = 1 ] || infra/postgres.sh stop' EXIT

dotnet build bench/LearningOrg.Bench/LearningOrg.Bench.csproj -c Release -nologo -v q
LEARNINGORG_BENCH_DB="$(LEARNINGORG_DB=learningorg_bench infra/postgres.sh url)" \
  dotnet bench/LearningOrg.Bench/bin/Release/net10.0/LearningOrg.Bench.dll "$@"
