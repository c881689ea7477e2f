#!/usr/bin/env bash
# Minimises a target's committed corpus, taking in what a fuzzing run found: the fewest,
# smallest inputs that still reach every edge of the code the corpus reached before.
# Edges only (no hit counters), so the corpus stays small enough to keep in the repository.
#   fuzz/minimise.sh TARGET [MORE_INPUT_FOLDERS...]
set -euo pipefail
cd "$(dirname "$0")"
target=$1
shift
cargo +nightly fuzz build -s none "$target"
merged=$(mktemp -d)
"target/x86_64-unknown-linux-gnu/release/$target" -merge=1 -use_counters=0 -timeout=1 \
  "$merged" "corpus/$target" "$@" 2>&1 | grep 'MERGE-OUTER: .* new files' >&2
rm -rf "corpus/$target"
mv "$merged" "corpus/$target"
echo "corpus/$target: $(ls "corpus/$target" | wc -l) files, $(du -sh "corpus/$target" | cut -f1)" >&2
