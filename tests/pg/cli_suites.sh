#!/usr/bin/env bash
# The CLI scripts written for either backend (newcorpus, tests/cli/lib.bash)
# run twice, on SQLite and on PostgreSQL: both pass, and every command
# they run prints the same on both (exit status and stdout, compared as
# transcripts).  What they cover: import (versions, deletions, the
# ledger, stdin), show, extract, search and export (import_cli.sh), and
# `litmine check` in every format and on bad input (check_cli.sh).
source "$(dirname "$0")/lib.bash"
for s in import_cli check_cli; do
  for be in sqlite postgresql; do
    if LITMINE_TEST_BACKEND=$be LITMINE_TEST_TRANSCRIPT=$T/$s.$be \
       bash "$ROOT/tests/cli/$s.sh" "$LITMINE" "$BUILD" >"$T/log" 2>&1
    then ok; else bad "$s.sh on $be: $(grep FAIL "$T/log" | head -c 400)"; fi
  done
  # (but for the snippets of `search`: README "Sharing a corpus"; in a
  # text list, the tab-indented line under each hit and, on PostgreSQL,
  # the further lines of a snippet keeping its abstract's line breaks)
  for be in sqlite postgresql; do
    sed -E 's/"snippet":"([^"\\]|\\.)*"/"snippet":"..."/g' "$T/$s.$be" |
      awk '/^\t/ { print "\t(snippet)"; snip = 1; next }
           snip && !/^(== |[0-9])/ { next }
           { snip = 0; print }' > "$T/$s.$be.cmp"
  done
  if [ -s "$T/$s.sqlite" ] && cmp -s "$T/$s.sqlite.cmp" "$T/$s.postgresql.cmp"; then ok
  else bad "$s.sh: the backends' outputs differ: $(diff "$T/$s.sqlite.cmp" "$T/$s.postgresql.cmp" | head -c 600)"; fi
done
finish
