#!/usr/bin/env bash
# Evaluation: `litmine check` on both development sets (../shared/examples,
# clean articles, 49 claims; ../shared/examples2, messy web articles, 130
# claims): claim-detection recall and precision, verdict accuracy per verdict
# and per claim kind, verdicts right with an expected PMID, near misses
# (examples2's alt_verdicts), first with each set's records alone, then among
# 10,000 real PubMed records (../shared/data/pubmed, PMIDs shifted) that
# compete as candidates.  Fails when a set or the PubMed data are missing or a
# figure falls under its floor.  The floors sit a little under the figures
# measured when they were set (examples: recall 1.00, precision 0.89,
# accuracy 1.00, with PMID 1.00 alone and 0.98 among distractors; examples2:
# recall 1.00, precision 0.985, accuracy 0.98 and with PMID 0.98 alone,
# accuracy 0.96 and with PMID 0.93 among distractors): they catch
# regressions, and the rules stay general (no example's drug, condition,
# study or number in them).
# Then the blind set (tests/eval/blind: 9 invented articles, 16 invented
# records, 68 claims), written without reading the reconciler's rules, its
# tests or the development articles, its verdicts decided from DESIGN.md
# before litmine was run.  It measures how the rules carry to unseen
# material.  First contact: recall 0.75, precision 0.85, accuracy 0.47, with
# PMID 0.47 alone; accuracy and with PMID 0.485 among distractors (with the
# quotes exactly as first written, before three were widened to whole
# sentences: recall 0.71, precision 0.80, accuracy 0.46 alone).  Later,
# after fixes aimed at the false-contradiction classes (regimen slots, a
# symptom's frequency, responder thresholds, another subject's figures,
# prevalences, a null secondary outcome): accuracy and with PMID 0.559
# (38/68) alone and among distractors, recall and precision unchanged.  Then,
# after the verdict rows that read the study model (a claim telling the
# record's finding anchored, days that changed read as a change, a course
# given in the sentence that introduces its trial, an absence claimed without
# exception, "works for most" over responders under half, a study's year, a
# null trial's topic and exploratory figures, ages, a professional's hedged
# view): accuracy and with PMID 0.721 (49/68) alone and among distractors,
# recall and precision unchanged, the development sets unchanged.
# Then, after claim detection and source reading were widened (quoted reviews, short
# praise, relayed speech, vignettes, tag questions, background facts, hedges,
# experts' quotes as opinions; product titles, instructions, meta lines,
# advice, the poster's history and a headline that repeats its lead left
# out): recall 1.00, precision 0.971, accuracy 0.824 (56/68), with PMID 0.809
# (55/68) alone; among distractors the same but precision 0.958.  The floors
# guard regressions and sit a little under the latest figures.
# Then the second blind set (tests/eval/blind2: 11 invented articles, 21
# records, 109 claims), written the same way by another hand, on main
# before any rule saw it.  First contact: recall 0.743, precision 0.757,
# accuracy 0.523 (57/109), with PMID 0.505 alone; precision 0.750 and
# the same accuracy among distractors.  Used since as a development set
# for general classes (items under a heading about the product, subjectless
# and promised claims, own-practice cases and their continuation, signed
# reviews, relayed hearsay, social-post author lines; the page speaking of
# itself, meta and name lines, requests, advice left out): recall 0.936,
# precision 0.872, accuracy 0.725 (79/109), with PMID 0.706 (77/109) alone;
# recall 0.927, precision 0.856 among distractors.  With the verdict rows
# of the same round (harms claimed absent without a number, both arms of a
# null comparison told, a schedule read beside its dose, another
# population, one record's n with another's course, opinions tested like
# study claims): with PMID 0.798 (87/109) alone, 0.789 among distractors.
# Then the third blind set (tests/eval/blind3: 9 invented articles, 18
# records, 85 claims), written the same way after the detection and verdict
# work fitted to the first blind set had landed, before any rule saw it.
# First contact: recall 0.824, precision 0.680, accuracy and with PMID
# 0.482 (41/85) alone (the code at the start of that session: 0.388, 33/85);
# after the round fitted to blind2, 0.506 (43/85) alone, 0.482 among
# distractors: what is fitted to one set carries little to the next.
# Then a round on blind3 of mechanisms, not phrases (an interval is no
# duration, numbered section titles head sections, a record that says it had
# one arm is uncontrolled, rounded reductions agree within their rounding):
# 0.600 (51/85) alone, 0.565 (48/85) among distractors, the others unchanged.
# Then the fourth blind set (tests/eval/blind4: 8 invented articles, 15
# records, 70 claims), written before any rule saw it, after the rounds
# fitted to blind and blind2.  First contact: recall 0.843, precision
# 0.728, accuracy 0.571, with PMID 0.557 (39/70) alone (the code at the
# start of that session: 30/70); among distractors 37/70.  After the round
# on blind3: 40/70 alone.  Then a detection round fitted to blind4, by
# sentence roles rather than phrases (the imperative mood, a business's
# service voice, press-release furniture and small print, reader and
# newsletter meta, shop terms and label doses, trade facts, usability
# reviews, a study pointed at without its finding, advice to see a
# professional: no claims; epidemiology and practice facts, a relative's
# use, what the writer read, a figure set against another, arms alike,
# cell work, appraisals and executives' beliefs: claims; a study relayed
# before the poster's advice is the study's; a reply opening on a handle
# is a post; "the drug" names the topic): recall 0.986, precision 0.908,
# with PMID 0.700 (49/70) alone, 0.657 (46/70) among distractors (38/70
# before).  The same classes carried to blind3 (with PMID 0.600 -> 0.718,
# 61/85, alone; 0.565 -> 0.671 among distractors; recall 0.824 -> 0.941)
# and blind2 (0.798 -> 0.807 alone, 0.789 -> 0.798 among distractors;
# precision 0.872 -> 0.954); blind and the development sets unchanged.
# Then the round fitted to blind4, verdict side (measured alone, without the detection round),
# mechanisms not sentences (a journal named by its own words, "Journal"
# aside; a year that dates a review in any claim; a null comparison with
# placebo when the primary row tells each arm's change untested; "as well
# as X" over a record that found it inferior to X; a harm's rate against
# the record's sentence on that harm; the people a claim names read
# against the bound record and the others, excluded people and the other
# sex; a benefit "within the first week" past the record's first time
# point; a null comparison told faithfully; "for a full year" as a course
# and a condition's duration as none, so an extension's year merged with
# its trial's n shows; a randomised trial claimed of a bound cohort):
# accuracy 0.800, with PMID 0.786 (55/70) alone, 0.700 and 0.686 (48/70)
# among distractors (the rest of that gap is retrieval among 10,000
# records); blind3 0.635 (54/85) alone, 0.600
# among distractors; blind2 with PMID 0.807 (88/109) alone, 0.798 among
# distractors; examples, examples2 and blind unchanged.
# Then the fifth blind set (tests/eval/blind5: 8 invented articles, 15
# records, 86 claims), written the same way and committed before litmine
# first ran on it.  First contact (main's code of 2026-12-04): recall 0.849,
# precision 0.802, accuracy 0.651, with PMID 0.651 (56/86) alone; among
# distractors recall 0.849, precision 0.802, accuracy 0.651, with PMID
# 0.640 (55/86).
# Then the sixth blind set (tests/eval/blind6: 8 invented articles, 16
# records, 75 claims), written before any rule saw it.  First contact
# with main's build: recall 0.813, precision 0.709, accuracy 0.653, with
# PMID 0.653 (49/75) alone; among distractors recall 0.813, precision
# 0.709, accuracy and with PMID 0.640 (48/75).
# usage: check_eval.sh LITMINE BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/evalcommon.bash"
examples_setup check_eval
mkdir "$work/a1" "$work/d1" "$work/a2" "$work/d2" "$work/b" "$work/bd" "$work/c" "$work/cd" "$work/e" "$work/ed" "$work/f" "$work/fd" "$work/g" "$work/gd" "$work/h" "$work/hd"
echo "== examples: the records alone"
python3 "$here/check_eval.py" "$1" "$ex" "$work/a1" --floors 0.99,0.88,0.97,0.97 -v
echo "== examples: among 10,000 distractor PubMed records"
python3 "$here/check_eval.py" "$1" "$ex" "$work/d1" --floors 0.99,0.88,0.97,0.95 -v \
  --distractors 10000 --pubmed "$pubmed"
