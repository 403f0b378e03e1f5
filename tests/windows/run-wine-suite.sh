#!/usr/bin/env bash
# The Windows end-to-end suite: builds metabase-fix.exe for x86_64-pc-windows-gnu
# and runs it under Wine in a prefix of its own. Prints one line per case and
# `N passed, M failed`; exits non-zero on any failure. Prints `SKIP: <reason>`
# and exits 0 only when the target, the linker or Wine is not installed.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
skip() { echo "SKIP: $*"; exit 0; }
rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu || skip "Rust target x86_64-pc-windows-gnu not installed (tests/windows/install-deps.sh)"
command -v x86_64-w64-mingw32-gcc >/dev/null || skip "mingw linker not installed (apt-get install gcc-mingw-w64-x86-64)"
command -v wine >/dev/null || skip "wine not installed (apt-get install wine wine64)"

echo "== building metabase-fix.exe"
cargo build --quiet --target x86_64-pc-windows-gnu --bin metabase-fix || { echo "0 passed, 1 failed"; exit 1; }
bindir="${CARGO_TARGET_DIR:-$root/target}/x86_64-pc-windows-gnu/debug"
exe="$bindir/metabase-fix.exe"
# Test-only shim: Wine 8.0 lacks bcryptprimitives.dll!ProcessPrng. Never shipped.
x86_64-w64-mingw32-gcc -shared -O2 -o "$bindir/bcryptprimitives.dll" \
  tests/windows/shim/bcryptprimitives.c tests/windows/shim/bcryptprimitives.def || { echo "0 passed, 1 failed"; exit 1; }

work=$(mktemp -d)
trap 'wineserver -k >/dev/null 2>&1; rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
echo "== creating the Wine prefix"
start=$(date +%s)
wineboot -i >"$work/wineboot.log" 2>&1 || { cat "$work/wineboot.log"; echo "0 passed, 1 failed"; exit 1; }
echo "   wineboot took $(( $(date +%s) - start )) s"

inetsrv="$WINEPREFIX/drive_c/windows/system32/inetsrv"
mkdir -p "$inetsrv"
fixture="$root/fixtures/exchange2003.xml"
expected="$root/fixtures/exchange2003.expected.xml"
sed 's/\t\tValue="2"/\t\tValue="1"/' "$expected" > "$work/expected-1.xml"
run() { wine "$exe" "$@"; }

passed=0 failed=0
check() { # name, then a command that must succeed
  local name=$1; shift
  if "$@" >"$work/case.log" 2>&1; then echo "ok   $name"; passed=$((passed + 1))
  else echo "FAIL $name"; sed 's/^/     /' "$work/case.log"; failed=$((failed + 1)); fi
}

