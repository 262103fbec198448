#!/usr/bin/env bash
# Benchmark: parsing and importing PubMed XML, litmine beside its peers.
# usage: bench/parse.sh [BUILD_DIR] [MB] [MEM_MB]
#   MB      size of the timed input (default 300)
#   MEM_MB  size of the input for the peak-memory run (default 1000; 0 skips)
# Prints records/s, MB/s, peak RSS and each tool's speed relative to litmine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
mb=${2:-300}
memmb=${3:-1000}
shared=${LITMINE_SHARED:-$here/../../shared}/data
litmine=$build/litmine
parse=$build/bench-lm_parse
work=${BENCH_DIR:-$(mktemp -d)}
[ -x "$litmine" ] && [ -x "$parse" ] || { echo "build first: $litmine, $parse" >&2; exit 1; }
# Biopython comes from Debian's python3-biopython: use the system Python
py=/usr/bin/python3
[ -x "$py" ] || py=python3
command -v xtract >/dev/null || { echo "xtract missing: apt-get install ncbi-entrez-direct" >&2; exit 1; }

big=$work/big.xml
[ -s "$big" ] || python3 "$here/make_big.py" "$shared/pubmed" "$big" "$mb"
[ -s "$big.gz" ] || gzip -1 -c "$big" > "$big.gz"
bytes=$(stat -c %s "$big")
records=$(grep -c '<PubmedArticle>' "$big")
results=$work/results.tsv
: > "$results"

# run NAME RECORDS BYTES CMD...: wall time and peak RSS of a command, the
# best of $REPEAT runs (default 3: on a shared machine one run can be
# unlucky); commands that write a database clean it up in $pre
repeat=${REPEAT:-3}
run() {
  local name=$1 recs=$2 nbytes=$3; shift 3
  local t0 t1 rss best="" i
  for ((i = 0; i < repeat; i++)); do
    [ -n "${pre:-}" ] && eval "$pre"
    t0=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>"$work/err" \
      || { echo "$name failed:" >&2; cat "$work/err" >&2; return 1; }
    t1=$(date +%s.%N)
    rss=$(tail -n 1 "$work/rss")
    t1=$(awk "BEGIN{print $t1 - $t0}")
    if [ -z "$best" ] || awk "BEGIN{exit !($t1 < $best)}"; then best=$t1; fi
  done
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$recs" "$nbytes" "$best" "$rss" >> "$results"
}

sync
xq=(-pattern PubmedArticle -element MedlineCitation/PMID ArticleTitle AbstractText)
# "One core": GOMAXPROCS=1 still lets Go's runtime threads (reads, GC) use a
# second core, so the single-core rows are pinned to one CPU with taskset.
one=()
command -v taskset >/dev/null && one=(taskset -c 0)
run "litmine parse (SAX2, .xml)"        "$records" "$bytes" "${one[@]}" "$parse" "$big"
run "libxml2 xmlTextReader walk (.xml)" "$records" "$bytes" "$parse" --reader "$big"
run "xmllint --stream (.xml)"           "$records" "$bytes" xmllint --stream --noout "$big"
run "xtract 1 core (.xml)"              "$records" "$bytes" env GOMAXPROCS=1 "${one[@]}" xtract -input "$big" "${xq[@]}"
run "xtract all cores (.xml)"           "$records" "$bytes" xtract -input "$big" "${xq[@]}"
# The import into SQLite, and the same into PostgreSQL (a throwaway local
# server, scripts/pg.sh; BENCH_PG=0 skips it) with a fresh database before
# each run: their runs alternate, so that the two see the same load of a
# shared machine (the ratio of runs minutes apart measured the load as
# much as the backends), and each keeps its best.
sqlite_pre='rm -f "$work/import.db"*'
if [ "${BENCH_PG:-1}" != 0 ]; then
  pgsh=$here/../scripts/pg.sh
  pgdir=$(mktemp -d)
  chmod 755 "$pgdir"          # the server may run as another user
  trap 'bash "$pgsh" stop "$pgdir/srv"; rm -rf "$pgdir"' EXIT
  bash "$pgsh" start "$pgdir/srv" >/dev/null
  pgurl=$(bash "$pgsh" newdb "$pgdir/srv" bench)
  pg_pre='bash "$pgsh" newdb "$pgdir/srv" bench >/dev/null'
fi
rounds=$repeat
repeat=1
for ((round = 0; round < rounds; round++)); do
  pre=$sqlite_pre
  run "litmine import (.xml.gz, store+FTS)" "$records" "$bytes" "$litmine" import -q --db "$work/import.db" "$big.gz"
  if [ -n "${pg_pre:-}" ]; then
    pre=$pg_pre
    run "litmine import into PostgreSQL (.xml.gz)" "$records" "$bytes" "$litmine" import -q --db "$pgurl" "$big.gz"
  fi
