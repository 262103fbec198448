#!/usr/bin/env python3
"""Scores the study model (finding, regimen, follow_up rows) against labels.

  model_eval.py hand LABELS.jsonl EXTRACTED.jsonl [--show N] [--floors k=v,...]
      hand-labelled dev set: finding recall / precision (a litmine finding
      matches a labelled one when their texts overlap), direction accuracy
      on matched findings, regimen field accuracy, follow-up accuracy.
  model_eval.py ei-texts TARBALL IDS.txt
      Evidence Inference abstracts of one split as JSON lines for
      bench-extract_run.
  model_eval.py ei-score ANNOTATIONS.csv PROMPTS.csv TEXTS.jsonl EXTRACTED.jsonl NAME
                [--floors k=v,...] [--show N] [--sample N]
      per prompt whose evidence lies in the abstract: litmine's finding for
      the prompt's outcome (best word overlap with its outcome, then its
      text), its direction turned round when the prompt's intervention is
      litmine's comparator; coverage and macro-F1 of the direction.  A
      prompt naming three or more words of outcome may be answered by the
      findings of one sentence that agree in direction, their outcomes read
      together ("A, B and C" against the rows A, B, C).  A prompt whose
      outcome is a reduction ("reduction in X", "X reductions") is labelled
      by the reduction's direction: a finding that X decreased answers it
      "increased".  Of findings alike in outcome (each at 0.3 or more), the
      one naming the prompt's arms ranks first (a tie-breaker).
      --sample N scores N prompts drawn with a fixed seed (the train split,
      development data too large to read through).
Floors: "name=value" pairs; a measured value below its floor fails (exit 1).
"""
import csv
import json
import re
import sys
from collections import Counter, defaultdict

from evalcommon import ei_abstracts, parse_opts, read_jsonl, rows_by_pmid

STOP = set("""a an the of in on at to for with and or by from vs versus than between among
group groups arm arms patients subjects participants was were is are be been that this
those these their its after before during compared who which as not no""".split())


def words(s):
    return [w[:6] for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if w not in STOP and len(w) > 1]


def acronyms(s):
    """'quality of life' -> {'qol', 'ql'}: its initials, with and without
    its small words (an outcome is often named by them)."""
    ws = re.findall(r"[a-z]+", (s or "").lower())
    out = {"".join(w[0] for w in ws), "".join(w[0] for w in ws if w not in STOP)}
    return {a for a in out if len(a) >= 2}


def overlap(a, b):
    """The share of a's words in b; all of them when b names a by its
    initials ('QOL', 'HRQOL' for 'quality of life')."""
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return 0.0
    if len(wa) >= 2 and len(wa) <= 6:
        toks = set(re.findall(r"[A-Za-z]+", b or ""))
        for ac in acronyms(a):
            if any(t.isupper() and (t.lower() == ac or (len(ac) >= 3 and t.lower().endswith(ac)))
                   for t in toks):
                return 1.0
    return len(wa & wb) / len(wa)


def arm_codes(s):
    """'Group A', 'group II', 'arm 2', 'R group': an arm's code (its words
    drop it)."""
    s = s or ""
    return ({"#" + c.lower() for c in re.findall(r"\b(?:[Gg]roup|[Aa]rm)\s+([A-Z0-9]{1,3})\b", s)}
            | {"#" + c.lower() for c in re.findall(r"\b([A-Z0-9]{1,3})[ -](?:[Gg]roup|[Aa]rm)\b", s)})


def dice(a, b):
    """Shared words of two arm names over their mean length."""
    wa, wb = set(words(a)) | arm_codes(a), set(words(b)) | arm_codes(b)
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def check_floors(metrics, floors):
    bad = 0
    for k, v in sorted(floors.items()):
        got = metrics.get(k)
        if got is None or got + 1e-9 < v:
            print(f"FLOOR {k}: {got} < {v}")
            bad = 1
    return bad


