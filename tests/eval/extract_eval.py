#!/usr/bin/env python3
"""Scoring helper of extract_eval.sh.

  extract_eval.py articles ABSTRACTS.xml > articles.jsonl
      PubMed XML -> the JSON lines bench-extract_run reads (title, abstract
      with "LABEL: text" parts joined by newlines, as the corpus stores it).
  extract_eval.py score LABELS.jsonl EXTRACTIONS.jsonl [--floors k=v,...] [--show N] [--texts ARTICLES.jsonl]
      per kind: answer rate, precision, recall, F1 against the hand labels,
      and per class (labelled kind of total, design; with --texts the
      abstract part each chosen count came from); exits 1 when a figure is
      below its floor.
  extract_eval.py statcheck-texts STATS.csv > texts.jsonl
  extract_eval.py statcheck-score STATS.csv EXTRACTIONS.jsonl [--floors ...]
      p-values in statcheck's hand-coded APA results (raw_result strings).
  extract_eval.py rct-agreement TEXTS.jsonl EXTRACTIONS.jsonl ei|pubtypes [--held-out IDS] [--floors ...]
      RCT wording against a reference (see rct_agreement).
  extract_eval.py ebm-texts BIO.txt > texts.jsonl
  extract_eval.py ebm-score BIO.txt EXTRACTIONS.jsonl [--floors ...]
      sample-size numbers against EBM-NLP's crowd-labelled PSS spans, per sentence.
"""
import csv
import re
import json
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

from evalcommon import ei_abstracts, parse_opts, read_jsonl, rows_by_pmid


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


def part_of(abstract, at):
    """The kind of abstract part holding byte offset AT ("LABEL: text" lines): methods,
    results, design, population, other, or unlabelled."""
    raw = abstract.encode("utf-8")    # spans are byte offsets
    start = raw.rfind(b"\n", 0, at) + 1
    m = re.match(rb"([A-Z][A-Z ,&/-]{1,40}):", raw[start:])
    if not m:
        return "unlabelled"
    lab = m.group(1).decode()
    for key, name in (("RESULT", "results"), ("METHOD", "methods"), ("DESIGN", "design"),
                      ("PATIENT", "population"), ("PARTICIPANT", "population"), ("SUBJECT", "population"),
                      ("SAMPLE", "population"), ("ANIMAL", "population"), ("POPULATION", "population")):
        if key in lab and not (key == "RESULT" and "METHOD" in lab):
            return name
    return "other"


def per_class(title, pairs):
    """pairs: (class, ok) -> one line of class=ok/n, largest first."""
    t = defaultdict(lambda: [0, 0])
    for c, ok in pairs:
        t[c][0] += bool(ok)
        t[c][1] += 1
    print(title + "  ".join(f"{c}={a}/{n}" for c, (a, n) in sorted(t.items(), key=lambda kv: -kv[1][1])))