case_default_paths() {
  cp "$fixture" "$inetsrv/MetaBase.xml"
  run set-dns-mode 2 || return 1
  cmp "$inetsrv/MetaBase.xml" "$expected" || return 1
  # The backup is under the prefix's AppData\Local (dirs::data_local_dir()).
  local b; b=$(find "$WINEPREFIX/drive_c/users" -path '*/AppData/Local/metabase-fix/backups/*.xml' | head -1)
  [ -n "$b" ] && cmp "$b" "$fixture"
}
case_attributes_survive() {
  # ReplaceFileW keeps the target's attributes (and ACL); a rename would not.
  cp "$fixture" "$inetsrv/MetaBase.xml"
  wine cmd /c 'attrib +h C:\windows\system32\inetsrv\MetaBase.xml' || return 1
  run set-dns-mode 2 -q || return 1
  cmp "$inetsrv/MetaBase.xml" "$expected" || return 1
  wine cmd /c 'attrib C:\windows\system32\inetsrv\MetaBase.xml' | grep -q 'H '
  local rc=$?
  wine cmd /c 'attrib -h C:\windows\system32\inetsrv\MetaBase.xml'
  return $rc
}
case_c_path_dry_run_diff() {
  cp "$fixture" "$inetsrv/MetaBase.xml"
  run --file 'C:\windows\system32\inetsrv\MetaBase.xml' --backup-dir 'C:\mbfix-backups' set-dns-mode 2 --dry-run --diff >"$work/diff.txt" || return 1
  grep -qF -- '--- C:\windows\system32\inetsrv\MetaBase.xml' "$work/diff.txt" || return 1
  grep -qF '+		Name="SmtpUseTcpDns"' "$work/diff.txt" || return 1
  cmp "$inetsrv/MetaBase.xml" "$fixture"
}
case_z_path_and_restore() {
  mkdir -p "$work/share" && cp "$fixture" "$work/share/MetaBase.xml"
  local f="Z:${work//\//\\}\\share\\MetaBase.xml" b="Z:${work//\//\\}\\backups"
  run --file "$f" --backup-dir "$b" set-dns-mode 2 || return 1
  cmp "$work/share/MetaBase.xml" "$expected" || return 1
  run --file "$f" --backup-dir "$b" --json backups | grep -q '"operation": "set-dns-mode 2 --location /LM/SmtpSvc"' || return 1
  run --file "$f" --backup-dir "$b" restore || return 1
  cmp "$work/share/MetaBase.xml" "$fixture" || return 1
  [ "$(ls -A "$work/share")" = "MetaBase.xml" ]
}
case_restore_default_and_nothing_left() {
  cp "$fixture" "$inetsrv/MetaBase.xml"
  run set-dns-mode 2 -q && run restore -q || return 1
  cmp "$inetsrv/MetaBase.xml" "$fixture" || return 1
  [ "$(ls -A "$inetsrv")" = "MetaBase.xml" ]
}
case_two_at_once_waiting() {
  cp "$fixture" "$inetsrv/MetaBase.xml"
  run --lock-timeout 60 set-dns-mode 1 -q & local a=$!
  run --lock-timeout 60 set-dns-mode 2 -q & local b=$!
  wait $a || return 1; wait $b || return 1
  cmp -s "$inetsrv/MetaBase.xml" "$expected" || cmp -s "$inetsrv/MetaBase.xml" "$work/expected-1.xml" || return 1
  [ "$(ls -A "$inetsrv")" = "MetaBase.xml" ]
}
case_two_at_once_not_waiting() {
  # A large file keeps the first run busy; the second gives up at once.
  "${CARGO_TARGET_DIR:-$root/target}/debug/gen-metabase" --size-mb 20 -o "$inetsrv/MetaBase.xml" 2>/dev/null \
    || cargo run --quiet --bin gen-metabase -- --size-mb 20 -o "$inetsrv/MetaBase.xml" || return 1
  cp "$inetsrv/MetaBase.xml" "$work/big.xml"
  run --lock-timeout 0 set-dns-mode 1 >"$work/a.log" 2>&1 & local a=$!
  run --lock-timeout 0 set-dns-mode 2 >"$work/b.log" 2>&1 & local b=$!
  wait $a; local ra=$?; wait $b; local rb=$?
  cat "$work/a.log" "$work/b.log"
  for r in $ra $rb; do [ "$r" = 0 ] || [ "$r" = 1 ] || return 1; done
  if [ $ra = 1 ]; then grep -q 'locked by another run' "$work/a.log" || return 1; fi
  if [ $rb = 1 ]; then grep -q 'locked by another run' "$work/b.log" || return 1; fi
  [ $ra = 0 ] || [ $rb = 0 ] || return 1
  # One valid outcome: the big file with one Custom element inserted, Value 1 or 2.
  local v; v=$(grep -c 'Name="SmtpUseTcpDns"' "$inetsrv/MetaBase.xml"); [ "$v" = 1 ] || return 1
  [ "$(ls -A "$inetsrv")" = "MetaBase.xml" ]
}
case_version_help_json() {
  run --version | grep -q '^metabase-fix ' || return 1
  run --help | grep -q 'set-dns-mode' || return 1
  cp "$fixture" "$inetsrv/MetaBase.xml"
  run --json show | grep -q '"edit_while_running": true'
}
case_errors_name_windows_paths() {
  run --file 'C:\nope\MetaBase.xml' show 2>"$work/err.txt"; [ $? = 1 ] || return 1
  grep -qF 'C:\nope\MetaBase.xml: not found' "$work/err.txt"
}
case_japanese_utf8() {
  # Redirected output is UTF-8 (the console code page is set to 65001 at start);
  # METABASE_FIX_LANG crosses into the Windows process like any variable.
  run --lang ja explain 4.4.7 >"$work/ja.txt" || return 1
  grep -qF '持続的な一時エラー' "$work/ja.txt" || return 1
  grep -qF '考えられる原因:' "$work/ja.txt" || return 1
  METABASE_FIX_LANG=ja run --file 'C:\nope\MetaBase.xml' show 2>"$work/ja-err.txt"; [ $? = 1 ] || return 1
  grep -qF 'C:\nope\MetaBase.xml: 見つかりません' "$work/ja-err.txt"
}

