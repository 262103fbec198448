#!/usr/bin/env bash
# litmine run over an NCBI folder ("import_dirs"): the baseline, then an
# update file that re-versions one record and deletes another.  The run
# re-extracts only the changed record, removes the deleted one's
# extractions and its studies row, and a rerun changes nothing; an update
# whose .md5 does not match stops the run with exit 2, nothing of it kept.
source "$(dirname "$0")/../cli/lib.bash"
rec=$ROOT/examples/records
d=$T/ncbi
mkdir -p "$d/baseline" "$d/updatefiles"
gzip -c "$rec/fictional_baseline.xml" > "$d/baseline/pubmed99n0001.xml.gz"
(cd "$d/baseline" && md5sum pubmed99n0001.xml.gz > pubmed99n0001.xml.gz.md5)
cat > "$T/run.json" <<'EOF'
{"database": "c.db", "import_dirs": ["ncbi"], "extract": true,
 "exports": [{"what": "studies", "format": "csv", "path": "studies.csv"}]}
EOF
db=$T/c.db
q() { sqlite3 "$db" "$1"; }

expect 0 "baseline run" -- "$LITMINE" run --config "$T/run.json" --format json
grep -q '"files_imported":1' "$T/out" && ok || bad "baseline not imported: $(cat "$T/out")"
grep -q '"extracted":5' "$T/out" && ok || bad "baseline not extracted: $(cat "$T/out")"
grep -q '^90000005,' "$T/studies.csv" && ok || bad "90000005 missing from the studies export"
old_md5=$(q "SELECT record_md5 FROM extract_state WHERE pmid = 90000002")
old_ids=$(q "SELECT group_concat(id) FROM extraction WHERE pmid = 90000001")
old_ids2=$(q "SELECT group_concat(id) FROM extraction WHERE pmid = 90000002")

gzip -c "$rec/fictional_update.xml" > "$d/updatefiles/pubmed99n0002.xml.gz"
(cd "$d/updatefiles" && md5sum pubmed99n0002.xml.gz > pubmed99n0002.xml.gz.md5)
expect 0 "update run" -- "$LITMINE" run --config "$T/run.json" --format json
grep -q '"files_imported":1' "$T/out" && ok || bad "update not imported: $(cat "$T/out")"
grep -q '"extracted":1,' "$T/out" && ok || bad "not exactly the re-versioned record extracted: $(cat "$T/out")"
grep -q '"cleared":1' "$T/out" && ok || bad "deleted record's extractions not cleared: $(cat "$T/out")"
[ "$(q 'SELECT version FROM article WHERE pmid = 90000002')" = 2 ] && ok || bad "version 2 not stored"
[ "$(q 'SELECT count(*) FROM extraction WHERE pmid = 90000005')" = 0 ] && ok || bad "extractions of the deleted record remain"
[ "$(q 'SELECT count(*) FROM extract_state WHERE pmid = 90000005')" = 0 ] && ok || bad "extraction state of the deleted record remains"
new_md5=$(q "SELECT record_md5 FROM extract_state WHERE pmid = 90000002")
[ -n "$new_md5" ] && [ "$new_md5" != "$old_md5" ] && \
  [ "$new_md5" = "$(q 'SELECT record_md5 FROM article WHERE pmid = 90000002')" ] && ok \
  || bad "extraction state of 90000002 not moved to version 2 ($old_md5 -> $new_md5)"
new_ids2=$(q "SELECT group_concat(id) FROM extraction WHERE pmid = 90000002")
[ -n "$new_ids2" ] && [ "$new_ids2" != "$old_ids2" ] && ok || bad "90000002 not re-extracted (rows $old_ids2 -> $new_ids2)"
[ "$(q 'SELECT group_concat(id) FROM extraction WHERE pmid = 90000001')" = "$old_ids" ] && ok \
  || bad "an unchanged record was extracted again"
grep -q '^90000005,' "$T/studies.csv" && bad "deleted record still in the studies export" || ok
[ "$(grep -c '^9000000' "$T/studies.csv")" = 4 ] && ok || bad "studies export does not hold the 4 live records"

expect 0 "rerun" -- "$LITMINE" run --config "$T/run.json"
grep -q "nothing new, nothing changed" "$T/out" && ok || bad "rerun after the update changed something: $(cat "$T/out")"

# An update whose checksum does not match: exit 2 naming it, nothing kept
printf '<?xml version="1.0"?>\n<PubmedArticleSet><DeleteCitation><PMID Version="1">90000001</PMID></DeleteCitation></PubmedArticleSet>\n' \
  | gzip > "$d/updatefiles/pubmed99n0003.xml.gz"
echo "MD5(pubmed99n0003.xml.gz)= 0123456789abcdef0123456789abcdef" > "$d/updatefiles/pubmed99n0003.xml.gz.md5"
expect 2 "md5 mismatch" -- "$LITMINE" run --config "$T/run.json"
tail -n 1 "$T/err" | grep -q "pubmed99n0003.xml.gz" && ok || bad "mismatch does not name the file: $(cat "$T/err")"
[ "$(q 'SELECT deleted FROM article WHERE pmid = 90000001')" = 0 ] && ok || bad "the mismatched file was applied"
finish