echo "== examples2: the records alone"
python3 "$here/check_eval.py" "$1" "$ex2" "$work/a2" --floors 0.99,0.97,0.96,0.96 -v
echo "== examples2: among 10,000 distractor PubMed records"
python3 "$here/check_eval.py" "$1" "$ex2" "$work/d2" --floors 0.99,0.97,0.94,0.91 -v \
  --distractors 10000 --pubmed "$pubmed"
echo "== blind: invented set written without reading the rules, the records alone"
python3 "$here/check_eval.py" "$1" "$here/blind" "$work/b" --floors 0.97,0.94,0.80,0.79 -v
echo "== blind: among 10,000 distractor PubMed records"
python3 "$here/check_eval.py" "$1" "$here/blind" "$work/bd" --floors 0.97,0.94,0.80,0.79 -v \
  --distractors 10000 --pubmed "$pubmed"
echo "== blind2: a second invented set written without reading the rules, the records alone"
python3 "$here/check_eval.py" "$1" "$here/blind2" "$work/c" --floors 0.93,0.93,0.80,0.79 -v
echo "== blind2: among 10,000 distractor PubMed records"
python3 "$here/check_eval.py" "$1" "$here/blind2" "$work/cd" --floors 0.92,0.92,0.79,0.78 -v \
  --distractors 10000 --pubmed "$pubmed"
