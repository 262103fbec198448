#!/usr/bin/env bash
# Hostile input through `litmine import` and `search`: deep nesting, invalid
# UTF-8, a gzip bomb, an endless text node on stdin, an FTS query error, a
# full disk and a read-only directory.  Each: one line on stderr naming the
# input, the documented exit code, memory bounded, the corpus unchanged.
. "$(dirname "$0")/lib.bash"
db=$T/corpus.db
rec=$ROOT/examples/records
"$LITMINE" import -q --db "$db" "$rec/fictional_baseline.xml" || bad "seed import"
before=$(dump "$db")

# hostile FILE WHAT [MAX_RSS_KB]: exit 2, names FILE, corpus unchanged, RSS bounded
hostile() {
  local f=$1 what=$2 max=${3:-262144}
  expect 2 "$what" -- /usr/bin/time -f '%M' -o "$T/rss" "$LITMINE" import --db "$db" "$f"
  grep -v '^Command exited' "$T/err" > "$T/err1" || true; mv "$T/err1" "$T/err"
  err_has "$(basename "$f")" "$what names the file"
  [ "$(dump "$db")" = "$before" ] && ok || bad "$what changed the corpus"
  [ "$(tail -n 1 "$T/rss")" -lt "$max" ] && ok || bad "$what: peak RSS $(tail -n 1 "$T/rss") KB"
}

python3 - "$T/deep.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000201</PMID>'
            '<Article><ArticleTitle>' + '<i>' * 100000 + 'deep')
PY
hostile "$T/deep.xml" "100,000 nested elements"

printf '<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000202</PMID><Article><ArticleTitle>caf\xe9 \xff\xfe</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n' > "$T/badutf8.xml"
hostile "$T/badutf8.xml" "invalid UTF-8"

python3 - "$T/bomb.xml.gz" <<'PY'
import sys, zlib
z = zlib.compressobj(9, zlib.DEFLATED, 31)
with open(sys.argv[1], "wb") as f:
    f.write(z.compress(b'<?xml version="1.0"?>\n<PubmedArticleSet>'))
    block = b" " * (1 << 20)
    for _ in range(1024):          # 1 GiB of whitespace, about 1 MB on disk
        f.write(z.compress(block))
    f.write(z.compress(b"</PubmedArticleSet>\n") + z.flush())
PY
hostile "$T/bomb.xml.gz" "gzip bomb"
err_has "gzip bomb" "the bomb is called one"

