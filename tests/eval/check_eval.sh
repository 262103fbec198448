#!/usr/bin/env bash
# Evaluation: `litmine check` on the development examples (../shared/examples):
# claim-detection recall and precision, verdict accuracy per verdict.  Fails
# when the examples are missing or a figure falls under its floor.  The
# floors sit a little under the measured figures (recall 1.00, precision
# 0.98, accuracy 0.96 when they were set): they catch regressions, and the
# rules stay general (no example's drug, condition, study or number in them).
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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/check_eval.py" "$1" "$ex" "$work" --floors 0.95,0.90,0.85 -v
