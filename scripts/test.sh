#!/usr/bin/env bash
# Command 2 of the README (and what .ci/run calls): the whole test suite.
#   1. release build: unit, integration and evaluation tests (ctest)
#   2. ASan+UBSan build: unit and integration tests
#   3. valgrind over the unit test binaries: zero errors, zero definite leaks
#   4. every libFuzzer harness for $LITMINE_FUZZ_SECS seconds (default 30)
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

echo "== build (RelWithDebInfo)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

echo "== build (ASan+UBSan)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLM_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j"$jobs" -L 'unit|integration')

echo "== valgrind (unit tests)"
logs=$(mktemp -d)
status=0
for t in build/test_*; do
  [ -x "$t" ] || continue
  LITMINE_NO_JIT=1 valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
    --trace-children=yes --log-file="$logs/$(basename "$t").%p" "$t" -j"$jobs" \
    >"$logs/$(basename "$t").out" 2>&1 || status=1
  tail -n 1 "$logs/$(basename "$t").out"
done
for f in "$logs"/*.[0-9]*; do
  [ -s "$f" ] || continue
  echo "valgrind reported errors ($f):"; cat "$f"; status=1
done
rm -rf "$logs"
if [ $status -ne 0 ]; then
  echo "valgrind: FAILED" >&2
  exit 1
fi
echo "valgrind: clean"

echo "== fuzz (libFuzzer, ${LITMINE_FUZZ_SECS:-30}s per harness)"
bash fuzz/run.sh "${LITMINE_FUZZ_SECS:-30}"