def score(labels_path, ext_path, floors, show, texts=None, rates_effects=True):
    """rates_effects=False leaves the rate and effect figures out (labels
    without rates/effects, as tests/eval/blindx)."""
    abstracts = {}
    if texts:
        for d in read_jsonl(texts):
            abstracts[d["pmid"]] = d.get("abstract") or ""
    gold = {d["pmid"]: d for d in read_jsonl(labels_path)}
    ext = rows_by_pmid(ext_path, as_str=False)
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
    # the failure classes of issue 15, counted on the disagreements: the
    # count missed, a part (subgroup, analysis step) or a larger pool chosen
    # over the total, a sum that doubles or adds what it must not
    cls = defaultdict(int)
    for kind, pmid, v, want, text, _ in dis:
        if kind != "sample_size":
            continue
        if want is None:
            cls["answered_without_total"] += 1
            continue
        rule = next((e["rule"] for e in ext[pmid] if e["kind"] == "sample_size"
                     and "primary" in (e["flags"] or "")), "")
        if v is None:
            cls["missed"] += 1
        elif "sum" in rule or "with_controls" in rule:
            cls["wrong_sum"] += 1
        elif v < want:
            cls["part_over_total"] += 1
        else:
            cls["pool_over_total"] += 1
    print("sample_size failure classes: " + "  ".join(
        f"{k}={cls[k]}" for k in ("missed", "part_over_total", "pool_over_total", "wrong_sum", "answered_without_total")))
    # per class: the kind of total the labels name, and the abstract part
    # the chosen count was read from (exact when answered)
    ss_rows = []
    for pmid, g in gold.items():
        prim = [e for e in ext[pmid] if e["kind"] == "sample_size" and "primary" in (e["flags"] or "")]
        if g["n_total"] is None or not prim:
            continue
        ok = abs(prim[0]["value"] - g["n_total"]) < 0.5
        span = prim[0].get("span") or [0, 0]
        part = prim[0].get("section") or "abstract"
        if part == "abstract" and pmid in abstracts:
            part = part_of(abstracts[pmid], span[0])
        ss_rows.append((g.get("n_total_kind") or "none", part, ok))
    per_class("sample_size by labelled kind (exact/answered): ", [(k, ok) for k, _, ok in ss_rows])
    if abstracts:
        per_class("sample_size by abstract part (exact/answered): ", [(p, ok) for _, p, ok in ss_rows])
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
    des_rows = []
    for pmid, g in gold.items():
        d = [e for e in ext[pmid] if e["kind"] == "design"]
        des_rows.append((g["design"], bool(d) and d[0]["value"] == g["design"]))
    per_class("design by labelled design (agree/n): ", des_rows)
    p, r, f = prf(tp, fp, fn)
    figures["rct"] = dict(answer=1.0, precision=p, recall=r, f1=f,
                          sensitivity=r, specificity=tn / (tn + fp) if tn + fp else 0)
    figures["design"] = dict(answer=1.0, accuracy=dok / len(gold), level_accuracy=lok / len(gold))

    if rates_effects:
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

    for kind, fig in figures.items():
        print(kind.ljust(12) + "  ".join(f"{k}={v:.3f}" for k, v in fig.items()))
    fail = check_floors(figures, floors)
    if show:
        print(f"-- first {show} disagreements (kind, pmid, ours, gold, our text | gold text)")
        for d in dis[:show]:
            print("  ", d[0], d[1], d[2], d[3], "|", (d[4] or "")[:80], "|", (d[5] or "")[:80])
    return fail


def statcheck_rows(path):
    with open(path, encoding="ascii", errors="replace", newline="") as f:
        for i, row in enumerate(csv.DictReader(f, delimiter=";")):
            if not row.get("p"):
                continue
            yield i, row


def statcheck_texts(path):
    for i, row in statcheck_rows(path):
        print(json.dumps({"pmid": str(i + 1), "title": "", "abstract": " ".join(row["raw_result"].split())}))


def check_floors(figures, floors):
    fail = 0
    for key, floor in floors.items():
        kind, metric = key.split(".")
        v = figures[kind][metric]
        if v + 1e-9 < floor:
            print(f"FAIL: {key} = {v:.3f} below the floor {floor}")
            fail = 1
    return fail


def statcheck_score(path, ext_path, floors):
    ext = rows_by_pmid(ext_path, keep=lambda e: e["p"] is not None, as_str=False)
    n = ans = ok = 0
    for i, row in statcheck_rows(path):
        n += 1
        gp = float(row["p"])
        gop = row["p_comparison"].replace('"', "")
        got = ext[str(i + 1)]
        if got:
            ans += 1
            ok += any(abs(e["p"] - gp) < 1e-9 and e["p_op"] == gop for e in got)
    p, r, f = prf(ok, ans - ok, n - ok)
    fig = {"p_value": dict(answer=ans / n, precision=p, recall=r, f1=f)}
    print(f"statcheck   results={n} " + "  ".join(f"{k}={v:.3f}" for k, v in fig["p_value"].items()))
    return check_floors(fig, floors)


WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                   "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
WORDS.update({w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())})


