# Sourced by the eval scripts (extract_eval.sh, model_eval.sh; named .bash so
# that CMake does not take it for a test of its own): the shared labelled data,
# the files a script needs, the extraction runner and a work directory removed
# on exit.
#   eval_setup NAME BUILD_DIR FILE...   FILE: a path under shared/data/labels
# Sets shared (shared/data), labels, run (BUILD_DIR/bench-extract_run) and
# work; exits 1 naming the first missing file (the evals fail, never skip).
evalcommon_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

eval_setup() {
  local name=$1 build=$2 f
  shift 2
  shared=${LITMINE_SHARED:-$evalcommon_here/../../../shared}
  [ -d "$shared/data" ] && shared=$shared/data
  labels=$shared/labels
  for f in "$@"; do
    if [ ! -f "$labels/$f" ]; then
      echo "$name: $labels/$f is missing (set LITMINE_SHARED to shared/data)" >&2
      exit 1
    fi
  done
  run=$build/bench-extract_run
  [ -x "$run" ] || { echo "$name: $run not built" >&2; exit 1; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}
