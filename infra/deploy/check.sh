#!/usr/bin/env bash
# Offline checks of the Azure deployment description (infra/deploy/azure). It cannot be deployed from here: there is no
# Azure subscription and no Terraform registry. This runs what can run without them:
#   1. terraform fmt -check -recursive (always);
#   2. terraform init + validate, only when the azurerm and random providers can be installed (a reachable registry, a
#      plugin cache or a filesystem mirror); otherwise it says validation was skipped and why.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
dir=azure

command -v terraform >/dev/null || { echo "terraform is not installed; nothing checked." >&2; exit 1; }
terraform version | head -1

echo "== terraform fmt -check -recursive $dir"
terraform fmt -check -recursive -diff "$dir"
echo "formatting: ok"

# A throw-away data directory: no .terraform or lock file is left in the repository.
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
echo "== terraform init -backend=false (needs the providers)"
if TF_DATA_DIR="$data" timeout 120 terraform -chdir="$dir" init -backend=false -input=false -no-color >"$data/init.log" 2>&1; then
  echo "== terraform validate"
  TF_DATA_DIR="$data" terraform -chdir="$dir" validate -no-color
else
  echo "validation: SKIPPED, the providers could not be installed (no registry or mirror reachable):"
  grep -E "Error|could not connect|provider" "$data/init.log" | head -4 | sed 's/^/  /'
fi