def words_value(toks):
    total = cur = 0
    seen = False
    for t in toks:
        for part in t.lower().split("-"):
            if part in WORDS:
                cur += WORDS[part]
                seen = True
            elif part == "hundred" and seen:
                cur *= 100
            elif part == "thousand" and seen:
                total += cur * 1000
                cur = 0
            elif part == "and" and seen:
                continue
            else:
                if seen:
                    return total + cur
    return total + cur if seen else None


def ebm_sentences(path):
    sent, labs = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if sent:
                yield sent, labs
            sent, labs = [], []
            continue
        cols = line.split("\t")
        sent.append(cols[0])
        labs.append(cols[2] if len(cols) > 2 else "O")
    if sent:
        yield sent, labs


def detok(toks):
    s = " ".join(toks)
    s = re.sub(r"([(\[]) ", r"\1", s)
    s = re.sub(r" ([)\],.;:%])", r"\1", s)
    s = re.sub(r" ?([/=]) ?", r" \1 ", s).replace(" / ", "/")
    return s


def ebm_gold(toks, labs):
    """Numbers inside PSS spans."""
    out, span = set(), []
    for t, l in list(zip(toks, labs)) + [("", "O")]:
        if l.endswith("PSS"):
            span.append(t)
            continue
        if span:
            for x in span:
                x2 = x.replace(",", "")
                if re.fullmatch(r"\d+", x2):
                    out.add(int(x2))
            w = words_value(span)
            if w:
                out.add(w)
            span = []
    return out


def ebm_texts(path):
    for i, (toks, labs) in enumerate(ebm_sentences(path)):
        print(json.dumps({"pmid": str(i + 1), "title": "", "abstract": detok(toks)}))


def ebm_score(path, ext_path, floors):
    ext = defaultdict(set)
    for e in read_jsonl(ext_path):
        if e["kind"] in ("sample_size", "arm_size") and e["value"] is not None:
            ext[e["pmid"]].add(int(e["value"]))
    tp = fp = fn = 0
    sents_gold = sents_ans = 0
    gold_of = {}
    for i, (toks, labs) in enumerate(ebm_sentences(path)):
        g = ebm_gold(toks, labs)
        gold_of[i] = g
        o = ext[str(i + 1)]
        sents_gold += bool(g)
        sents_ans += bool(g) and bool(o)
        tp += len(g & o)
        fp += len(o - g)
        fn += len(g - o)
    # which rules give the values that are not PSS numbers, by family
    fam = defaultdict(lambda: [0, 0])
    for e in read_jsonl(ext_path):
        if e["kind"] not in ("sample_size", "arm_size") or e["value"] is None:
            continue
        i = int(e["pmid"]) - 1
        f2 = ".".join(e["rule"].split(".")[:2])
        fam[f2][0 if int(e["value"]) in gold_of[i] else 1] += 1
    print("ebm_nlp_pss rules (agree/other): " + "  ".join(
        f"{k}={a}/{b}" for k, (a, b) in sorted(fam.items())))
    # robustness: a value that is a number in another role in its sentence
    # (an age span, a duration, a dose, a percent, a calendar year)
    roles = defaultdict(int)
    nvals = 0
    for i, (toks, labs) in enumerate(ebm_sentences(path)):
        for v in ext[str(i + 1)]:
            nvals += 1
            for j, t in enumerate(toks):
                if t.replace(",", "") != str(v):
                    continue
                nxt = " ".join(toks[j + 1:j + 3]).lower()
                if labs[j].endswith("PA") and v not in gold_of[i]:
                    roles["age"] += 1
                elif re.match(r"(?:years?|yrs?|months?|weeks?|days?|hours?|h|min(?:utes)?)\b", nxt):
                    roles["duration"] += 1
                elif re.match(r"(?:mg|g|mcg|µg|ml|iu|mmol|kg|mg/kg)\b", nxt):
                    roles["dose"] += 1
                elif nxt.startswith("%"):
                    roles["percent"] += 1
                elif re.fullmatch(r"(?:19|20)\d\d", t) and v not in gold_of[i]:
                    roles["year"] += 1
                break
    print(f"ebm_nlp_pss values in another role (of {nvals} values): " + "  ".join(
        f"{k}={roles[k]}" for k in ("age", "duration", "dose", "percent", "year")))
    p, r, f = prf(tp, fp, fn)
    fig = {"pss": dict(answer=sents_ans / sents_gold if sents_gold else 0, precision=p, recall=r, f1=f,
                       not_other_role=1 - sum(roles.values()) / nvals if nvals else 0)}
    print(f"ebm_nlp_pss sentences_with_pss={sents_gold} " + "  ".join(f"{k}={v:.3f}" for k, v in fig["pss"].items()))
    return check_floors(fig, floors)


