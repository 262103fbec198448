# --incremental: the second run asks only for what was entered after the
# watermark, and a third run with nothing new fetches nothing.
source "$(dirname "$0")/../cli/lib.bash"
source "$(dirname "$0")/replay.bash"

f() { "$LITMINE" fetch --db "$T/db" --query 'replay' --base-url "$URL" --incremental \
        --batch 500 --format json "${FAST[@]}" "$@"; }
start_server --records 2000 --days 1461 --max-date 2022/06/30
expect 0 "first run" -- f --until 2022/06/30
old=$(sqlite3 "$T/db" "SELECT count(*) FROM article")
start_server --records 2000 --days 1461
expect 0 "incremental run" -- f --until 2023/12/31
new=$(sed 's/.*"records":\([0-9]*\).*/\1/' "$T/out")
[ "$new" -eq $((2000 - old)) ] && ok || bad "incremental run fetched $new records, $((2000 - old)) are new"
expect 0 "nothing new" -- f --until 2023/12/31
grep -q '"records":0' "$T/out" && ok || bad "a run with nothing new fetched: $(cat "$T/out")"
grep -q '"requests":0' "$T/out" && ok || bad "a run with nothing new sent requests: $(cat "$T/out")"
stop_server
expected --records 2000 --days 1461 > "$T/want"
same_corpus "$T/db" "$T/want" "two incremental runs"
echo "first run $old records, incremental run $new"
finish