def norm(s):
    s = (s or "").lower()
    s = re.sub("[\u2010-\u2015\u2212]", "-", s)
    s = s.replace("\u00b7", ".").replace("\u03bc", "\u00b5")
    s = re.sub(r"\s*-\s*", "-", s)
    return re.sub(r"\s+", " ", s).strip()


UNIT_DAYS = {"d": 1, "w": 7, "m": 30.4375, "y": 365.25, "h": 1 / 24}


def days(duration):
    m = re.search(r"(\d+(?:\.\d+)?)(?:\s*[-\u2013to]+\s*(\d+(?:\.\d+)?))?\s*(day|week|month|year|hour)",
                  duration or "", re.I)
    if not m:
        return None
    v = float(m.group(2) or m.group(1))
    return v * UNIT_DAYS[m.group(3)[0].lower()]


def text_overlap(a, b):
    """Do two quoted texts of one abstract overlap (one holds the other, or
    they share 40 characters)?"""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = min(40, len(short))
    for i in range(0, len(short) - k + 1, 5):
        if short[i:i + k] in long_:
            return True
    return False


def hand(labels_path, x_path, floors, show):
    rows = rows_by_pmid(x_path)
    n_lab = n_rec = n_x = n_xm = n_dir = n_dir_ok = 0
    by_dir = Counter()
    reg_fields = Counter()
    reg_ok = Counter()
    reg_false = reg_lab = 0
    fu_lab = fu_ok = fu_false = 0
    misses = []
    for lab in read_jsonl(labels_path):
        pmid = str(lab["pmid"])
        # "findings": null marks a record whose findings are not labelled
        # (tests/eval/blindx): neither its labels nor its rows are counted
        got = [r for r in rows.get(pmid, []) if r["kind"] == "finding"]
        if lab.get("findings") is None:
            got = []
        lf = lab.get("findings") or []
        n_lab += len(lf)
        n_x += len(got)
        matched_x = set()
        for f in lf:
            cands = [i for i, r in enumerate(got) if text_overlap(r["text"], f["text"])]
            if not cands:
                misses.append(("missed", pmid, f["direction"], f["outcome"], f["text"][:120]))
                continue
            n_rec += 1
            best = max(cands, key=lambda i: (overlap(f["outcome"], got[i]["outcome"] or got[i]["text"]), -i))
            matched_x.update(cands)
            r = got[best]
            d = r["metric"]
            # orientation: litmine's comparator named as the label's intervention
            if (r.get("comparator") and r.get("intervention") and d != "no_difference"
                    and overlap(f["intervention"], r["comparator"]) > overlap(f["intervention"], r["intervention"])
                    and overlap(f["comparator"], r["intervention"]) >= overlap(f["comparator"], r["comparator"])):
                d = "increased" if d == "decreased" else "decreased"
            n_dir += 1
            by_dir[(f["direction"], d)] += 1
            if d == f["direction"]:
                n_dir_ok += 1
            else:
                misses.append(("direction", pmid, f["direction"] + "->" + d, f["outcome"],
                               f"{f['intervention']} vs {f['comparator']}",
                               f"{r.get('rule')} {r.get('outcome')} / {r.get('intervention')} vs {r.get('comparator')}",
                               r["text"][:120]))
        n_xm += len(matched_x)
        for i, r in enumerate(got):
            if i not in matched_x and len(misses) < 100000:
                misses.append(("extra", pmid, r["metric"], r.get("outcome"), r["text"][:120]))
        # regimen: the first row against the label
        reg = lab.get("regimen")
        xr = [r for r in rows.get(pmid, []) if r["kind"] == "regimen"]
        if reg:
            reg_lab += 1
            r = xr[0] if xr else {}
            pairs = [("dose", reg.get("dose"), r.get("dose")),
                     ("administrations", reg.get("administrations"), r.get("n")),
                     ("frequency", reg.get("frequency"), r.get("frequency")),
                     ("treatment_duration", reg.get("treatment_duration"), r.get("duration")),
                     ("route", reg.get("route"), r.get("route"))]
            for name, want, have in pairs:
                reg_fields[name] += 1
                if name == "administrations":
                    ok = (want is None and have is None) or (want is not None and have is not None
                                                             and int(want) == int(have))
                else:
                    ok = norm(want) == norm(have)
                if ok:
                    reg_ok[name] += 1
                else:
                    misses.append(("regimen", pmid, name, f"want {want!r} got {have!r}", reg.get("text", "")[:80]))
        elif xr:
            reg_false += 1
            misses.append(("regimen", pmid, "false", xr[0].get("dose"), xr[0]["text"][:80]))
        fu = lab.get("follow_up")
        xf = [r for r in rows.get(pmid, []) if r["kind"] == "follow_up"]
        if fu:
            fu_lab += 1
            want = days(fu["duration"])
            have = xf[0]["value"] if xf else None
            if want is not None and have is not None and abs(want - have) <= 0.02 * want + 0.01:
                fu_ok += 1
            else:
                misses.append(("follow_up", pmid, fu["duration"], xf[0]["duration"] if xf else None,
                               xf[0]["text"][:80] if xf else ""))
        elif xf:
            fu_false += 1
            misses.append(("follow_up", pmid, "false", xf[0]["duration"], xf[0]["text"][:80]))
    nf = sum(reg_fields.values())
    m = {
        "finding.recall": n_rec / n_lab if n_lab else 0,
        "finding.precision": n_xm / n_x if n_x else 0,
        "finding.direction_accuracy": n_dir_ok / n_dir if n_dir else 0,
        "regimen.field_accuracy": sum(reg_ok.values()) / nf if nf else 0,
        "regimen.false_rows": reg_false,
        "follow_up.accuracy": fu_ok / (fu_lab + fu_false) if fu_lab + fu_false else 0,
    }
    print(f"findings: {n_lab} labelled, {n_x} extracted; recall {m['finding.recall']:.3f}, "
          f"precision {m['finding.precision']:.3f}; direction right on {n_dir_ok}/{n_dir} matched "
          f"({m['finding.direction_accuracy']:.3f})")
    print("  label -> litmine direction: " + ", ".join(f"{a}->{b} {n}" for (a, b), n in sorted(by_dir.items())))
    print(f"regimen: {reg_lab} labelled; field accuracy {m['regimen.field_accuracy']:.3f} ("
          + ", ".join(f"{k} {reg_ok[k]}/{reg_fields[k]}" for k in reg_fields) + f"); "
          f"{reg_false} regimen rows where none is labelled")
    print(f"follow_up: {fu_lab} labelled, {fu_ok} right, {fu_false} where none is labelled; "
          f"accuracy {m['follow_up.accuracy']:.3f}")
    for mm in misses[:show]:
        print("  " + " | ".join(str(x) for x in mm))
    for k, v in m.items():
        print(f"METRIC {k} {v:.4f}" if isinstance(v, float) else f"METRIC {k} {v}")
    return check_floors(m, floors)


