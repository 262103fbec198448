# Hostile or broken servers: an endless body stops at the size cap, a
# redirect off loopback is not followed, a stalled reply times out and is
# retried, a malformed URL or option is a usage error.  --raw keeps batches.
source "$(dirname "$0")/../cli/lib.bash"
source "$(dirname "$0")/replay.bash"

start_server --records 300 --faults at=2:huge
expect 3 "endless body" -- "$LITMINE" fetch --db "$T/a.db" --query q --base-url "$URL" \
  --rate 10 --max-response 1 "${FAST[@]}"
err_has "exceeds 1048576 bytes" "size cap named"
[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM article" 2>/dev/null || echo 0)" = 0 ] && ok \
  || bad "records stored from a failed batch"

start_server --records 300 --faults at=2:bighead
expect 3 "100 KB of headers" -- "$LITMINE" fetch --db "$T/a.db" --query q --base-url "$URL" \
  --rate 10 "${FAST[@]}"
err_has "response headers exceed 65536 bytes" "header cap named"

start_server --records 300 --faults at=2:redirect
expect 3 "redirect off loopback" -- "$LITMINE" fetch --db "$T/b.db" --query q --base-url "$URL" \
  --rate 10 "${FAST[@]}"
err_has "redirect to http://192.0.2.1/" "redirect named and refused"
[ "$(awk '{print $2}' "$T/log" | sort -u | tr '\n' ' ')" = "efetch esearch " ] && ok \
  || bad "unexpected requests after the redirect: $(cat "$T/log")"

start_server --records 300 --faults at=2:slow
expect 0 "stalled reply retried" -- "$LITMINE" fetch --db "$T/c.db" --query q --base-url "$URL" \
  --rate 10 --timeout 1 --raw "$T/raw" "${FAST[@]}"
grep -q "Timeout\|timed out" "$T/err" && ok || bad "timeout not reported: $(cat "$T/err")"
[ "$(sqlite3 "$T/c.db" "SELECT count(*) FROM article")" = 300 ] && ok || bad "records after timeout"
n=$(ls "$T/raw"/*.xml.gz 2>/dev/null | wc -l)
[ "$n" -ge 1 ] && gzip -t "$T/raw"/*.xml.gz && ok || bad "--raw kept $n batches"
zcat "$T/raw"/*.xml.gz | grep -c '<PubmedArticle>' | grep -qx 300 && ok || bad "--raw batches lack records"
stop_server

expect 1 "ftp base URL" -- "$LITMINE" fetch --db "$T/d.db" --query q --base-url ftp://127.0.0.1/
err_has "ftp://127.0.0.1/" "URL named"
expect 1 "bad date" -- "$LITMINE" fetch --db "$T/d.db" --query q --since 2024/13/01 --base-url http://127.0.0.1:9/
err_has "2024/13/01" "date named"
expect 1 "query and ids" -- "$LITMINE" fetch --db "$T/d.db" --query q --pmids x
expect 0 "help" -- "$LITMINE" fetch --help
finish