case_check() {
  # Issue 11: check reports a Notepad mistake at its line and column, exit 1;
  # a good file exits 0.
  cp "$fixture" "$inetsrv/MetaBase.xml"
  run check >"$work/check-ok.txt" || return 1
  grep -q 'IIS can load this file' "$work/check-ok.txt" || return 1
  cp "$root/fixtures/bad/undefined-entity.xml" "$inetsrv/MetaBase.xml"
  run --json check >"$work/check.json"; [ $? = 1 ] || return 1
  grep -q '"code": "undefined-entity"' "$work/check.json" || return 1
  grep -q '"line": 27' "$work/check.json" || return 1
  run set-dns-mode 2 2>"$work/refused.txt"; [ $? = 1 ] || return 1
  grep -qF 'line 27, column 23: not well-formed XML' "$work/refused.txt" || return 1
  cmp "$inetsrv/MetaBase.xml" "$root/fixtures/bad/undefined-entity.xml"
}
case_set_unset_round_trip() {
  # Issue 12: set then unset of a property that was not there gives the
  # original bytes; a MULTISZ set matches the hand-made expected file.
  cp "$fixture" "$inetsrv/MetaBase.xml"
  run set /LM/SmtpSvc 50000 0a0b0c --type BINARY -q || return 1
  cmp -s "$inetsrv/MetaBase.xml" "$fixture" && return 1
  run unset /LM/SmtpSvc 50000 -q || return 1
  cmp "$inetsrv/MetaBase.xml" "$fixture" || return 1
  cp "$root/fixtures/property/set-multisz.crlf.xml" "$inetsrv/MetaBase.xml"
  run set /LM/W3SVC/1 ServerBindings :80: 10.0.0.5:8080:www.contoso.com -q || return 1
  cmp "$inetsrv/MetaBase.xml" "$root/fixtures/property/set-multisz.crlf.expected.xml" || return 1
  run --json get /LM/W3SVC/1 ServerBindings | grep -qF '"10.0.0.5:8080:www.contoso.com"'
}
case_large_file_in_two_halves() {
  # Issue 15: from 8 MB on, the file is read, and compared before the rename,
  # as two halves on two threads (positional reads: seek_read on Windows).
  # The result equals the Linux build's on the same input, and the backup
  # equals the input.
  local t="${CARGO_TARGET_DIR:-$root/target}/debug"
  "$t/gen-metabase" --size-mb 20 -o "$work/large.xml" 2>/dev/null \
    || cargo run --quiet --bin gen-metabase -- --size-mb 20 -o "$work/large.xml" || return 1
  cp "$work/large.xml" "$work/large-linux.xml"
  if [ -x "$t/metabase-fix" ]; then
    "$t/metabase-fix" --file "$work/large-linux.xml" --backup-dir "$work/linux-backups" set-dns-mode 2 -q || return 1
  else
    cargo run --quiet --bin metabase-fix -- --file "$work/large-linux.xml" --backup-dir "$work/linux-backups" set-dns-mode 2 -q || return 1
  fi
  cmp -s "$work/large.xml" "$work/large-linux.xml" && return 1
  cp "$work/large.xml" "$inetsrv/MetaBase.xml"
  run --backup-dir 'C:\mbfix-large' set-dns-mode 2 -q || return 1
  cmp "$inetsrv/MetaBase.xml" "$work/large-linux.xml" || return 1
  local backups=("$WINEPREFIX/drive_c/mbfix-large/"*.xml)
  [ "${#backups[@]}" = 1 ] && cmp "${backups[0]}" "$work/large.xml" || return 1
  [ "$(ls -A "$inetsrv")" = "MetaBase.xml" ]
}

check "default file and backup folder (%SystemRoot%, %LOCALAPPDATA%), byte-exact" case_default_paths
check "ReplaceFileW keeps the file's attributes (hidden)" case_attributes_survive
check "--file 'C:\\...' --dry-run --diff shows Windows paths, writes nothing" case_c_path_dry_run_diff
check "--file 'Z:\\...' set, backups, restore round trip" case_z_path_and_restore
check "restore round trip, nothing left in inetsrv" case_restore_default_and_nothing_left
check "two runs at once, both waiting: one valid outcome" case_two_at_once_waiting
check "two runs at once, not waiting: one fails with the lock message" case_two_at_once_not_waiting
check "--version, --help, --json" case_version_help_json
check "errors name the Windows path" case_errors_name_windows_paths
check "Japanese: UTF-8 when redirected, --lang and METABASE_FIX_LANG" case_japanese_utf8
check "check: a Notepad mistake at its line and column; refused by set-dns-mode" case_check
check "set/unset round trip and a MULTISZ set, byte-exact" case_set_unset_round_trip
check "a 20 MB file: read and compared in two halves, the Linux build's bytes" case_large_file_in_two_halves

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
