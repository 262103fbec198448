#!/usr/bin/env bash
# litmine run against lm-replay: the full job, then again (a no-op that
# says so and leaves database and exports untouched); --dry-run touches
# nothing; the lock (held: exit 5 naming the pid; stale: no obstacle); bad
# configurations (exit 2 naming the file and key); a dead server (exit 3);
# the studies CSV read back by Python's csv module and R's read.csv.
source "$(dirname "$0")/lib.bash"

start_server --records 1200
cfg=$T/run.json db=$T/c.db
write_config "$cfg" "$db"

# --dry-run on a database that does not exist yet: says so, creates nothing
expect 0 "dry run, no database" -- lrun --config "$cfg" --dry-run
grep -q "would be created" "$T/err" && ok || bad "dry run does not say the database is new: $(cat "$T/err")"
grep -q "would fetch replay" "$T/err" && ok || bad "dry run does not name the query"
[ ! -e "$db" ] && [ ! -e "$db.studies.csv" ] && ok || bad "dry run created files"

# The full job
expect 0 "first run" -- lrun --config "$cfg" --format json
grep -q '"changed":true' "$T/out" && ok || bad "first run reports no change: $(cat "$T/out")"
grep -q '"fetched":1200' "$T/out" && ok || bad "first run did not fetch 1200: $(cat "$T/out")"
grep -q '"extracted":1200' "$T/out" && ok || bad "first run did not extract 1200: $(cat "$T/out")"
for stage in "fetch replay: 1200 records" "extract: 1200 articles" "export studies" "export extractions"; do
  grep -qF "$stage" "$T/err" && ok || bad "stderr lacks the '$stage' stage line: $(cat "$T/err")"
done
[ "$(wc -l < "$T/out")" -eq 1 ] && ok || bad "--format json is not one line"
rows=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], newline=""))))' "$db.studies.csv")
[ "$rows" = 1200 ] && ok || bad "studies.csv has $rows rows, wanted 1200"
[ "$(wc -l < "$db.x.jsonl")" -eq "$(sqlite3 "$db" 'SELECT count(*) FROM extraction')" ] && ok \
  || bad "extractions export does not hold every extraction"
run_dump "$db" > "$T/dump1"
m1=$(stat -c %Y.%s "$db.studies.csv" "$db.x.jsonl")

# Again: nothing new, nothing changed
sleep 1.1   # so that a rewritten export would show in its mtime
expect 0 "second run" -- lrun --config "$cfg"
grep -q "nothing new, nothing changed" "$T/out" && ok || bad "second run does not say it changed nothing: $(cat "$T/out")"
grep -qF "extract: 0 articles" "$T/err" && ok || bad "second run extracted again: $(cat "$T/err")"
grep -q "rows, unchanged" "$T/err" && ok || bad "exports not reported unchanged"
diff -q <(run_dump "$db") "$T/dump1" >/dev/null && ok || bad "second run changed the database"
[ "$(stat -c %Y.%s "$db.studies.csv" "$db.x.jsonl")" = "$m1" ] && ok || bad "second run rewrote the exports"
ls -a "$T" | grep -q litmine-tmp && bad "temporary export files left behind" || ok

# --dry-run on the existing database: counts, and the database is untouched
md5_before=$(md5sum "$db" | cut -c1-32)
expect 0 "dry run" -- lrun --config "$cfg" --dry-run --format json
grep -q '"to_extract":0' "$T/out" && ok || bad "dry run counts work to do: $(cat "$T/out")"
[ "$(md5sum "$db" | cut -c1-32)" = "$md5_before" ] && ok || bad "dry run changed the database"

# --db overrides the file's database (dry run: names it, creates nothing)
expect 0 "--db override" -- lrun --config "$cfg" --dry-run --db "$T/other.db"
grep -q "database $T/other.db (would be created)" "$T/err" && ok || bad "--db not used: $(cat "$T/err")"

# Lock held by another process: exit 5 at once, naming its pid
hold_lock "$db.lock" 4243
expect 5 "lock held" -- timeout 5 "$LITMINE" run --config "$cfg"
err_has "pid 4243" "lock message names the holder"
release_lock
# A stale lock file (its process gone) never blocks
echo 99999 > "$db.lock"
expect 0 "stale lock" -- lrun --config "$cfg" -q