done
repeat=$rounds
pre=
# The floor of any SQLite+FTS5 store: copying the rows litmine stored into
# an empty corpus of the same schema (triggers and FTS5 included) with one
# INSERT ... SELECT, no XML and no gzip.  (Fewer rows than records: some
# records are later versions of others.)
sqlite3 "$work/import.db" .schema | grep -v '^CREATE TABLE sqlite_' > "$work/schema.sql"
rows=$(sqlite3 "$work/import.db" "SELECT count(*) FROM article")
pre='rm -f "$work/floor.db"*; sqlite3 "$work/floor.db" < "$work/schema.sql"'
run "sqlite3 copy of the $rows rows (floor)" "$rows" "$bytes" sqlite3 "$work/floor.db" \
  "PRAGMA journal_mode=WAL; ATTACH '$work/import.db' AS s; BEGIN;
   INSERT INTO main.article SELECT * FROM s.article; COMMIT;"
pre=
run "zcat | xtract GOMAXPROCS=1"        "$records" "$bytes" sh -c "zcat '$big.gz' | GOMAXPROCS=1 xtract ${xq[*]}"
one=$shared/pubmed/baseline_updatefiles/pubmed20n1015.xml.gz
one_recs=$(zcat "$one" | grep -c '<PubmedArticle>')
one_bytes=$(zcat "$one" | wc -c)
run "Biopython Entrez.read (1 file)" "$one_recs" "$one_bytes" "$py" -c "
import gzip, sys
from Bio import Entrez
r = Entrez.read(gzip.open('$one', 'rb'), validate=False)
print(len(r['PubmedArticle']))"

if [ "$memmb" -gt 0 ]; then
  huge=$work/huge.xml
  [ -s "$huge" ] || python3 "$here/make_big.py" "$shared/pubmed" "$huge" "$memmb"
  [ -s "$huge.gz" ] || gzip -1 -c "$huge" > "$huge.gz"
  hbytes=$(stat -c %s "$huge"); hrecs=$(grep -c '<PubmedArticle>' "$huge")
  repeat=1
  pre='rm -f "$work/huge.db"*'
  run "litmine parse (1 GB, memory)"  "$hrecs" "$hbytes" "$parse" "$huge"
  run "litmine import (1 GB .gz, memory)" "$hrecs" "$hbytes" "$litmine" import -q --db "$work/huge.db" "$huge.gz"
fi

python3 - "$results" <<'PY'
import sys
rows = []
for l in open(sys.argv[1]):
    row = l.rstrip("\n").split("\t")
    # a tool of several rows (runs alternated with another's): its best
    old = next((r for r in rows if r[0] == row[0]), None)
    if old is None:
        rows.append(row)
    elif float(row[3]) < float(old[3]):
        old[:] = row
ref = None
for name, recs, nbytes, secs, rss in rows:
    if name.startswith("litmine parse (SAX2"):
        ref = int(recs) / float(secs)
print(f"{'tool':40} {'records':>9} {'sec':>7} {'rec/s':>9} {'MB/s':>7} {'peak RSS':>9} {'vs litmine parse':>16}")
for name, recs, nbytes, secs, rss in rows:
    r = int(recs) / float(secs)
    print(f"{name:40} {int(recs):9d} {float(secs):7.2f} {r:9.0f} {int(nbytes)/1e6/float(secs):7.1f} "
          f"{int(rss)/1024:7.1f}MB {r/ref:15.2f}x")
rate = {name: int(recs) / float(secs) for name, recs, nbytes, secs, rss in rows}
def get(prefix):
    return next((v for k, v in rate.items() if k.startswith(prefix)), None)
imp, zx, bio = get("litmine import (.xml.gz"), get("zcat | xtract"), get("Biopython")
pgimp = get("litmine import into PostgreSQL")
floor, x1, parse = get("sqlite3 copy"), get("xtract 1 core"), get("litmine parse (SAX2")
print("targets:")
if parse and x1:
    print(f"  parse / xtract 1 core       {parse / x1:6.2f}x  (target >= 1)")
if imp and zx:
    print(f"  import / zcat|xtract        {imp / zx:6.2f}x  (target >= 0.5)")
if imp and bio:
    print(f"  import / Biopython          {imp / bio:6.2f}x  (target >= 20)")
if imp and pgimp:
    # also each round's ratio (the runs of a round are back to back)
    raw = [l.split("\t") for l in open(sys.argv[1])]
    sq = [float(r[3]) for r in raw if r[0].startswith("litmine import (.xml.gz")]
    pg = [float(r[3]) for r in raw if r[0].startswith("litmine import into PostgreSQL")]
    rounds = sorted(s / p for s, p in zip(sq, pg))
    print(f"  PostgreSQL / SQLite import  {pgimp / imp:6.2f}x  (target >= 0.5; rounds "
          + " ".join(f"{r:.2f}" for r in rounds) + f", median {rounds[len(rounds) // 2]:.2f})")
if floor and bio:
    print(f"  SQLite floor / Biopython    {floor / bio:6.2f}x  (what a parser costing nothing would reach)")
PY
echo "inputs in $work; load average $(cut -d" " -f1-3 /proc/loadavg)" >&2
