#!/usr/bin/env bash
# claimtrail against the sqlite3 shell doing the same work on the same file.
#
#   bench/run.sh [SIZE ...]            (default: 10000 100000 1000000)
#
# For each size it generates a ledger (examples/gen.rs, seed 1), then times every operation
# as whole processes with hyperfine: claimtrail, and the sqlite3 statement written out below
# that does the equivalent work. It prints one table (operation, size, medians, ratio, and
# claimtrail's peak RSS from GNU time) and writes it to bench/results.md. Needs: cargo,
# python3, /usr/bin/time; installs hyperfine and sqlite3 from Debian's packages if missing.
#
# At DESK_SIZE claims (default 100000; 0 for none) the same ledger's export is also loaded
# into an empty desk server (timed once, beside the file's import), and add, mark, list,
# show and report are timed there through a proxy that delays each direction by
# DESK_DELAY_MS (default 10: a 20 ms round trip, hotel wifi), beside the same operations on
# the file: the PostgreSQL column. A laptop then pulls the whole desk into a ledger file
# (timed once), and pull and push of 10 new claims are timed.
# The server is CLAIMTRAIL_BENCH_PG (an administrator's URL) if set, else a throwaway
# cluster from Debian's postgresql package (tests/pg/cluster.sh), stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)

need() { # command, Debian package
  command -v "$1" >/dev/null && return
  echo "installing $2 ..." >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q "$2" >/dev/null
  else sudo apt-get install -y -q "$2" >/dev/null; fi
}
need hyperfine hyperfine
need sqlite3 sqlite3
desk_size=${DESK_SIZE:-100000}

cargo build --release --quiet
cargo build --release --quiet --example gen --example delay_proxy
bin=$PWD/target/release/claimtrail
gen=$PWD/target/release/examples/gen
delay_ms=${DESK_DELAY_MS:-10}
work=$(mktemp -d)
pg_dir=""
proxy_pid=""
cleanup() {
  [ -z "$proxy_pid" ] || kill "$proxy_pid" 2>/dev/null || true
  [ -z "$pg_dir" ] || tests/pg/cluster.sh stop "$pg_dir" || true
  rm -rf "$work" ${pg_dir:+"$pg_dir"}
}
trap cleanup EXIT
export CLAIMTRAIL_REPORTER=bench
results=$work/results.tsv
desk_results=$work/desk.tsv
: > "$results"
: > "$desk_results"

# Sets admin to the administrator's URL of a server for the desk column, started here if
# none is given.
admin=""
desk_server() {
  [ -z "$admin" ] || return 0
  if [ -n "${CLAIMTRAIL_BENCH_PG:-}" ]; then admin=$CLAIMTRAIL_BENCH_PG; return; fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "installing postgresql ..." >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q postgresql >/dev/null
    else sudo apt-get install -y -q postgresql >/dev/null; fi
  fi
  pg_dir=$(mktemp -d)
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  admin=$(tests/pg/cluster.sh start "$pg_dir" "$port")
  export PGSSLROOTCERT=$pg_dir/ca.crt
}

# bench_desk NAME SIZE RUNS COMMAND [PREPARE]: claimtrail alone, on the desk server.
bench_desk() {
  local name=$1 size=$2 runs=$3 ours=$4 prepare=${5:-true}
  hyperfine --style none --warmup 1 --runs "$runs" --prepare "$prepare" \
    --export-json "$work/h.json" "$ours" >/dev/null 2>&1 ||
    { echo "hyperfine failed on desk $name" >&2; hyperfine --runs 1 --prepare "$prepare" "$ours"; exit 1; }
  eval "$prepare"
  /usr/bin/time -f %M -o "$work/rss" bash -c "$ours" >/dev/null 2>&1
  python3 - "$work/h.json" "$name" "$size" "$(cat "$work/rss")" >> "$desk_results" <<'PY'
import json, sys
median = json.load(open(sys.argv[1]))["results"][0]["median"]
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{median*1000:.1f}\t{int(sys.argv[4])/1024:.1f}")
PY
  tail -1 "$desk_results" | awk -F'\t' '{printf "%-22s %9s  on PostgreSQL %9s ms  RSS %6s MiB\n", $1, $2, $3, $4}'
}

now_sql="strftime('%Y-%m-%dT%H:%M:%SZ','now')"
uid_sql="lower(hex(randomblob(4))||'-'||hex(randomblob(2))||'-4'||substr(hex(randomblob(2)),2)||'-a'||substr(hex(randomblob(2)),2)||'-'||hex(randomblob(6)))"
open_sql="('unverified','corroborated','disputed')"

