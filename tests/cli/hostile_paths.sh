#!/usr/bin/env bash
# Hostile or unlucky paths around `litmine run`: an export path that is the
# corpus under another spelling (or its -wal/-shm/.lock file), an export to a
# device (/dev/null, a FIFO), a directory as export, a symlink planted under
# the export's temporary name or under the lock's name.  Each: the corpus and
# the symlink's target untouched, a one-line message naming the path.
. "$(dirname "$0")/lib.bash"
rec=$ROOT/examples/records
mkdir -p "$T/job/in"
cp "$rec/fictional_baseline.xml" "$T/job/in/"
cd "$T/job"

# cfg EXPORT_PATH: a run config with one studies export at EXPORT_PATH
cfg() {
  printf '{"database": "psy.db", "import_dirs": ["in"], "extract": false,\n "exports": [{"what": "articles", "format": "csv", "path": "%s"}]}\n' "$1" > run.json
}

cfg "out.csv"
expect 0 "seed run" -- "$LITMINE" run -q --config run.json
before=$(dump psy.db)
[ -n "$before" ] && ok || bad "seed run stored nothing"

# The database under other spellings, and its companion files: refused, exit
# 2 (the config is bad input), corpus intact.
ln -s psy.db alias.db
for p in ./psy.db "$T/job/psy.db" in/../psy.db alias.db psy.db-wal psy.db-shm psy.db.lock; do
  cfg "$p"
  expect 2 "export to $p" -- "$LITMINE" run -q --config run.json
  err_has "refusing to overwrite" "export to $p says why"
  [ "$(dump psy.db)" = "$before" ] && ok || bad "export to $p changed the corpus"
done

# A directory is no export.
mkdir -p adir
cfg "adir"
expect 2 "export to a directory" -- "$LITMINE" run -q --config run.json
err_has "is a directory" "export to a directory says why"

# Devices and pipes are written to, never replaced by a regular file.
if [ -c /dev/null ]; then
  cfg "/dev/null"
  expect 0 "export to /dev/null" -- "$LITMINE" run -q --config run.json
  [ -c /dev/null ] && ok || bad "/dev/null is no longer a character device"
fi
mkfifo fifo
timeout 30 cat fifo > fifo.out &
reader=$!
cfg "fifo"
expect 0 "export to a FIFO" -- "$LITMINE" run -q --config run.json
wait "$reader"
[ -p fifo ] && ok || bad "the FIFO was replaced by a regular file"
grep -q '^pmid,' fifo.out && ok || bad "the FIFO reader got no CSV: $(head -c 200 fifo.out)"

# A symlink planted under the export's temporary name: the export is
# written, the symlink's target is not touched.
echo "precious" > precious.txt
cfg "x.csv"
ln -s "$T/job/precious.txt" .x.csv.litmine-tmp
expect 0 "planted temporary symlink" -- "$LITMINE" run -q --config run.json
[ "$(cat precious.txt)" = "precious" ] && ok || bad "planted symlink: its target was overwritten"
grep -q '^pmid,' x.csv && ok || bad "planted symlink: x.csv not written"
[ ! -L x.csv ] && ok || bad "x.csv is a symlink"

# A symlink planted as the lock file: refused (exit 4), its target intact.
rm -f psy.db.lock
ln -s "$T/job/precious.txt" psy.db.lock
cfg "out.csv"
expect 4 "planted lock symlink" -- "$LITMINE" run -q --config run.json
err_has "psy.db.lock" "planted lock symlink names the lock"
[ "$(cat precious.txt)" = "precious" ] && ok || bad "planted lock symlink: its target was truncated"
# A config error is found before the lock is taken: with the lock held by
# another process, an impossible date or a duplicate key is still exit 2.
rm -f psy.db.lock
printf '{"database": "psy.db", "queries": [{"name": "n", "query": "q", "since": "2015/02/31"}]}\n' > bad.json
printf '{"database": "psy.db", "extract": true, "extract": false}\n' > dup.json
hold_lock psy.db.lock
expect 2 "impossible since date" -- "$LITMINE" run -q --config bad.json
err_has "2015/02/31" "impossible date named"
expect 2 "duplicate key" -- "$LITMINE" run -q --config dup.json
err_has "given twice" "duplicate key named"
release_lock
finish
