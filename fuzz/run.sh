#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan+UBSan) and runs each for a
# while, $(nproc) harnesses at a time.
# usage: fuzz/run.sh [SECONDS_PER_HARNESS] [HARNESS...]
# Seeds come from the test fixtures and examples; new inputs the fuzzer finds
# go to build-fuzz/corpus-<harness>/ (not committed).  A crash fails the run
# with a non-zero status and leaves the input as build-fuzz/crash-*: turn it
# into a fixture and a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
shift || true
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DLM_FUZZ=ON -DLM_TESTS=OFF \
      -DCMAKE_BUILD_TYPE=Debug >/dev/null
jobs=$(nproc)
cmake --build build-fuzz -j"$jobs" >/dev/null
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in fuzz/fuzz_*.c; do harnesses+=("$(basename "$f" .c)"); done
fi
for h in "${harnesses[@]}"; do
  seeds=build-fuzz/seeds-$h
  corpus=build-fuzz/corpus-$h
  mkdir -p "$seeds" "$corpus"
  case $h in
    fuzz_reader|fuzz_jats|fuzz_pubmed)
      cp tests/fixtures/corpus/* examples/records/* "$seeds"/ 2>/dev/null || true ;;
    fuzz_gzip)
      # seeds are gzip bodies without their first three header bytes
      for f in tests/fixtures/corpus/* examples/records/*; do
        gzip -c "$f" | tail -c +4 > "$seeds/$(basename "$f").gzbody"
      done ;;
    fuzz_extract)
      # abstracts of the fictional examples, one per file
      for f in examples/records/*.xml; do
        grep -o '<AbstractText[^>]*>[^<]*' "$f" | sed 's/<[^>]*>//' | split -l 1 - "$seeds/$(basename "$f")."
      done
      cp tests/fixtures/extractors/* "$seeds"/ 2>/dev/null || true ;;
    fuzz_check)
      # first byte: 0 text, 1 HTML, 2 told from the bytes
      for f in examples/articles/* tests/fixtures/reconcile/*; do
        [ -f "$f" ] || continue
        case $f in *.html) m='\001' ;; *) m='\000' ;; esac
        { printf "$m"; cat "$f"; } > "$seeds/$(basename "$f")"
      done ;;
    fuzz_eutils)
      cp tests/fixtures/fetch/* "$seeds"/ 2>/dev/null || true ;;
    fuzz_config)
      cp tests/fixtures/pipeline/*.json "$seeds"/ ;;
    fuzz_import_scale)
      # first byte picks the frame (title, abstract, records, JATS body);
      # the rest is the unit the harness repeats to ~4 MB
      printf '\000<i>5&amp;nbsp;mg</i> ' > "$seeds/inline"
      printf '\001x &lt; 3, n = 12 (40%%). ' > "$seeds/text"
      printf '\002<PubmedArticle><MedlineCitation><PMID>91000002</PMID></MedlineCitation></PubmedArticle>' > "$seeds/records"
      printf '\003<italic>a</italic><sup>2</sup>' > "$seeds/jats" ;;
    *)
      [ -d "tests/fixtures/${h#fuzz_}" ] && cp "tests/fixtures/${h#fuzz_}"/* "$seeds"/ 2>/dev/null || true ;;
  esac
  dict=()
  if [ -f "fuzz/$h.dict" ]; then dict=(-dict="$PWD/fuzz/$h.dict")
  elif [ "$h" != fuzz_gzip ] && [ -f fuzz/fuzz_reader.dict ]; then dict=(-dict="$PWD/fuzz/fuzz_reader.dict"); fi
  # the scaling harness works on ~4 MB per input: a super-linear path is a
  # timeout there, so the timeout is the test
  extra=()
  [ "$h" = fuzz_import_scale ] && extra=(-timeout=20 -max_len=4096)
  # one command line per harness, run below $jobs at a time
  printf '%s\0' "$h" -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 "${extra[@]}" \
    -print_final_stats=1 "${dict[@]}" "corpus-$h" "seeds-$h" > "build-fuzz/$h.args"
done

# fuzz_one HARNESS: runs it with its arguments, its log in build-fuzz/HARNESS.log
fuzz_one() {
  local h=$1 args=()
  mapfile -d '' -t args < "$h.args"
  if "./${args[0]}" "${args[@]:1}" 2>"$h.log"; then
    echo "== $h: $(grep -E 'stat::number_of_executed_units|cov:' "$h.log" | tail -n 2 | tr '\n' ' ')"
  else
    tail -n 40 "$h.log"; echo "fuzz: $h found a crash" >&2
    return 1
  fi
}
export -f fuzz_one
echo "== ${#harnesses[@]} harnesses, ${secs}s each, $jobs at a time"
printf '%s\n' "${harnesses[@]}" | (cd build-fuzz && xargs -P "$jobs" -I{} bash -c 'fuzz_one "$1"' _ {}) \
  || { echo "fuzz: FAILED" >&2; exit 1; }