# bench NAME SIZE RUNS PREPARE CLAIMTRAIL-COMMAND SQLITE3-COMMAND
bench() {
  local name=$1 size=$2 runs=$3 prepare=$4 ours=$5 theirs=$6
  hyperfine --style none --warmup "$([ "$runs" -gt 2 ] && echo 1 || echo 0)" --runs "$runs" \
    --prepare "$prepare" --export-json "$work/h.json" "$ours" "$theirs" >/dev/null 2>&1 ||
    { echo "hyperfine failed on $name" >&2; hyperfine --runs 1 --prepare "$prepare" "$ours" "$theirs"; exit 1; }
  eval "$prepare"
  /usr/bin/time -f %M -o "$work/rss" bash -c "$ours" >/dev/null 2>&1
  python3 - "$work/h.json" "$name" "$size" "$(cat "$work/rss")" >> "$results" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
ours, theirs = runs[0]["median"], runs[1]["median"]
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{ours*1000:.1f}\t{theirs*1000:.1f}\t{ours/theirs:.2f}\t{int(sys.argv[4])/1024:.1f}")
PY
  tail -1 "$results" | awk -F'\t' '{printf "%-22s %9s  claimtrail %9s ms  sqlite3 %9s ms  ratio %6s  RSS %6s MiB\n", $1, $2, $3, $4, $5, $6}'
}