# Bad configurations: exit 2, one line naming the file and the key
printf '{"database": "x.db", "queries": [{"name": "a", "query": "q", "datetype": "pdat"}]}' > "$T/bad1.json"
expect 2 "bad datetype" -- "$LITMINE" run --config "$T/bad1.json"
err_has "bad1.json: queries[0].datetype" "bad config names file and key"
printf '{"database": "x.db",\n "extract": yes}\n' > "$T/bad2.json"
expect 2 "syntax error" -- "$LITMINE" run --config "$T/bad2.json"
err_has "bad2.json:2: JSON syntax error" "syntax error names file and line"
expect 2 "missing config" -- "$LITMINE" run --config "$T/none.json"
err_has "none.json" "missing config named"
expect 1 "no --config" -- "$LITMINE" run
[ ! -e "$T/x.db" ] && ok || bad "a bad configuration created a database"

# The server gone: exit 3 naming the request; the corpus as it was
start_server --records 1200 --faults down=1
write_config "$T/down.json" "$db"
sed -i 's/"retry_max": 0.2}/"retry_max": 0.05, "retries": 2}/' "$T/down.json"
expect 3 "server down" -- lrun --config "$T/down.json"
tail -n 1 "$T/err" | grep -q "litmine: query replay: http://127.0.0.1:.*esearch.*HTTP 503" && ok \
  || bad "network failure does not end with one line naming the request: $(tail -n 1 "$T/err")"
diff -q <(run_dump "$db") "$T/dump1" >/dev/null && ok || bad "a failed run changed the database"

# litmine export --what studies: the same rows as the run's export;
# RFC 4180 read back by Python's csv module, and R's read.csv when installed
expect 0 "export studies csv" -- "$LITMINE" export --db "$db" --what studies --format csv
cmp -s "$T/out" "$db.studies.csv" && ok || bad "export --what studies differs from the run's export"
python3 - "$T/out" <<'EOF' && ok || bad "python csv round trip failed"
import csv, io, sys
raw = open(sys.argv[1], newline="", encoding="utf-8").read()
assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", ""), "line ends are not CRLF"
rows = list(csv.reader(io.StringIO(raw, newline="")))
head = rows[0]
assert head[:6] == ["pmid", "year", "journal", "title", "design", "level"], head
assert all(len(r) == len(head) for r in rows), "ragged rows"
# writing the parsed rows back gives the same bytes: quoting is RFC 4180
out = io.StringIO(newline="")
csv.writer(out, lineterminator="\r\n").writerows(rows)
assert out.getvalue() == raw, "re-written CSV differs"
assert {r[4] for r in rows[1:]} <= {"rct", "other", "open_label_single_arm", "cohort",
        "case_series", "case_report", "meta_analysis", "systematic_review",
        "non_randomized_controlled", "case_control", "animal", "in_vitro"}
EOF
expect 0 "export studies jsonl" -- "$LITMINE" export --db "$db" --what studies --format jsonl
python3 -c 'import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; assert len(rows)==1200 and isinstance(rows[0]["pmid"], str)' "$T/out" \
  && ok || bad "studies JSONL does not parse as 1200 objects"
if command -v Rscript >/dev/null; then
  # R must see the columns Python's csv module sees (the header's count, not
  # a number written here that goes stale when the sheet gains a column)
  ncols=$(python3 -c 'import csv,sys; print(len(next(csv.reader(open(sys.argv[1], newline="")))))' "$db.studies.csv")
  Rscript -e 'a <- commandArgs(TRUE); d <- read.csv(a[1], stringsAsFactors = FALSE, check.names = FALSE)
              stopifnot(nrow(d) == 1200, ncol(d) == as.integer(a[2]), names(d)[7] == "n_total", is.numeric(d$n_total))' \
    "$db.studies.csv" "$ncols" >/dev/null 2>"$T/rerr" && ok || bad "R read.csv failed: $(cat "$T/rerr")"
fi
expect 1 "export --what nonsense" -- "$LITMINE" export --db "$db" --what nonsense
stop_server
finish
