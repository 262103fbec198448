#!/usr/bin/env python3
"""Reproduces the choice of the 60 records of tests/eval/blindx3 (README.md).

  select.py SHARED [TESTS_EVAL_DIR]   -> one line per chosen record: id stratum source

SHARED is the shared folder (holding data/labels, data/pubmed, examples).

EI (45): the PMCIDs of the Evidence Inference 2.0 TRAIN split
(data/labels/evidence_inference/splits/ev2_train_article_ids.txt; never the
validation or test split), minus those of handlabelled_dev and those written
("PMC<id>") in shared/examples*, or written anywhere under tests/eval, ordered
by sha1("blindx3-2026:" + PMCID); the first 45 whose .abst file is in
evidence_inference_abstracts_le6KB.tar.gz with a non-empty abstract.  Their
source is "<tarball>:<member>"; their id (the labels' "pmid") is the PMCID's
number.

PM (15): the PubMed pool of ../blindx/select.py (same files, >= 120 words,
not in handlabelled_dev), minus every PMID written under tests/eval and the 13
records blindx read and dropped; of blindx's strata only B1 (case reports) and
B3 (the rest: no randomisation or review wording), and of those only the
records whose abstract uses observational / uncontrolled wording (OBS below);
ordered by sha1("blindx3-2026:" + PMID) and the first 15 taken.
"""
import glob
import gzip
import hashlib
import importlib.util
import json
import os
import re
import sys
import tarfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
_here = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("blindx_select", os.path.join(_here, "..", "blindx", "select.py"))
_bx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bx)
stratum, ws = _bx.stratum, _bx.ws
sys.path.insert(0, os.path.join(_here, ".."))
from evalcommon import ei_parts  # noqa: E402

SEED = "blindx3-2026"
N_EI, N_PM = 45, 15
OLD_SEED, OLD_B3 = "blindx-2026", 18
EI_TAR = "data/labels/evidence_inference/evidence_inference_abstracts_le6KB.tar.gz"
EI_TRAIN = "data/labels/evidence_inference/splits/ev2_train_article_ids.txt"
OBS = re.compile(r"\b(cohort|retrospective(ly)?|prospective(ly)?|observational|single[- ](arm|cent(er|re))|"
                 r"open[- ]label|case series|consecutive(ly)?|registry|cross[- ]sectional|case[- ]control|"
                 r"we (report|describe|present))\b", re.I)


def h(pid):
    return hashlib.sha1((SEED + ":" + pid).encode()).hexdigest()


def used_ids(evaldir):
    used, used_nobx = set(), set()
    for root, _, names in os.walk(evaldir):
        if os.path.basename(root) == "blindx3":
            continue        # the set itself
        for n in names:
            with open(os.path.join(root, n), errors="replace") as f:
                txt = f.read()
            ids = re.findall(r"\d{5,9}", txt) + re.findall(r'"pmid": "(\d+)"', txt)
            used.update(ids)
            if os.path.basename(root) != "blindx":   # blindx2's pool: blindx's own dropped records
                used_nobx.update(ids)
    return used, used_nobx


def ei_pick(shared, used):
    dev = set()
    for l in open(os.path.join(shared, "data", "labels", "handlabelled_dev", "labels.jsonl")):
        dev.update(re.findall(r"PMC(\d+)", json.loads(l)["source"]))
    for d in ("examples", "examples2"):
        for root, _, names in os.walk(os.path.join(shared, d)):
            for n in names:
                with open(os.path.join(root, n), errors="replace") as f:
                    dev.update(re.findall(r"PMC(\d+)", f.read()))
    ids = [l.strip() for l in open(os.path.join(shared, EI_TRAIN)) if l.strip()]
    out = []
    with tarfile.open(os.path.join(shared, EI_TAR)) as tf:
        members = {m.name.rsplit("/", 1)[-1][3:-5]: m for m in tf.getmembers() if m.name.endswith(".abst")}
        for pid in sorted(ids, key=h):
            if pid in dev or pid in used or pid not in members:
                continue
            _, parts = ei_parts(tf.extractfile(members[pid]).read().decode("utf-8", "replace"))
            if not any(body for _, body in parts):
                continue
            out.append((pid, "EI", EI_TAR + ":" + members[pid].name))
            if len(out) == N_EI:
                break
    return out


def pm_pick(shared, used, used_nobx):
    pm = os.path.join(shared, "data", "pubmed")
    files = (sorted(glob.glob(pm + "/baseline_excerpts_netsynergy/*.xml.gz"))
             + sorted(glob.glob(pm + "/baseline_updatefiles/*.xml.gz")) + sorted(glob.glob(pm + "/efetch/*.xml*")))
    dev = {json.loads(l)["pmid"] for l in open(os.path.join(shared, "data", "labels", "handlabelled_dev", "labels.jsonl"))}
    seen, pool, old_b3 = set(), [], []
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
            if pmid not in used and k in ("B1", "B3") and OBS.search(text):
                pool.append((pmid, k, os.path.relpath(path, shared)))
    dropped = set(sorted(old_b3, key=lambda p: hashlib.sha1((OLD_SEED + ":" + p).encode()).hexdigest())[:OLD_B3])
    return sorted((r for r in pool if r[0] not in dropped), key=lambda r: h(r[0]))[:N_PM]


def main():
    shared = sys.argv[1]
    evaldir = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(_here)
    used, used_nobx = used_ids(evaldir)
    out = ei_pick(shared, used) + pm_pick(shared, used, used_nobx)
    assert len(out) == N_EI + N_PM, len(out)
    for pid, k, src in sorted(out, key=lambda r: (r[1] != "EI", int(r[0]))):
        print(pid, k, src)


if __name__ == "__main__":
    main()
