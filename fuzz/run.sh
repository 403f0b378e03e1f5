#!/usr/bin/env bash
# Fuzz the scan-and-plan path for SECONDS (default 60). Needs cargo-fuzz
# (`cargo install cargo-fuzz`); runs on stable with RUSTC_BOOTSTRAP=1.
# The seed corpus in corpus/scan_plan/ comes from fixtures/ (make with --seed).
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
if [ "${1:-}" = "--seed" ]; then
  for f in ../fixtures/*.xml ../fixtures/bad/*.xml; do cp "$f" "corpus/scan_plan/$(basename "$f")"; done
  exit 0
fi
export RUSTC_BOOTSTRAP=1
cargo fuzz run scan_plan corpus/scan_plan -- -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048
