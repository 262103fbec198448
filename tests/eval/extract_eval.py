#!/usr/bin/env python3
"""Scoring helper of extract_eval.sh.

  extract_eval.py articles ABSTRACTS.xml > articles.jsonl
      PubMed XML -> the JSON lines bench-extract_run reads (title, abstract
      with "LABEL: text" parts joined by newlines, as the corpus stores it).
  extract_eval.py score LABELS.jsonl EXTRACTIONS.jsonl [--floors k=v,...] [--show N]
      per kind: answer rate, precision, recall, F1 against the hand labels;
      exits 1 when a figure is below its floor.
"""
import json
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict


def text_of(el):
    return "".join(el.itertext()) if el is not None else ""


def articles(path):
    root = ET.parse(path).getroot()
    for a in root.iter("PubmedArticle"):
        pmid = a.find(".//MedlineCitation/PMID").text
        title = text_of(a.find(".//ArticleTitle"))
        parts = []
        for t in a.iter("AbstractText"):
            lab = t.get("Label")
            body = " ".join(text_of(t).split())
            parts.append(f"{lab}: {body}" if lab else body)
        pts = "; ".join(text_of(p) for p in a.iter("PublicationType"))
        mesh = "; ".join(text_of(m) for m in a.iter("DescriptorName"))
        print(json.dumps({"pmid": pmid, "title": " ".join(title.split()),
                          "abstract": "\n".join(parts), "pub_types": pts, "mesh": mesh}))


def close(a, b, tol=0.011):
    return a is not None and b is not None and abs(a - b) <= tol * max(1.0, abs(b))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(labels_path, ext_path, floors, show):
    gold = {}
    for line in open(labels_path, encoding="utf-8"):
        d = json.loads(line)
        gold[d["pmid"]] = d
    ext = defaultdict(list)
    for line in open(ext_path, encoding="utf-8"):
        e = json.loads(line)
        ext[e["pmid"]].append(e)
    figures = {}
    dis = []

    # sample size: the row flagged primary is the answer
    ans = exact = have = tp = 0
    for pmid, g in gold.items():
        prim = [e for e in ext[pmid] if e["kind"] == "sample_size" and "primary" in (e["flags"] or "")]
        v = prim[0]["value"] if prim else None
        if g["n_total"] is not None:
            have += 1
        if v is not None:
            ans += 1
            if g["n_total"] is not None and abs(v - g["n_total"]) < 0.5:
                exact += 1
            else:
                dis.append(("sample_size", pmid, v, g["n_total"], prim[0]["text"], g["n_total_text"]))
        elif g["n_total"] is not None:
            dis.append(("sample_size", pmid, None, g["n_total"], "", g["n_total_text"]))
    answered_with_gold = sum(1 for p, g in gold.items() if g["n_total"] is not None and
                             any(e["kind"] == "sample_size" and "primary" in (e["flags"] or "") for e in ext[p]))
    p, r, f = prf(exact, ans - exact, have - exact)
    figures["sample_size"] = dict(answer=answered_with_gold / have if have else 0, precision=p, recall=r, f1=f,
                                  exact_when_answered=exact / ans if ans else 0)

    # design: RCT detection and design/level agreement
    tp = fp = fn = tn = 0
    dok = lok = 0
    for pmid, g in gold.items():
        d = [e for e in ext[pmid] if e["kind"] == "design"]
        des = d[0]["value"] if d else None
        lev = d[0]["level"] if d else None
        is_rct = des == "rct"
        if g["rct"] and is_rct:
            tp += 1
        elif g["rct"]:
            fn += 1
        elif is_rct:
            fp += 1
        else:
            tn += 1
        dok += des == g["design"]
        lok += lev == g["level"]
        if des != g["design"]:
            dis.append(("design", pmid, des, g["design"], d[0]["text"] if d else "", g["notes"][:90]))
    p, r, f = prf(tp, fp, fn)
    figures["rct"] = dict(answer=1.0, precision=p, recall=r, f1=f,
                          sensitivity=r, specificity=tn / (tn + fp) if tn + fp else 0)
    figures["design"] = dict(answer=1.0, accuracy=dok / len(gold), level_accuracy=lok / len(gold))

    # rates: match by percent (or k/n) within each abstract
    def rate_key_match(e, g):
        if g["percent"] is not None and close(e["value"], g["percent"], 0.006):
            return True
        if g["k"] is not None and g["n"] is not None and e["k"] == g["k"] and e["n"] == g["n"]:
            return True
        return False
    tp = fp = fn = 0
    what_ok = 0
    for pmid, g in gold.items():
        got = [e for e in ext[pmid] if e["kind"] == "rate"]
        used = set()
        for gr in g["rates"]:
            hit = next((i for i, e in enumerate(got) if i not in used and rate_key_match(e, gr)), None)
            if hit is None:
                fn += 1
                dis.append(("rate_missed", pmid, None, gr.get("percent"), "", gr["text"][:90]))
            else:
                used.add(hit)
                tp += 1
                what_ok += got[hit]["metric"] == gr["what"]
        for i, e in enumerate(got):
            if i not in used:
                fp += 1
                dis.append(("rate_extra", pmid, e["value"], None, e["text"][:90], ""))
    p, r, f = prf(tp, fp, fn)
    figures["rate"] = dict(answer=sum(1 for pm in gold if any(e["kind"] == "rate" for e in ext[pm])) / len(gold),
                           precision=p, recall=r, f1=f, what_accuracy=what_ok / tp if tp else 0)

    # effects: metric + value
    tp = fp = fn = 0
    for pmid, g in gold.items():
        got = [e for e in ext[pmid] if e["kind"] == "effect"]
        used = set()
        for ge in g["effects"]:
            hit = next((i for i, e in enumerate(got) if i not in used and close(e["value"], ge["value"], 0.001)), None)
            if hit is None:
                fn += 1
                dis.append(("effect_missed", pmid, None, ge["value"], "", ge["text"][:90]))
            else:
                used.add(hit)
                tp += 1
        for i, e in enumerate(got):
            if i not in used:
                fp += 1
                dis.append(("effect_extra", pmid, e["value"], None, e["text"][:90], ""))
    p, r, f = prf(tp, fp, fn)
    figures["effect"] = dict(answer=sum(1 for pm in gold if any(e["kind"] == "effect" for e in ext[pm])) / len(gold),
                             precision=p, recall=r, f1=f)

    fail = 0
    for kind, fig in figures.items():
        print(kind.ljust(12) + "  ".join(f"{k}={v:.3f}" for k, v in fig.items()))
    for key, floor in floors.items():
        kind, metric = key.split(".")
        v = figures[kind][metric]
        if v + 1e-9 < floor:
            print(f"FAIL: {key} = {v:.3f} below the floor {floor}")
            fail = 1
    if show:
        print(f"-- first {show} disagreements (kind, pmid, ours, gold, our text | gold text)")
        for d in dis[:show]:
            print("  ", d[0], d[1], d[2], d[3], "|", (d[4] or "")[:80], "|", (d[5] or "")[:80])
    return fail


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "articles":
        articles(sys.argv[2])
        return 0
    if len(sys.argv) >= 4 and sys.argv[1] == "score":
        floors, show = {}, 0
        args = sys.argv[4:]
        while args:
            if args[0] == "--floors":
                for kv in args[1].split(","):
                    k, v = kv.split("=")
                    floors[k] = float(v)
                args = args[2:]
            elif args[0] == "--show":
                show = int(args[1])
                args = args[2:]
            else:
                print("unknown argument " + args[0], file=sys.stderr)
                return 2
        return score(sys.argv[2], sys.argv[3], floors, show)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
