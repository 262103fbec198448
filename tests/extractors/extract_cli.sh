#!/usr/bin/env bash
# `litmine extract` end to end: JSONL and CSV with DESIGN.md's columns,
# rows stored and replaced on a re-run, and bad arguments (unknown PMID,
# not a PMID, no corpus) rejected with one line naming them.
. "$(dirname "$0")/../cli/lib.bash"
db=$T/c.db
fx=$ROOT/tests/fixtures/extractors/articles.xml
"$LITMINE" import -q --db "$db" "$fx" || bad "seed import"

expect 0 "extract one PMID" -- "$LITMINE" extract -q --db "$db" 91100001
python3 - "$T/out" <<'PY' && ok || bad "jsonl rows: $(head -c 400 "$T/out")"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
keys = ["pmid", "kind", "value", "lo", "hi", "k", "n", "metric", "p", "p_op", "level",
        "section", "span", "text", "rule", "flags", "outcome", "intervention", "comparator",
        "dose", "frequency", "duration", "route", "label", "extractor_version"]
assert all(list(r) == keys for r in rows), "columns/order"
assert all(r["pmid"] == "91100001" and isinstance(r["span"], list) for r in rows)
n = [r for r in rows if r["kind"] == "sample_size" and "primary" in (r["flags"] or "")]
assert n and n[0]["value"] == 120 and n[0]["metric"] == "randomized", n
d = [r for r in rows if r["kind"] == "design"]
assert len(d) == 1 and d[0]["value"] == "rct" and d[0]["level"] == "L2", d
e = [r for r in rows if r["kind"] == "effect"]
assert e and e[0]["metric"] == "or" and e[0]["lo"] == 1.2 and e[0]["hi"] == 5.1 and e[0]["p"] == 0.01, e
rt = [r for r in rows if r["kind"] == "rate"]
assert rt and rt[0]["k"] == 30 and rt[0]["n"] == 60 and rt[0]["metric"] == "remission", rt
PY

expect 0 "extract --all as CSV" -- "$LITMINE" extract -q --db "$db" --all --format csv
python3 - "$T/out" <<'PY' && ok || bad "csv: $(head -c 400 "$T/out")"
import csv, sys
raw = open(sys.argv[1], newline="").read()
assert raw.startswith("pmid,kind,value,lo,hi,k,n,metric,p,p_op,level,section,span_start,span_end,"
                      "text,rule,flags,outcome,intervention,comparator,dose,frequency,duration,"
                      "route,label,extractor_version\r\n")
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert {r["pmid"] for r in rows} == {"91100001", "91100002", "91100003"}
assert sum(r["kind"] == "design" for r in rows) == 3
PY
stored=$(sqlite3 "$db" "SELECT count(*) FROM extraction")
"$LITMINE" extract -q --db "$db" --all >/dev/null || bad "second run"
[ "$(sqlite3 "$db" "SELECT count(*) FROM extraction")" = "$stored" ] && ok || bad "re-run duplicated rows"

expect 2 "unknown PMID" -- "$LITMINE" extract --db "$db" 424242
err_has "PMID 424242" "unknown PMID is named"
expect 1 "not a PMID" -- "$LITMINE" extract --db "$db" 12ab
err_has "12ab" "bad PMID is named"
expect 1 "neither --all nor PMIDs" -- "$LITMINE" extract --db "$db"
expect 1 "both --all and PMIDs" -- "$LITMINE" extract --db "$db" --all 91100001
expect 1 "unknown format" -- "$LITMINE" extract --db "$db" --all --format html
expect 0 "help" -- "$LITMINE" extract --help
expect 4 "missing corpus" -- "$LITMINE" extract --db "$T/none.db" --all
finish
