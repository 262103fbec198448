#!/usr/bin/env bash
# litmine run and its export folders (issue 16 items 3 and 5): the README's
# refresh.json writes to out/, which need not exist.  The folder is created
# before any stage runs; --dry-run says it would be; a path whose folder
# cannot be made fails (exit 2) before anything is fetched, imported or
# extracted; and -q keeps the one-line summary a cron log records.
source "$(dirname "$0")/lib.bash"

start_server --records 150
J=$T/job
mkdir "$J"
write_config "$J/refresh.json" c.db "" out/studies.csv out/deeper/extractions.jsonl

# --dry-run: says it would create the folders, creates nothing
expect 0 "dry run, no out/" -- lrun --config "$J/refresh.json" --dry-run
grep -qF "would create the folder $J/out for" "$T/err" && ok || bad "dry run does not name out/: $(cat "$T/err")"
grep -qF "would create the folder $J/out/deeper for" "$T/err" && ok || bad "dry run does not name out/deeper/"
[ ! -e "$J/out" ] && [ ! -e "$J/c.db" ] && ok || bad "dry run created files"

# the run creates them and writes the exports; -q: no stage lines, one summary line
expect 0 "run -q, no out/" -- lrun --config "$J/refresh.json" -q
[ -s "$J/out/studies.csv" ] && [ -s "$J/out/deeper/extractions.jsonl" ] && ok \
  || bad "exports not written: $(ls -R "$J")"
[ "$(wc -l < "$T/out")" -eq 1 ] && grep -q "^run: fetched 150 records" "$T/out" && ok \
  || bad "-q hides the summary: '$(cat "$T/out")'"
[ ! -s "$T/err" ] && ok || bad "-q still prints stage lines: $(cat "$T/err")"
expect 0 "rerun -q" -- lrun --config "$J/refresh.json" -q
grep -q "nothing new, nothing changed" "$T/out" && ok || bad "rerun summary: '$(cat "$T/out")'"

# a folder that cannot be made (a file in the way): exit 2, before any stage
printf 'not a folder\n' > "$J/blocker"
sed 's#"out/studies.csv"#"blocker/sub/studies.csv"#; s#"c.db"#"fresh.db"#' "$J/refresh.json" > "$J/bad.json"
expect 2 "export folder blocked (dry run)" -- lrun --config "$J/bad.json" --dry-run
grep -qF "$J/blocker is not a folder" "$T/err" && ok || bad "dry run does not name the blocked folder: $(cat "$T/err")"
before=$(wc -l < "$T/log")
expect 2 "export folder blocked" -- lrun --config "$J/bad.json"
err_has "$J/blocker is not a folder" "the run names the blocked folder"
[ ! -e "$J/fresh.db" ] && [ "$(wc -l < "$T/log")" -eq "$before" ] && ok \
  || bad "the job ran stages before failing on the export folder"
stop_server
finish
