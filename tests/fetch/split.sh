# A query matching 25,000 records, more than esearch's 9,999 cap: fetched
# completely by splitting the date range; the server refuses to page past
# 9,999 ids as NCBI does, so nothing but the split can get them.
source "$(dirname "$0")/../cli/lib.bash"
source "$(dirname "$0")/replay.bash"

start_server --records 25000 --days 1461
expect 0 "25,000 records through date splitting" -- env NCBI_API_KEY=k "$LITMINE" fetch \
  --db "$T/db" --query 'replay' --since 2019/06/01 --until 2024/12/31 --base-url "$URL" \
  --batch 2500 --format json
cp "$T/out" "$T/stats"
# paging past the cap is refused, as by NCBI
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /esearch.fcgi?db=pubmed&term=x&retstart=9999&retmax=10 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
grep -q 'cannot be larger than 9998' <&3 && ok || bad "the server does not enforce the 9,999 cap"
exec 3<&-
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /einfo.fcgi?db=pubmed HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
grep -q '<Count>25000</Count>' <&3 && ok || bad "einfo does not report the record count"
exec 3<&-
stop_server
expected --records 25000 --days 1461 > "$T/want"
same_corpus "$T/db" "$T/want" "25,000 records"
slices=$(sed 's/.*"slices":\([0-9]*\).*/\1/' "$T/stats")
[ "$slices" -ge 3 ] && ok || bad "$slices slices for 25,000 records"
# each efetch stayed under the cap
[ "$(awk '$2 == "esearch"' "$T/log" | wc -l)" -ge 5 ] && ok || bad "too few esearch requests for a split"
echo "split: $(cat "$T/stats")"
finish
