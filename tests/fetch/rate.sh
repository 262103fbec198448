# The politeness limits, measured by the server: no 1-second window holds
# more than 3 requests without an API key, or 10 with one (retries count);
# tool, email and api_key are sent.
source "$(dirname "$0")/../cli/lib.bash"
source "$(dirname "$0")/replay.bash"

start_server --records 1500 --faults rate=0.2,seed=3,kinds=503+429+reset
expect 0 "fetch without a key" -- "$LITMINE" fetch --db "$T/a.db" --query q --base-url "$URL" \
  --batch 100 --email someone@example.org "${FAST[@]}"
stop_server
w=$(max_window "$T/log"); n=$(wc -l < "$T/log")
[ "$w" -le 3 ] && ok || bad "$w requests in one second without a key"
[ "$n" -ge 16 ] && ok || bad "only $n requests: the window test measured nothing"
grep -q 'nokey' "$T/log" && ok || bad "an api_key was sent though none was given"
echo "no key: $n requests, busiest second $w"

start_server --records 1500 --faults rate=0.2,seed=4,kinds=503+429+reset
NCBI_API_KEY=test-key-123 expect 0 "fetch with a key" -- "$LITMINE" fetch --db "$T/b.db" \
  --query q --base-url "$URL" --batch 50 "${FAST[@]}"
stop_server
w=$(max_window "$T/log"); n=$(wc -l < "$T/log")
[ "$w" -le 10 ] && ok || bad "$w requests in one second with a key"
[ "$w" -ge 4 ] && ok || bad "with a key the client stayed at $w/s: the key did not raise the rate"
grep -q ' key ' "$T/log" && ok || bad "\$NCBI_API_KEY was not sent"
grep -q 'test-key-123' "$T/err" && bad "the API key appears in a message" || ok
echo "with key: $n requests, busiest second $w"

# NCBI's limits cannot be lifted against a non-loopback URL.
expect 1 "rate above NCBI's limit" -- "$LITMINE" fetch --db "$T/c.db" --query q --rate 5 \
  --base-url https://eutils.example.org/
err_has "NCBI allows at most 3" "rate refusal names the limit"
finish