echo "== blind3: a third invented set written without reading the rules, the records alone"
python3 "$here/check_eval.py" "$1" "$here/blind3" "$work/e" --floors 0.92,0.73,0.70,0.69 -v
echo "== blind3: among 10,000 distractor PubMed records"
python3 "$here/check_eval.py" "$1" "$here/blind3" "$work/ed" --floors 0.92,0.73,0.66,0.65 -v \
  --distractors 10000 --pubmed "$pubmed"
echo "== blind4: a fourth invented set written without reading the rules, the records alone"
python3 "$here/check_eval.py" "$1" "$here/blind4" "$work/f" --floors 0.96,0.88,0.78,0.77 -v
echo "== blind4: among 10,000 distractor PubMed records"
python3 "$here/check_eval.py" "$1" "$here/blind4" "$work/fd" --floors 0.95,0.85,0.68,0.67 -v \
  --distractors 10000 --pubmed "$pubmed"
echo "== blind5: a fifth invented set written without reading the rules, the records alone"
python3 "$here/check_eval.py" "$1" "$here/blind5" "$work/g" --floors 0.81,0.79,0.63,0.63 -v
echo "== blind5: among 10,000 distractor PubMed records"
python3 "$here/check_eval.py" "$1" "$here/blind5" "$work/gd" --floors 0.81,0.78,0.62,0.61 -v \
  --distractors 10000 --pubmed "$pubmed"
echo "== blind6: a sixth invented set written without reading the rules, the records alone"
python3 "$here/check_eval.py" "$1" "$here/blind6" "$work/h" --floors 0.80,0.69,0.63,0.63 -v
echo "== blind6: among 10,000 distractor PubMed records"
python3 "$here/check_eval.py" "$1" "$here/blind6" "$work/hd" --floors 0.80,0.69,0.62,0.62 -v \
  --distractors 10000 --pubmed "$pubmed"
