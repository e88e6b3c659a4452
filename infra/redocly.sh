#!/usr/bin/env bash
# Lints an OpenAPI document with Redocly's recommended rules, installing Redocly CLI with npm on first use.
#
#   infra/redocly.sh install         install Redocly CLI under .local/redocly if it is missing (ensure-tools.sh does)
#   infra/redocly.sh lint FILE ...   lint with the recommended ruleset; further arguments go to redocly lint
#
# After the install it needs no network: telemetry and the update notice are off.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${LEARNINGORG_REDOCLY_DIR:-$root/.local/redocly}"
version="2.77.0"
bin="$state/node_modules/.bin/redocly"

ensure_installed() {
  command -v npm >/dev/null || "$root/infra/ensure-tools.sh" >&2
  if [ ! -x "$bin" ] || ! grep -q "\"version\": \"$version\"" "$state/node_modules/@redocly/cli/package.json" 2>/dev/null; then
    echo "Installing @redocly/cli $version with npm into $state" >&2
    mkdir -p "$state"
    npm install --prefix "$state" --no-audit --no-fund --loglevel=error "@redocly/cli@$version" >&2
  fi
}

case "${1:-}" in
  install) ensure_installed ;;
  lint)
    shift
    ensure_installed
    REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true exec "$bin" lint --extends recommended "$@"
    ;;
  *) echo "usage: infra/redocly.sh install | lint FILE [redocly lint options]" >&2; exit 2 ;;
esac
