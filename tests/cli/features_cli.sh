#!/usr/bin/env bash
# Everyday features through the command line: reference-manager exports
# (BibTeX read back by a real parser), PMID lists (--pmids FILE|-) for
# export/extract/show, export --query, several PMIDs in show, search filters,
# the hit count and the no-match exit status, and the progress line (only on
# a terminal, never under -q or into a pipe).
. "$(dirname "$0")/lib.bash"
db=$T/c.db
rec=$ROOT/examples/records
refs=$ROOT/tests/fixtures/pipeline/refs.xml

expect 0 "import" -- "$LITMINE" import --db "$db" "$rec/fictional_baseline.xml" "$refs"

# ---- reference formats ----------------------------------------------------
py=""
for p in python3 /usr/bin/python3; do
  if "$p" -c 'import bibtexparser' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] && ok || bad "python3-bibtexparser is not installed (scripts/deps.sh)"
expect 0 "export bibtex" -- "$LITMINE" export --db "$db" --format bibtex
cp "$T/out" "$T/refs.bib"
[ -n "$py" ] && "$py" - "$T/refs.bib" <<'EOF' && ok || bad "bibtexparser reads the export: keys, escaped specials, UTF-8 authors"
import sys, bibtexparser
raw = open(sys.argv[1], 'rb').read()
raw.decode('utf-8')                       # valid UTF-8
db = bibtexparser.loads(raw.decode('utf-8'))
e = {x['ID']: x for x in db.entries}
assert len(e) == 7, sorted(e)
a = e['mullerlukasz2024pmid91000001']      # stable key: author, year, PMID
assert a['ENTRYTYPE'] == 'article'
assert a['author'] == 'Müller-Łukasz, JP and Ñandú, A and {Invented Trials Group}', a['author']
t = a['title']
for esc in (r'\&', r'50\%', r'fewer\_events', r'\{braces\}', r'\$cost', r'\#tags', r'\textasciitilde{}', r'\textasciicircum{}', r'\textbackslash{}'):
    assert esc in t, (esc, t)
assert a['doi'] == '10.99999/aip.2024.7' and a['pmcid'] == 'PMC9100001' and a['year'] == '2024'
assert 'anonpmid91000002' in e            # no author, no year
assert all(k.isascii() and k.isalnum() for k in e), sorted(e)
EOF
# braces balance in every entry (a stray brace breaks a whole .bib file)
awk '/^@/{d=0} {n=gsub(/\\[{}]/,""); o=gsub(/{/,"{"); c=gsub(/}/,"}"); d+=o-c} /^}$/{if(d!=0) bad=1} END{exit bad}' "$T/refs.bib" \
  && ok || bad "braces balance in each BibTeX entry"
expect 0 "export bibtex again" -- "$LITMINE" export --db "$db" --format bibtex
cmp -s "$T/out" "$T/refs.bib" && ok || bad "a second BibTeX export is byte-identical (stable keys)"

expect 0 "export ris" -- "$LITMINE" export --db "$db" --format ris --pmids - <<< 91000001
[ "$(grep -c '^TY  - JOUR' "$T/out")" -eq 1 ] && grep -q '^ER  - ' "$T/out" && ok || bad "one RIS record, TY..ER"
grep -q '^AU  - Müller-Łukasz, JP' "$T/out" && grep -q '^AU  - Invented Trials Group' "$T/out" \
  && ok || bad "RIS: one AU line per author, family name first"
grep -q '^KW  - Placebos' "$T/out" && grep -q '^DO  - 10.99999/aip.2024.7' "$T/out" && grep -q '^AN  - 91000001' "$T/out" \
  && ok || bad "RIS: KW per MeSH heading, DO, AN"
