# Helpers for the CLI integration scripts (sourced, not a test itself).
# Each script gets: $1 = litmine binary, $2 = build directory.
set -uo pipefail
LITMINE=$1
BUILD=${2:-}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
T=$(mktemp -d)
bg_pids=()
# cleanup: what the EXIT trap does (background servers killed, $T removed)
cleanup() { [ ${#bg_pids[@]} -eq 0 ] || kill "${bg_pids[@]}" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
pass=0 fail=0

# sanitized: the build under test is an ASan+UBSan one (LM_SANITIZE)
sanitized() { grep -q '^LM_SANITIZE:BOOL=ON' "$BUILD/CMakeCache.txt" 2>/dev/null; }
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# transcribe DESCRIPTION STATUS: with LITMINE_TEST_TRANSCRIPT=FILE, appends
# the last command's description, exit status and stdout to FILE (this
# run's temporary folder written @T@, times @TIME@, loopback ports @PORT@),
# so that two runs of a
# script, one per backend, can be compared output for output
# (tests/pg/cli_suites.sh)
transcribe() {
  [ -n "${LITMINE_TEST_TRANSCRIPT:-}" ] || return 0
  { echo "== $1: exit $2"
    sed -E "s#$T#@T@#g; s#[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?Z?#@TIME@#g; s#127\.0\.0\.1:[0-9]+#127.0.0.1:@PORT@#g" \
      "$T/out"; } >> "$LITMINE_TEST_TRANSCRIPT"
}
# expect CODE DESCRIPTION -- CMD...: runs CMD, checks its exit status,
# keeps stdout in $T/out and stderr in $T/err.
expect() {
  local want=$1 what=$2; shift 3
  "$@" >"$T/out" 2>"$T/err"
  local got=$?
  transcribe "$what" "$got"
  if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, wanted $want; stderr: $(head -c 300 "$T/err")"; fi
}
# err_has TEXT DESCRIPTION: stderr of the last command contains TEXT, on one line
err_has() {
  if grep -qF -- "$1" "$T/err" && [ "$(wc -l < "$T/err")" -le 2 ]; then ok
  else bad "$2: stderr lacks '$1' or is not one line: $(head -c 300 "$T/err")"; fi
}
# fails CODE TEXT DESCRIPTION -- CMD...: expect CODE, then err_has TEXT
fails() {
  local code=$1 text=$2 what=$3; shift 3
  expect "$code" "$what" "$@"
  err_has "$text" "$what: message"
}
# The backend of the corpora newcorpus makes: SQLite files, or with
# LITMINE_TEST_BACKEND=postgresql databases on the server of the ctest
# fixture pg_server ($LITMINE_PG_DIR), so that a script written with
# newcorpus and corpus_sql runs on both (CMakeLists.txt registers the
# ones that are, again as pg_cli_*).
LITMINE_TEST_BACKEND=${LITMINE_TEST_BACKEND:-sqlite}
# newcorpus NAME: a fresh, empty corpus (NAME: [a-z0-9_], unique within
# the script); prints its --db
newcorpus() {
  if [ "$LITMINE_TEST_BACKEND" = postgresql ]; then
    bash "$ROOT/scripts/pg.sh" newdb "$LITMINE_PG_DIR" "lm_$(basename "$0" .sh)_$$_$1"
  else
    echo "$T/$1.db"
  fi
}
# corpus_sql DB SQL: runs SQL (of both dialects) in newcorpus's corpus DB
corpus_sql() {
  if [ "$LITMINE_TEST_BACKEND" = postgresql ]; then
    local name=${1#*@/}
    bash "$ROOT/scripts/pg.sh" sql "$LITMINE_PG_DIR" "${name%%\?*}" "$2"
  else
    sqlite3 "$1" "$2"
  fi
}
# dump DB: canonical content of the corpus tables
dump() {
  sqlite3 "$1" "SELECT pmid, version, deleted, title, abstract, journal, year FROM article ORDER BY pmid;
                SELECT name, md5, records FROM source_file ORDER BY md5;" 2>&1
}
# hold_lock FILE [TEXT]: another process takes FILE's lock (flock(2), as a
# concurrent litmine would) and writes TEXT into it (a pid, say); returns
# once the lock is held, the holder's pid in $holder.  The holder is that
# process itself (exec sleep), with no output, so release_lock frees the
# lock at once and nothing keeps the test's output open after it ends.
hold_lock() {
  rm -f "$T/lock.held"
  ( exec 9>"$1"; flock 9; [ -n "${2:-}" ] && echo "$2" >&9; : > "$T/lock.held"; exec sleep 60 ) \
    >/dev/null 2>&1 &
  holder=$!
  for _ in $(seq 200); do [ -e "$T/lock.held" ] && break; sleep 0.02; done
}
release_lock() { kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null; }
# bg_server PORTFILE CMD...: CMD in the background until the test ends; it
# writes its port to PORTFILE, which is waited for; the port is in $port.
bg_server() {
  local f=$1; shift
  rm -f "$f"
  "$@" &
  bg_pids+=($!)
  for _ in $(seq 100); do [ -s "$f" ] && break; sleep 0.05; done
  port=$(cat "$f" 2>/dev/null)
}
# start_srv PORTFILE ADDR [OPTION...]: tests/cli/loopback_srv.py on ADDR,
# serving tests/fixtures/reconcile/page.html as /ok.html (see its routes)
start_srv() {
  bg_server "$1" python3 "$ROOT/tests/cli/loopback_srv.py" "$ROOT/tests/fixtures/reconcile/page.html" "$@"
}
finish() {
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}
