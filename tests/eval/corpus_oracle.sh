#!/usr/bin/env bash
# Evaluation: the corpus against xtract (see corpus_oracle.py).
# usage: corpus_oracle.sh LITMINE BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=${LITMINE_SHARED:-$here/../../../shared}/data
if [ ! -d "$shared/pubmed" ]; then
  echo "corpus_oracle: shared data not found at $shared (set LITMINE_SHARED)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/corpus_oracle.py" "$1" "$shared" "$work"
