#!/usr/bin/env bash
# How long `claimtrail extract` takes on a 5,000-word article, as a whole process.
#   bench/extract.sh [WORDS]        (default 5000)
# Builds the article from the real published articles of the development set
# (../shared/extract-dev/articles, each without its '#' line; the project's own fixtures
# when that folder is missing), repeated until it has WORDS words, cut at a paragraph, then
# times extraction with hyperfine (installed from
# Debian's packages when missing), with no ledger on disk and with a ledger of 10,000 claims,
# and prints the medians and claimtrail's peak resident memory (GNU time).
set -euo pipefail
cd "$(dirname "$0")/.."
words=${1:-5000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v hyperfine >/dev/null; then
  echo "installing hyperfine..." >&2
  apt-get install -y -qq hyperfine >/dev/null 2>&1 \
    || sudo apt-get install -y -qq hyperfine >/dev/null
fi

cargo build --release --quiet --example gen
cargo build --release --quiet
bin=$PWD/target/release/claimtrail
export CLAIMTRAIL_REPORTER=bench

sources=(../shared/extract-dev/articles/*.txt)
[ -e "${sources[0]}" ] || sources=(tests/fixtures/extract/*.txt)
python3 - "$words" "${sources[@]}" > "$work/article.txt" <<'PY'
import sys
want = int(sys.argv[1])
paragraphs = []
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    if text.startswith("#"):
        text = text.split("\n", 1)[1]
    paragraphs += [p for p in text.split("\n\n") if p.strip()]
out, count, i = [], 0, 0
while count < want:
    p = paragraphs[i % len(paragraphs)]
    out.append(p)
    count += len(p.split())
    i += 1
print("\n\n".join(out))
PY
echo "article: $(wc -w < "$work/article.txt") words, $(wc -c < "$work/article.txt") bytes"

cargo run --release --quiet --example gen -- --claims 10000 --seed 1 --db "$work/ledger.db" >/dev/null

run() {
  local label=$1 db=$2
  hyperfine -N --style none --warmup 3 --runs 30 --export-json "$work/h.json" \
    "$bin --db $db extract $work/article.txt --outlet 'NBC News' --format json" >/dev/null 2>&1
  local median
  median=$(python3 -c "import json; print('%.1f' % (json.load(open('$work/h.json'))['results'][0]['median'] * 1000))")
  /usr/bin/time -f '%M' -o "$work/rss" "$bin" --db "$db" extract "$work/article.txt" \
    --outlet 'NBC News' --format json >/dev/null
  local proposals
  proposals=$("$bin" --db "$db" extract "$work/article.txt" --outlet 'NBC News' --format json \
    | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  printf '%-28s median %7s ms   peak RSS %6.1f MiB   %s proposals\n' "$label" "$median" \
    "$(echo "$(cat "$work/rss") / 1024" | bc -l)" "$proposals"
}

run "no ledger on disk" "$work/none.db"
run "ledger of 10,000 claims" "$work/ledger.db"
