#!/usr/bin/env bash
# bench/check.sh [BUILD_DIR] [SIZES]: time `litmine check` on a 2,000-word
# article against corpora of growing size.
#
# Each corpus holds the development examples (../shared/examples/corpus.xml,
# so the article's claims have their studies) plus the real records of
# ../shared/data/pubmed repeated with shifted PMIDs until it reaches the
# size asked.  The article is the nine example articles concatenated and
# repeated to 2,000 words.  Prints, per corpus size, the median wall and CPU
# time of five runs of `check --format json` (process start, rule compilation,
# corpus open, every claim matched), the CPU time of `litmine check` on a
# one-line article (what any run pays before the first claim: dynamic
# loading, libcurl's global init, rule compilation), the CPU time of the
# check itself inside one process (bench-check_run: first check, then the
# median of five more with the same checker) and the claims found.
# SIZES defaults to "10000 100000"; add 1000000 for the million-record
# point (about 2 GB of XML and a long import).  Each size runs on every
# backend of $BACKENDS (default "sqlite postgresql"; PostgreSQL on a
# throwaway local server started by scripts/pg.sh: its CPU column is the
# client's only, so compare wall times).  Never run by the tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
sizes=${2:-"10000 100000"}
shared=${LITMINE_SHARED:-$here/../../shared}
[ -d "$shared/examples" ] || shared=$shared/..
litmine=$build/litmine
work=$(mktemp -d)
backends=${BACKENDS:-sqlite postgresql}
pgsh=$here/../scripts/pg.sh
trap 'case " $backends " in *" postgresql "*) bash "$pgsh" stop "$work/pg" ;; esac; rm -rf "$work"' EXIT
case " $backends " in
  *" postgresql "*)
    chmod 755 "$work"      # the server may run as another user
    bash "$pgsh" start "$work/pg" >/dev/null ;;
esac
[ -x "$litmine" ] || { echo "check.sh: build litmine first ($litmine)" >&2; exit 1; }
[ -x "$build/bench-check_run" ] || { echo "check.sh: build bench-check_run first" >&2; exit 1; }
[ -f "$shared/examples/corpus.xml" ] || { echo "check.sh: $shared/examples missing" >&2; exit 1; }

python3 - "$shared/examples/articles" "$work/article.txt" <<'PY'
import os, sys
src, out = sys.argv[1], sys.argv[2]
texts = [open(os.path.join(src, f), encoding="utf-8").read() for f in sorted(os.listdir(src))]
words, parts = 0, []
while words < 2000:
    for t in texts:
        parts.append(t)
        words += len(t.split())
        if words >= 2000:
            break
open(out, "w", encoding="utf-8").write("\n\n".join(parts))
print(f"article: {words} words, {sum(len(p) for p in parts)} bytes", file=sys.stderr)
PY

make_corpus() {   # N OUT.xml: N records, PMIDs shifted per repetition
  python3 - "$shared/data/pubmed" "$1" "$2" <<'PY'
import gzip, os, re, sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rec_re = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.S)
pmid_re = re.compile(rb"(<PMID Version=\"\d+\">)(\d+)(</PMID>)")
recs = []
for d, _, fs in os.walk(src):
    for f in sorted(fs):
        if f.endswith((".xml", ".xml.gz")):
            data = open(os.path.join(d, f), "rb").read()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            recs += rec_re.findall(data)
with open(out, "wb") as o:
    o.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n')
    k, rep = 0, 1
    while k < n:
        off = rep * 100_000_000
        for r in recs:
            if k >= n:
                break
            o.write(pmid_re.sub(lambda m: m.group(1) + str(int(m.group(2)) + off).encode() + m.group(3), r, count=1) + b"\n")
            k += 1
        rep += 1
    o.write(b"</PubmedArticleSet>\n")
PY
}

echo "Nothing to check." > "$work/empty.txt"
printf "%-11s %-9s %-10s %-9s %-11s %-13s %-13s %-11s %s\n" backend records "wall (ms)" \
  "cpu (ms)" "floor (ms)" "check 1st" "check again" "import (s)" claims
for n in $sizes; do
  make_corpus "$n" "$work/c$n.xml"
  for be in $backends; do
  if [ "$be" = postgresql ]; then
    db=$(bash "$pgsh" newdb "$work/pg" "c$n")
  else
    db=$work/c$n.db
  fi
  t0=$(date +%s.%N)
  "$litmine" import -q --db "$db" "$shared/examples/corpus.xml" "$work/c$n.xml"
  t1=$(date +%s.%N)
  "$litmine" check --db "$db" --format json "$work/article.txt" > "$work/out.json"   # warm the cache
  : > "$work/times"
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %U %S" -a -o "$work/times" \
      "$litmine" check --db "$db" --format json "$work/article.txt" > /dev/null
  done
  # wall time suffers from other load on a shared machine; CPU time (user +
  # system) is what the check itself costs
  wall=$(awk '{print int($1 * 1000)}' "$work/times" | sort -n | sed -n 3p)
  cpu=$(awk '{print int(($2 + $3) * 1000)}' "$work/times" | sort -n | sed -n 3p)
  : > "$work/ftimes"
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %U %S" -a -o "$work/ftimes" \
      "$litmine" check -q --db "$db" --format json "$work/empty.txt" > /dev/null 2>&1
  done
  floor=$(awk '{print int(($2 + $3) * 1000)}' "$work/ftimes" | sort -n | sed -n 3p)
  read -r _ first again _ < <("$build/bench-check_run" "$db" "$work/article.txt" --repeat 5)
  claims=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['claims']))" "$work/out.json")
  printf "%-11s %-9s %-10s %-9s %-11s %-13s %-13s %-11.1f %s\n" "$be" "$n" "$wall" "$cpu" \
    "$floor" "$first" "$again" "$(echo "$t1 - $t0" | bc)" "$claims"
  [ "$be" = postgresql ] || rm -f "$db" "$db-wal" "$db-shm"
  done
  rm -f "$work/c$n.xml"
done