def ei_texts(tarball, ids_path):
    ids = {l.strip() for l in open(ids_path) if l.strip()}
    for pmcid, title, abstract in ei_abstracts(tarball, ids):
        print(json.dumps({"pmid": pmcid, "title": title, "abstract": abstract}))


LABELS = {"significantly increased": "increased", "significantly increase": "increased",
          "significantly decreased": "decreased", "no significant difference": "no_difference"}


def squash(s):
    return re.sub(r"\s+", " ", s or "").strip().lower()


# a change within a group (from baseline) answers a comparison of two arms
# only when no between-arm finding for the outcome is there
WITHIN_WEIGHT = 0.5
ARM_WEIGHT = 0.05
BOTH_ARMS = re.compile(r"\b(?:in|for|of) (?:both|all|each of the|all (?:the )?(?:three|four|two)) (?:treatment |study )?(?:groups|arms)\b|\bboth (?:groups|arms)\b|\bsimilarly\b", re.I)


SAMPLE_SEED = 13

# a prompt whose outcome is a reduction ("reduction in X", "pain
# reductions"): its label is the reduction's direction, the opposite of X's
REDUCTION = re.compile(r"^\s*(?:the |a )?(?:mean |absolute |greater )?reductions? (?:in|of)\b"
                       r"|\breductions?\s*$", re.I)


