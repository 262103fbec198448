#!/usr/bin/env bash
# The demo on the shipped (fictional) examples: import them into a fresh
# corpus, search it, run the refresh job once (extract + a studies dataset)
# and again (a no-op), then audit an example article with `litmine check`
# and write its HTML report.  Everything lands in demo-out/.
# Usage: scripts/demo.sh [path/to/litmine]
set -euo pipefail
cd "$(dirname "$0")/.."

litmine=${1:-build/litmine}
out=demo-out
db=$out/demo.db
mkdir -p "$out"
rm -f "$db" "$db-wal" "$db-shm" "$db.lock"

echo "== litmine import examples/records/*" >&2
"$litmine" import --db "$db" examples/records/*.xml examples/records/*.nxml
echo "== import again: a no-op" >&2
"$litmine" import --db "$db" examples/records/*.xml
echo "== litmine search 'remission'" >&2
"$litmine" search --db "$db" --limit 5 'remission'
echo "== litmine show 90000003" >&2
"$litmine" show --db "$db" 90000003

# The refresh job: no saved query (the demo stays offline), so it extracts
# what was imported and writes the studies dataset.
cat > "$out/run.json" <<'EOF'
{"database": "demo.db", "extract": true,
 "exports": [{"what": "studies", "format": "csv", "path": "studies.csv"}]}
EOF
echo "== litmine run --config $out/run.json" >&2
"$litmine" run --config "$out/run.json"
echo "== litmine run again: nothing new" >&2
"$litmine" run --config "$out/run.json"
echo "== $out/studies.csv (first lines)" >&2
head -n 3 "$out/studies.csv"

article=$(ls examples/articles/*.txt | head -n 1)
echo "== litmine check $article" >&2
# --fail-on is not used here: the example article is meant to hold weak claims
"$litmine" check --db "$db" "$article"
"$litmine" check --db "$db" --format html "$article" > "$out/report.html"
echo "HTML report of $article: $(cd "$out" && pwd)/report.html" >&2
echo "demo corpus: $db; studies dataset: $out/studies.csv" >&2
