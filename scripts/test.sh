#!/usr/bin/env bash
# Command 2 of the README (and what .ci/run calls): the whole test suite.
#   1. release build: unit, integration and evaluation tests (ctest)
#   2. ASan+UBSan build: unit and integration tests (not those labelled
#      timing: what they measure is the clock, checked in the release build)
#   3. valgrind over every unit test binary: zero errors, zero definite leaks
#   4. every libFuzzer harness for $LITMINE_FUZZ_SECS seconds (default 30)
# Work runs $(nproc) wide: ctest -j (longest tests first, by their COST in
# CMakeLists.txt and then by the times of the last run), two valgrind runs
# at a time, the fuzz harnesses side by side.  Each phase prints its time.
# Any failure fails the run.
# The evaluation tests read ../shared (or $LITMINE_SHARED: the folder holding
# data/ and examples/) and fail
# when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

bash scripts/deps.sh

shared=${LITMINE_SHARED:-../shared}/data
if [ ! -d "$shared" ]; then
  echo "test.sh: $shared is missing: the evaluation suite needs the shared data" >&2
  exit 1
fi

# phase NAME: prints the previous phase's time and starts NAME
t0=$(date +%s) phase_start=$t0 current=
phase() {
  local now; now=$(date +%s)
  [ -n "$current" ] && echo "-- $current: $((now - phase_start))s"
  current=$1 phase_start=$now
  [ -n "$1" ] && echo "== $1"
  return 0
}

phase "build (RelWithDebInfo)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
phase "ctest (RelWithDebInfo)"
(cd build && ctest --output-on-failure -j"$jobs")

phase "build (ASan+UBSan)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLM_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
phase "ctest (ASan+UBSan)"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j"$jobs" -L 'unit|integration' -LE timing)

phase "valgrind (unit tests)"
# vg_one BINARY: runs one unit test binary under memcheck; its last line of
# output, and any report valgrind wrote, are printed; non-zero on either.
vg_one() {
  local t=$1 name f rc=0
  name=$(basename "$t")
  LITMINE_NO_JIT=1 valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
    --trace-children=yes --log-file="$logs/$name.%p" "$t" -j"$jobs" \
    >"$logs/$name.out" 2>&1 || { rc=1; cat "$logs/$name.out"; }
  echo "$name: $(tail -n 1 "$logs/$name.out")"
  for f in "$logs/$name".[0-9]*; do
    [ -s "$f" ] || continue
    echo "valgrind reported errors ($f):"; cat "$f"; rc=1
  done
  return $rc
}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
export -f vg_one
export logs jobs
# every unit test binary, the slowest (by the ctest run above) first, so
# that the last to finish is a short one
bins=()
for t in build/test_*; do [ -x "$t" ] && bins+=("$t"); done
costs=build/Testing/Temporary/CTestCostData.txt
for t in "${bins[@]}"; do
  c=$(awk -v n="unit_${t#build/test_}" '$1 == n { print $3; exit }' "$costs" 2>/dev/null || true)
  echo "${c:-0} $t"
done | sort -rg | cut -d' ' -f2- > "$logs/order"
if ! xargs -P 2 -I{} bash -c 'vg_one "$1"' _ {} < "$logs/order"; then
  echo "valgrind: FAILED" >&2
  exit 1
fi
echo "valgrind: clean"
phase "fuzz (libFuzzer, ${LITMINE_FUZZ_SECS:-30}s per harness)"
bash fuzz/run.sh "${LITMINE_FUZZ_SECS:-30}"
phase ""
echo "test.sh: all passed in $(($(date +%s) - t0))s"
