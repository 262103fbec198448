#!/usr/bin/env bash
# The extractors' work grows linearly with a text's size (issue 17, item 3:
# sentence scans were quadratic).  Counts instructions with callgrind (times
# nothing): the work on a 4x text, less the fixed cost of an empty one
# (compiling the rules), stays under 5x the work on the 1x text; a
# quadratic scan gives about 16x.  (4x rather than 8x: the same bound,
# linear plus a quarter, at half the callgrind time.)  Two shapes: sentences of counts and
# rates, and one run-on "sentence" of them with no full stop (the worst
# case for sentence scans), and an unclosed bracket (clause scans).
. "$(dirname "$0")/../cli/lib.bash"
run=$BUILD/bench-extract_run
command -v valgrind >/dev/null || { echo "extract_scaling: valgrind is needed" >&2; exit 1; }
[ -x "$run" ] || { echo "extract_scaling: $run not built" >&2; exit 1; }
# valgrind cannot run a sanitizer build: the release tree runs this check
if sanitized; then
  echo "extract_scaling: $BUILD is a sanitizer build (no callgrind there); checked in the release build"
  exit 0
fi

# text KIND REPEATS: one article as a JSON line (invented drug and numbers)
text() {
  python3 - "$1" "$2" <<'PY'
import json, sys
kind, k = sys.argv[1], int(sys.argv[2])
units = {
    "sentences": "In the frobozil group 12 of 40 patients (30%) had a response and "
                 "mortality was 15% versus 20% (p = 0.03). ",
    "runon": "in the frobozil group 12 of 40 patients (30%) had a response, mortality "
             "was 15% versus 20%, relapse in 7/35, 48 adults were randomized, ",
    "bracket": "(relapse 7/35, remission 22% and 61 adults were randomized, ",
}
print(json.dumps({"pmid": "1", "title": "t", "abstract": units[kind] * k,
                  "pub_types": "", "mesh": ""}))
PY
}

# instructions of one run over stdin
ir() {
  valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" "$run" --count \
    < "$1" > /dev/null 2> "$T/vg.err" || { echo "callgrind failed: $(tail -3 "$T/vg.err")" >&2; return 1; }
  sed -n 's/^totals: *//p;s/^summary: *//p' "$T/cg.out" | head -1
}

text sentences 0 > "$T/empty.jsonl"
base=$(ir "$T/empty.jsonl") || exit 1
for kind in sentences runon bracket; do
  text "$kind" 300 > "$T/x1.jsonl"
  text "$kind" 1200 > "$T/x4.jsonl"
  a=$(ir "$T/x1.jsonl") && b=$(ir "$T/x4.jsonl") || { bad "$kind: callgrind"; continue; }
  ratio=$(python3 -c "print(f'{($b - $base) / max(1, $a - $base):.2f}')")
  echo "$kind: $((a - base)) instructions at 1x, $((b - base)) at 4x: ratio $ratio"
  python3 -c "import sys; sys.exit(0 if ($b - $base) <= 5 * ($a - $base) else 1)" \
    && ok || bad "$kind: work grows faster than the text (4x text: ${ratio}x work)"
done
finish