! grep -v '^[A-Z][A-Z0-9]  - \|^$' "$T/out" | tr -d '\r' | grep -q . && ok || bad "RIS: every line is TAG  - value"
# a real RIS reader (bibutils' ris2xml, as reference managers' importers do)
expect 0 "export ris, all" -- "$LITMINE" export --db "$db" --format ris
ris2xml "$T/out" > "$T/ris.xml" 2>/dev/null
[ "$(grep -c '<mods ID=' "$T/ris.xml")" -eq "$(grep -c '^TY  - ' "$T/out")" ] \
  && grep -q '<namePart type="family">Müller-Łukasz</namePart>' "$T/ris.xml" \
  && grep -q '<dateIssued>2024</dateIssued>' "$T/ris.xml" \
  && ok || bad "ris2xml reads every RIS record with its authors and year"

expect 0 "export medline" -- "$LITMINE" export --db "$db" --format medline --query quenorel
grep -q '^PMID- 91000001' "$T/out" && grep -q '^AU  - Müller-Łukasz JP' "$T/out" && grep -q '^MH  - Imaginary Disorders' "$T/out" \
  && grep -q '^PT  - Randomized Controlled Trial' "$T/out" && grep -q '^AID - 10.99999/aip.2024.7 \[doi\]' "$T/out" \
  && ok || bad "MEDLINE tags: PMID, AU, MH, PT, AID"
awk 'length($0) > 80 {exit 1}' "$T/out" && ok || bad "MEDLINE lines wrapped at 80 columns"
! grep -q '^PMID- 9000000' "$T/out" && ok || bad "export --query exports only what the search finds"
expect 1 "ris of studies" -- "$LITMINE" export --db "$db" --format ris --what studies
err_has "articles" "reference formats hold articles only"

# ---- PMID lists --------------------------------------------------------------
printf '90000002\n\n  90000001  \n90000002\n99999999\n' > "$T/list"
expect 0 "export --pmids FILE" -- "$LITMINE" export --db "$db" --format csv --pmids "$T/list"
pmids_of() { python3 -c 'import csv,sys; print(" ".join(r[0] for r in csv.reader(open(sys.argv[1], newline=""))))' "$1"; }
[ "$(pmids_of "$T/out")" = "pmid 90000002 90000001" ] \
  && ok || bad "articles in list order, duplicates once, unknown PMID skipped: $(pmids_of "$T/out")"
grep -q '99999999' "$T/err" && ok || bad "the unknown PMID is named in a warning"
printf '90000001\nabc\n' > "$T/badlist"
expect 2 "bad line" -- "$LITMINE" export --db "$db" --pmids "$T/badlist"
err_has "$T/badlist:2: 'abc' is not a PMID" "bad line names file and line"
expect 2 "bad line on stdin" -- "$LITMINE" show --db "$db" --pmids - <<< "12x"
err_has "<stdin>:1:" "stdin is named"
expect 2 "missing list" -- "$LITMINE" extract --db "$db" --pmids "$T/none"
err_has "$T/none" "an unreadable list is named"
expect 1 "--pmids and --query" -- "$LITMINE" export --db "$db" --pmids "$T/list" --query x

printf '90000001\n91000001\n' > "$T/list.ok"
expect 0 "extract --pmids -" -- "$LITMINE" extract --db "$db" --pmids - < "$T/list.ok"
[ "$(python3 -c 'import json,sys; print(" ".join(sorted({json.loads(l)["pmid"] for l in open(sys.argv[1])})))' "$T/out")" = "90000001 91000001" ] \
  && ok || bad "extract --pmids runs on exactly the listed PMIDs"
expect 0 "export studies subset" -- "$LITMINE" export --db "$db" --what studies --format csv --pmids - <<< 91000001
[ "$(pmids_of "$T/out")" = "pmid 91000001" ] && ok || bad "studies of the listed PMIDs only"
expect 0 "export extractions subset" -- "$LITMINE" export --db "$db" --what extractions --pmids - <<< 90000001
grep -q '"pmid":"90000001"' "$T/out" && ! grep -q '"pmid":"91000001"' "$T/out" && ok || bad "extractions of the listed PMIDs only"
expect 0 "empty list" -- "$LITMINE" export --db "$db" --format csv --pmids /dev/null
[ "$(wc -l < "$T/out")" -eq 1 ] && ok || bad "an empty list exports the header only, not everything"

