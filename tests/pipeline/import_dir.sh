#!/usr/bin/env bash
# `litmine import --dir`: NCBI order (baseline before updates), .md5 checks
# (a mismatch skips the file with exit 2 and imports nothing of it), the
# ledger on rerun, and the run lock (held: exit 5 naming the pid; stale: no
# obstacle).
. "$(dirname "$0")/../cli/lib.bash"
rec=$ROOT/examples/records
d=$T/ncbi
mkdir -p "$d/baseline" "$d/updatefiles"
# The update is numbered after the baseline; named so that plain name order
# would be wrong only if the year/number order were ignored.
gzip -c "$rec/fictional_baseline.xml" > "$d/baseline/pubmed99n0001.xml.gz"
gzip -c "$rec/fictional_update.xml"   > "$d/updatefiles/pubmed99n0002.xml.gz"
(cd "$d/baseline" && md5sum pubmed99n0001.xml.gz | awk '{print "MD5(" $2 ")= " $1}' > pubmed99n0001.xml.gz.md5)
(cd "$d/updatefiles" && md5sum pubmed99n0002.xml.gz > pubmed99n0002.xml.gz.md5)
db=$T/c.db

expect 0 "import --dir" -- "$LITMINE" import --db "$db" --dir "$d"
err_has "2 files: 2 imported" "both files imported"
[ "$(sqlite3 "$db" 'SELECT version FROM article WHERE pmid=90000002')" = 2 ] && ok || bad "update applied after baseline"
[ "$(sqlite3 "$db" 'SELECT deleted FROM article WHERE pmid=90000005')" = 1 ] && ok || bad "deletion applied"
expect 0 "rerun" -- "$LITMINE" import --db "$db" --dir "$d"
err_has "0 imported, 2 already imported" "rerun is a no-op"

# A third file whose checksum does not match: exit 2, nothing of it kept.
printf '<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">90000099</PMID><Article><ArticleTitle>Fictional late record</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n' \
  | gzip > "$d/updatefiles/pubmed99n0003.xml.gz"
echo "MD5(pubmed99n0003.xml.gz)= 0123456789abcdef0123456789abcdef" > "$d/updatefiles/pubmed99n0003.xml.gz.md5"
expect 2 "md5 mismatch" -- "$LITMINE" import --db "$db" --dir "$d"
err_has "pubmed99n0003.xml.gz" "mismatch names the file"
[ -z "$(sqlite3 "$db" 'SELECT pmid FROM article WHERE pmid=90000099')" ] && ok || bad "mismatched file not imported"
(cd "$d/updatefiles" && md5sum pubmed99n0003.xml.gz > pubmed99n0003.xml.gz.md5)
expect 0 "after fixing the md5" -- "$LITMINE" import --db "$db" --dir "$d"
[ -n "$(sqlite3 "$db" 'SELECT pmid FROM article WHERE pmid=90000099')" ] && ok || bad "fixed file imported"

# Lock held by another process: exit 5 at once, naming the holder's pid.
hold_lock "$db.lock" 4242
expect 5 "lock held" -- timeout 3 "$LITMINE" import --db "$db" --dir "$d"
err_has "pid 4242" "lock message names the holder"
release_lock
# Stale lock file from a killed run (no process holds it): no obstacle.
echo 99999 > "$db.lock"
expect 0 "stale lock" -- "$LITMINE" import --db "$db" --dir "$d"
expect 2 "empty dir" -- "$LITMINE" import --db "$db" --dir "$T/none"
finish
