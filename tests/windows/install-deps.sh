#!/usr/bin/env bash
# Installs what the Windows suite needs: the Rust Windows target, Debian's mingw
# linker and Wine. Idempotent. Never fails: the suite skips, with the reason,
# when something is still missing.
set -u
if ! rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu; then
  rustup target add x86_64-pc-windows-gnu || echo "install-deps: could not add the Windows target"
fi
need=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64)
command -v wine >/dev/null 2>&1 || need+=(wine wine64)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}") >/tmp/metabase-fix-wine-apt.log 2>&1 \
    || echo "install-deps: apt-get install ${need[*]} failed (see /tmp/metabase-fix-wine-apt.log)"
fi
exit 0
