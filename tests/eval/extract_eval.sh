#!/usr/bin/env bash
# Evaluation of the extractors on the shared labelled data (fails, never
# skips, when it is missing).  usage: extract_eval.sh LITMINE BUILD_DIR
#  1. labels/handlabelled_dev: 80 hand-labelled PubMed abstracts imported
#     with `litmine import`, extracted with `litmine extract --all`, scored
#     per kind (answer rate, precision, recall, F1; RCT sensitivity and
#     specificity; design and level agreement).
#  2. labels/statcheck: p-values of hand-coded APA results.
#  3. labels/ebm_nlp: sample-size numbers against crowd-labelled PSS spans.
#  4. RCT wording against Evidence Inference (all RCT reports) and against
#     PubMed publication types (shared/data/pubmed): agreement, not gold.
# Floors are the first honest measurement (2026-11-25), raised to later
# measurements (sample size, EBM-NLP PSS; 2026-12-02: PSS recall 0.700,
# precision 0.359 with the any-noun role rules; 2026-12-02 (issue 15): PSS
# recall 0.712 and precision 0.363, no value an age, duration, dose or
# year (not_other_role 0.998), PubMed records without the RCT type not
# called RCT 0.966); only ever raise them.  One exception, the same day:
# Evidence Inference's stated_random 0.95 -> 0.945, because issue 15 says
# whose randomisation makes an RCT, and five of its records (a commentary,
# two process evaluations, observational uses of a trial, a trial that
# only wishes for a randomised one) are now called what they are (0.949).  The dev set also reports each labelled class and
# abstract part, and Evidence Inference what its RCTs were called instead.
# 2026-12-03 (issue 15, unseen abstracts): PSS precision 0.363 -> 0.371
# (0.372 before arms listed across ';' inside brackets were summed: a sum
# is never a PSS token, so every correct sum counts against precision)
# and recall 0.712 -> 0.738 (the people an outcome happened to no longer
# counted; any people counted by the study, a survey or the groups they
# were put in or what they received, "the 186 included patients", those
# who agreed after those asked, any people analysed, words holding digits
# such as "T2DM" between a count and its verb, "volunteers (224) were",
# five modifiers, "overweight/obese", "age- and sex-matched", males and
# females, arms in brackets where the sentence randomises);
# PubMed records without the RCT type not called RCT 0.968 (2063/2131:
# reviews by their search headings, association titles over a borrowed
# trial); Evidence Inference's development records (train and
# validation) and its held-out test split are reported apart, the misses
# and deciding cues listed for development records only; PubMed types
# also give sensitivity and specificity with their counts, and the
# abstract's own design against the design the types name (case reports,
# reviews, meta-analyses, observational studies, RCTs): design_agree 0.714
# -> 0.829 (58/70) with the data-source, case-part and search cues,
# "meta-analytic", "a rare case of" and a title calling itself a case report.
# The PubMed reference RCTs are the records typed exactly "Randomized
# Controlled Trial": the 2 typed "..., Veterinary" are animal studies
# (L5, as design.c maps the type), reported apart (both called animal);
# agree_rct 14/17 = 0.824 -> 14/15 = 0.933 by that definition alone.
# Evidence Inference's development records given a sample size (every
# trial report states one; answered, not checked): 719 -> 742 of 868;
# 745 with a bracket between a count and its people ("512 (260 zorvil,
# 252 usual care) patients", "Six hundred and twelve (612) patients"),
# 746 with a participle's phrase after "(n = 64)" ("attending two clinics
# were randomized"; floor 0.855).  2026-12-03: a secondary analysis examining what modifies
# the randomised comparison (a moderator, a treatment-by-trait interaction,
# a marker predictive of benefit) keeps it, even where the marker is also
# prognostic: development agree_rct 0.828 -> 0.829, stated 0.949 -> 0.951
# (floor 0.945 -> 0.948); "from a societal perspective" is no other
# trial's data (an economic evaluation of its own randomised arms): 0.831,
# 0.952; PubMed specificity unchanged 2065/2133.
# 2026-12-04 (issue 15, unseen abstracts): PubMed records without the RCT
# type not called RCT 2065 -> 2071/2133 (0.968 -> 0.971, floor 0.969):
# a species named after food or a product is no animal ("fatty fish",
# "fish oil", "bovine colostrum"; fish only as a study's animals), more
# species (beagles, trout), a trial named with a bracket or as
# "cluster-randomized" stays borrowed, "retrospective, randomized,
# case-controlled", self-assigned arms, a trial as the next step, a test's
# validity checked in random order, a trait's association with outcome
# over a borrowed trial; design_agree 0.829 -> 0.871 (58 -> 61/70, floor
# 0.86: "this is a systematic review", a case report by its aim, "we
# highlight the case"); Evidence Inference development agree_rct 0.831
# -> 0.833 and stated 0.952 -> 0.955 (floor 0.948 -> 0.952: "randomised
# controlled intervention trial", blinding and placebo or sham said apart
# or "double-masked", allocation by envelopes); development records given
# a sample size 746 -> 756/868 (0.859 -> 0.871, floor 0.865: "418(207 ...)",
# arms listed across ';' after the verb, labelled arms "A: N = 146",
# "randomized to two groups of 28", "the entire population (n = 64)",
# intention-to-treat "(n = 93)", "accrued"); dev rate precision 0.859 ->
# 0.880 (floor 0.85 -> 0.87: no rate from the abstract's own background
# part or from those who completed follow-up); EBM-NLP PSS recall 0.738
# -> 0.742 and precision 0.371 -> 0.373 (floors 0.74, 0.37: a class's
# number is no count, "12 type 2 diabetic patients" is 12); the rest of
# the dev set unchanged.  2026-12-04 (extgen4): PubMed records without the
# RCT type not called RCT 2071 -> 2073/2133 (0.971 -> 0.972, floor 0.970):
# a study developing or testing a measure on a trial's people is no RCT.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
litmine=$1
build=$2
. "$here/evalcommon.bash"
eval_setup extract_eval "$build" handlabelled_dev/abstracts.xml handlabelled_dev/labels.jsonl \
  statcheck/manually_extracted_stats.csv ebm_nlp/ebm_nlp_joint_BIO_dev.txt \
  evidence_inference/evidence_inference_abstracts_le6KB.tar.gz evidence_inference/splits/ev2_test_article_ids.txt
