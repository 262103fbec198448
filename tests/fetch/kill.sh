# kill -9 at several moments of a run (mid-batch, between batches, during
# retries), then the same command again: the corpus ends exactly as an
# uninterrupted run leaves it.
source "$(dirname "$0")/../cli/lib.bash"
source "$(dirname "$0")/replay.bash"

SPEC=rate=0.15,seed=21,kinds=503+reset+truncate+drop+expire
run() { # run DB: the fetch every round uses (exec: $! is litmine itself)
  exec env NCBI_API_KEY=k "$LITMINE" fetch --db "$1" --query 'replay' --base-url "$URL" \
    --batch 200 --incremental "${FAST[@]}" -q
}

start_server --records 4000 --faults "$SPEC"
(run "$T/ref.db") >/dev/null 2>"$T/ref.err" && ok || bad "uninterrupted run failed: $(cat "$T/ref.err")"
article_dump "$T/ref.db" > "$T/ref"
[ "$(wc -l < "$T/ref")" -eq 4000 ] && ok || bad "reference run has $(wc -l < "$T/ref") records"

killed=0
for delay in 0.3 0.9 1.6 2.2; do
  db="$T/k$delay.db"
  start_server --records 4000 --faults "$SPEC"
  (run "$db") >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
  wait "$pid" 2>/dev/null
  before=$(sqlite3 "$db" "SELECT count(*) FROM article" 2>/dev/null || echo 0)
  # twice more: the first rerun may itself be killed
  (run "$db") >/dev/null 2>&1 &
  pid=$!
  sleep 0.4
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
  wait "$pid" 2>/dev/null
  if (run "$db") >/dev/null 2>"$T/err"; then ok; else bad "rerun after kill at ${delay}s: $(cat "$T/err")"; fi
  if diff -q <(article_dump "$db") "$T/ref" >/dev/null; then ok
  else bad "kill -9 at ${delay}s: corpus differs from the uninterrupted run"; fi
  echo "killed at ${delay}s with $before records committed: rerun identical"
done
stop_server
# the kills must have hit running fetches, not only finished ones
[ "$killed" -ge 4 ] && ok || bad "only $killed of 8 kills hit a running fetch"
finish