# A text node without end, streamed on stdin: stopped at the field limit
# long before 2 GB, without reading the rest.
expect 2 "endless text node on stdin" -- sh -c "python3 -c '
import sys
o = sys.stdout.buffer
o.write(b\"<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000203</PMID><Article><Abstract><AbstractText>\")
chunk = b\"fictional \" * 100000
try:
    for _ in range(2200):
        o.write(chunk)
except BrokenPipeError:
    pass
' 2>/dev/null | /usr/bin/time -f '%M' -o '$T/rss' '$LITMINE' import --db '$db' -"
err_has "<stdin>" "endless node names stdin"
err_has "PMID 91000203" "endless node names the PMID"
[ "$(tail -n 1 "$T/rss")" -lt 262144 ] && ok || bad "endless node: peak RSS $(tail -n 1 "$T/rss") KB"
[ "$(dump "$db")" = "$before" ] && ok || bad "endless node changed the corpus"

# An FTS5 query it cannot parse: exit 2 with the query in the message.
expect 2 "FTS syntax error" -- "$LITMINE" search --db "$db" 'remission AND ('
err_has "remission AND (" "FTS syntax error names the query"

# A full disk: the file-size limit stops SQLite's writes (SIGXFSZ ignored so
# write() fails with EFBIG, as on a full filesystem).
python3 - "$T/many.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0"?>\n<PubmedArticleSet>\n')
    for i in range(3000):
        f.write('<PubmedArticle><MedlineCitation><PMID Version="1">%d</PMID><Article>'
                '<ArticleTitle>Fictional record %d about nothing</ArticleTitle><Abstract>'
                '<AbstractText>%s</AbstractText></Abstract></Article></MedlineCitation>'
                '</PubmedArticle>\n' % (92000000 + i, i, ("word%d " % i) * 120))
    f.write('</PubmedArticleSet>\n')
PY
cp "$db" "$T/full.db"
fullb=$(dump "$T/full.db")
limit_kb=$(( $(stat -c %s "$T/full.db") / 1024 + 256 ))
expect 4 "full disk" -- bash -c "trap '' XFSZ; ulimit -f $((limit_kb * 2)); exec '$LITMINE' import --db '$T/full.db' '$T/many.xml'"
err_has "full.db" "full disk names the database"
[ "$(dump "$T/full.db")" = "$fullb" ] && ok || bad "full disk: corpus changed"

# A read-only directory: the database cannot be created there.
mkdir -p "$T/rodir"; chmod 0555 "$T/rodir"; chmod 0755 "$T"
if [ "$(id -u)" -eq 0 ]; then ro=(setpriv --reuid=65534 --regid=65534 --clear-groups); else ro=(); fi
chmod 0644 "$rec/fictional_baseline.xml" 2>/dev/null || true
expect 4 "read-only directory" -- "${ro[@]}" "$LITMINE" import --db "$T/rodir/c.db" "$rec/fictional_baseline.xml"
err_has "rodir/c.db" "read-only directory names the database"
[ ! -e "$T/rodir/c.db" ] && ok || bad "read-only directory: a file appeared"
# A corpus in a folder the user cannot write (a read-only mount, another
# user's folder): every read command works, and nothing is written.
mkdir -p "$T/rocorpus"; cp "$db" "$T/rocorpus/c.db"; chmod 0644 "$T/rocorpus/c.db"
chmod 0555 "$T/rocorpus"
sum=$(md5sum < "$T/rocorpus/c.db")
pmid=$(sqlite3 "$db" "SELECT pmid FROM article WHERE deleted = 0 LIMIT 1")
chmod 0644 "$ROOT/tests/fixtures/reconcile/article.txt" 2>/dev/null || true
for cmd in "search remission" "show $pmid" "export --format csv" "check $ROOT/tests/fixtures/reconcile/article.txt"; do
  # shellcheck disable=SC2086
  expect 0 "read-only folder: $cmd" -- "${ro[@]}" "$LITMINE" $cmd --db "$T/rocorpus/c.db"
done
[ "$(md5sum < "$T/rocorpus/c.db")" = "$sum" ] && ok || bad "read-only folder: the database changed"
# In a writable folder, a read command leaves the file as it was.
cp "$db" "$T/rw.db"; sum=$(md5sum < "$T/rw.db"); ino=$(stat -c %i "$T/rw.db")
"$LITMINE" search --db "$T/rw.db" remission >/dev/null 2>&1
"$LITMINE" export --db "$T/rw.db" --format jsonl >/dev/null 2>&1
[ "$(md5sum < "$T/rw.db")" = "$sum" ] && [ "$(stat -c %i "$T/rw.db")" = "$ino" ] && ok \
  || bad "a read command changed the database"
[ ! -s "$T/rw.db-wal" ] && ok || bad "a read command left a non-empty WAL"
# A damaged database: bytes of a title overwritten inside its page (SQLite's
# structure is intact, the text is not UTF-8) and a garbled page.  Every
# read command exits 4 naming the table; nothing garbled reaches stdout.
cp "$db" "$T/bad.db"
python3 - "$T/bad.db" <<'PY'
import sqlite3, sys
p = sys.argv[1]
t = sqlite3.connect(p).execute("SELECT title FROM article WHERE deleted = 0 ORDER BY pmid LIMIT 1").fetchone()[0].encode()
d = bytearray(open(p, "rb").read())
i = d.find(t, 4096)
d[i + 2:i + 6] = b"\xff\xfe\xc3\x28"
open(p, "wb").write(d)
PY
bpmid=$(sqlite3 "$db" "SELECT pmid FROM article WHERE deleted = 0 ORDER BY pmid LIMIT 1")
for cmd in "export --format csv" "export --format jsonl" "show $bpmid" "show $bpmid --format json" "extract $bpmid"; do
  # shellcheck disable=SC2086
  expect 4 "corrupt text: $cmd" -- "$LITMINE" $cmd --db "$T/bad.db"
  err_has "table article" "corrupt text: $cmd names the table"
  python3 -c "import sys; open(sys.argv[1], 'rb').read().decode('utf-8')" "$T/out" 2>/dev/null && ok \
    || bad "corrupt text: $cmd wrote invalid UTF-8"
done
cp "$db" "$T/bad2.db"
page=$(sqlite3 "$T/bad2.db" "SELECT max(pageno) FROM dbstat WHERE name = 'article'" 2>/dev/null || echo 2)
python3 - "$T/bad2.db" "${page:-2}" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(4096 * (int(sys.argv[2]) - 1) + 2048)
    f.write(bytes([0xff, 0xfe, 0x80, 0x00] * 400))
PY
expect 4 "garbled page: export" -- "$LITMINE" export --format csv --db "$T/bad2.db"
err_has "malformed" "garbled page: export says the database is malformed"
finish
