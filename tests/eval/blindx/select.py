#!/usr/bin/env python3
"""Reproduces the choice of the 60 records of tests/eval/blindx (README.md).

  select.py SHARED [TESTS_EVAL_DIR]   -> one line per chosen record: pmid stratum source

SHARED is the shared folder (holding data/pubmed and data/labels).  The rule:
records with an abstract of >= 120 words (AbstractText parts joined by a space,
whitespace collapsed) in data/pubmed/baseline_excerpts_netsynergy/*.xml.gz,
data/pubmed/baseline_updatefiles/*.xml.gz and data/pubmed/efetch/*.xml*
(first file in that order wins for a PMID found twice), whose PMID is neither
in handlabelled_dev/labels.jsonl nor written anywhere under tests/eval; each
put in the first stratum that takes it, ordered by sha1("blindx-2026:" + PMID)
and the first N of each taken.
"""
import glob
import gzip
import hashlib
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

RANDOM_ANY = re.compile(r"\brandomi[sz]|\brandomly\b", re.I)
RANDOM_TRIAL = re.compile(r"randomi[sz]ed[^.]{0,40}\btrial|randomly (assigned|allocated|divided)|"
                          r"randomi[sz]ed (to|into|in)\b|were randomi[sz]ed|randomi[sz]ation|"
                          r"randomi[sz]ed (controlled|clinical)", re.I)
REVIEW = re.compile(r"meta-analy|systematic review", re.I)
QUOTA = {"A": 38, "A2": 8, "B1": 4, "B2": 5, "B3": 5}
SEED = "blindx-2026"


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


def stratum(text, pts):
    review = bool(REVIEW.search(text))
    if ("Randomized Controlled Trial" in pts or RANDOM_TRIAL.search(text)) and not review:
        return "A"      # says it randomised (or typed RCT)
    if RANDOM_ANY.search(text) and not review:
        return "A2"     # any other random* wording
    if "Case Reports" in pts:
        return "B1"
    if review or any(p in ("Review", "Systematic Review", "Meta-Analysis") for p in pts):
        return "B2"
    return "B3"


def main():
    shared = sys.argv[1]
    evaldir = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    pm = os.path.join(shared, "data", "pubmed")
    files = (sorted(glob.glob(pm + "/baseline_excerpts_netsynergy/*.xml.gz"))
             + sorted(glob.glob(pm + "/baseline_updatefiles/*.xml.gz")) + sorted(glob.glob(pm + "/efetch/*.xml*")))
    dev = {json.loads(l)["pmid"] for l in open(os.path.join(shared, "data", "labels", "handlabelled_dev", "labels.jsonl"))}
    used = set()
    for root, _, names in os.walk(evaldir):
        if os.path.basename(root) == "blindx":
            continue        # the set itself
        for n in names:
            with open(os.path.join(root, n), errors="replace") as f:
                used.update(re.findall(r"\d{7,9}", f.read()))
    seen, strata = set(), {k: [] for k in QUOTA}
    for path in files:
        with (gzip.open(path) if path.endswith(".gz") else open(path, "rb")) as f:
            root = ET.parse(f).getroot()
        for art in root.iter("PubmedArticle"):
            mc = art.find("MedlineCitation")
            pmid = mc.findtext("PMID")
            ab = mc.find("Article/Abstract")
            if pmid in seen or ab is None:
                continue
            seen.add(pmid)
            text = " ".join(p for p in (ws("".join(a.itertext())) for a in ab.findall("AbstractText")) if p)
            if len(text.split()) < 120 or pmid in dev or pmid in used:
                continue
            pts = [ws("".join(p.itertext())) for p in mc.findall("Article/PublicationTypeList/PublicationType")]
            strata[stratum(text, pts)].append((pmid, os.path.relpath(path, shared)))
    out = []
    for k, n in QUOTA.items():
        rows = sorted(strata[k], key=lambda r: hashlib.sha1((SEED + ":" + r[0]).encode()).hexdigest())
        out += [(pmid, k, src) for pmid, src in rows[:n]]
    for pmid, k, src in sorted(out, key=lambda r: int(r[0])):
        print(pmid, k, src)


if __name__ == "__main__":
    main()
