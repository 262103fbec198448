# Helpers for the PostgreSQL integration scripts (sourced, not a test
# itself): the CLI test helpers, and databases on the server the ctest
# fixture pg_server started ($LITMINE_PG_DIR, scripts/pg.sh).
source "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.bash"
PGSH=$ROOT/scripts/pg.sh
if [ -z "${LITMINE_PG_DIR:-}" ] || [ ! -d "$LITMINE_PG_DIR" ]; then
  echo "LITMINE_PG_DIR unset: run under ctest -L pg (fixture pg_server)" >&2
  exit 1
fi
# newdb NAME: a fresh database on the test server ([a-z0-9_], unique within
# the script); prints its URL
newdb() {
  bash "$PGSH" newdb "$LITMINE_PG_DIR" "lm_$(basename "$0" .sh)_$$_$1"
}
# dbname URL: the database name of newdb's URL
dbname() {
  local name=${1#*@/}
  echo "${name%%\?*}"
}
# pgurl DB ROLE [PASSWORD]: the URL of database DB (from newdb's URL) as ROLE
pgurl() {
  bash "$PGSH" url "$LITMINE_PG_DIR" "$(dbname "$1")" "$2" "${3:-}"
}
# pgsql DB SQL: the rows of SQL in database DB (newdb's URL), unaligned
pgsql() {
  bash "$PGSH" sql "$LITMINE_PG_DIR" "$(dbname "$1")" "$2"
}
# articles_dump DB: the export of a corpus without its timestamps (two
# imports a second apart differ there only)
articles_dump() {
  "$LITMINE" export --db "$1" --format jsonl |
    python3 -c 'import json, sys
for l in sys.stdin:
    o = json.loads(l); o.pop("updated_at", None); print(json.dumps(o, sort_keys=True))'
}
