#!/usr/bin/env bash
# Benchmark: the extractors over the corpus built from the shared data,
# beside R's statcheck (Debian r-cran-statcheck) on the same abstracts.
# usage: bench/extract.sh [BUILD_DIR] [REPEAT]
#   REPEAT  passes over the abstracts for the in-memory timings (default 20)
# Prints abstracts/s per core (one thread) for `litmine extract --all`
# (end to end: read, extract, store), for the extractors alone with PCRE2
# JIT on and off, and statcheck's time and how many statistics each tool
# recognises.  Never run by the tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
repeat=${2:-20}
shared=${LITMINE_SHARED:-$here/../../shared}
[ -d "$shared/data" ] && shared=$shared/data
litmine=$build/litmine
run=$build/bench-extract_run
[ -x "$litmine" ] && [ -x "$run" ] || { echo "build first: $litmine, $run" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/bench.db

# the corpus: every PubMed file of the shared data that imports cleanly
# (some are broken on purpose), plus the hand-labelled abstracts
find "$shared/pubmed" "$shared/labels/handlabelled_dev" -name '*.xml' -o -name '*.xml.gz' | sort |
  while read -r f; do "$litmine" import -q --db "$db" "$f" 2>/dev/null || true; done
n=$(sqlite3 "$db" "SELECT count(*) FROM article WHERE deleted = 0 AND abstract <> ''")
live=$(sqlite3 "$db" "SELECT count(*) FROM article WHERE deleted = 0")
sqlite3 -json "$db" "SELECT CAST(pmid AS TEXT) AS pmid, title, abstract, pub_types, mesh
                     FROM article WHERE deleted = 0 AND abstract <> ''" |
  python3 -c 'import json,sys; [print(json.dumps(r)) for r in json.load(sys.stdin)]' > "$work/a.jsonl"
bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["abstract"].encode()) for l in open(sys.argv[1])))' "$work/a.jsonl")
echo "corpus: $live live articles, $n with an abstract ($((bytes / 1024)) KiB of abstract text)"

t0=$(date +%s.%N)
"$litmine" extract -q --db "$db" --all > "$work/x.jsonl"
t1=$(date +%s.%N)
e2e=$(python3 -c "print(f'{$live / ($t1 - $t0):.0f}')")
read -r _ vals_jit secs_jit < <("$run" --count --repeat "$repeat" < "$work/a.jsonl")
read -r _ vals_nojit secs_nojit < <("$run" --count --no-jit --repeat 1 < "$work/a.jsonl")
jit=$(python3 -c "print(f'{$n * $repeat / $secs_jit:.0f}')")
nojit=$(python3 -c "print(f'{$n / $secs_nojit:.0f}')")

# what litmine recognises that statcheck also looks for: p-values, effects
lm_p=$(python3 -c 'import json,sys; print(sum(1 for l in open(sys.argv[1]) if json.loads(l)["p"] is not None))' "$work/x.jsonl")
lm_eff=$(python3 -c 'import json,sys; print(sum(1 for l in open(sys.argv[1]) if json.loads(l)["kind"] == "effect"))' "$work/x.jsonl")

python3 -c 'import json,sys; [print(" ".join(json.loads(l)["abstract"].split())) for l in open(sys.argv[1])]' \
  "$work/a.jsonl" > "$work/a.txt"
sc="n/a"; sc_t="n/a"; sc_rate="n/a"
if Rscript -e 'suppressMessages(library(statcheck))' >/dev/null 2>&1; then
  read -r sc sc_t < <(Rscript -e '
    suppressMessages(library(statcheck))
    x <- readLines(commandArgs(TRUE)[1], encoding = "UTF-8")
    t <- system.time(r <- suppressMessages(suppressWarnings(statcheck(x, messages = FALSE))))
    cat(if (is.null(r)) 0 else nrow(r), t[["elapsed"]], "\n")' "$work/a.txt")
  sc_rate=$(python3 -c "print(f'{$n / max($sc_t, 1e-9):.0f}')")
fi

printf '\n%-44s %14s %12s\n' "" "abstracts/s" "recognised"
printf '%-44s %14s %12s\n' "litmine extract --all (articles/s, stored)" "$e2e" "$(wc -l < "$work/x.jsonl") values"
printf '%-44s %14s %12s\n' "extractors alone, PCRE2 JIT (1 core)" "$jit" "$((vals_jit / repeat)) values"
printf '%-44s %14s %12s\n' "extractors alone, no JIT (1 core)" "$nojit" "$vals_nojit values"
printf '%-44s %14s %12s\n' "R statcheck $(Rscript -e 'cat(format(packageVersion("statcheck")))' 2>/dev/null)" "$sc_rate" "$sc stats"
printf '%-44s %14s %12s\n' "litmine: p-values / effect sizes" "" "$lm_p / $lm_eff"
printf '%-44s %14s %12s\n' "litmine: findings / regimens / follow-ups" "" "$(python3 -c '
import json, sys
n = {"finding": 0, "regimen": 0, "follow_up": 0}
for l in open(sys.argv[1]):
    k = json.loads(l)["kind"]
    if k in n:
        n[k] += 1
print(n["finding"], "/", n["regimen"], "/", n["follow_up"])' "$work/x.jsonl")"
printf '%-44s %14s %12s\n' "litmine: arm sizes named / all" "" "$(python3 -c '
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
a = [x for x in r if x["kind"] == "arm_size"]
print(sum(1 for x in a if x["label"]), "/", len(a))' "$work/x.jsonl")"
printf '\nJIT speed-up: %sx; litmine vs statcheck: %sx; target 20000 abstracts/s per core\n' \
  "$(python3 -c "print(f'{$jit / $nojit:.1f}')")" \
  "$(python3 -c "print(f'{$jit / $sc_rate:.1f}' if '$sc_rate' != 'n/a' else 'n/a')")"
