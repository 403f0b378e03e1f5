#!/usr/bin/env bash
# Fuzz TARGET (scan_plan, the default, or verdict: the strict pass against
# roxmltree) for SECONDS (default 60): fuzz/run.sh [SECONDS] [TARGET]. Needs cargo-fuzz
# (`cargo install cargo-fuzz`); runs on stable with RUSTC_BOOTSTRAP=1.
# The committed seed corpus corpus/scan_plan/ (from fixtures/; remake with
# --seed) is only read: new inputs go to target/corpus-work/scan_plan, crashes
# to artifacts/scan_plan/. libFuzzer's last line says how many runs it made.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = "--seed" ]; then
  for f in ../fixtures/*.xml ../fixtures/bad/*.xml; do cp "$f" "corpus/scan_plan/$(basename "$f")"; done
  exit 0
fi
secs=${1:-60}
target=${2:-scan_plan}
work=target/corpus-work/$target
mkdir -p "$work"
export RUSTC_BOOTSTRAP=1
cargo fuzz run "$target" "$work" corpus/scan_plan -- \
  -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1
