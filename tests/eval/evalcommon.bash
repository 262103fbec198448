# Sourced by the eval scripts (named .bash so that CMake does not take it for
# a test of its own): the shared data a script needs, and a work directory
# removed on exit.  Both setups exit 1 naming what is missing (the evals
# fail, never skip).
#   eval_setup NAME BUILD_DIR FILE...   FILE: a path under shared/data/labels
# Sets shared (shared/data), labels, run (BUILD_DIR/bench-extract_run) and
# work (extract_eval.sh, model_eval.sh).
#   examples_setup NAME
# Sets ex and ex2 (the two development sets of articles), pubmed (the
# PubMed records that serve as distractors) and work (check_eval.sh,
# check_perturb.sh).
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

examples_setup() {
  local name=$1 d root=${LITMINE_SHARED:-$evalcommon_here/../../../shared}
  ex=""
  for d in "$root/examples" "$root/../examples"; do
    if [ -f "$d/expected.jsonl" ]; then ex=$d; break; fi
  done
  if [ -z "$ex" ]; then
    echo "$name: examples not found under $root (set LITMINE_SHARED)" >&2
    exit 1
  fi
  ex2=$ex/../examples2
  if [ ! -f "$ex2/expected.jsonl" ]; then
    echo "$name: examples2 not found beside $ex (set LITMINE_SHARED)" >&2
    exit 1
  fi
  pubmed=$ex/../data/pubmed
  if [ ! -d "$pubmed" ]; then
    echo "$name: PubMed data not found at $pubmed (set LITMINE_SHARED)" >&2
    exit 1
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}