def ei_texts(tarball):
    """Evidence Inference abstracts as JSON lines for the extractors."""
    for pmcid, title, abstract in ei_abstracts(tarball):
        print(json.dumps({"pmid": pmcid, "title": title, "abstract": abstract}))


def pubmed_texts(root):
    """Every PubMed XML record with an abstract under ROOT (.xml, .xml.gz), by PMID."""
    import gzip
    import os
    seen = set()
    for d, _, files in sorted(os.walk(root)):
        for fn in sorted(files):
            if not (fn.endswith(".xml") or fn.endswith(".xml.gz")):
                continue
            path = os.path.join(d, fn)
            try:
                fh = gzip.open(path) if fn.endswith(".gz") else open(path, "rb")
                for _, el in ET.iterparse(fh):
                    if el.tag not in ("PubmedArticle", "MedlineCitation") or el.find(".//PMID") is None:
                        continue
                    if el.tag == "MedlineCitation" and el.find("../MedlineCitation") is not None:
                        continue
                    pmid = el.find(".//PMID").text
                    parts = []
                    for t in el.iter("AbstractText"):
                        lab = t.get("Label")
                        body = " ".join(text_of(t).split())
                        parts.append(f"{lab}: {body}" if lab else body)
                    if pmid in seen or not parts:
                        el.clear()
                        continue
                    seen.add(pmid)
                    print(json.dumps({"pmid": pmid, "title": " ".join(text_of(el.find(".//ArticleTitle")).split()),
                                      "abstract": "\n".join(parts),
                                      "pub_types": "; ".join(text_of(p) for p in el.iter("PublicationType")),
                                      "mesh": "; ".join(text_of(m) for m in el.iter("DescriptorName"))}))
                    el.clear()
            except (ET.ParseError, OSError, EOFError):
                continue


STATES_RANDOM = re.compile(r"randomi[sz]|randomly (?:assigned|allocated|divided|distributed|split|categori[sz]ed)", re.I)
ANIMAL_WORDS = re.compile(r"\b(?:mice|rats?|rabbits?|dogs|sheep|lambs|pigs|piglets|cattle|horses|animals)\b", re.I)


