# --pmids: a short list goes by efetch id=, a long one by epost then efetch
# by history; stdin works; --pmc fetches JATS; a bad list is exit 2 naming
# file:line.
source "$(dirname "$0")/../cli/lib.bash"
source "$(dirname "$0")/replay.bash"

start_server --records 1000 --faults rate=0.2,seed=9,kinds=503+drop+expire+cut
expected --records 1000 > "$T/all"
cut -d'|' -f1 "$T/all" | head -300 > "$T/ids300"
cut -d'|' -f1 "$T/all" | tail -50 > "$T/ids50"
expect 0 "300 ids by epost" -- "$LITMINE" fetch --db "$T/a.db" --pmids "$T/ids300" \
  --base-url "$URL" --batch 100 --rate 10 "${FAST[@]}"
head -300 "$T/all" > "$T/want"
same_corpus "$T/a.db" "$T/want" "epost path"
grep -q '^[0-9.]* epost ' "$T/log" && ok || bad "no epost request for 300 ids"
grep -q 'epost [^ ]* [^ ]* POST' "$T/log" && ok || bad "epost not sent by POST"

expect 0 "50 ids from stdin" -- sh -c "\"$LITMINE\" fetch --db \"$T/b.db\" --pmids - \
  --base-url \"$URL\" --rate 10 --retry-delay 0.02 < \"$T/ids50\""
tail -50 "$T/all" > "$T/want"
same_corpus "$T/b.db" "$T/want" "ids from stdin"

printf '# PMC ids, with and without the prefix\nPMC7000000 7000002\n7000004\n' > "$T/pmc"
expect 0 "PMC JATS" -- "$LITMINE" fetch --db "$T/c.db" --pmids "$T/pmc" --pmc \
  --base-url "$URL" --rate 10 "${FAST[@]}"
[ "$(sqlite3 "$T/c.db" "SELECT count(*) FROM article WHERE pmcid LIKE 'PMC700000%'")" = 3 ] && ok \
  || bad "PMC records: $(sqlite3 "$T/c.db" "SELECT pmid, pmcid FROM article")"

expect 0 "PMC by query" -- "$LITMINE" fetch --db "$T/e.db" --pmc --query 'replay' \
  --base-url "$URL" --rate 10 --batch 150 "${FAST[@]}"
[ "$(sqlite3 "$T/e.db" "SELECT count(*), count(DISTINCT pmcid) FROM article WHERE pmcid LIKE 'PMC%'")" = "500|500" ] \
  && ok || bad "PMC query: $(sqlite3 "$T/e.db" "SELECT count(*), count(DISTINCT pmcid) FROM article")"
awk '$2 == "esearch" || $2 == "efetch"' "$T/log" | grep -q . && ok || bad "no PMC requests"

# an id that is not in the database: the others are stored, exit 2 names
# it; it is asked for once more by id (not after a full backoff), and the
# JSON summary is printed all the same
{ head -5 "$T/ids50"; echo 99999999; } > "$T/some"
start_server --records 1000
expect 2 "an unknown PMID" -- "$LITMINE" fetch --db "$T/f.db" --pmids "$T/some" \
  --base-url "$URL" --rate 10 --retries 8 --retry-delay 5 --retry-max 60 -q --format json
err_has "1 of 6 PMIDs never returned by efetch (not in PubMed?): 99999999" "unknown PMID named"
[ "$(sqlite3 "$T/f.db" "SELECT count(*) FROM article")" = 5 ] && ok || bad "the known PMIDs were not kept"
[ "$(awk '$2 == "efetch"' "$T/log" | wc -l)" -eq 2 ] && ok \
  || bad "the unknown PMID was asked for $(awk '$2 == "efetch"' "$T/log" | wc -l) times, wanted 2"
python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert o["records"]==5 and o["stored"]==5 and o["not_found"]==1 and o["not_found_ids"]=="99999999", o' "$T/out" \
  && ok || bad "no JSON summary after exit 2: '$(cat "$T/out")'"
# text: the summary line names it too
expect 2 "an unknown PMID (text)" -- "$LITMINE" fetch --db "$T/f2.db" --pmids "$T/some" \
  --base-url "$URL" --rate 10 --retry-delay 5 --retry-max 60
grep -q "^fetched 5 records (5 stored).*, 1 not found: 99999999$" "$T/out" && ok \
  || bad "text summary after exit 2: '$(cat "$T/out")'"
# by epost (over 200 ids): asked for by history, then once more by id
{ cut -d'|' -f1 "$T/all" | head -250; echo 99999998; } > "$T/many"
start_server --records 1000
expect 2 "an unknown PMID among 251" -- "$LITMINE" fetch --db "$T/g.db" --pmids "$T/many" \
  --base-url "$URL" --rate 10 --batch 300 --retry-delay 5 --retry-max 60 --format json
err_has "1 of 251 PMIDs never returned by efetch (not in PubMed?): 99999998" "unknown PMID named (epost)"
[ "$(awk '$2 == "efetch"' "$T/log" | wc -l)" -eq 2 ] && ok \
  || bad "epost: $(awk '$2 == "efetch"' "$T/log" | wc -l) efetch requests, wanted 2"
grep -q '"not_found":1' "$T/out" && ok || bad "epost: no JSON summary: '$(cat "$T/out")'"
start_server --records 1000 --faults rate=0.2,seed=9,kinds=503+drop+expire+cut

printf '30000001\n30000003 x12\n' > "$T/bad"
expect 2 "bad id list" -- "$LITMINE" fetch --db "$T/d.db" --pmids "$T/bad" --base-url "$URL"
err_has "bad:2: 'x12' is not a PMID" "message names file:line"
expect 2 "missing id file" -- "$LITMINE" fetch --db "$T/d.db" --pmids "$T/nope" --base-url "$URL"
err_has "nope" "message names the file"
stop_server
finish
