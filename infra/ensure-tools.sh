#!/usr/bin/env bash
# Checks for what the scripts need and installs what a fresh machine of our kind may lack (as root, with apt-get).
set -euo pipefail
missing=()
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net); it is not on PATH." >&2; exit 1; }
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3)
# The web tests drive Debian's chromium through Playwright (no browser download): tests/LearningOrg.Tests/Web.
command -v chromium >/dev/null || missing+=(chromium)
# Azurite, the Azure Storage emulator the grain storage tests run against, installs with npm: infra/azurite.sh.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
fi
# Redocly CLI lints the API's OpenAPI document in the tests (Api/OpenApiDocumentTests): infra/redocly.sh.
"$(dirname "${BASH_SOURCE[0]}")/redocly.sh" install
# Kiota generates the typed API client the tests build (tests/LearningOrg.ApiClient): a local dotnet tool.
(cd "$(dirname "${BASH_SOURCE[0]}")/.." && dotnet tool restore >/dev/null)
