#!/usr/bin/env bash
# Runs claimtrail's fuzz targets: each for SECONDS (default 30) from its committed corpus,
# with its dictionary and a one-second limit per input, so a slow path fails like a crash.
# New inputs go to a scratch folder; the committed corpus is only read. Crashes land in
# fuzz/artifacts/TARGET/.
#   fuzz/run.sh                  every target, 30 s each (what .ci/run does)
#   fuzz/run.sh 3600 extract_utf8
# Needs the nightly toolchain and cargo-fuzz; this script installs what is missing.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract_utf8 extract_bytes dates import_json import_ledger import_sheet export_roundtrip)

dict_of() {
  case $1 in
    extract_*) echo dict/extract.dict ;;
    dates) echo dict/dates.dict ;;
    import_json | import_ledger) echo dict/json.dict ;;
    import_sheet | export_roundtrip) echo dict/sheet.dict ;;
  esac
}

rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked --version 0.13.2

# The targets are safe Rust: without AddressSanitizer they run several times faster.
cargo +nightly fuzz build -s none
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for target in "${targets[@]}"; do
  mkdir -p "$scratch/$target" "artifacts/$target" "corpus/$target"
  echo "fuzzing $target for ${seconds}s..." >&2
  cargo +nightly fuzz run -s none "$target" "$scratch/$target" "corpus/$target" -- \
    -dict="$(dict_of "$target")" -timeout=1 -max_total_time="$seconds" \
    -print_final_stats=1 -artifact_prefix="artifacts/$target/" 2>"$scratch/$target.log" || {
    grep -v '^\s*at \|^ *[0-9]*: ' "$scratch/$target.log" | tail -30 >&2
    echo "fuzz target $target failed: the input is in fuzz/artifacts/$target/" >&2
    exit 1
  }
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$scratch/$target.log" |
    sed "s/^/  $target: /" >&2
done