expect 0 "show several" -- "$LITMINE" show --db "$db" 90000001 91000001
[ "$(grep -c '^PMID ' "$T/out")" -eq 2 ] && ok || bad "show prints each PMID given"
expect 0 "show json several" -- "$LITMINE" show --db "$db" --format json --pmids "$T/list.ok"
python3 -c 'import json,sys; assert [json.loads(l)["pmid"] for l in open(sys.argv[1])] == ["90000001","91000001"]' "$T/out" \
  && ok || bad "show --format json: one object per line, in order"
expect 2 "show a missing one among others" -- "$LITMINE" show --db "$db" 90000001 99999999
grep -q '^PMID *90000001' "$T/out" && grep -q 99999999 "$T/err" && ok || bad "the others are shown, the missing one named"

# ---- search: filters, total, exit status --------------------------------------
expect 0 "search" -- "$LITMINE" search --db "$db" --limit 1 remission
grep -q '3 hits, 1 shown' "$T/err" && [ "$(grep -c '^9' "$T/out")" -eq 1 ] && ok || bad "total counts every hit, --limit the shown ones: $(cat "$T/err")"
expect 0 "search --design" -- "$LITMINE" search --db "$db" --design rct remission
[ "$(cut -f1 "$T/out" | grep '^9' | tr '\n' ' ')" = "90000001 " ] && ok || bad "--design rct"
expect 0 "search --design levels" -- "$LITMINE" search --db "$db" --design L1,L4 remission
[ "$(cut -f1 "$T/out" | grep '^9' | sort | tr '\n' ' ')" = "90000002 90000003 " ] && ok || bad "--design L1,L4"
expect 0 "search --year" -- "$LITMINE" search --db "$db" --year 2021-2022 remission
[ "$(cut -f1 "$T/out" | grep '^9' | sort | tr '\n' ' ')" = "90000002 90000003 " ] && ok || bad "--year 2021-2022"
expect 0 "search --type" -- "$LITMINE" search --db "$db" --type 'meta-analysis' remission
[ "$(cut -f1 "$T/out" | grep '^9' | tr '\n' ' ')" = "90000003 " ] && ok || bad "--type"
expect 0 "search --mesh" -- "$LITMINE" search --db "$db" --mesh 'depressive' remission
[ "$(cut -f1 "$T/out" | grep '^9' | tr '\n' ' ')" = "90000001 " ] && ok || bad "--mesh"
expect 7 "search filtered to nothing" -- "$LITMINE" search --db "$db" --year 1990-1991 remission
err_has "no match" "no match is said"
expect 7 "search no hit quiet" -- "$LITMINE" search -q --db "$db" zzzqqq
[ ! -s "$T/err" ] && ok || bad "-q: nothing on stderr"
expect 1 "unknown --design" -- "$LITMINE" search --db "$db" --design rtc remission
err_has "'rtc' is neither a design" "an unknown design is named"
expect 1 "bad --year" -- "$LITMINE" search --db "$db" --year 2020-2010 x
err_has "--year 2020-2010" "bad --year named"

