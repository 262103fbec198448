#!/usr/bin/env bash
# Evaluation of the extractors on a THIRD set of 60 unseen abstracts, RCT-rich
# (45 Evidence Inference ev2-train abstracts, 37 of them RCTs, and 15
# non-randomised PubMed records), hand-labelled blind by the rules of
# labels/handlabelled_dev (tests/eval/blindx3/README.md: how they were chosen
# and labelled, the misses by class).  Same pipeline and scorers as
# blindx_eval.sh, which it runs on the folder blindx3; the Evidence Inference
# abstracts are read from their tarball at run time.  Fails, never skips, when
# the shared data is missing.
# usage: blindx3_eval.sh LITMINE BUILD_DIR
# Floors: a little under the first measurement (2026-12-04, extractors of
# main at deea3e1): sample size answered 0.925 (49/53), exact when answered
# 0.735 (36/49); n_total_kind 0.806 (29/36 exact totals); RCT sensitivity
# 0.973 (36/37), specificity 0.957 (22/23); design 0.850 (51/60), level 0.883
# (53/60); findings recall 0.816 (239/293), precision 0.795 (155/195),
# direction 0.879 (210/239); regimen fields 0.793 (115/145, 4 rows where none
# is labelled); follow-up 0.590 (23 of 33 labelled + 6 unlabelled).
# They guard regressions: raise them with the figures, never lower them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec bash "$here/blindx_eval.sh" "$1" "$2" blindx3 \
  sample_size.answer=0.90,sample_size.exact_when_answered=0.71,n_total_kind.agreement=0.78,rct.sensitivity=0.97,rct.specificity=0.95,design.accuracy=0.83,design.level_accuracy=0.86,finding.recall=0.80,finding.precision=0.77,finding.direction_accuracy=0.86,regimen.field_accuracy=0.77,follow_up.accuracy=0.56
