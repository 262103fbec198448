#!/bin/bash
# The layering arrows DESIGN.md draws, and the "never" ones checked by
# grepping includes and calls of the library's sources:
#   - the database belongs to corpus/: no sqlite3_ call, no <sqlite3.h> and
#     no <libpq-fe.h> anywhere else (cli, core, extractors, fetch, pipeline,
#     reconcile, include), and no SQL of the corpus tables either;
#   - extractors/ and fetch/ (and the public headers) do not include corpus
#     internals (corpus_int.h, backend.h); extract.h does not include corpus.h;
#   - no stage below the CLI includes a cli/ header.
# Then a self-test: a small tree that breaks each rule must fail each check,
# so a check that silently stopped matching fails too.
# usage: layering.sh [LITMINE BUILD_DIR]   (arguments unused: sources only)
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)

# check ROOT: prints one line per violation; exit 1 when there is any
check() {
  local root=$1 bad=0 out
  local below_cli="core corpus extractors fetch pipeline reconcile include"
  local not_db="cli core extractors fetch pipeline reconcile include"
  hits() {  # hits REGEX DIRS...: matching lines of the .c/.h files
    local re=$1; shift
    (cd "$root" && for d in "$@"; do [ -e "$d" ] && grep -rnHE --include='*.c' --include='*.h' "$re" "$d"; done)
  }
  report() {  # report RULE OUTPUT
    if [ -n "$2" ]; then
      printf '%s\n' "$2" | sed "s|^|layering: $1: |"
      bad=1
    fi
  }
  # shellcheck disable=SC2086
  out=$(hits 'sqlite3_|<sqlite3\.h>|<libpq-fe\.h>|\bPQ[a-z]+\(' $not_db)
  report "database call outside corpus/" "$out"
  # shellcheck disable=SC2086
  out=$(hits '\b(FROM|INTO|UPDATE|TABLE) (article|article_fts|article_pmc|extraction|extract_state|source_file|fetch_state)\b|\bMATCH \?' $not_db)
  report "corpus SQL outside corpus/" "$out"
  out=$(hits '#include.*(corpus_int\.h|corpus/backend\.h|"backend\.h")' extractors fetch include)
  report "corpus internals included" "$out"
  out=$(hits '#include.*corpus\.h' include/litmine/extract.h)
  report "extract.h includes corpus.h" "$out"
  # shellcheck disable=SC2086
  out=$(hits '#include.*(cli\.h|"cli/)' $below_cli)
  report "a stage below the CLI includes a cli/ header" "$out"
  return $bad
}

fail=0
if ! check "$SRC"; then
  echo "FAIL: the layering of $SRC is broken (lines above)"
  fail=1
else
  echo "ok: layering of the sources"
fi

# self-test: one broken tree per rule, each must be caught
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mk() {  # mk NAME FILE CONTENT: a tree holding one file
  mkdir -p "$T/$1/$(dirname "$2")"
  printf '%s\n' "$3" > "$T/$1/$2"
}
mk sqlite pipeline/x.c 'static void f(void *db) { sqlite3_exec(db, "", 0, 0, 0); }'
mk sqlhdr reconcile/x.c '#include <sqlite3.h>'
mk pq pipeline/x.c 'static void f(void *c) { PQexec(c, ""); }'
mk sql reconcile/x.c 'static const char q[] = "SELECT 1 FROM article_fts WHERE article_fts MATCH ?1";'
mk internal extractors/x.c '#include "corpus/corpus_int.h"'
mk backend fetch/x.c '#include "corpus/backend.h"'
mk extract_h include/litmine/extract.h '#include "corpus.h"'
mk cli pipeline/x.c '#include "cli/cli.h"'
mk clih corpus/x.c '#include "cli.h"'
mk clean pipeline/x.c '#include <litmine/corpus.h>'
mk clean corpus/x.c 'static void f(void *db) { sqlite3_exec(db, "SELECT 1 FROM article", 0, 0, 0); }'
for t in sqlite sqlhdr pq sql internal backend extract_h cli clih; do
  if check "$T/$t" >/dev/null; then
    echo "FAIL: self-test: the check misses a broken tree ($t)"
    fail=1
  fi
done
if ! check "$T/clean"; then
  echo "FAIL: self-test: the check refuses a sound tree"
  fail=1
fi
[ $fail = 0 ] && echo "ok: self-test (each rule catches its breakage)"
exit $fail
