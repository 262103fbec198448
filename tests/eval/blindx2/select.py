#!/usr/bin/env python3
"""Reproduces the choice of the 50 records of tests/eval/blindx2 (README.md).

  select.py SHARED [TESTS_EVAL_DIR]   -> one line per chosen record: pmid stratum source

Same pool and strata as ../blindx/select.py (imported from there), minus every
PMID written anywhere under tests/eval (blindx's 60 included) and minus the 13
records blindx read and dropped (its first draw took the first 18 of B3 by
sha1("blindx-2026:" + PMID); it kept 5).  Then: all remaining records of the
randomisation-wording strata (A, A2), and the rest of the 50 from B1/B2/B3,
each ordered by sha1("blindx2-2026:" + PMID) and the first N taken.
"""
import glob
import gzip
import hashlib
import importlib.util
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
# blindx's strata rule, loaded by path (its file name would clash with the stdlib module "select")
_spec = importlib.util.spec_from_file_location(
    "blindx_select", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "blindx", "select.py"))
_bx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bx)
stratum, ws = _bx.stratum, _bx.ws

QUOTA = {"A": None, "A2": None, "B1": 6, "B2": 10, "B3": 19}   # None: all that remain
TOTAL = 50
SEED = "blindx2-2026"
OLD_SEED, OLD_B3 = "blindx-2026", 18


def h(seed, pmid):
    return hashlib.sha1((seed + ":" + pmid).encode()).hexdigest()


def main():
    shared = sys.argv[1]
    evaldir = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    pm = os.path.join(shared, "data", "pubmed")
    files = (sorted(glob.glob(pm + "/baseline_excerpts_netsynergy/*.xml.gz"))
             + sorted(glob.glob(pm + "/baseline_updatefiles/*.xml.gz")) + sorted(glob.glob(pm + "/efetch/*.xml*")))
    dev = {json.loads(l)["pmid"] for l in open(os.path.join(shared, "data", "labels", "handlabelled_dev", "labels.jsonl"))}
    used, used_nobx = set(), set()
    for root, _, names in os.walk(evaldir):
        if os.path.basename(root) == "blindx2":
            continue        # the set itself
        for n in names:
            with open(os.path.join(root, n), errors="replace") as f:
                ids = re.findall(r"\d{7,9}", f.read())
            used.update(ids)
            if os.path.basename(root) != "blindx":
                used_nobx.update(ids)
    seen, strata, old_b3 = set(), {k: [] for k in QUOTA}, []
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
            if len(text.split()) < 120 or pmid in dev or pmid in used_nobx:
                continue
            pts = [ws("".join(p.itertext())) for p in mc.findall("Article/PublicationTypeList/PublicationType")]
            k = stratum(text, pts)
            if k == "B3":
                old_b3.append(pmid)
            if pmid not in used:
                strata[k].append((pmid, os.path.relpath(path, shared)))
    dropped = set(sorted(old_b3, key=lambda p: h(OLD_SEED, p))[:OLD_B3])   # blindx's first B3 draw
    out = []
    for k, n in QUOTA.items():
        rows = sorted((r for r in strata[k] if r[0] not in dropped), key=lambda r: h(SEED, r[0]))
        out += [(pmid, k, src) for pmid, src in (rows if n is None else rows[:n])]
    assert len(out) == TOTAL, len(out)
    for pmid, k, src in sorted(out, key=lambda r: int(r[0])):
        print(pmid, k, src)


if __name__ == "__main__":
    main()
