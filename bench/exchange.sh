#!/usr/bin/env bash
# Throughput and peak memory of import and export on a generated ledger.
#   bench/exchange.sh [CLAIMS]        (default 1000000)
# Generates CLAIMS claims as JSONL, imports them into an empty ledger, exports them as JSON
# and JSONL, and imports the JSON export into a second empty ledger. Prints wall time,
# claims per second and peak resident memory (GNU time's "Maximum resident set size") for
# each step. Needs python3 and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
claims=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/claimtrail
export CLAIMTRAIL_REPORTER=bench

python3 - "$claims" > "$work/in.jsonl" <<'PY'
import json, sys, uuid, random
random.seed(7)
n = int(sys.argv[1])
outlets = ["Reuters", "Associated Press", "Agence France-Presse", "SITE Intelligence Group",
           "NBC News", "France Inter", "BBC News", "Al Jazeera"]
statuses = ["unverified", "corroborated", "verified", "disputed", "false", "retracted"]
print(json.dumps({"claimtrail": 1}))
for i in range(500):
    print(json.dumps({"claimant": {"name": f"Source {i}", "kind": "official",
                                   "role": "spokesman", "aliases": [f"S{i}"]}}))
for i in range(n):
    day = 1 + i % 28
    at = f"2014-06-{day:02d}T{i % 24:02d}:{i % 60:02d}:00Z"
    later = f"2014-06-{day:02d}T{i % 24:02d}:{i % 60:02d}:30Z"
    chain = random.sample(outlets, random.randint(0, 3))
    status = random.choice(statuses)
    claim = {
        "uid": str(uuid.UUID(int=random.getrandbits(128), version=4)),
        "text": f"Claim {i}: militants said to control checkpoint {i % 977} near Mosul",
        "story": f"story-{i % 20}", "made_at": at, "logged_at": at, "logged_by": "bench",
        "status": status,
        "attributions": [{"claimant": f"Source {i % 500}", "via": chain, "medium": "statement",
                          "made_at": at, "url": None, "logged_at": at, "logged_by": "bench"}],
        "history": [{"status": "unverified", "at": at, "by": "bench", "note": None, "evidence": []}]
                   + ([{"status": status, "at": later, "by": "bench", "note": "checked",
                        "evidence": ["https://example.org/e"]}] if status != "unverified" else []),
    }
    print(json.dumps({"claim": claim}))
PY

measure() { # label, then the command
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
  read -r secs kib < "$work/time"
  python3 -c "import sys; s=float(sys.argv[1]); n=int(sys.argv[2]); print(f'{sys.argv[3]:<28} {s:8.1f} s  {n/s if s else 0:10.0f} claims/s  peak RSS {int(sys.argv[4])/1024:7.1f} MiB')" \
    "$secs" "$claims" "$label" "$kib"
}

echo "claims: $claims (input $(du -h "$work/in.jsonl" | cut -f1) of JSONL)"
measure "import JSONL (empty ledger)" "$bin" --db "$work/a.db" import "$work/in.jsonl"
measure "export JSON" "$bin" --db "$work/a.db" export -o "$work/out.json"
measure "export JSONL" "$bin" --db "$work/a.db" export -o "$work/out.jsonl"
measure "import JSON (empty ledger)" "$bin" --db "$work/b.db" import "$work/out.json"
measure "import JSON again (no-op)" "$bin" --db "$work/b.db" import "$work/out.json"
"$bin" --db "$work/b.db" export -o "$work/again.json" >/dev/null
cmp -s "$work/out.json" "$work/again.json" && echo "round trip: exports identical" || { echo "round trip: exports DIFFER"; exit 1; }
echo "ledger size: $(du -h "$work/a.db" | cut -f1)"
