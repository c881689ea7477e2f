#!/usr/bin/env bash
# This tree's claimtrail against an earlier revision's, interleaved, on one seeded ledger.
#
#   bench/ab.sh REV [SIZE]     (SIZE defaults to 100000)
#
# bench/run.sh measures one build against sqlite3; two of its runs made minutes apart differ
# by as much as a change under test does, since the machine's load moves sqlite3's figures
# too. This runs both builds in the same hyperfine session, alternating, each on its own copy
# of the same ledger (the earlier build's generator, seed 1; the later build migrates its
# copy first), and prints one Markdown table: each file command's median, before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?give the revision to compare against, such as HEAD~3}
size=${2:-100000}
command -v hyperfine >/dev/null || { echo "bench/ab.sh needs hyperfine (bench/run.sh installs it)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "bench/ab.sh needs sqlite3 (bench/run.sh installs it)" >&2; exit 2; }
work=$(mktemp -d)
cleanup() { git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
git worktree add --detach --quiet "$work/base" "$rev"
echo "building $rev and this tree ..." >&2
(cd "$work/base" && cargo build --release --quiet && cargo build --release --quiet --example gen)
cargo build --release --quiet
before=$work/base/target/release/claimtrail
after=$PWD/target/release/claimtrail
export CLAIMTRAIL_REPORTER=bench
echo "generating $size claims ..." >&2
"$work/base/target/release/examples/gen" --claims "$size" --seed 1 --db "$work/seed.db" 2>/dev/null
"$before" --db "$work/seed.db" export --reveal --format jsonl -o "$work/all.jsonl" >/dev/null
cp "$work/seed.db" "$work/before.db"
cp "$work/seed.db" "$work/after.db"
"$after" --db "$work/after.db" check >/dev/null
db=$work/seed.db
name=$(sqlite3 "$db" "SELECT name FROM claimants WHERE id = (SELECT source_id FROM source_counts WHERE kind = 'claimant' GROUP BY source_id ORDER BY sum(claims) DESC LIMIT 1)")
story=$(sqlite3 "$db" "SELECT story FROM claims WHERE story IS NOT NULL GROUP BY story ORDER BY count(*) DESC LIMIT 1")
id=$((size / 2))
words=$(sqlite3 "$db" "SELECT text FROM claims WHERE id = $id" | tr -cs 'A-Za-z' '\n' | awk 'length > 4' | head -2 | tr '\n' ' ')
w1=$(echo "$words" | cut -d' ' -f1); w2=$(echo "$words" | cut -d' ' -f2)
q=$(echo "$name" | sed "s/'/'\\\\''/g")

row() { # label: reads hyperfine's JSON
  python3 - "$1" "$work/h.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))["results"]
b, a = r[0]["median"] * 1000, r[1]["median"] * 1000
print(f"| {sys.argv[1]} | {b:.1f} | {a:.1f} | {a / b:.2f} |")
PY
}
ab() { # label runs args
  local label=$1 runs=$2; shift 2
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/h.json" \
    -n before "$before --db $work/before.db $*" -n after "$after --db $work/after.db $*" >/dev/null 2>&1
  row "$label"
}
echo "| operation ($size claims) | $rev (ms) | this tree (ms) | ratio |"
echo "|---|---:|---:|---:|"
ab add 15 "add 'A bench claim about Mosul and Kirkuk' --by '$q' --via Reuters --via 'NBC News'"
ab mark 15 "mark $id disputed --note bench"
ab list 15 "list --limit 50"
ab "list --search" 15 "list --search '$w1 $w2' --limit 50"
ab "list --by" 15 "list --by '$q' --limit 50"
ab report 15 "report"
ab "report --story" 15 "report --story $story"
ab show 15 "show $id"
ab "export jsonl" 7 "export --reveal --format jsonl -o $work/out.jsonl"
hyperfine -N --style none --runs 5 --export-json "$work/h.json" \
  --prepare "rm -f $work/in.db $work/in.db-wal $work/in.db-shm" \
  -n before "$before --db $work/in.db import $work/all.jsonl" \
  -n after "$after --db $work/in.db import $work/all.jsonl" >/dev/null 2>&1
row import
