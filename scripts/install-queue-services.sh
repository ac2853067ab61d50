#!/usr/bin/env bash
# Installs PostgreSQL and Redis from Debian's packages when they are missing, for the queue-mode
# suite (npm run test:queue) and its measurement (npm run bench:queue). Only what is missing is
# installed; nothing is started: the suite starts its own throwaway servers on loopback.
set -euo pipefail

say() { printf '[install-queue-services] %s\n' "$*" >&2; }

missing=()
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  say "missing ${missing[*]}: install them as root (apt-get install ${missing[*]}) or run this as root"
  exit 1
fi

# Debian's packages start their service on install; a policy-rc.d that answers 101 ("action
# forbidden") stops that. One that is already there is left as it is.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod 755 "$policy"
  trap '"${as_root[@]}" rm -f "$policy"' EXIT
fi

say "installing ${missing[*]} from Debian's packages"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
command -v redis-server >/dev/null
say "installed ${missing[*]}"
