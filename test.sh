#!/usr/bin/env bash
# Runs every test against the private PostgreSQL and Azurite (started here, stopped at the end if this script started them),
# after checking that the build has no warnings and the code is formatted. Extra arguments go to dotnet test,
# e.g. ./test.sh --filter "FullyQualifiedName~Domain".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

infra/ensure-tools.sh
was_running=0
infra/postgres.sh status 2>/dev/null && was_running=1
db="$(infra/postgres.sh start)"
azurite_was_running=0
infra/azurite.sh status 2>/dev/null && azurite_was_running=1
azurite="$(infra/azurite.sh start)"
trap '[ "$was_running" = 1 ] || infra/postgres.sh stop; [ "$azurite_was_running" = 1 ] || infra/azurite.sh stop' EXIT

dotnet build LearningOrg.sln -c Release -nologo -v q -warnaserror
dotnet format LearningOrg.sln --verify-no-changes --no-restore -v q \
  || { echo "dotnet format found unformatted code: run 'dotnet format LearningOrg.sln'." >&2; exit 1; }

log="$(mktemp)"
status=0
LEARNINGORG_TEST_DB="$db" LEARNINGORG_TEST_AZURITE="$azurite" dotnet test LearningOrg.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line for any reader: "tests: N passed, N failed, N skipped".
python3 - "$log" <<'PY'
import re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+(\d+)", line)
    if m:
        failed += int(m[1]); passed += int(m[2]); skipped += int(m[3])
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
rm -f "$log"
exit "$status"
