# Retries exhausted: exit 3 with one line naming the failed request, the
# corpus and the watermark as they were before the failing batch; the next
# run completes.  Also a server that is gone altogether (refused).
source "$(dirname "$0")/../cli/lib.bash"
source "$(dirname "$0")/replay.bash"

f() { "$LITMINE" fetch --db "$T/db" --query 'replay' --base-url "$URL" --batch 300 \
        --incremental --retries 3 -q "${FAST[@]}" "$@"; }

# 1. a first incremental run up to the end of 2021 sets the watermark
start_server --records 3000 --days 1461 --max-date 2021/12/31
expect 0 "first run" -- f --until 2021/12/31
wm=$(sqlite3 "$T/db" "SELECT watermark FROM fetch_state")
[ "$wm" = "2021/12/31" ] && ok || bad "watermark after the first run: '$wm'"
sqlite3 "$T/db" "SELECT pmid, version, title FROM article ORDER BY pmid" > "$T/before"

# 2. new records arrive, and the server goes down after a few requests
start_server --records 3000 --days 1461 --faults down=4
expect 3 "server down mid-run" -- f --until 2023/12/31
err_has "efetch.fcgi" "the message names the failed request"
err_has "gave up after 3 attempts" "the message says retries ran out"
[ "$(grep -c . "$T/err")" -eq 1 ] && ok || bad "more than one line on stderr: $(cat "$T/err")"
wm2=$(sqlite3 "$T/db" "SELECT watermark FROM fetch_state")
[ "$wm2" = "$wm" ] && ok || bad "watermark moved to '$wm2' though the run failed"
after=$(sqlite3 "$T/db" "SELECT count(*) FROM article")
committed=$(awk '$2 == "efetch" && $3 == "-"' "$T/log" | wc -l)
[ "$after" -eq $(( $(wc -l < "$T/before") + committed * 300 )) ] && ok \
  || bad "$after records after the failure, $committed batches were served whole"

# 3. the server is gone altogether
stop_server
expect 3 "server gone" -- f --until 2023/12/31
err_has "Couldn't connect" "refused connection is named"
[ "$(sqlite3 "$T/db" "SELECT watermark FROM fetch_state")" = "$wm" ] && ok || bad "watermark moved"

# 4. the next run completes, and only then the watermark moves
start_server --records 3000 --days 1461
expect 0 "next run completes" -- f --until 2023/12/31
[ "$(sqlite3 "$T/db" "SELECT watermark FROM fetch_state")" = "2023/12/31" ] && ok \
  || bad "watermark after the completed run: $(sqlite3 "$T/db" "SELECT watermark FROM fetch_state")"
# 5. another run holds the lock: exit 5, nothing sent
if command -v flock >/dev/null; then
  hold_lock "$T/db.lock"
  : > "$T/log"
  expect 5 "lock held" -- f --until 2023/12/31
  [ ! -s "$T/log" ] && ok || bad "requests sent while the lock was held"
  release_lock
fi
stop_server
expected --records 3000 --days 1461 > "$T/want"
same_corpus "$T/db" "$T/want" "after the failure and a rerun"
finish
