#!/usr/bin/env bash
# Complexity check for `litmine import`, timing nothing: callgrind counts the
# instructions of importing hostile shapes at size N and 4N; work must grow
# linearly (ratio under 4 x 1.35) and stay under a budget per input byte.
# Catches a super-linear scan long before a user's 100 MB file does.
# usage: fuzz/scale_budget.sh [BUILD_DIR]   (needs valgrind; about a minute)
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
LITMINE=$build/litmine
command -v valgrind >/dev/null || { echo "scale_budget: valgrind not found"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0

# shape NAME BYTES: writes $T/NAME.BYTES.xml
shape() {
  python3 - "$1" "$2" "$T/$1.$2.xml" <<'PY'
import sys
name, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
head = '<?xml version="1.0"?>\n<PubmedArticleSet>'
rec = ('<PubmedArticle><MedlineCitation><PMID Version="1">%d</PMID><Article><ArticleTitle>'
       '%s</ArticleTitle><Abstract><AbstractText Label="RESULTS">%s</AbstractText></Abstract>'
       '</Article></MedlineCitation></PubmedArticle>')
parts = [head]
size = len(head)
if name == "records":           # many small records
    i = 0
    while size < n:
        r = rec % (91000000 + i, "Fictional record %d" % i, "zelvorin %d mg, n = 40." % i)
        parts.append(r); size += len(r); i += 1
else:
    unit = {"inline": "<i>x</i><b>5</b> ",       # inline markup in one field
            "entities": "&alpha;&nbsp;&le;&amp; ", # character entities
            "text": "remission 12/20 (60%) vs 5/20; ",
            "nested": "<i>" * 150 + "x" + "</i>" * 150}[name]
    body = unit * max(1, (n - 400) // len(unit))
    parts.append(rec % (91000001, "t", body))
parts.append("</PubmedArticleSet>\n")
open(out, "w").write("".join(parts))
PY
}

# instructions IMPORT_FILE: callgrind's total for one import into a fresh db
instructions() {
  rm -f "$T/db" "$T/db-wal" "$T/db-shm"
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$LITMINE" import -q --db "$T/db" "$1" \
    2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | tail -n 1
}

n=200000      # the big text field limit is far above 4n
for s in records inline entities text nested; do
  shape "$s" "$n"; shape "$s" $((4 * n))
  a=$(instructions "$T/$s.$n.xml"); b=$(instructions "$T/$s.$((4 * n)).xml")
  [ -n "$a" ] && [ -n "$b" ] || { echo "FAIL $s: callgrind gave no count"; fail=1; continue; }
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')
  per=$(awk -v b="$b" -v n=$((4 * n)) 'BEGIN { printf "%.0f", b / n }')
  verdict=ok
  awk -v r="$ratio" 'BEGIN { exit !(r > 4 * 1.35) }' && { verdict="FAIL (super-linear)"; fail=1; }
  [ "$per" -gt 5000 ] && { verdict="FAIL (over 5000 instructions/byte)"; fail=1; }
  printf '%-9s %12s -> %12s instructions (x%s), %s/byte: %s\n' "$s" "$a" "$b" "$ratio" "$per" "$verdict"
done
exit $fail
