#!/usr/bin/env python3
"""Scores `litmine check` against the development examples.

usage: check_eval.py LITMINE EXAMPLES_DIR WORK_DIR [--floors R,P,A[,PA]] [-v]
                     [--distractors N --pubmed DIR] [--db PATH]

Imports EXAMPLES_DIR/corpus.xml into a fresh database in WORK_DIR (with
--distractors, N real PubMed records from the XML files under DIR too, their
PMIDs shifted so none collides and repeated when DIR holds fewer: the
examples' studies must then be found among unrelated records), runs
`litmine check --format json` on every article in EXAMPLES_DIR/articles and
compares the claims with EXAMPLES_DIR/expected.jsonl:
  - claim detection: an expected claim is found when a reported claim's span
    covers at least 60% of the expected quote (and the quote at least 60% of
    the claim); recall = found / expected, precision = matched reported /
    reported;
  - verdicts: accuracy over the expected claims, per verdict and per claim
    kind (the kind litmine reported); "right with an expected PMID" also
    needs one of the expected records among the claim's matches (or none
    expected); a wrong verdict listed in a claim's alt_verdicts is counted
    as a near miss, apart.
Exits 1 when recall, precision or verdict accuracy fall under the floors.
"""
import gzip
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

VERDICTS = ["controlled", "uncontrolled", "anecdotal", "contradicted", "not_found"]


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr


def pubmed_records(pubmed):
    """Every PubmedArticle record (bytes) of the XML, plain or gzipped,
    under PUBMED, in file order."""
    rec_re = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.S)
    recs = []
    for d, _, fs in sorted(os.walk(pubmed)):
        for f in sorted(fs):
            if f.endswith((".xml", ".xml.gz")):
                data = open(os.path.join(d, f), "rb").read()
                if data[:2] == b"\x1f\x8b":
                    data = gzip.decompress(data)
                recs += rec_re.findall(data)
    return recs


def parse_opts(argv, names):
    """Takes each option of NAMES with its value out of ARGV: returns the
    options found ({name: value}), the -v flag and the positional args."""
    argv = list(argv)
    opts = {}
    for o in names:
        if o in argv:
            i = argv.index(o)
            opts[o] = argv[i + 1]
            del argv[i:i + 2]
    return opts, "-v" in argv, [a for a in argv if not a.startswith("-")]


def write_distractors(pubmed, n, out):
    """N PubmedArticle records from the XML under PUBMED, PMIDs shifted by
    100,000,000 per pass so none collides with a real one; returns N."""
    pmid_re = re.compile(rb'(<PMID Version="\d+">)(\d+)(</PMID>)')
    recs = pubmed_records(pubmed)
    if not recs:
        raise SystemExit(f"no PubMed records under {pubmed}")
    k, rep = 0, 1
    with open(out, "wb") as o:
        o.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n')
        while k < n:
            off = rep * 100_000_000
            for r in recs:
                if k >= n:
                    break
                o.write(pmid_re.sub(lambda m: m.group(1) + str(int(m.group(2)) + off).encode()
                                    + m.group(3), r, count=1) + b"\n")
                k += 1
            rep += 1
        o.write(b"</PubmedArticleSet>\n")
    return k


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def text_pair(quote, claims):
    """The first claim whose text and QUOTE share 60% of each other's
    characters in order (whitespace folded), or None: the pairing of an
    HTML article, whose spans point into the flattened text."""
    import difflib
    norm = lambda x: " ".join(x.split())
    q = norm(quote)
    for i, c in enumerate(claims):
        t = norm(c["text"])
        m = difflib.SequenceMatcher(None, q, t, autojunk=False)
        same = sum(b.size for b in m.get_matching_blocks())
        if same >= 0.6 * len(q) and same >= 0.6 * len(t):
            return i
    return None


