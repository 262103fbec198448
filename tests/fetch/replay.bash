# Helpers for the fetch integration scripts (sourced, not a test itself):
# start and stop lm-replay on a free loopback port, read its request log.
# Source after ../cli/lib.bash; $2 is the build directory.
REPLAY=$2/lm-replay
SRV=
# Keep each test's retries fast; the rate limit still applies.
FAST=(--retry-delay 0.02 --retry-max 0.2)

stop_server() {
  if [ -n "$SRV" ]; then kill "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=; fi
}
trap 'stop_server; cleanup' EXIT

# start_server ARGS...: lm-replay on a free port; sets PORT, URL; log in $T/log
start_server() {
  stop_server
  rm -f "$T/port" "$T/log"
  "$REPLAY" --port-file "$T/port" --log "$T/log" "$@" >/dev/null 2>>"$T/server.err" &
  SRV=$!
  local i
  for i in $(seq 200); do [ -s "$T/port" ] && break; sleep 0.05; done
  PORT=$(cat "$T/port" 2>/dev/null)
  [ -n "$PORT" ] || { echo "lm-replay did not start: $(cat "$T/server.err")"; exit 1; }
  URL="http://127.0.0.1:$PORT/"
}

# max_window LOG: the most requests the server saw in any 1-second window
max_window() {
  awk '{ t[NR] = $1 } END { m = 0; j = 1
         for (i = 1; i <= NR; i++) { while (t[i] - t[j] >= 1.0) j++; if (i - j + 1 > m) m = i - j + 1 }
         print m }' "$1"
}

# article_dump DB: the canonical content the fetch tests compare
article_dump() { sqlite3 "$1" "SELECT pmid, version, title FROM article ORDER BY pmid"; }

# expected ARGS...: what lm-replay serves with these record options, same shape
expected() { "$REPLAY" --list "$@"; }

# same_corpus DB FILE WHAT: the corpus holds exactly the records in FILE
same_corpus() {
  if diff <(article_dump "$1") "$2" >"$T/diff"; then ok
  else bad "$3: corpus differs from the server's records: $(head -c 400 "$T/diff")"; fi
}
