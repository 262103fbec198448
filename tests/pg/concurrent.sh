#!/usr/bin/env bash
# Several hosts loading one PostgreSQL corpus: four `litmine import`
# processes on different files at once (records of one PMID spread over
# them, PubMed and PMC) give the corpus one process gives, also when two
# of them deadlock (the loser's file is imported again); and faults
# leave it as it was with exit 4 and one line naming the database, never
# its password: the server killed mid-import, a wrong password, a
# read-only role, a server that is gone.
source "$(dirname "$0")/lib.bash"
F=$ROOT/tests/fixtures/corpus

# Invented records: file i holds PMIDs 91900000 + i*1000 .. + 600, and
# every file also holds versions of 40 shared PMIDs (version i), so the
# files meet on those rows; the PubMed record of the PMC fixture's
# article is in one file and its PMC article in another.
python3 - "$T" <<'PY'
import sys
out = sys.argv[1]
def rec(pmid, version, i):
    return (f'<PubmedArticle><MedlineCitation><PMID Version="{version}">{pmid}</PMID><Article>'
            f'<Journal><Title>Journal of Invented Trials</Title><JournalIssue><PubDate><Year>'
            f'{2000 + i}</Year></PubDate></JournalIssue></Journal>'
            f'<ArticleTitle>Zorvil trial {pmid} version {version}</ArticleTitle><Abstract>'
            f'<AbstractText>Adults (n = {100 + i}) took zorvil-{i} or placebo.</AbstractText>'
            f'</Abstract></Article></MedlineCitation></PubmedArticle>\n')
for i in range(1, 5):
    with open(f"{out}/part{i}.xml", "w") as f:
        f.write("<PubmedArticleSet>\n")
        for k in range(600):
            f.write(rec(91900000 + i * 1000 + k, 1, i))
        for k in range(40):
            f.write(rec(91990000 + k, i, i))
        f.write("</PubmedArticleSet>\n")
PY
cp "$F/merge_pubmed.xml" "$T/part1b.xml"
cp "$F/merge_pmc.nxml" "$T/part4b.nxml"
files=("$T/part1.xml" "$T/part1b.xml" "$T/part2.xml" "$T/part3.xml" "$T/part4.xml" "$T/part4b.nxml")

ONE=$(newdb one)
expect 0 "one process" -- "$LITMINE" import -q --db "$ONE" "${files[@]}"
MANY=$(newdb many)
pids=()
"$LITMINE" import -q --db "$MANY" "$T/part1.xml" "$T/part1b.xml" 2>"$T/e1" & pids+=($!)
"$LITMINE" import -q --db "$MANY" "$T/part2.xml" 2>"$T/e2" & pids+=($!)
"$LITMINE" import -q --db "$MANY" "$T/part3.xml" 2>"$T/e3" & pids+=($!)
"$LITMINE" import -q --db "$MANY" "$T/part4.xml" "$T/part4b.nxml" 2>"$T/e4" & pids+=($!)
st=0
for p in "${pids[@]}"; do wait "$p" || st=1; done
if [ $st -eq 0 ]; then ok; else bad "a concurrent import failed: $(cat "$T"/e[1-4] | head -c 400)"; fi
a=$(articles_dump "$ONE"); b=$(articles_dump "$MANY")
if [ -n "$a" ] && [ "$a" = "$b" ]; then ok
else bad "four processes gave another corpus than one: $(diff <(echo "$a") <(echo "$b") | head -5)"; fi
expect 0 "sqlite, one process" -- "$LITMINE" import -q --db "$T/s.db" "${files[@]}"
if [ "$(articles_dump "$T/s.db")" = "$a" ]; then ok; else bad "the SQLite corpus differs"; fi
n=$(printf '%s\n' "$a" | grep -c 91990039)
[ "$n" -eq 1 ] && printf '%s\n' "$a" | grep 91990039 | grep -q '"version": 4' && ok \
  || bad "a shared PMID does not hold its highest version"

# ---- imports that deadlock ---------------------------------------------------------
# Four files of the same 512 PMIDs in four blocks of 128 (one import
# batch each), each file in another rotation of the blocks: two imports
# lock the same rows in opposite orders, and the server fails one of them
# with "deadlock detected".  The loser is imported again from its start,
# alone (a warning says so): every process exits 0, the corpus is the one
# process's, and the ledger holds each file once.  Five rounds, since a
# round need not deadlock.
python3 - "$T" <<'PY'
import sys
out = sys.argv[1]
for i in range(4):
    with open(f"{out}/rot{i}.xml", "w") as f:
        f.write("<PubmedArticleSet>\n")
        for b in range(4):
            for k in range(128):
                pmid = 93000000 + (i + b) % 4 * 1000 + k
                f.write(f'<PubmedArticle><MedlineCitation><PMID Version="{i + 1}">{pmid}</PMID>'
                        f'<Article><ArticleTitle>Zorvil trial {pmid} version {i + 1}'
                        f'</ArticleTitle><Abstract><AbstractText>Adults (n = {100 + i}) took '
                        f'zorvil-{i} or placebo.</AbstractText></Abstract></Article>'
                        f'</MedlineCitation></PubmedArticle>\n')
        f.write("</PubmedArticleSet>\n")