def import_corpus(litmine, ex, work, distractors=None, pubmed=None):
    """Imports EX/corpus.xml (and DISTRACTORS PubMed records from PUBMED
    when given) into a fresh WORK/examples.db; returns the database path,
    or None after printing why the import failed."""
    db = os.path.join(work, "examples.db")
    for old in (db, db + "-wal", db + "-shm"):
        if os.path.exists(old):
            os.remove(old)          # a fresh corpus, not one grown by an earlier run
    files = [os.path.join(ex, "corpus.xml")]
    if distractors:
        extra = os.path.join(work, "distractors.xml")
        n = write_distractors(pubmed, int(distractors), extra)
        print(f"corpus: the examples' records among {n} distractor PubMed records")
        files.append(extra)
    rc, _, err = run([litmine, "import", "-q", "--db", db] + files)
    if rc != 0:
        print("import failed:", err.decode(errors="replace"))
        return None
    return db


def check_claims(litmine, ex, db, verbose=False):
    """Runs `litmine check` on every article of EX against DB and pairs the
    reported claims with EX/expected.jsonl.  Returns a dict: rows (one per
    expected claim, in file order: article, quote, want, alt, pmids, got
    (None when the quote is not in the article, "missed" when no reported
    claim covers it), got_pmids, pmid_ok, kind, reasons), n_rep, n_rep_ok
    and misses (the lines -v prints); None after printing a failed check."""
    expected = defaultdict(list)
    with open(os.path.join(ex, "expected.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                e = json.loads(line)
                expected[e["article"]].append(e)
    rows, misses = [], []
    n_rep = n_rep_ok = 0
    for art in sorted(os.listdir(os.path.join(ex, "articles"))):
        path = os.path.join(ex, "articles", art)
        raw = open(path, "rb").read()
        rc, out, err = run([litmine, "check", "--db", db, "--format", "json", path])
        if rc != 0:
            print(f"{art}: check failed (exit {rc}): {err.decode(errors='replace')}")
            return None
        claims = json.loads(out)["claims"]
        n_rep += len(claims)
        used = set()
        for e in expected.get(art, []):
            row = {"article": art, "quote": e["quote"], "want": e["verdict"],
                   "alt": e.get("alt_verdicts", []), "pmids": e["pmids"], "got": None,
                   "got_pmids": [], "pmid_ok": False, "kind": "?", "reasons": ""}
            rows.append(row)
            if art.endswith(".html"):
                # spans point into the flattened text: pair by the words
                best = text_pair(e["quote"], claims)
            else:
                q = e["quote"].encode("utf-8")
                at = raw.find(q)
                if at < 0:
                    misses.append(f"{art}: quote not in article: {e['quote'][:60]}")
                    continue
                span = (at, at + len(q))
                best = None
                for i, c in enumerate(claims):
                    cs = tuple(c["span"])
                    ov = overlap(span, cs)
                    if ov >= 0.6 * (span[1] - span[0]) and ov >= 0.6 * (cs[1] - cs[0]):
                        best = i
                        break
            if best is None:
                misses.append(f"{art}: MISSED claim ({e['verdict']}): {e['quote'][:80]}")
                row["got"] = "missed"
                continue
            used.add(best)
            c = claims[best]
            got = c["verdict"]
            row.update(got=got, kind=c.get("kind", "?"),
                       got_pmids=[m["pmid"] for m in c["matches"]],
                       reasons="; ".join(x["text"] if isinstance(x, dict) else x
                                         for x in c["reasons"]))
            # right with an expected PMID: one of the records the claim
            # rests on is among those reported (or none is expected)
            row["pmid_ok"] = got == e["verdict"] and (
                not e["pmids"] or bool(set(row["got_pmids"]) & set(e["pmids"])))
            if got == e["verdict"] and not row["pmid_ok"] and verbose:
                misses.append(f"{art}: right {got} WITHOUT expected PMID "
                              f"{row['got_pmids']} "
                              f"(want {e['pmids']}): {e['quote'][:70]} | about "
                              f"{c.get('about', '-')}")
            if got != e["verdict"] and verbose:
                near = " (near miss)" if got in row["alt"] else ""
                misses.append(f"{art}: want {e['verdict']}, got {got}{near} "
                              f"{row['got_pmids']} "
                              f"(want {e['pmids']}): {e['quote'][:70]} | "
                              f"{row['reasons'][:160]}")
        n_rep_ok += len(used)
        if verbose:
            for i, c in enumerate(claims):
                if i not in used:
                    misses.append(f"{art}: extra claim ({c['verdict']}): {c['text'][:80]}")
    return {"rows": rows, "n_rep": n_rep, "n_rep_ok": n_rep_ok, "misses": misses}


def main():
    opts, verbose, args = parse_opts(sys.argv[1:], ("--floors", "--db", "--distractors", "--pubmed"))
    floors = (0.0, 0.0, 0.0)
    if "--floors" in opts:
        floors = tuple(float(x) for x in opts["--floors"].split(","))
    litmine, ex, work = args[:3]
    db = opts.get("--db") or import_corpus(litmine, ex, work, opts.get("--distractors"),
                                           opts.get("--pubmed"))
    if db is None:
        return 1
    res = check_claims(litmine, ex, db, verbose)
    if res is None:
        return 1
    rows = res["rows"]
    n_exp = len(rows)
    n_found = sum(1 for r in rows if r["got"] not in (None, "missed"))
    n_rep, n_rep_ok = res["n_rep"], res["n_rep_ok"]
    n_pmid_ok = sum(1 for r in rows if r["pmid_ok"])
    n_near = sum(1 for r in rows if r["got"] != r["want"] and r["got"] in r["alt"])
    per = Counter(r["want"] for r in rows)
    per_ok = Counter(r["want"] for r in rows if r["got"] == r["want"])
    per_pmid_ok = Counter(r["want"] for r in rows if r["pmid_ok"])
    found = [r for r in rows if r["got"] not in (None, "missed")]
    kind_n = Counter(r["kind"] for r in found)
    kind_ok = Counter(r["kind"] for r in found if r["got"] == r["want"])
    confusion = Counter((r["want"], r["got"]) for r in rows if r["got"] is not None)
    misses = res["misses"]
    recall = n_found / n_exp if n_exp else 0
    precision = n_rep_ok / n_rep if n_rep else 0
    correct = sum(per_ok.values())
    acc = correct / n_exp if n_exp else 0
    print(f"claims: expected {n_exp}, reported {n_rep}, found {n_found}")
    print(f"claim detection: recall {recall:.3f}, precision {precision:.3f}")
    pacc = n_pmid_ok / n_exp if n_exp else 0
    print(f"verdict accuracy (over all expected claims): {acc:.3f} ({correct}/{n_exp})")
    print(f"verdicts right with an expected PMID: {pacc:.3f} ({n_pmid_ok}/{n_exp}); "
          f"near misses (an alt_verdict): {n_near}")
    for v in VERDICTS:
        if per[v]:
            print(f"  {v:13s} {per_ok[v]:2d}/{per[v]:2d}  {per_ok[v] / per[v]:.2f}"
                  f"   with PMID {per_pmid_ok[v]:2d}")
    print("per claim kind (as reported, found claims):")
    for k in sorted(kind_n):
        print(f"  {k:13s} {kind_ok[k]:2d}/{kind_n[k]:2d}")
    print("confusion (expected -> got):")
    for v in VERDICTS:
        row = [f"{g}:{confusion[(v, g)]}" for g in VERDICTS + ["missed"] if confusion[(v, g)]]
        print(f"  {v:13s} {' '.join(row)}")
    for m in misses:
        print("  " + m)
    fr, fp, fa = floors[:3]
    fpa = floors[3] if len(floors) > 3 else 0.0
    if recall < fr or precision < fp or acc < fa or pacc < fpa:
        print(f"FAIL: under the floors (recall {fr}, precision {fp}, accuracy {fa}, "
              f"with PMID {fpa})")
        return 1
    return 0

if __name__ == "__main__":
    sys.exit(main())
