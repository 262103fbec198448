#!/usr/bin/env bash
# The demo on the shipped (fictional) examples: import them into a fresh
# corpus and search it.  Usage: scripts/demo.sh [path/to/litmine]
set -euo pipefail
cd "$(dirname "$0")/.."

litmine=${1:-build/litmine}
db=demo.db
rm -f "$db" "$db-wal" "$db-shm"

echo "== litmine import examples/records/*" >&2
"$litmine" import --db "$db" examples/records/*.xml examples/records/*.nxml
echo "== import again: a no-op" >&2
"$litmine" import --db "$db" examples/records/*.xml
echo "== litmine search 'remission'" >&2
"$litmine" search --db "$db" --limit 5 'remission'
echo "== litmine show 90000003" >&2
"$litmine" show --db "$db" 90000003
echo "== litmine export --format csv (first lines)" >&2
"$litmine" export --db "$db" --format csv | head -n 3
echo "demo corpus: $db" >&2