PY
ROT1=$(newdb rot_one)
expect 0 "rotated files, one process" -- "$LITMINE" import -q --db "$ROT1" "$T"/rot[0-3].xml
rot=$(articles_dump "$ROT1")
retried=0
for round in 1 2 3 4 5; do
  db=$(newdb "rot_$round")
  pids=()
  for i in 0 1 2 3; do
    "$LITMINE" import --db "$db" "$T/rot$i.xml" 2>"$T/r$i" & pids+=($!)
  done
  st=0
  for p in "${pids[@]}"; do wait "$p" || st=1; done
  if [ $st -eq 0 ]; then ok
  else bad "round $round: an import failed: $(grep -hv 'importing it again' "$T"/r[0-3] | head -c 400)"; fi
  if [ "$(articles_dump "$db")" = "$rot" ]; then ok
  else bad "round $round: four processes gave another corpus than one"; fi
  files=$(pgsql "$db" "SELECT count(*), count(DISTINCT md5) FROM source_file")
  [ "$files" = "4|4" ] && ok || bad "round $round: the ledger holds '$files', wanted 4|4"
  # what the processes said: a summary line per file, and warnings of files
  # imported again
  if grep -hv -e 'records:' -e 'deadlock detected; importing it again (attempt 2 of 3)' \
       "$T"/r[0-3] | grep -q .; then
    bad "round $round: unexpected messages: $(grep -hv 'records:' "$T"/r[0-3] | head -c 300)"
  else ok; fi
  retried=$((retried + $(cat "$T"/r[0-3] | grep -c 'importing it again')))
done
echo "rotated imports: $retried file(s) imported again over 5 rounds"

# ---- faults ------------------------------------------------------------------------
before=$(articles_dump "$ONE")
pw_url=$(pgurl "$ONE" litmine not-the-password)
expect 4 "wrong password" -- "$LITMINE" import --db "$pw_url" "$T/part1.xml"
err_has "password authentication failed" "wrong password"
if grep -q not-the-password "$T/err"; then bad "the password is in the message"; else ok; fi
ro=$(pgurl "$ONE" litmine_ro)
expect 4 "read-only role imports" -- "$LITMINE" import --db "$ro" "$F/structured.xml"
err_has "permission denied" "read-only role"
if grep -q litmine-ro "$T/err"; then bad "the read-only password is in the message"; else ok; fi
expect 0 "read-only role searches" -- "$LITMINE" search --db "$ro" zorvil
if [ "$(articles_dump "$ONE")" = "$before" ]; then ok; else bad "a refused import changed the corpus"; fi

# the server killed while a big file is being imported: exit 4, and the
# corpus holds nothing of that file once the server is back
python3 - "$T/big.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("<PubmedArticleSet>\n")
    for k in range(60000):
        f.write(f'<PubmedArticle><MedlineCitation><PMID Version="1">{92000000 + k}</PMID><Article>'
                f'<ArticleTitle>Killed import {k}</ArticleTitle><Abstract><AbstractText>zorvil '
                f'and placebo in {k} adults</AbstractText></Abstract></Article></MedlineCitation>'
                f'</PubmedArticle>\n')
    f.write("</PubmedArticleSet>\n")
PY
# (on a server of its own: the other tests share the fixture's)
# (the server runs as another user when we are root: a folder it may enter)
SRVP=$(mktemp -d)
chmod 755 "$SRVP"
SRV=$SRVP/srv
trap 'bash "$PGSH" stop "$SRV"; rm -rf "$T" "$SRVP"' EXIT
bash "$PGSH" start "$SRV" >/dev/null || bad "cannot start a second server"
KDB=$(LITMINE_PG_DIR=$SRV newdb killed)
if [ -z "$KDB" ]; then bad "no database on the second server"; finish; exit; fi
expect 0 "import before the kill" -- "$LITMINE" import -q --db "$KDB" "$T/part2.xml"
kbefore=$(articles_dump "$KDB")
"$LITMINE" import --db "$KDB" "$T/big.xml" >"$T/out" 2>"$T/err" &
imp=$!
# kill the server once the import's transaction has written (a fixed
# sleep raced the import, which on a quick machine finished first)
for _ in $(seq 1200); do
  kill -0 "$imp" 2>/dev/null || break
  n=$(bash "$PGSH" sql "$SRV" "$(dbname "$KDB")" "SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND backend_xid IS NOT NULL
          AND pid <> pg_backend_pid()" 2>/dev/null) || n=0
  [ "${n:-0}" -gt 0 ] && break
  sleep 0.05
done
bash "$PGSH" kill "$SRV"
wait "$imp"
got=$?
if [ "$got" -eq 4 ]; then ok; else bad "server killed mid-import: exit $got, wanted 4: $(head -c 300 "$T/err")"; fi
err_has "lm_concurrent_" "server killed: the message names the database"
expect 4 "server gone" -- "$LITMINE" search --db "$KDB" zorvil
err_has "cannot connect" "server gone"
if grep -q litmine-rw "$T/err"; then bad "the password is in the message"; else ok; fi
bash "$PGSH" restart "$SRV" >/dev/null || bad "the server did not come back"
if [ "$(articles_dump "$KDB")" = "$kbefore" ]; then ok
else bad "the killed import left rows behind"; fi
# one file of more records than the server's lock table has slots
# (max_locks_per_transaction x max_connections: 64 x 60 here)
head -n 12001 "$T/big.xml" > "$T/12k.xml"
echo "</PubmedArticleSet>" >> "$T/12k.xml"
expect 0 "a 12,000-record file in one transaction" -- "$LITMINE" import --db "$KDB" "$T/12k.xml"
grep -q "12000 stored" "$T/err" && ok || bad "12,000 records not stored: $(cat "$T/err")"
finish