# ---- studies sheet: identifiers, authors, design flags, registrations ---------
regs=$ROOT/tests/fixtures/pipeline/registrations.xml
expect 0 "import registrations" -- "$LITMINE" import --db "$db" "$regs"
expect 0 "extract it" -- "$LITMINE" extract --db "$db" 92000001
expect 0 "studies jsonl" -- "$LITMINE" export --db "$db" --what studies --pmids - <<< 92000001
python3 - "$T/out" <<'EOF' && ok || bad "studies row: doi, pmcid, authors, pub_types, design flags, registrations"
import json, sys
d = json.loads(open(sys.argv[1]).readline())
assert d['doi'] == '10.99999/jpt.2025.1' and d['pmcid'] == 'PMC9200001', d
assert d['first_author'] == 'Imaginary I' and d['authors'] == 'Imaginary I; Pretend P', d
assert 'Randomized Controlled Trial' in d['pub_types']
assert (d['secondary_analysis'], d['crossover'], d['double_blind'], d['protocol'], d['open_label']) == (1, 1, 1, 0, 0), d
# abstract ("NCT 09876543" and NCT09876543 once), DataBankList; no sequence accession
assert d['registrations'].split('; ') == ['NCT09876543', 'ACTRN12699000123456', 'NCT09876544', 'ISRCTN99887766'], d['registrations']
EOF
expect 0 "studies csv" -- "$LITMINE" export --db "$db" --what studies --format csv
python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], newline=""))); assert all(len(x) == len(r[0]) for x in r) and r[0][-1] == "registrations"' "$T/out" \
  && ok || bad "studies CSV: every row has the header's columns"
# a corpus of schema 3 (before DataBankList) is migrated by import
cp "$db" "$T/v1.db"
sqlite3 "$T/v1.db" "ALTER TABLE article DROP COLUMN databanks; PRAGMA user_version = 3"
expect 4 "old schema read-only" -- "$LITMINE" export --db "$T/v1.db" --what studies
expect 0 "import migrates" -- "$LITMINE" import --db "$T/v1.db" "$regs"
[ "$(sqlite3 "$T/v1.db" 'PRAGMA user_version')" -ge 4 ] && sqlite3 "$T/v1.db" 'SELECT databanks FROM article LIMIT 1' >/dev/null \
  && ok || bad "schema migrated to 4 with the databanks column"

# ---- progress: a terminal only ---------------------------------------------------
expect 0 "extract --all piped" -- "$LITMINE" extract --db "$db" --all
! grep -q $'\r' "$T/err" && [ "$(wc -l < "$T/err")" -eq 1 ] && ok || bad "no progress line when stderr is not a terminal"
if command -v script >/dev/null; then
  # script(1) gives the command a pseudo-terminal; stdout goes to a file
  script -qec "'$LITMINE' extract --db '$db' --all >/dev/null" "$T/tty" >/dev/null 2>&1
  grep -aq '[0-9]/[0-9]* (100%) articles' "$T/tty" && ok || bad "progress line on a terminal: $(tr '\r' '|' < "$T/tty" | head -c 200)"
  script -qec "'$LITMINE' extract -q --db '$db' --all >/dev/null" "$T/tty" >/dev/null 2>&1
  ! grep -aq '(100%)' "$T/tty" && ok || bad "no progress under -q"
  # litmine run: the extract stage's line, ended before the stage's report
  sqlite3 "$db" "DELETE FROM extract_state"
  printf '{"database": "%s", "queries": [], "extract": true}\n' "$db" > "$T/job.json"
  script -qec "'$LITMINE' run --config '$T/job.json' >/dev/null" "$T/tty" >/dev/null 2>&1
  grep -aq '(100%) extract' "$T/tty" && grep -aq '^litmine: extract: ' "$T/tty" \
    && ok || bad "run draws the extract stage's progress on a terminal: $(tr '\r' '|' < "$T/tty" | head -c 300)"
  # import of several files: a line of files, cleared before each report
  script -qec "'$LITMINE' import --db '$T/prog.db' '$regs' '$refs' >/dev/null" "$T/tty" >/dev/null 2>&1
  grep -aq '2/2 (100%) files' "$T/tty" && ok || bad "import of several files draws progress: $(tr '\r' '|' < "$T/tty" | head -c 300)"
  expect 0 "import of several files piped" -- "$LITMINE" import --db "$T/prog2.db" "$regs" "$refs"
  ! grep -q $'\r' "$T/err" && ok || bad "no import progress when stderr is not a terminal"
  sqlite3 "$db" "DELETE FROM extract_state"
  expect 0 "run piped" -- "$LITMINE" run --config "$T/job.json"
  ! grep -q '(100%)' "$T/err" && ok || bad "no run progress when stderr is not a terminal"
fi
finish
