#!/usr/bin/env bash
# kill -9 litmine run at several points (during the fetch, during the
# extraction, during the exports), then run it again: database (articles,
# extractions, watermark, extraction state) and exports end exactly as an
# uninterrupted run leaves them, and no reader ever sees half an export.
source "$(dirname "$0")/lib.bash"

SPEC=rate=0.1,seed=11,kinds=503+reset+truncate+drop
N=1000
start_server --records $N --faults "$SPEC"
write_config "$T/ref.json" "$T/ref.db"
lrun --config "$T/ref.json" -q >/dev/null 2>"$T/ref.err" && ok || bad "uninterrupted run failed: $(cat "$T/ref.err")"
run_dump "$T/ref.db" > "$T/ref.dump"
[ "$(sqlite3 "$T/ref.db" 'SELECT count(*) FROM extract_state')" = $N ] && ok || bad "reference run did not extract $N articles"

# wait_for FILE TEXT: until TEXT shows in FILE (at most 30 s)
wait_for() {
  local i
  for i in $(seq 3000); do grep -qF -- "$2" "$1" 2>/dev/null && return 0; sleep 0.01; done
  return 1
}

# Kill points: seconds into the run (fetch), or a stage line on stderr plus
# a delay ("fetch replay:" ends the fetch: extraction; "extract:" ends the
# extraction: exports).
i=0
for point in "time 0.5" "time 1.0" "after fetch_replay: 0.3" "after extract: 0.02" "after export_studies 0"; do
  i=$((i + 1))
  set -- $point
  db=$T/k$i.db
  start_server --records $N --faults "$SPEC"
  write_config "$T/k$i.json" "$db"   # after the server: its port is new
  # litmine itself in the background (not a function: its subshell would
  # take the kill and leave litmine running)
  NCBI_API_KEY=k "$LITMINE" run --config "$T/k$i.json" >/dev/null 2>"$T/k$i.err" &
  pid=$!
  if [ "$1" = time ]; then sleep "$2"
  else wait_for "$T/k$i.err" "${2//_/ }" || bad "$point: the stage line never came: $(cat "$T/k$i.err")"
       sleep "$3"; fi
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  arts=$(sqlite3 "$db" 'SELECT count(*) FROM article' 2>/dev/null || echo 0)
  xs=$(sqlite3 "$db" 'SELECT count(*) FROM extract_state' 2>/dev/null || echo 0)
  tmp=$(ls -a "$T" | grep -c "k$i.db.*litmine-tmp")
  # an export is there whole or not at all
  for f in "$db.studies.csv" "$db.x.jsonl"; do
    if [ -e "$f" ]; then
      cmp -s "$f" "$T/ref.db${f#$db}" && ok || bad "$point: $f is there but not whole"
    fi
  done
  if lrun --config "$T/k$i.json" -q >/dev/null 2>"$T/err"; then ok; else bad "$point: rerun failed: $(cat "$T/err")"; fi
  diff -q <(run_dump "$db") "$T/ref.dump" >/dev/null && ok \
    || bad "$point: database differs from the uninterrupted run: $(diff <(run_dump "$db") "$T/ref.dump" | head -c 300)"
  cmp -s "$db.studies.csv" "$T/ref.db.studies.csv" && cmp -s "$db.x.jsonl" "$T/ref.db.x.jsonl" && ok \
    || bad "$point: exports differ from the uninterrupted run"
  ls -a "$T" | grep -q "k$i.db.*litmine-tmp" && bad "$point: temporary file left after the rerun" || ok
  echo "killed at '$point' with $arts articles, $xs extracted, $tmp export(s) half-written: rerun identical"
done
stop_server
finish