py="python3 $here/extract_eval.py"
status=0

echo "== hand-labelled dev set (litmine import + extract --all)"
"$litmine" import -q --db "$work/dev.db" "$labels/handlabelled_dev/abstracts.xml"
"$litmine" extract -q --db "$work/dev.db" --all > "$work/dev.jsonl"
$py articles "$labels/handlabelled_dev/abstracts.xml" > "$work/dev_texts.jsonl"
$py score "$labels/handlabelled_dev/labels.jsonl" "$work/dev.jsonl" --show 20 --texts "$work/dev_texts.jsonl" --floors \
  sample_size.answer=1.0,sample_size.exact_when_answered=0.97,sample_size.f1=0.98,rct.sensitivity=1.0,rct.specificity=1.0,design.accuracy=0.91,design.level_accuracy=0.95,rate.precision=0.87,rate.recall=0.88,effect.precision=0.93,effect.recall=0.69 \
  || status=1

echo "== statcheck hand-coded APA results: p-values"
$py statcheck-texts "$labels/statcheck/manually_extracted_stats.csv" > "$work/sc.jsonl"
"$run" < "$work/sc.jsonl" > "$work/sc_x.jsonl"
$py statcheck-score "$labels/statcheck/manually_extracted_stats.csv" "$work/sc_x.jsonl" \
  --floors p_value.answer=0.62,p_value.precision=0.98 || status=1

echo "== EBM-NLP dev: sample-size numbers vs PSS spans (crowd labels)"
$py ebm-texts "$labels/ebm_nlp/ebm_nlp_joint_BIO_dev.txt" > "$work/ebm.jsonl"
"$run" < "$work/ebm.jsonl" > "$work/ebm_x.jsonl"
$py ebm-score "$labels/ebm_nlp/ebm_nlp_joint_BIO_dev.txt" "$work/ebm_x.jsonl" \
  --floors pss.recall=0.74,pss.precision=0.37,pss.not_other_role=0.99 || status=1

echo "== RCT wording: Evidence Inference abstracts (all RCT reports) and PubMed publication types"
$py ei-texts "$labels/evidence_inference/evidence_inference_abstracts_le6KB.tar.gz" > "$work/ei.jsonl"
"$run" < "$work/ei.jsonl" > "$work/ei_x.jsonl"
$py rct-agreement "$work/ei.jsonl" "$work/ei_x.jsonl" ei --held-out "$labels/evidence_inference/splits/ev2_test_article_ids.txt" \
  --floors rct_vs_ei.agree_rct=0.79,rct_vs_ei.stated_random=0.952,rct_vs_ei.size_answered=0.865 || status=1
$py pubmed-texts "$shared/pubmed" > "$work/pm.jsonl"
"$run" < "$work/pm.jsonl" > "$work/pm_x.jsonl"
$py rct-agreement "$work/pm.jsonl" "$work/pm_x.jsonl" pubtypes \
  --floors rct_vs_pubtypes.agree_rct=0.92,rct_vs_pubtypes.agree_not_rct=0.970,rct_vs_pubtypes.design_agree=0.86 || status=1

echo "== every export of the shared corpus decodes as UTF-8 (JSONL and CSV of extractions and studies)"
find "$shared/pubmed" "$shared/pmc" "$labels/handlabelled_dev" \( -name '*.xml' -o -name '*.xml.gz' -o -name '*.nxml' \) 2>/dev/null | sort |
  while read -r f; do "$litmine" import -q --db "$work/all.db" "$f" 2>/dev/null || true; done
"$litmine" extract -q --db "$work/all.db" --all > /dev/null || { echo "extract_eval: extract --all failed" >&2; status=1; }
for what in extractions studies; do
  for fmt in jsonl csv; do
    "$litmine" export --db "$work/all.db" --what "$what" --format "$fmt" > "$work/exp.$what.$fmt" \
      || { echo "extract_eval: export --what $what --format $fmt failed" >&2; status=1; continue; }
    python3 - "$work/exp.$what.$fmt" "$fmt" <<'PY' || status=1
import csv, io, json, sys
path, fmt = sys.argv[1], sys.argv[2]
raw = open(path, "rb").read()
try:
    text = raw.decode("utf-8")
except UnicodeDecodeError as e:
    sys.exit(f"{path}: invalid UTF-8 at byte {e.start}: {raw[max(0, e.start - 40):e.start + 8]!r}")
rows = [json.loads(l) for l in text.splitlines() if l] if fmt == "jsonl" else list(csv.reader(io.StringIO(text)))
if len(rows) < 2:
    sys.exit(f"{path}: only {len(rows)} rows")
print(f"  {path.rsplit('/', 1)[1]}: {len(raw)} bytes, {len(rows)} rows, valid UTF-8")
PY
  done
done
exit $status