def rct_agreement(texts, ext_path, label, floors, held_out=None):
    """Abstract-wording RCT calls against a reference set: EI (all RCT reports) or PubMed types.
    For EI also among the human reports whose abstract states a random assignment (the only ones
    the labelling rules call RCTs from their wording).  HELD_OUT: a file of record ids (EI's test
    split) reported on their own line and kept out of the listings of misses, which are for
    development; the floors are on all records, as before."""
    pts, stated, vet = {}, set(), set()
    for d in read_jsonl(texts):
        # the type exactly: "Randomized Controlled Trial, Veterinary" is an
        # animal study (DESIGN.md: L5), reported on its own line below
        types = (d.get("pub_types") or "").split("; ")
        pts[d["pmid"]] = "Randomized Controlled Trial" in types if label == "pubtypes" else True
        if label == "pubtypes" and "Randomized Controlled Trial, Veterinary" in types:
            vet.add(d["pmid"])
        text = (d.get("title") or "") + " " + (d.get("abstract") or "")
        if STATES_RANDOM.search(text) and not ANIMAL_WORDS.search(text):
            stated.add(d["pmid"])
    ours, called, sized = {}, {}, set()
    for e in read_jsonl(ext_path):
        if e["kind"] == "sample_size" and "primary" in (e["flags"] or ""):
            sized.add(e["pmid"])
        if e["kind"] == "design":
            ours[e["pmid"]] = "abstract=rct" in (e["flags"] or "")
            called[e["pmid"]] = f"{e['value']}({e['rule'].split('.', 1)[-1]})"
    tp = sum(1 for p, g in pts.items() if g and ours.get(p))
    pos = sum(1 for g in pts.values() if g)
    neg = len(pts) - pos
    fp = sum(1 for p, g in pts.items() if not g and ours.get(p))
    fig = {"agree_rct": tp / pos if pos else 0}
    line = f"rct_vs_{label}  records={len(pts)} reference_rct={pos} agree_rct={fig['agree_rct']:.3f}"
    if neg:
        fig["agree_not_rct"] = (neg - fp) / neg
        line += f" agree_not_rct={fig['agree_not_rct']:.3f}"
    if label == "ei":
        st = [p for p in pts if p in stated]
        fig["stated_random"] = sum(1 for p in st if ours.get(p)) / len(st) if st else 0
        line += f" stating_random={len(st)} agree_rct_when_stated={fig['stated_random']:.3f}"
    print(line)
    held = set()
    if held_out:
        held = {x.strip() for x in open(held_out, encoding="utf-8") if x.strip()}
    dev = [p for p in pts if p not in held]
    if held:
        # the development records and the held-out ones apart (the latter reported, never tuned on)
        for name, ids in (("development", dev), ("held_out", [p for p in pts if p in held])):
            st = [p for p in ids if p in stated]
            print(f"rct_vs_{label} {name}: records={len(ids)} agree_rct="
                  f"{sum(1 for p in ids if ours.get(p)) / len(ids) if ids else 0:.3f} stating_random={len(st)} "
                  f"agree_rct_when_stated={sum(1 for p in st if ours.get(p)) / len(st) if st else 0:.3f}")
    if vet:
        animal = sum(1 for p in vet if called.get(p, "").startswith("animal"))
        print(f"rct_vs_{label} veterinary RCTs (not in reference_rct) called animal: {animal}/{len(vet)}")
    if neg:
        # sensitivity and specificity with their counts
        tn = neg - fp
        print(f"rct_vs_{label} sensitivity={tp}/{pos} specificity={tn}/{neg} (called rct: {tp + fp})")
    # which cue decided the records called RCT, and on the reference's negatives
    # (development records only)
    cue_pos, cue_neg = defaultdict(int), defaultdict(int)
    for p in dev:
        if ours.get(p):
            (cue_pos if pts[p] else cue_neg)[called.get(p, "none")] += 1
    print(f"rct_vs_{label} called rct by deciding cue (reference rct): " + "  ".join(
        f"{k}={n}" for k, n in sorted(cue_pos.items(), key=lambda kv: -kv[1])))
    if neg:
        print(f"rct_vs_{label} called rct by deciding cue (reference not rct): " + "  ".join(
            f"{k}={n}" for k, n in sorted(cue_neg.items(), key=lambda kv: -kv[1])))
    if label == "pubtypes":
        fig.update(design_vs_pubtypes(texts, ext_path))
    if label == "ei":
        # a trial's report states how many it randomised: the share of
        # development records given a study total (answered, not checked)
        fig["size_answered"] = sum(1 for p in dev if p in sized) / len(dev) if dev else 0
        print(f"rct_vs_{label} sample size answered (development records): "
              f"{sum(1 for p in dev if p in sized)}/{len(dev)} = {fig['size_answered']:.3f}")
    # what the reference RCTs were called instead, by design and deciding cue
    # (development records only), and for EI those that state randomisation
    miss, miss_st = defaultdict(int), defaultdict(int)
    for p in dev:
        if pts[p] and not ours.get(p):
            miss[called.get(p, "none")] += 1
            if p in stated:
                miss_st[called.get(p, "none")] += 1
    print(f"rct_vs_{label} reference RCTs called otherwise (design(deciding cue)=count): " + "  ".join(
        f"{k}={n}" for k, n in sorted(miss.items(), key=lambda kv: -kv[1])))
    if label == "ei":
        print(f"rct_vs_{label} ... of them stating randomisation: " + "  ".join(
            f"{k}={n}" for k, n in sorted(miss_st.items(), key=lambda kv: -kv[1])))
    return check_floors({"rct_vs_" + label: fig}, floors)


