#!/usr/bin/env bash
# `litmine run` (fetch from lm-replay, extract, export) on both backends:
# the studies and extractions datasets of a PostgreSQL corpus are those of
# an SQLite one; the second run changes nothing; the run lock of the
# PostgreSQL corpus is the server's (no file beside a URL).
source "$(dirname "$0")/lib.bash"
source "$ROOT/tests/fetch/replay.bash"
BUILD=$2

start_server --records 600
# cfg FILE DB OUT: one saved query, extraction, two exports into OUT.*
cfg() {
  cat > "$1" <<JSON
{"database": "$2", "base_url": "$URL",
 "queries": [{"name": "replay", "query": "replay"}],
 "extract": true,
 "fetch": {"batch": 100, "retry_delay": 0.02, "retry_max": 0.2},
 "exports": [{"what": "studies", "format": "csv", "path": "$3.studies.csv"},
             {"what": "extractions", "format": "jsonl", "path": "$3.x.jsonl"}]}
JSON
}
P=$(newdb run)
cfg "$T/s.json" "$T/s.db" "$T/s"
cfg "$T/p.json" "$P" "$T/p"
export NCBI_API_KEY=k
expect 0 "run on sqlite" -- "$LITMINE" run --config "$T/s.json"
expect 0 "run on postgresql" -- "$LITMINE" run --config "$T/p.json"
grep -qF "extract: 600 articles" "$T/err" && ok || bad "postgresql run did not extract 600: $(cat "$T/err")"
for f in studies.csv x.jsonl; do
  if [ -s "$T/s.$f" ] && cmp -s "$T/s.$f" "$T/p.$f"; then ok; else bad "run exports $f differ"; fi
done
if [ "$(articles_dump "$T/s.db")" = "$(articles_dump "$P")" ]; then ok; else bad "run corpora differ"; fi
expect 0 "second run on postgresql" -- "$LITMINE" run --config "$T/p.json"
grep -q "nothing new, nothing changed" "$T/out" && ok || bad "second run changed something: $(cat "$T/out")"
find "$T" / -maxdepth 1 -name "postgres*" 2>/dev/null | grep -q . && bad "a lock file was made for a URL" || ok
finish
