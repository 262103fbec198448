#!/usr/bin/env bash
# Bad input through `litmine import`/`search`: one line on stderr naming the
# input, exit 2 (4 for database faults), and the corpus exactly as before.
. "$(dirname "$0")/lib.bash"
db=$T/c.db
rec=$ROOT/examples/records
"$LITMINE" import -q --db "$db" "$rec/fictional_baseline.xml" || bad "seed import"
before=$(dump "$db")

check_rejected() {   # FILE WHAT: exit 2, message names FILE, corpus unchanged
  expect 2 "$2" -- "$LITMINE" import --db "$db" "$1"
  err_has "$(basename "$1")" "$2 names the file"
  [ "$(dump "$db")" = "$before" ] && ok || bad "$2 changed the corpus"
}

printf '<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID Version="1">91000001</PMID><Article><ArticleTitle>Fictional first record</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n<PubmedArticle><MedlineCitation><PMID Version="1">91000002</PMID><Article><ArticleTitle>Broken <b>markup</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n</PubmedArticleSet>\n' > "$T/malformed.xml"
check_rejected "$T/malformed.xml" "malformed XML"
grep -qF "malformed.xml:4" "$T/err" && ok || bad "malformed XML: line number given: $(cat "$T/err")"

# one_line DESCRIPTION: stderr of the last command is exactly one line
one_line() { [ "$(wc -l < "$T/err")" -eq 1 ] && ok || bad "$1: stderr is not one line: $(cat "$T/err")"; }

# Invalid UTF-8: libxml2's two-line message comes out as one line.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000601</PMID><Article><ArticleTitle>caf\xe9 \xff</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n' > "$T/latin.xml"
check_rejected "$T/latin.xml" "invalid UTF-8"
one_line "invalid UTF-8"

# A 30-digit PMID is out of range, not "not a number"; a bad Version names the PMID.
printf '<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>123456789012345678901234567890</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>\n' > "$T/bigpmid.xml"
check_rejected "$T/bigpmid.xml" "30-digit PMID"
err_has "out of range" "30-digit PMID is out of range"
printf '<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="99999999999">91000602</PMID><Article><ArticleTitle>x</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n' > "$T/bigversion.xml"
check_rejected "$T/bigversion.xml" "Version 99999999999"
err_has "PMID 91000602: Version=\"99999999999\"" "bad Version names the PMID"

# An entity NCBI's DTD declares becomes its character; an unknown one is refused.
printf '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000603</PMID><Article><ArticleTitle>5 &zelvorin; mg</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n' > "$T/entity.xml"
check_rejected "$T/entity.xml" "unknown entity"
err_has "&zelvorin; is not defined" "unknown entity named"
cp "$db" "$T/ent.db"
sed 's/5 &zelvorin; mg/5\&nbsp;mg \&alpha;-blocker/' "$T/entity.xml" > "$T/entity_ok.xml"
expect 0 "NCBI entities" -- "$LITMINE" import --db "$T/ent.db" "$T/entity_ok.xml"
[ "$(sqlite3 "$T/ent.db" "SELECT title FROM article WHERE pmid = 91000603")" = "$(printf '5\xc2\xa0mg \xce\xb1-blocker')" ] && ok \
  || bad "NCBI entities: title $(sqlite3 "$T/ent.db" "SELECT title FROM article WHERE pmid = 91000603")"

# PMIDs on the command line: a 23-digit one is refused, never clamped.
expect 1 "23-digit PMID" -- "$LITMINE" show --db "$db" 12345678901234567890123
err_has "out of range" "23-digit PMID is out of range"
one_line "23-digit PMID"
expect 1 "PMID with a sign" -- "$LITMINE" show --db "$db" +91000001

head -c 2500 "$rec/fictional_baseline.xml" > "$T/truncated.xml"
check_rejected "$T/truncated.xml" "truncated XML"

gzip -c "$rec/fictional_baseline.xml" | head -c 1500 > "$T/truncated.xml.gz"
check_rejected "$T/truncated.xml.gz" "truncated gzip"

: > "$T/empty.xml"
check_rejected "$T/empty.xml" "empty file"

printf 'PMID- 12345\nTI  - this is MEDLINE text, not XML\n' > "$T/notxml.xml"
check_rejected "$T/notxml.xml" "not XML"

printf '<?xml version="1.0"?>\n<eSearchResult><Count>3</Count></eSearchResult>\n' > "$T/wrongroot.xml"
check_rejected "$T/wrongroot.xml" "wrong root element"
grep -qF "eSearchResult" "$T/err" && ok || bad "wrong root: names the element"

printf '<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>Fictional record without a PMID</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n' > "$T/nopmid.xml"
check_rejected "$T/nopmid.xml" "record without PMID"

python3 - "$T/huge.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation>'
            '<PMID Version="1">91000003</PMID><Article><ArticleTitle>Huge</ArticleTitle>'
            '<Abstract><AbstractText>')
    chunk = "fictional words " * 4096
    for _ in range(50 * 1024 * 1024 // len(chunk)):
        f.write(chunk)
    f.write('</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n')
PY
check_rejected "$T/huge.xml" "50 MB text node"

printf '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">91000004</PMID><Article><ArticleTitle>XXE &xxe; end</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n' > "$T/xxe.xml"
"$LITMINE" import -q --db "$T/xxe.db" "$T/xxe.xml" >/dev/null 2>&1
if sqlite3 "$T/xxe.db" "SELECT title FROM article" 2>/dev/null | grep -qF "$(cat /etc/hostname)"; then
  bad "XXE: an external entity was read"
else ok; fi

expect 2 "missing file" -- "$LITMINE" import --db "$db" "$T/no-such-file.xml"
err_has "no-such-file.xml" "missing file named"

# Database faults: exit 4.
expect 4 "search a missing corpus" -- "$LITMINE" search --db "$T/none.db" x
err_has "none.db" "missing corpus named"
expect 4 "db in a missing directory" -- "$LITMINE" import --db "$T/nodir/c.db" "$rec/fictional_baseline.xml"
printf 'this is not a database, just fictional junk bytes %.0s' $(seq 1 200) > "$T/junk.db"
expect 4 "corrupt database" -- "$LITMINE" import --db "$T/junk.db" "$rec/fictional_baseline.xml"
err_has "junk.db" "corrupt database named"
cp "$db" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
expect 4 "newer schema" -- "$LITMINE" search --db "$T/newer.db" remission
err_has "newer.db" "newer schema names the file"
# Read-only: as root, chmod does not stop writes, so drop to nobody.
cp "$db" "$T/ro.db"; chmod 0444 "$T/ro.db"; chmod 0755 "$T"
if [ "$(id -u)" -eq 0 ]; then
  ro=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
  ro=()
fi
gzip -c "$rec/fictional_update.xml" > "$T/upd.xml.gz"; chmod 0644 "$T/upd.xml.gz"
rob=$(dump "$T/ro.db")
expect 4 "read-only database" -- "${ro[@]}" "$LITMINE" import --db "$T/ro.db" "$T/upd.xml.gz"
err_has "ro.db" "read-only database named"
[ "$(dump "$T/ro.db")" = "$rob" ] && ok || bad "read-only database unchanged"
finish
