#!/usr/bin/env python3
"""Scoring helper of blindx_eval.sh: the extractors on 60 unseen PubMed
records hand-labelled blind (tests/eval/blindx, see its README.md).

  blindx_eval.py pull SHARED LABELS.jsonl > records.xml
      the labelled records, each taken out of the shared file its "source"
      names (relative to SHARED, the shared folder), as one PubmedArticleSet;
      exits 1 naming what is missing.  A source "TARBALL:MEMBER" names an
      Evidence Inference .abst file in a tarball (tests/eval/blindx3): it
      becomes a record whose PMID is the label's "pmid", with the file's
      title and its ABSTRACT.<SECTION> parts as labelled AbstractText.  The
      abstracts are never kept in the project: they are read from the shared
      data at run time.
  blindx_eval.py score LABELS.jsonl EXTRACTED.jsonl [--texts ARTICLES.jsonl] [--floors k=v,...] [--show N]
      sample size, RCT, design and level with extract_eval.score (rates and
      effects are not labelled here), the labelled kind of the total against
      the kind of litmine's primary sample-size row, and findings, regimen
      and follow-up with model_eval.hand (findings only on the records whose
      findings are labelled: "findings": null marks those that are not).
      Floors: sample_size.*, rct.*, design.* (extract_eval's figures),
      n_total_kind.agreement, finding.*, regimen.*, follow_up.* (model_eval's).
"""
import gzip
import json
import os
import sys
import tarfile
import xml.etree.ElementTree as ET
from collections import Counter

sys.dont_write_bytecode = True     # no __pycache__ beside the imported scorers
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extract_eval  # noqa: E402
import model_eval    # noqa: E402
from evalcommon import ei_parts, parse_opts, read_jsonl, rows_by_pmid  # noqa: E402


def ei_record(tf, member, pmid):
    """A PubmedArticle of an Evidence Inference .abst file (no journal, year
    or publication types: the file has none), None when it is missing."""
    try:
        txt = tf.extractfile(member).read().decode("utf-8", "replace")
    except KeyError:
        return None
    title, parts = ei_parts(txt)
    a = ET.Element("PubmedArticle")
    mc = ET.SubElement(a, "MedlineCitation")
    ET.SubElement(mc, "PMID").text = pmid
    art = ET.SubElement(mc, "Article")
    ET.SubElement(art, "ArticleTitle").text = title
    ab = ET.SubElement(art, "Abstract")
    for lab, body in parts:
        t = ET.SubElement(ab, "AbstractText")
        if lab:
            t.set("Label", lab)
        t.text = body
    return a


def pull(shared, labels_path):
    want = {}
    for d in read_jsonl(labels_path):
        want.setdefault(d["source"], []).append(str(d["pmid"]))
    out = ET.Element("PubmedArticleSet")
    missing = []
    for src in sorted(want):
        if ".tar.gz:" in src:
            tarball, member = src.split(":", 1)
            path = os.path.join(shared, tarball)
            if not os.path.isfile(path):
                missing.extend(f"{tarball} (file missing): {p}" for p in want[src])
                continue
            with tarfile.open(path) as tf:
                for p in want[src]:
                    rec = ei_record(tf, member, p)
                    if rec is None:
                        missing.append(f"{src}: member not found")
                    else:
                        out.append(rec)
            continue
        path = os.path.join(shared, src)
        if not os.path.isfile(path):
            missing.extend(f"{src} (file missing): {p}" for p in want[src])
            continue
        with (gzip.open(path) if path.endswith(".gz") else open(path, "rb")) as f:
            root = ET.parse(f).getroot()
        found = {}
        for a in root.iter("PubmedArticle"):
            pmid = a.findtext("MedlineCitation/PMID")
            if pmid in want[src] and pmid not in found:
                found[pmid] = a
        for p in want[src]:
            if p in found:
                out.append(found[p])
            else:
                missing.append(f"{src}: PMID {p} not found")
    if missing:
        for m in missing:
            print("blindx_eval: " + m, file=sys.stderr)
        return 1
    sys.stdout.buffer.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    sys.stdout.buffer.write(ET.tostring(out, encoding="utf-8"))
    sys.stdout.buffer.write(b"\n")
    return 0


def kind_agreement(labels_path, x_path):
    """The labelled n_total_kind against litmine's primary sample-size row
    (its "metric"), on the records whose total litmine got exactly (a wrong
    count's kind is that of another number)."""
    ext = rows_by_pmid(x_path)
    n = ok = 0
    pairs = Counter()
    for g in read_jsonl(labels_path):
        prim = [e for e in ext.get(str(g["pmid"]), [])
                if e["kind"] == "sample_size" and "primary" in (e.get("flags") or "")]
        if g["n_total"] is None or not prim or abs(prim[0]["value"] - g["n_total"]) >= 0.5:
            continue
        got = prim[0].get("metric")
        n += 1
        ok += got == g["n_total_kind"]
        pairs[(g["n_total_kind"], got)] += 1
    print(f"n_total_kind: {ok}/{n} agree (label -> litmine: "
          + ", ".join(f"{a}->{b} {c}" for (a, b), c in sorted(pairs.items(), key=str)) + ")")
    return {"n_total_kind": {"agreement": ok / n if n else 0.0}}


def rct_counts(labels_path, x_path):
    ext = rows_by_pmid(x_path)
    tp = fn = fp = tn = 0
    for g in read_jsonl(labels_path):
        d = [e for e in ext.get(str(g["pmid"]), []) if e["kind"] == "design"]
        is_rct = bool(d) and d[0]["value"] == "rct"
        if g["rct"]:
            tp += is_rct
            fn += not is_rct
        else:
            fp += is_rct
            tn += not is_rct
    print(f"rct counts: sensitivity {tp}/{tp + fn}, specificity {tn}/{tn + fp}")


def score(labels_path, x_path, floors, show, texts):
    ex_floors = {k: v for k, v in floors.items() if k.split(".")[0] in ("sample_size", "rct", "design")}
    mo_floors = {k: v for k, v in floors.items() if k.split(".")[0] in ("finding", "regimen", "follow_up")}
    my_floors = {k: v for k, v in floors.items() if k.split(".")[0] == "n_total_kind"}
    unknown = set(floors) - set(ex_floors) - set(mo_floors) - set(my_floors)
    if unknown:
        raise SystemExit("unknown floors " + ", ".join(sorted(unknown)))
    print("== sample size, RCT, design, level (extract_eval.score)")
    fail = extract_eval.score(labels_path, x_path, ex_floors, show, texts, rates_effects=False)
    rct_counts(labels_path, x_path)
    fail |= extract_eval.check_floors(kind_agreement(labels_path, x_path), my_floors)
    print("== findings, regimen, follow-up (model_eval.hand)")
    fail |= model_eval.hand(labels_path, x_path, mo_floors, show)
    return fail


def main():
    a = sys.argv
    if len(a) == 4 and a[1] == "pull":
        return pull(a[2], a[3])
    if len(a) >= 4 and a[1] == "score":
        rest, texts = extract_eval.split_texts(a[4:])
        floors, show = parse_opts(rest)
        return score(a[2], a[3], floors, show, texts)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
