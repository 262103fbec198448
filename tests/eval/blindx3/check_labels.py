#!/usr/bin/env python3
"""check_labels.py SHARED [LABELS]: every text field of the labels is an exact substring of the
record's AbstractText parts (whitespace collapsed, joined by a space), the records being those
blindx_eval.py pull makes (PubMed files and Evidence Inference .abst tarball members); every
record with findings has a primary one."""
import contextlib, io, json, os, re, sys, xml.etree.ElementTree as ET
sys.dont_write_bytecode = True
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, ".."))
import blindx_eval  # noqa: E402
def ws(s): return re.sub(r"\s+", " ", s).strip()
lab_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "labels.jsonl")
labs = [json.loads(l) for l in open(lab_path, encoding="utf-8")]
buf = io.BytesIO()
out = io.TextIOWrapper(buf, encoding="utf-8")
with contextlib.redirect_stdout(out):
    rc = blindx_eval.pull(sys.argv[1], lab_path)
out.flush()
if rc:
    sys.exit("pull failed")
txt = {}
for art in ET.fromstring(buf.getvalue()).iter("PubmedArticle"):
    mc = art.find("MedlineCitation")
    txt[mc.findtext("PMID")] = " ".join(x for x in (ws("".join(a.itertext()))
                                        for a in mc.find("Article/Abstract").findall("AbstractText")) if x)
bad = 0
for r in labs:
    t = txt[r["pmid"]]
    parts = []
    if r["n_total_text"]: parts.append(r["n_total_text"])
    for f in r["findings"] or []: parts.append(f["text"])
    if r["regimen"]: parts += r["regimen"]["text"].split(" | ")
    if r["follow_up"]: parts.append(r["follow_up"]["text"])
    for p in parts:
        if p not in t:
            bad += 1
            print(r["pmid"], "NOT FOUND:", p)
    if r["findings"] and not any(f["primary"] for f in r["findings"]):
        bad += 1
        print(r["pmid"], "no primary")
print("bad", bad, "records", len(labs))
sys.exit(1 if bad else 0)
