#!/usr/bin/env bash
# import/search/show/export through the command line on the shipped examples:
# versions, deletions, the ledger, output formats and exit codes; on
# either backend (newcorpus).
. "$(dirname "$0")/lib.bash"
db=$(newcorpus c)
rec=$ROOT/examples/records

expect 0 "import baseline" -- "$LITMINE" import --db "$db" "$rec/fictional_baseline.xml"
err_has "5 records" "import reports counts"
expect 0 "import again" -- "$LITMINE" import --db "$db" "$rec/fictional_baseline.xml"
err_has "already imported" "second import is a no-op"
gzip -c "$rec/fictional_update.xml" > "$T/update.xml.gz"
expect 0 "import gz update" -- "$LITMINE" import --db "$db" "$T/update.xml.gz"
expect 0 "import jats" -- "$LITMINE" import --db "$db" "$rec/PMC9000006.nxml"

expect 0 "show v2" -- "$LITMINE" show --db "$db" --format json 90000002
grep -q '"version":2' "$T/out" && ok || bad "90000002 is version 2 after the update"
grep -q 'dropped out' "$T/out" && ok || bad "90000002 has the corrected abstract"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert any(e["kind"]=="design" for e in d["extractions"])' "$T/out" \
  && ok || bad "show --format json carries the extractions"
expect 0 "show deleted" -- "$LITMINE" show --db "$db" 90000005
grep -q DELETED "$T/out" && ok || bad "90000005 shown as deleted"
expect 0 "show structured" -- "$LITMINE" show --db "$db" 90000001
grep -q '^METHODS: A total of 212 participants' "$T/out" && ok || bad "structured abstract label kept"
grep -q 'sample_size *212' "$T/out" && ok || bad "show lists the sample size extracted"
grep -q 'in this fictional trial' "$T/out" && ok || bad "inline <i> flattened"

# show: the extractors run now until `extract` stores rows, then the stored rows
expect 0 "show json before extract" -- "$LITMINE" show --db "$db" --format json 90000001
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["extractions_stored"] is False and d["extractions"]' "$T/out" \
  && ok || bad "show runs the extractors when nothing is stored"
expect 0 "extract" -- "$LITMINE" extract --db "$db" 90000001
corpus_sql "$db" "UPDATE extraction SET rule = 'stored.marker' WHERE pmid = 90000001"
expect 0 "show json after extract" -- "$LITMINE" show --db "$db" --format json 90000001
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["extractions_stored"] is True and all(e["rule"] == "stored.marker" for e in d["extractions"])' "$T/out" \
  && ok || bad "show reads the stored extractions back"
expect 0 "show text after extract" -- "$LITMINE" show --db "$db" 90000001
grep -q 'as stored by litmine extract' "$T/out" && ok || bad "show says the rows are stored"
corpus_sql "$db" "UPDATE extraction SET extractor_version = 0 WHERE pmid = 90000001"
expect 0 "show after an older extractor" -- "$LITMINE" show --db "$db" --format json 90000001
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["extractions_stored"] is False and not any(e["rule"] == "stored.marker" for e in d["extractions"])' "$T/out" \
  && ok || bad "rows of an older extractor are not shown as current"

expect 0 "search" -- "$LITMINE" search --db "$db" remission
grep -q '^9000000[123]' "$T/out" && ok || bad "search finds remission records"
grep -q '\[remission\]\|\[Remission\]' "$T/out" && ok || bad "snippet marks the match"
expect 7 "search deleted" -- "$LITMINE" search --db "$db" mice
[ ! -s "$T/out" ] && ok || bad "deleted record not found by search"
expect 7 "open quote read to the end (no hit)" -- "$LITMINE" search --db "$db" '"unbalanced'
expect 2 "query syntax error" -- "$LITMINE" search --db "$db" 'remission AND ('
err_has "search 'remission AND (': a term is missing at the end (at offset 15)" "query error names the offset"
expect 0 "search jsonl" -- "$LITMINE" search --db "$db" --format jsonl zelvorin
python3 -c "import json,sys; [json.loads(l) for l in open('$T/out')]" && ok || bad "search jsonl parses"

expect 0 "export csv" -- "$LITMINE" export --db "$db" --format csv
python3 - "$T/out" <<'PY' && ok || bad "csv reads back with the csv module: 5 live rows, header first"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0][:3] == ["pmid", "version", "pmcid"], rows[0]
assert len(rows) == 6, len(rows)
assert {r[0] for r in rows[1:]} == {"90000001", "90000002", "90000003", "90000004", "90000006"}
assert any("\n" in r[5] for r in rows[1:])   # structured abstract keeps its line breaks
PY
expect 0 "export jsonl" -- "$LITMINE" export --db "$db" --format jsonl
python3 - "$T/out" <<'PY' && ok || bad "jsonl: one object per line, PMIDs strings"
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(objs) == 5 and all(isinstance(o["pmid"], str) for o in objs)
assert [o for o in objs if o["pmid"] == "90000006"][0]["pmcid"] == "PMC9000006"
PY

expect 2 "show missing pmid" -- "$LITMINE" show --db "$db" 12345
expect 1 "usage: bad pmid" -- "$LITMINE" show --db "$db" abc
expect 1 "usage: unknown command" -- "$LITMINE" frobnicate
expect 1 "usage: import without files" -- "$LITMINE" import --db "$db"
expect 0 "help" -- "$LITMINE" import --help
grep -q "usage: litmine import" "$T/out" && ok || bad "--help prints usage on stdout"
sdb=$(newcorpus stdin)
expect 0 "stdin" -- sh -c "'$LITMINE' import --db '$sdb' - < '$rec/fictional_baseline.xml'"
expect 0 "stdin again is a no-op" -- sh -c "'$LITMINE' import --db '$sdb' - < '$rec/fictional_baseline.xml'"
err_has "already imported" "stdin ledger"
finish