def ei_score(ann_path, prompts_path, texts_path, x_path, name, floors, show, sample=0):
    """The evidence lies in the abstract when the annotated evidence text
    occurs in it (the CSV's "In Abstract" column is UNK throughout)."""
    abstracts = {}
    for d in read_jsonl(texts_path):
        abstracts[d["pmid"]] = squash(d["title"] + " " + d["abstract"])
    ids = set(abstracts)
    rows = rows_by_pmid(x_path)
    prompts = {}
    with open(prompts_path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["PMCID"] in ids:
                prompts[r["PromptID"]] = r
    votes = defaultdict(Counter)
    with open(ann_path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["PromptID"] not in prompts or r["Valid Label"] != "True":
                continue
            ev = squash(r["Annotations"])
            if r["Label"] not in LABELS or len(ev) < 10 or ev not in abstracts.get(r["PMCID"], ""):
                continue
            votes[r["PromptID"]][LABELS[r["Label"]]] += 1
    if sample and len(votes) > sample:
        import random
        keep = set(random.Random(SAMPLE_SEED).sample(sorted(votes, key=int), sample))
        votes = {k: v for k, v in votes.items() if k in keep}
    total = covered = 0
    conf = Counter()
    errors = Counter()
    shown = []
    for pid, v in sorted(votes.items(), key=lambda kv: int(kv[0])):
        pr = prompts[pid]
        if str(pr["PMCID"]) not in rows:
            continue        # not in the abstracts tarball
        gold = v.most_common(1)[0][0]
        total += 1
        got = [r for r in rows[str(pr["PMCID"])] if r["kind"] == "finding"]
        best, rank, score = None, 0.0, 0.0
        # a prompt naming several outcomes ("A, B and C") is answered by the
        # findings of one sentence that agree in direction, read together
        together = defaultdict(list)
        for r in got:
            if r.get("outcome"):
                together[(r["text"], r["metric"])].append(r["outcome"])
        for r in got:
            # a change from baseline ranks after a comparison of two arms;
            # its own overlap decides whether it answers the prompt
            o = r.get("outcome")
            if o and len(together[(r["text"], r["metric"])]) > 1 and len(words(pr["Outcome"])) >= 3:
                o = max(o, " ".join(together[(r["text"], r["metric"])]),
                        key=lambda x: overlap(pr["Outcome"], x))
            s = overlap(pr["Outcome"], o) + 0.5 * overlap(pr["Outcome"], r["text"])
            k = s
            # findings alike in outcome: the one naming the prompt's arms
            # (either way round) ranks first
            li, lc = r.get("intervention") or "", r.get("comparator") or ""
            k += (s >= 0.3) * ARM_WEIGHT * max(dice(pr["Intervention"], li) + dice(pr["Comparator"], lc),
                                  dice(pr["Intervention"], lc) + dice(pr["Comparator"], li))
            if r.get("comparator") == "baseline" and not re.search(r"baseline|before|pre-", pr["Comparator"], re.I):
                k *= WITHIN_WEIGHT
            if k > rank + 1e-9:
                best, rank, score = r, k, s
        if best is None or score < 0.3:
            conf[(gold, "none")] += 1
            errors[(gold, "none", "no finding matched" if best is None else "best overlap under 0.3")] += 1
            if len(shown) < show:
                shown.append(f"  {pid} {gold}->none | {pr['Outcome'][:50]} | {pr['Intervention'][:30]} vs "
                             f"{pr['Comparator'][:30]} | best {score:.2f}: {best['text'][:100] if best else ''}")
            continue
        covered += 1
        d = best["metric"]
        if (best.get("comparator") == "baseline" and not re.search(r"baseline|before|pre-", pr["Comparator"], re.I)
                and BOTH_ARMS.search(best["text"])):
            d = "no_difference"     # the same change in every arm: none between them
        if d != "no_difference" and best.get("intervention") and best.get("comparator"):
            # the prompt's intervention names litmine's comparator; when it
            # names neither arm (or both alike), its comparator decides
            oi = dice(pr["Intervention"], best["intervention"])
            oc = dice(pr["Intervention"], best["comparator"])
            if abs(oi - oc) < 1e-9:
                oi = dice(pr["Comparator"], best["comparator"])
                oc = dice(pr["Comparator"], best["intervention"])
            if oc > oi + 1e-9:
                d = "increased" if d == "decreased" else "decreased"
        if (d != "no_difference" and REDUCTION.search(pr["Outcome"])
                and not re.search(r"reduc", best.get("outcome") or "", re.I)):
            d = "increased" if d == "decreased" else "decreased"
        conf[(gold, d)] += 1
        if d != gold:
            errors[(gold, d, best.get("rule"))] += 1
        if d != gold and len(shown) < show:
            shown.append(f"  {pid} {gold}->{d} | {pr['Outcome'][:50]} | {pr['Intervention'][:30]} vs "
                         f"{pr['Comparator'][:30]} | {best.get('rule')} {best.get('intervention')!s:.30} vs "
                         f"{best.get('comparator')!s:.30} | {best['text'][:110]}")
    classes = ["increased", "decreased", "no_difference"]
    f1s = []
    for c in classes:
        tp = conf[(c, c)]
        fp = sum(n for (g, d), n in conf.items() if d == c and g != c)
        fn = sum(n for (g, d), n in conf.items() if g == c and d != c)
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        f1s.append(2 * p * r / (p + r) if p + r else 0)
    cov = covered / total if total else 0
    acc_cov = sum(conf[(c, c)] for c in classes) / covered if covered else 0
    m = {f"{name}.coverage": cov, f"{name}.macro_f1": sum(f1s) / 3,
         f"{name}.accuracy_when_covered": acc_cov}
    print(f"{name}: {total} prompts with evidence in the abstract, {covered} with a matched "
          f"finding (coverage {cov:.3f}); macro-F1 {m[name + '.macro_f1']:.3f} (unmatched count as "
          f"wrong); accuracy on matched {acc_cov:.3f}; F1 increased {f1s[0]:.3f}, decreased "
          f"{f1s[1]:.3f}, no_difference {f1s[2]:.3f}")
    print("  gold -> litmine: " + ", ".join(f"{g}->{d} {n}" for (g, d), n in sorted(conf.items())))
    print("  confusion (rows gold, columns litmine):")
    print("    " + " ".join(f"{c:>13}" for c in ["gold \\ got"] + classes + ["none"]))
    for g in classes:
        print("    " + " ".join(f"{x:>13}" for x in [g] + [conf[(g, d)] for d in classes + ["none"]]))
    print("  most frequent error types (gold->litmine, rule):")
    for (g, d, rule), n in errors.most_common(30):
        print(f"    {n:3d} {g}->{d} {rule}")
    for s in shown:
        print(s)
    for k, v in m.items():
        print(f"METRIC {k} {v:.4f}")
    return check_floors(m, floors)


def main():
    a = sys.argv
    if len(a) >= 4 and a[1] == "hand":
        floors, show = parse_opts(a[4:])
        return hand(a[2], a[3], floors, show)
    if len(a) >= 4 and a[1] == "ei-texts":
        ei_texts(a[2], a[3])
        return 0
    if len(a) >= 7 and a[1] == "ei-score":
        rest, sample = a[7:], 0
        if "--sample" in rest:
            i = rest.index("--sample")
            sample = int(rest[i + 1])
            rest = rest[:i] + rest[i + 2:]
        floors, show = parse_opts(rest)
        return ei_score(a[2], a[3], a[4], a[5], a[6], floors, show, sample)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