# NLM publication types that name a design, and the abstract-wording
# designs that agree with each (an observational study is any design that
# is not a trial, review, case report or lab study)
PUBTYPE_DESIGN = (("Meta-Analysis", {"meta_analysis"}), ("Systematic Review", {"systematic_review", "meta_analysis"}),
                  ("Randomized Controlled Trial", {"rct"}), ("Case Reports", {"case_report"}),
                  ("Observational Study", {"cohort", "case_control", "other", "case_series", "non_randomized_controlled",
                                           "open_label_single_arm"}))


def design_vs_pubtypes(texts, ext_path):
    """The abstract's own design (the wording alone, flag abstract=) against the design the record's
    publication types name, per type with counts and what the disagreements were called; returns
    design_agree over all such records."""
    ours = {}
    for e in read_jsonl(ext_path):
        if e["kind"] == "design":
            f = e["flags"] or ""
            ours[e["pmid"]] = f.split("abstract=", 1)[1].split(",", 1)[0] if "abstract=" in f else "none"
    per = defaultdict(lambda: [0, 0, defaultdict(int)])
    for d in read_jsonl(texts):
        types = (d.get("pub_types") or "").split("; ")
        ref = next(((t, ok) for t, ok in PUBTYPE_DESIGN if t in types), None)
        if not ref:
            continue
        o = ours.get(d["pmid"], "none")
        t = per[ref[0]]
        t[0] += o in ref[1]
        t[1] += 1
        if o not in ref[1]:
            t[2][o] += 1
    agree = sum(t[0] for t in per.values())
    n = sum(t[1] for t in per.values())
    print(f"design_vs_pubtypes records={n} design_agree={agree / n if n else 0:.3f}  " + "  ".join(
        f"{k}={t[0]}/{t[1]}" for k, t in sorted(per.items(), key=lambda kv: -kv[1][1])))
    print("design_vs_pubtypes called otherwise: " + "  ".join(
        f"{k}:" + ",".join(f"{o}={c}" for o, c in sorted(t[2].items(), key=lambda kv: -kv[1]))
        for k, t in per.items() if t[2]))
    return {"design_agree": agree / n if n else 0}


def split_texts(args):
    """--texts FILE taken out of ARGS: (the rest, FILE or None)."""
    if "--texts" in args:
        i = args.index("--texts")
        if i + 1 >= len(args):
            raise SystemExit("--texts needs a file")
        return args[:i] + args[i + 2:], args[i + 1]
    return args, None


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "statcheck-texts":
        statcheck_texts(sys.argv[2])
        return 0
    if cmd == "statcheck-score":
        return statcheck_score(sys.argv[2], sys.argv[3], parse_opts(sys.argv[4:])[0])
    if cmd == "ei-texts":
        ei_texts(sys.argv[2])
        return 0
    if cmd == "pubmed-texts":
        pubmed_texts(sys.argv[2])
        return 0
    if cmd == "rct-agreement":
        rest, held = sys.argv[5:], None
        if "--held-out" in rest:
            i = rest.index("--held-out")
            if i + 1 >= len(rest):
                raise SystemExit("--held-out needs a file")
            held, rest = rest[i + 1], rest[:i] + rest[i + 2:]
        floors, _ = parse_opts(rest)
        return rct_agreement(sys.argv[2], sys.argv[3], sys.argv[4], floors, held)
    if cmd == "ebm-texts":
        ebm_texts(sys.argv[2])
        return 0
    if cmd == "ebm-score":
        return ebm_score(sys.argv[2], sys.argv[3], parse_opts(sys.argv[4:])[0])
    if len(sys.argv) >= 3 and sys.argv[1] == "articles":
        articles(sys.argv[2])
        return 0
    if len(sys.argv) >= 4 and sys.argv[1] == "score":
        rest, texts = split_texts(sys.argv[4:])
        floors, show = parse_opts(rest)
        return score(sys.argv[2], sys.argv[3], floors, show, texts)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
