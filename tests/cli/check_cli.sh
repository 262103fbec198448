#!/usr/bin/env bash
# `litmine check` end to end on the fictional fixtures: formats, --fail-on,
# stdin, a loopback URL (127.0.0.1 only), and bad input (empty, binary,
# broken and 20 MB HTML, no claims, unreachable URL, HTTP 404, empty corpus);
# on either backend (newcorpus).
. "$(dirname "$0")/lib.bash"
fx=$ROOT/tests/fixtures/reconcile
db=$(newcorpus c)
"$LITMINE" import -q --db "$db" "$fx/corpus.xml" || bad "seed import"

expect 0 "text report" -- "$LITMINE" check --db "$db" "$fx/article.txt"
grep -q "contradicted" "$T/out" && ok || bad "text report lacks a verdict"
grep -q $'\033' "$T/out" && bad "colour written to a pipe" || ok

expect 0 "json report" -- "$LITMINE" check --db "$db" --format json "$fx/article.txt"
python3 - "$T/out" <<'PY' && ok || bad "json contract"
import json, sys
r = json.load(open(sys.argv[1]))
assert set(r) == {"article", "studies", "claims", "summary"}, r.keys()
for st in r["studies"]:
    assert set(st) == {"id", "text", "details", "pmid", "why"}, st.keys()
    assert st["id"].startswith("s")
assert set(r["summary"]) == {"controlled", "uncontrolled", "anecdotal", "contradicted", "not_found"}
for c in r["claims"]:
    assert set(c) == {"id", "text", "span", "kind", "about", "source", "numbers", "verdict", "level",
                      "matches", "reasons"}, c.keys()
    assert c["kind"] in ("efficacy", "safety", "durability", "onset", "dose_response", "regimen",
                         "population", "mechanism", "venue", "background"), c["kind"]
    assert c["about"] == "topic" or any(s["id"] == c["about"] for s in r["studies"]), c["about"]
    for x in c["reasons"]:
        assert set(x) == {"code", "text"} and x["code"] and x["text"], x
    for m in c["matches"]:
        assert set(m) == {"pmid", "title", "design", "score", "level", "agrees", "evidence", "span"}, m.keys()
        assert isinstance(m["pmid"], str)
assert sum(r["summary"].values()) == len(r["claims"]) == 6
PY

expect 0 "html report" -- "$LITMINE" check --db "$db" --format html "$fx/article.txt"
grep -q "<!DOCTYPE html>" "$T/out" && grep -q "pubmed.ncbi.nlm.nih.gov/99100001" "$T/out" && ok \
  || bad "html report"

expect 6 "--fail-on a verdict present" -- "$LITMINE" check --db "$db" --fail-on uncontrolled,contradicted "$fx/article.txt"
expect 1 "--fail-on an unknown verdict" -- "$LITMINE" check --db "$db" --fail-on maybe "$fx/article.txt"
err_has "maybe" "--fail-on names the bad verdict"
expect 0 "--fail-on with nothing matching" -- "$LITMINE" check --db "$db" --fail-on controlled "$fx/noclaims.txt"

expect 0 "stdin" -- "$LITMINE" check --db "$db" --format json - < "$fx/article.txt"
grep -q '"article":"<stdin>"' "$T/out" && ok || bad "stdin is named <stdin>"

expect 0 "no claims" -- "$LITMINE" check --db "$db" --format json "$fx/noclaims.txt"
grep -q '"claims":\[\]' "$T/out" && ok || bad "no claims: empty list"
err_has "no checkable claim" "no claims: says so"

for f in "$fx/empty.txt" "$fx/binary.bin" "$T/nope.txt"; do
  fails 2 "$(basename "$f")" "unreadable input $(basename "$f")" -- "$LITMINE" check --db "$db" "$f"
done
expect 0 "broken HTML" -- "$LITMINE" check --db "$db" "$fx/broken.html"

# a page of many MB: 20 in the release build; 4 under the sanitizers, which
# check the same code on the same repeated paragraphs at a fifth of the time,
# and when run again per backend (tests/pg/cli_suites.sh: the page's reading
# is no backend's)
big_mb=20
{ sanitized || [ -n "${LITMINE_TEST_TRANSCRIPT:-}" ]; } && big_mb=4
python3 - "$T/big.html" "$big_mb" <<'PY'
import sys
para = ("<p>Readers wrote in about the weather on the coast, the harbour and the "
        "old lighthouse, and about the trains that run along the shore each day.</p>\n")
claim = "<p>In a randomized trial of 120 adults, 50% responded to zentrofen.</p>\n"
with open(sys.argv[1], "w") as f:
    f.write("<!DOCTYPE html><html><body>\n")
    n = 0
    while n < int(sys.argv[2]) * 1024 * 1024:
        chunk = para * 200 + claim
        f.write(chunk)
        n += len(chunk)
    f.write("</body></html>\n")
PY
expect 0 "$big_mb MB HTML page" -- "$LITMINE" check --db "$db" --format json "$T/big.html"

expect 4 "missing corpus" -- "$LITMINE" check --db "$T/none.db" "$fx/article.txt"
# an empty corpus: create it by importing nothing (a record set with no record)
printf '<?xml version="1.0"?>\n<PubmedArticleSet></PubmedArticleSet>\n' > "$T/none.xml"
edb=$(newcorpus e)
"$LITMINE" import -q --db "$edb" "$T/none.xml" || bad "empty import"
expect 0 "empty corpus" -- "$LITMINE" check --db "$edb" --format json "$fx/article.txt"
err_has "corpus is empty" "empty corpus warns"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert all(c['verdict'] in ('not_found','anecdotal') for c in r['claims'])" "$T/out" \
  && ok || bad "empty corpus: not_found"

expect 3 "unreachable URL" -- "$LITMINE" check --db "$db" "http://127.0.0.1:1/article.html"
err_has "http://127.0.0.1:1/article.html" "unreachable URL named"

# a loopback web server for the URL path (page.html as /ok.html)
start_srv "$T/p" 127.0.0.1
expect 0 "URL" -- "$LITMINE" check --db "$db" --format json "http://127.0.0.1:$port/ok.html"
grep -q '"verdict":"controlled"' "$T/out" && ok || bad "URL: HTML page checked"
expect 3 "HTTP 404" -- "$LITMINE" check --db "$db" "http://127.0.0.1:$port/missing.html"
err_has "404" "HTTP 404 named"
finish
