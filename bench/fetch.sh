#!/usr/bin/env bash
# Benchmark: litmine fetch against the loopback replay server (lm-replay).
# usage: bench/fetch.sh [BUILD_DIR] [RECORDS]   (default 9000: one esearch slice;
# more than 9,999 adds the esearch requests of the date split)
# Three runs, each into a fresh corpus, efetch batches of 500:
#   1. no faults, no rate limit       the client's own ceiling (parse + store)
#   2. no faults, 3 requests/s        target: within 5% of 500 x 3 = 1,500 records/s
#   3. 20% faults, 3 requests/s       target: above 1,000 records/s, nothing lost
# Prints records/s, requests, retries, and whether every record arrived.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
n=${2:-9000}
litmine=$build/litmine
replay=$build/lm-replay
[ -x "$litmine" ] && [ -x "$replay" ] || { echo "build first: $litmine, $replay" >&2; exit 1; }
work=$(mktemp -d)
srv=
trap '[ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$work"' EXIT

run() { # run LABEL FAULTS FETCH-OPTIONS...
  local label=$1 faults=$2; shift 2
  rm -f "$work/port" "$work/db"*
  "$replay" --records "$n" --port-file "$work/port" --log "$work/log" --faults "$faults" \
    >/dev/null 2>&1 &
  srv=$!
  while [ ! -s "$work/port" ]; do sleep 0.05; done
  local t0 t1 stats got
  t0=$(date +%s.%N)
  stats=$("$litmine" fetch --db "$work/db" --query bench --base-url "http://127.0.0.1:$(cat "$work/port")/" \
          --since 2020/01/01 --batch 500 --retry-delay 0.05 --retry-max 0.5 --format json -q "$@")
  t1=$(date +%s.%N)
  kill "$srv"; wait "$srv" 2>/dev/null || true; srv=
  got=$(sqlite3 "$work/db" "SELECT count(*) FROM article")
  awk -v l="$label" -v n="$got" -v want="$n" -v a="$t0" -v b="$t1" -v s="$stats" 'BEGIN {
        match(s, /"requests":[0-9]+/); req = substr(s, RSTART + 11, RLENGTH - 11)
        match(s, /"retries":[0-9]+/); ret = substr(s, RSTART + 10, RLENGTH - 10)
        printf "%-28s %8.0f records/s  %6.2fs  %4d requests %3d retries  %s\n",
               l, n / (b - a), b - a, req, ret, n == want ? "all " want " records" : "LOST RECORDS: " n "/" want }'
}

echo "litmine fetch, $n records, batches of 500 (lm-replay on 127.0.0.1)"
run "no faults, no rate limit" "rate=0" --rate 0
run "no faults, 3 req/s" "rate=0"
run "20% faults, 3 req/s" "rate=0.2,seed=5,kinds=429+500+502+503+504+reset+truncate+cut+error+json+drop+expire"