for size in "${sizes[@]}"; do
  db=$work/ledger-$size.db
  echo "generating $size claims ..." >&2
  "$gen" --claims "$size" --seed 1 --db "$db" 2>/dev/null
  # What the operations work on: the busiest claimant and story, a claim in the middle, two
  # words from its text.
  name=$(sqlite3 "$db" "SELECT name FROM claimants WHERE id = (SELECT source_id FROM source_counts WHERE kind = 'claimant' GROUP BY source_id ORDER BY sum(claims) DESC LIMIT 1)")
  story=$(sqlite3 "$db" "SELECT story FROM claims WHERE story IS NOT NULL GROUP BY story ORDER BY count(*) DESC LIMIT 1")
  id=$((size / 2))
  words=$(sqlite3 "$db" "SELECT text FROM claims WHERE id = $id" | tr -cs 'A-Za-z' '\n' | awk 'length > 4' | head -2 | tr '\n' ' ')
  w1=$(echo "$words" | cut -d' ' -f1); w2=$(echo "$words" | cut -d' ' -f2)
  key=$(echo "$name" | tr 'A-Z' 'a-z' | sed "s/'/''/g")
  q_name=$(echo "$name" | sed "s/'/'\\\\''/g")
  runs=10; [ "$size" -ge 1000000 ] && runs=5

  bench add "$size" "$runs" "true" \
    "$bin --db $db add 'A bench claim about Mosul and Kirkuk' --by '$q_name' --via Reuters --via 'NBC News'" \
    "sqlite3 $db \"BEGIN IMMEDIATE;
      INSERT INTO claims (uid, text, logged_at, logged_by) VALUES ($uid_sql, 'A bench claim about Mosul and Kirkuk', $now_sql, 'bench');
      INSERT INTO attributions (claim_id, claimant_id, logged_at, logged_by) VALUES ((SELECT max(id) FROM claims), (SELECT coalesce(merged_into, id) FROM claimants WHERE name_key = '$key'), $now_sql, 'bench');
      INSERT INTO relays VALUES ((SELECT max(id) FROM attributions), 0, (SELECT id FROM outlets WHERE name_key = 'reuters'));
      INSERT INTO relays VALUES ((SELECT max(id) FROM attributions), 1, (SELECT id FROM outlets WHERE name_key = 'nbc news'));
      INSERT INTO status_events (claim_id, status, at, by) VALUES ((SELECT max(id) FROM claims), 'unverified', $now_sql, 'bench');
      COMMIT;\""

  bench mark "$size" "$runs" "true" \
    "$bin --db $db mark $id disputed --note bench" \
    "sqlite3 $db \"BEGIN IMMEDIATE; SELECT status FROM claims WHERE id = $id; INSERT INTO status_events (claim_id, status, at, by, note) VALUES ($id, 'disputed', $now_sql, 'bench', 'bench'); COMMIT;\""

  list_cols="c.id, c.logged_at, c.status, c.text,
      (SELECT s.name FROM attributions a JOIN claimants s ON s.id = a.claimant_id WHERE a.claim_id = c.id ORDER BY a.id LIMIT 1),
      (SELECT group_concat(o.name, ' > ') FROM attributions a JOIN relays r ON r.attribution_id = a.id JOIN outlets o ON o.id = r.outlet_id WHERE a.claim_id = c.id)"
  bench "list" "$size" "$runs" "true" \
    "$bin --db $db list --limit 50" \
    "sqlite3 $db \"SELECT $list_cols FROM claims c WHERE c.status IN $open_sql ORDER BY c.logged_at, c.id LIMIT 50\""

  bench "list --search" "$size" "$runs" "true" \
    "$bin --db $db list --search '$w1 $w2' --limit 50" \
    "sqlite3 $db \"SELECT $list_cols FROM claims c WHERE c.status IN $open_sql AND c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH '$w1 $w2') ORDER BY c.logged_at, c.id LIMIT 50\""

  bench "list --by" "$size" "$runs" "true" \
    "$bin --db $db list --by '$q_name' --limit 50" \
    "sqlite3 $db \"SELECT $list_cols FROM claims c WHERE c.status IN $open_sql AND EXISTS (SELECT 1 FROM attributions a JOIN claimants s ON s.id = a.claimant_id WHERE a.claim_id = c.id AND coalesce(s.merged_into, s.id) = (SELECT coalesce(merged_into, id) FROM claimants WHERE name_key = '$key')) ORDER BY c.logged_at, c.id LIMIT 50\""

  group_by="SELECT coalesce(s.merged_into, s.id), c.status, count(DISTINCT c.id), min(c.logged_at) FROM claims c JOIN attributions a ON a.claim_id = c.id JOIN claimants s ON s.id = a.claimant_id WHERE %s GROUP BY 1, 2;
      SELECT coalesce(o.merged_into, o.id), c.status, count(DISTINCT c.id), min(c.logged_at) FROM claims c JOIN attributions a ON a.claim_id = c.id JOIN relays r ON r.attribution_id = a.id JOIN outlets o ON o.id = r.outlet_id WHERE %s GROUP BY 1, 2;"
  # shellcheck disable=SC2059
  bench report "$size" "$runs" "true" \
    "$bin --db $db report" \
    "sqlite3 $db \"$(printf "$group_by" 1 1)\""
  # shellcheck disable=SC2059
  bench "report --story" "$size" "$runs" "true" \
    "$bin --db $db report --story $story" \
    "sqlite3 $db \"$(printf "$group_by" "c.story = '$story'" "c.story = '$story'")\""

  bench show "$size" "$runs" "true" \
    "$bin --db $db show $id" \
    "sqlite3 $db \"SELECT * FROM claims WHERE id = $id;
      SELECT a.*, s.name, s.role, s.affiliation FROM attributions a JOIN claimants s ON s.id = a.claimant_id WHERE a.claim_id = $id;
      SELECT r.attribution_id, o.name FROM relays r JOIN attributions a ON a.id = r.attribution_id JOIN outlets o ON o.id = r.outlet_id WHERE a.claim_id = $id ORDER BY r.attribution_id, r.position;
      SELECT e.*, (SELECT group_concat(url, ' ') FROM evidence WHERE event_id = e.id) FROM status_events e WHERE e.claim_id = $id ORDER BY at, id;
      SELECT * FROM claim_edits WHERE claim_id = $id;\""

  io_runs=3; [ "$size" -ge 1000000 ] && io_runs=1
  bench "export jsonl" "$size" "$io_runs" "true" \
    "$bin --db $db export --reveal --format jsonl -o $work/out.jsonl" \
    "sqlite3 $db \"SELECT json_object('uid', c.uid, 'text', c.text, 'story', c.story, 'made_at', c.made_at, 'logged_at', c.logged_at, 'logged_by', c.logged_by, 'status', c.status,
        'attributions', (SELECT json_group_array(json_object('claimant', s.name, 'medium', a.medium, 'made_at', a.made_at, 'url', a.url, 'logged_at', a.logged_at, 'logged_by', a.logged_by,
            'via', (SELECT json_group_array(o.name) FROM relays r JOIN outlets o ON o.id = r.outlet_id WHERE r.attribution_id = a.id)))
          FROM attributions a JOIN claimants s ON s.id = a.claimant_id WHERE a.claim_id = c.id),
        'history', (SELECT json_group_array(json_object('status', e.status, 'at', e.at, 'by', e.by, 'note', e.note)) FROM status_events e WHERE e.claim_id = c.id))
      FROM claims c ORDER BY c.id\" > $work/out-sqlite.jsonl"

  # The same claims as flat CSV rows, for sqlite3's .import.
  sqlite3 -csv "$db" "SELECT c.uid, c.text, c.status, c.logged_at,
      (SELECT s.name FROM attributions a JOIN claimants s ON s.id = a.claimant_id WHERE a.claim_id = c.id ORDER BY a.id LIMIT 1),
      (SELECT group_concat(o.name, ' > ') FROM attributions a JOIN relays r ON r.attribution_id = a.id JOIN outlets o ON o.id = r.outlet_id WHERE a.claim_id = c.id)
    FROM claims c" > "$work/flat.csv"
  bench import "$size" "$io_runs" "rm -f $work/in.db $work/in.db-* $work/flat.db" \
    "$bin --db $work/in.db import $work/out.jsonl" \
    "sqlite3 $work/flat.db -cmd 'CREATE TABLE flat (uid TEXT, text TEXT, status TEXT, logged_at TEXT, claimant TEXT, via TEXT)' '.import --csv $work/flat.csv flat'"
  rm -f "$db" "$work"/*.csv "$work"/in.db* "$work"/flat.db

  if [ "$size" = "$desk_size" ]; then
    desk_server
    desk_db="bench_desk_$$_$size"
    psql "$admin" -qc "CREATE DATABASE $desk_db" >/dev/null
    desk=${admin%/*}/$desk_db
    "$bin" desk init "$desk" >/dev/null
    # The same export the file imported, loaded into the empty desk from the server's side
    # of the link: timed once, beside the file's import above.
    echo "loading $size claims into the desk ..." >&2
    /usr/bin/time -f '%e %M' -o "$work/load" "$bin" --db "$desk" import "$work/out.jsonl" >&2
    read -r secs rss < "$work/load"
    printf 'import\t%s\t%s\t%s\n' "$size" "$(python3 -c "print(f'{$secs * 1000:.0f}')")" \
      "$(python3 -c "print(f'{$rss / 1024:.1f}')")" >> "$desk_results"
    tail -1 "$desk_results" | awk -F'\t' '{printf "%-22s %9s  on PostgreSQL %9s ms  RSS %6s MiB\n", $1, $2, $3, $4}'
    # The statistics autovacuum gathers soon after a load like this one, gathered now.
    psql "$desk" -qc "ANALYZE" >/dev/null
    # The desk as a laptop far away reaches it.
    hostport=${desk#*@}; hostport=${hostport%%/*}
    "$PWD/target/release/examples/delay_proxy" "$hostport" "$delay_ms" > "$work/proxy.port" &
    proxy_pid=$!
    while [ ! -s "$work/proxy.port" ]; do sleep 0.1; done
    far="${desk%%@*}@127.0.0.1:$(cat "$work/proxy.port")/${desk##*/}"
    bench_desk add "$size" "$runs" \
      "$bin --db $far add 'A bench claim about Mosul and Kirkuk' --by '$q_name' --via Reuters --via 'NBC News'"
    bench_desk mark "$size" "$runs" "$bin --db $far mark $id disputed --note bench"
    bench_desk list "$size" "$runs" "$bin --db $far list --limit 50"
    bench_desk show "$size" "$runs" "$bin --db $far show $id"
    bench_desk report "$size" "$runs" "$bin --db $far report"
    laptop=$work/laptop.db
    start=$(date +%s%N)
    "$bin" --db "$laptop" pull "$far" >&2
    printf 'first pull\t%s\t%s\t–\n' "$size" "$(( ($(date +%s%N) - start) / 1000000 ))" >> "$desk_results"
    tail -1 "$desk_results" | awk -F'\t' '{printf "%-22s %9s  on PostgreSQL %9s ms\n", $1, $2, $3}'
    ten_on_desk="for i in 1 2 3 4 5 6 7 8 9 10; do $bin --db $desk add \"Desk claim \$RANDOM\" --by '$q_name' --via Reuters >/dev/null; done"
    ten_on_laptop="for i in 1 2 3 4 5 6 7 8 9 10; do $bin --db $laptop add \"Field claim \$RANDOM\" --by '$q_name' --via Reuters >/dev/null; done"
    bench_desk "pull 10 new" "$size" 5 "$bin --db $laptop pull $far" "$ten_on_desk"
    bench_desk "push 10 new" "$size" 5 "$bin --db $laptop push $far" "$ten_on_laptop"
    kill "$proxy_pid"; proxy_pid=""
    psql "$admin" -qc "DROP DATABASE $desk_db" >/dev/null
  fi
  rm -f "$work"/*.jsonl
done

{
  echo "| operation | claims | claimtrail median (ms) | sqlite3 median (ms) | ratio | claimtrail peak RSS (MiB) | on PostgreSQL, ${delay_ms} ms each way, median (ms) | on PostgreSQL peak RSS (MiB) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' 'FILENAME == ARGV[1] { desk[$1 FS $2] = $3 FS $4; order[++n] = $1 FS $2; next }
    { split((($1 FS $2) in desk) ? desk[$1 FS $2] : "–" FS "–", d, FS); seen[$1 FS $2] = 1
      printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, d[1], d[2] }
    END { for (i = 1; i <= n; i++) if (!(order[i] in seen)) {
            split(order[i], k, FS); split(desk[order[i]], d, FS)
            printf "| %s | %s | – | – | – | – | %s | %s |\n", k[1], k[2], d[1], d[2] } }' \
    "$desk_results" "$results"
} > bench/results.md
echo "table written to bench/results.md" >&2
