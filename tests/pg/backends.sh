#!/usr/bin/env bash
# The same inputs through `litmine` on both backends, an SQLite file and a
# PostgreSQL database: import counts, article exports (JSONL, CSV, RIS),
# extractions, studies and search hits must be identical; on the
# development examples (../shared/examples, or $LITMINE_SHARED) so must the
# exports, and `litmine check` must give the same verdicts (the floor below
# is what the rank of PostgreSQL's full-text search reaches today: see
# README "Sharing a corpus").
source "$(dirname "$0")/lib.bash"

# same_everything SQLITE_DB PG_URL WHAT: every dataset of the two corpora
same_everything() {
  local s=$1 p=$2 what=$3 f w
  if [ "$(articles_dump "$s")" = "$(articles_dump "$p")" ]; then ok
  else bad "$what: the JSONL exports differ"; fi
  for f in ris medline; do
    if cmp -s <("$LITMINE" export --db "$s" --format $f) <("$LITMINE" export --db "$p" --format $f)
    then ok; else bad "$what: the $f exports differ"; fi
  done
  expect 0 "$what: extract on sqlite" -- "$LITMINE" extract -q --all --db "$s"
  cp "$T/out" "$T/x.sqlite"
  expect 0 "$what: extract on postgresql" -- "$LITMINE" extract -q --all --db "$p"
  if cmp -s "$T/out" "$T/x.sqlite"; then ok; else bad "$what: extract output differs"; fi
  for w in extractions studies; do
    for f in jsonl csv; do
      if cmp -s <("$LITMINE" export --db "$s" --what $w --format $f) \
                <("$LITMINE" export --db "$p" --what $w --format $f)
      then ok; else bad "$what: export --what $w --format $f differs"; fi
    done
  done
}

# same_hits SQLITE_DB PG_URL QUERY: the same articles found, in the same
# order with the same scores (both rank by bm25)
same_hits() {
  local a b
  a=$("$LITMINE" search --db "$1" --format jsonl --limit 1000 "$3" 2>/dev/null |
      python3 -c 'import json,sys; print([(d["pmid"], round(d["score"], 6)) for d in map(json.loads, sys.stdin)])')
  b=$("$LITMINE" search --db "$2" --format jsonl --limit 1000 "$3" 2>/dev/null |
      python3 -c 'import json,sys; print([(d["pmid"], round(d["score"], 6)) for d in map(json.loads, sys.stdin)])')
  if [ "$a" = "$b" ]; then ok; else bad "search '$3': sqlite $a, postgresql $b"; fi
}

# ---- the fixtures ---------------------------------------------------------------
F=$ROOT/tests/fixtures/corpus
P=$(newdb fixtures)
expect 0 "import into sqlite" -- "$LITMINE" import --db "$T/s.db" "$F"/*.xml "$F"/*.nxml
sed 's/^litmine: [^:]*: //' "$T/err" > "$T/counts.sqlite"
expect 0 "import into postgresql" -- "$LITMINE" import --db "$P" "$F"/*.xml "$F"/*.nxml
sed 's/^litmine: [^:]*: //' "$T/err" > "$T/counts.pg"
if cmp -s "$T/counts.sqlite" "$T/counts.pg"; then ok
else bad "import counts differ: $(diff "$T/counts.sqlite" "$T/counts.pg" | head -5)"; fi
expect 0 "re-import into postgresql" -- "$LITMINE" import --db "$P" "$F"/*.xml "$F"/*.nxml
if grep -q "7 records" "$T/err" || grep -q "already" "$T/err"; then ok
else bad "the ledger: $(tail -n 1 "$T/err")"; fi
same_everything "$T/s.db" "$P" fixtures
# the URL from $LITMINE_DB, as from --db
expect 0 "search with LITMINE_DB" -- env LITMINE_DB="$P" "$LITMINE" search --format jsonl trial
cp "$T/out" "$T/env.jsonl"
expect 0 "search with --db" -- "$LITMINE" search --db "$P" --format jsonl trial
if [ -s "$T/out" ] && cmp -s "$T/out" "$T/env.jsonl"; then ok
else bad "LITMINE_DB=URL found other hits than --db URL"; fi
for q in trial randomi* "title:trial" "placebo OR adults" "trial NOT placebo" '"randomised trial"'; do
  same_hits "$T/s.db" "$P" "$q"
done

# ---- the development examples ------------------------------------------------------
shared=${LITMINE_SHARED:-$ROOT/../shared}
[ -d "$shared/examples" ] || shared=$shared/..
if [ ! -f "$shared/examples/corpus.xml" ]; then
  bad "examples not found under $shared (set LITMINE_SHARED)"
  finish
  exit
fi
agree=0 claims=0
for ex in examples examples2; do
  d=$shared/$ex
  [ -f "$d/corpus.xml" ] || { bad "$d/corpus.xml missing"; continue; }
  P=$(newdb "$ex")
  expect 0 "$ex: import into sqlite" -- "$LITMINE" import -q --db "$T/$ex.db" "$d/corpus.xml"
  expect 0 "$ex: import into postgresql" -- "$LITMINE" import -q --db "$P" "$d/corpus.xml"
  same_everything "$T/$ex.db" "$P" "$ex"
  for q in trial "randomized controlled trial" "meta-analysis" "COVID-19" "IL-6" mortality; do
    same_hits "$T/$ex.db" "$P" "$q"
  done
  for a in "$d"/articles/*; do
    "$LITMINE" check --db "$T/$ex.db" --format json "$a" > "$T/c.sqlite" 2>/dev/null
    "$LITMINE" check --db "$P" --format json "$a" > "$T/c.pg" 2>/dev/null
    read -r n same < <(python3 - "$T/c.sqlite" "$T/c.pg" <<'PY'
import json, sys
a, b = (json.load(open(f))["claims"] for f in sys.argv[1:3])
key = lambda c: (c.get("text"), c.get("verdict"), [m.get("pmid") for m in c.get("matches", [])][:1])
print(len(a), sum(1 for x, y in zip(a, b) if key(x) == key(y)) if len(a) == len(b) else 0)
PY
)
    claims=$((claims + n))
    agree=$((agree + same))
  done
done
echo "check: $agree of $claims claims with the same verdict and best match on both backends"
# both backends rank by the same bm25: every verdict agrees
if [ "$claims" -gt 0 ] && [ "$agree" -eq "$claims" ]; then ok
else bad "check verdicts agree on $agree of $claims claims (all should)"; fi
finish
