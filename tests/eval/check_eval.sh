#!/usr/bin/env bash
# Evaluation: `litmine check` on the development examples (../shared/examples):
# claim-detection recall and precision, verdict accuracy per verdict, first
# with the examples' 11 records alone, then with those records among 10,000
# real PubMed records (../shared/data/pubmed, PMIDs shifted) that compete as
# candidates.  Fails when the examples or the PubMed data are missing or a
# figure falls under its floor.  The floors sit a little under the measured
# figures (recall 1.00, precision 0.98, accuracy 1.00 in both runs when they
# were set; accuracy may lose one claim of 49): they catch regressions, and
# the rules stay general (no example's drug, condition, study or number in
# them).
# usage: check_eval.sh LITMINE BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=${LITMINE_SHARED:-$here/../../../shared}
ex=""
for d in "$shared/examples" "$shared/../examples"; do
  if [ -f "$d/expected.jsonl" ]; then ex=$d; break; fi
done
if [ -z "$ex" ]; then
  echo "check_eval: examples not found under $shared (set LITMINE_SHARED)" >&2
  exit 1
fi
pubmed=$ex/../data/pubmed
if [ ! -d "$pubmed" ]; then
  echo "check_eval: PubMed data not found at $pubmed (set LITMINE_SHARED)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/alone" "$work/distractors"
echo "== the examples' records alone"
python3 "$here/check_eval.py" "$1" "$ex" "$work/alone" --floors 0.95,0.95,0.97 -v
echo "== among 10,000 distractor PubMed records"
python3 "$here/check_eval.py" "$1" "$ex" "$work/distractors" --floors 0.95,0.95,0.97 -v \
  --distractors 10000 --pubmed "$pubmed"
