# Helpers for the pipeline integration scripts (sourced, not a test itself):
# the CLI test helpers, lm-replay on a free port (tests/fetch/replay.bash),
# a run configuration writer and the canonical dump a run is judged by.
# Each script gets: $1 = litmine binary, $2 = build directory.
source "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.bash"
source "$(dirname "${BASH_SOURCE[0]}")/../fetch/replay.bash"

# write_config FILE DB [EXTRA_JSON [STUDIES EXTRACTIONS]]: one saved query
# against the running lm-replay ($URL), batches of 100, fast retries, a
# studies CSV and an extractions JSONL export (by default beside the
# database: DB.studies.csv, DB.x.jsonl).  EXTRA_JSON (e.g.
# ', "import_dirs": ["ncbi"]') is appended.
write_config() {
  cat > "$1" <<EOF
{"database": "$2", "base_url": "$URL",
 "queries": [{"name": "replay", "query": "replay"}],
 "extract": true,
 "fetch": {"batch": 100, "retry_delay": 0.02, "retry_max": 0.2},
 "exports": [{"what": "studies", "format": "csv", "path": "${4:-$2.studies.csv}"},
             {"what": "extractions", "format": "jsonl", "path": "${5:-$2.x.jsonl}"}]${3:-}}
EOF
}

# run_dump DB: what an uninterrupted run and a killed-then-rerun one must
# agree on: articles (not their timestamps), extractions (not their row
# ids), the fetch watermarks and the extraction state.
run_dump() {
  sqlite3 "$1" "
    SELECT pmid, version, deleted, record_md5, title FROM article ORDER BY pmid;
    SELECT pmid, kind, value, lo, hi, k, n, metric, p, p_op, level, section, span_start,
           span_end, text, rule, flags, extractor_version
      FROM extraction ORDER BY pmid, section, span_start, span_end, kind, rule, value;
    SELECT query, watermark FROM fetch_state ORDER BY query;
    SELECT pmid, record_md5, extractor_version FROM extract_state ORDER BY pmid;" 2>&1
}

# lrun ARGS...: litmine run with the API key the replay tests use (10 req/s)
lrun() { NCBI_API_KEY=k "$LITMINE" run "$@"; }
