# 5,000 records through 30% injected faults of every kind (429, 5xx, resets,
# truncated and cut bodies, <ERROR> and JSON errors in a 200, dropped
# records, expired WebEnv): every record in the corpus exactly once with its
# right version; the rate limit (3/s, no key) held throughout.
source "$(dirname "$0")/../cli/lib.bash"
source "$(dirname "$0")/replay.bash"

# 30% of requests fail at random; the schedule (at=) makes sure the rarer
# kinds occur at least once whatever the draw.
start_server --records 5000 --seed 5 \
  --faults rate=0.3,seed=11,kinds=429+500+502+503+504+reset+truncate+cut+error+json+drop+expire,at=3:drop/6:expire/9:json/12:429/15:cut
expect 0 "fetch through 30% faults" -- "$LITMINE" fetch --db "$T/db" --query 'replay study' \
  --base-url "$URL" --batch 250 "${FAST[@]}" --format json
cp "$T/out" "$T/stats"
stop_server
expected --records 5000 --seed 5 > "$T/want"
same_corpus "$T/db" "$T/want" "30% faults"
n=$(sqlite3 "$T/db" "SELECT count(*), count(DISTINCT pmid) FROM article")
[ "$n" = "5000|5000" ] && ok || bad "records: $n, wanted 5000|5000"
v2=$(sqlite3 "$T/db" "SELECT count(*) FROM article WHERE version = 2")
[ "$v2" = "$(awk -F'|' '$2 == 2' "$T/want" | wc -l)" ] && ok || bad "version-2 records: $v2"
faults=$(awk '$3 != "-"' "$T/log" | wc -l)
total=$(wc -l < "$T/log")
[ "$faults" -ge 10 ] && ok || bad "only $faults faults were injected in $total requests"
kinds=$(awk '$3 != "-" { print $3 }' "$T/log" | sort | uniq -c | awk '{ printf "%s %s, ", $2, $1 }')
for k in drop expire json 429 cut; do
  grep -q "^[0-9.]* [a-z]* $k " "$T/log" && ok || bad "fault $k never injected"
done
grep -q '"rerequested":[1-9]' "$T/stats" && ok || bad "dropped records were not asked for again"
grep -q '"research":[1-9]' "$T/stats" && ok || bad "the expired WebEnv did not lead to a new esearch"
w=$(max_window "$T/log")
[ "$w" -le 3 ] && ok || bad "$w requests in one second without an API key"
grep -q ' litmine/' "$T/log" && ok || bad "User-Agent litmine/<version> not sent"
awk '$7 != "litmine" || $8 != "gzip"' "$T/log" | grep -q . && bad "a request without tool=litmine or gzip" || ok
echo "faults: $faults of $total requests ($kinds); busiest second: $w requests; stats: $(cat "$T/stats")"
finish
