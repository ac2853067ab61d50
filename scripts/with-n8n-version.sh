#!/usr/bin/env bash
# Runs a command against another n8n than the pinned one: `npm run test:e2e -- --n8n=2.0.0` reaches
# here as `… jest -c jest.e2e.config.js --n8n=2.0.0`; jest knows no --n8n, so it is taken out of the
# arguments and handed on as N8N_VERSION, which install-n8n.sh and test/support/runtime.ts read.
set -euo pipefail
args=()
for arg in "$@"; do
  case "$arg" in
    --n8n=*) export N8N_VERSION="${arg#--n8n=}" ;;
    *) args+=("$arg") ;;
  esac
done
exec "${args[@]}"
