#!/usr/bin/env bash
# Fuzz the scan-and-plan path for SECONDS (default 60). Needs cargo-fuzz
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
work=target/corpus-work/scan_plan
mkdir -p "$work"
export RUSTC_BOOTSTRAP=1
cargo fuzz run scan_plan "$work" corpus/scan_plan -- \
  -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1
