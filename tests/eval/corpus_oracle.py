#!/usr/bin/env python3
"""Evaluation: litmine's corpus against EDirect's xtract as an independent oracle.

Imports every PubMed file under <shared>/pubmed into one corpus, and every PMC
JATS file under <shared>/pmc into another, with `litmine import`, then reads
the same files with xtract (ncbi-entrez-direct) and checks that the set of live
PMIDs, their versions, titles and abstract lengths agree, with deletions and
the "higher or equal version replaces" rule applied in file order.

usage: corpus_oracle.py LITMINE SHARED_DATA WORKDIR
"""
import gzip, html, json, os, re, subprocess, sys, tarfile

litmine, shared, work = sys.argv[1], sys.argv[2], sys.argv[3]
WS = re.compile(r"\s+")


def norm(s):
    return WS.sub(" ", s or "").strip()


def tidy(s):
    """What both sides are compared on.  xtract turns no-break spaces into
    spaces and drops the space before a closing bracket or punctuation (and
    after an opening bracket) when it removes inline tags; litmine keeps the
    text as written.  Python's \\s also matches no-break and thin spaces.
    Square brackets go too: xtract -strict writes some <sup>/<sub> as
    "Yb[III]", which litmine flattens to "YbIII"."""
    s = re.sub("[\u200b\u200c\u200d\ufeff]", "", s or "")   # xtract drops zero-width chars
    s = norm(s).replace("[", "").replace("]", "")
    s = re.sub(r" ([)},;:.!?])", r"\1", s)
    return re.sub(r"([({]) ", r"\1", s)


def tidy_len(text):
    return len("\n".join(tidy(p) for p in (text or "").split("\n")))


def xtract(data, *args, mode="-strict"):
    # -strict drops PubMed's inline tags; JATS needs -mixed (mixed content
    # everywhere), or xtract returns nothing at all
    out = subprocess.run(["xtract", mode] + list(args), input=data,
                         capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def read_bytes(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def oracle_pubmed(path, store):
    """Applies one file's records and deletions to store {pmid: rec}."""
    data = read_bytes(path)
    pattern = "MedlineCitation" if b"<MedlineCitationSet" in data[:2000] else "PubmedArticle"
    # Every field is wrapped in {{{X:...}}} markers: titles and abstracts may
    # hold tabs and newlines, so xtract's columns cannot be split on them.
    txt = xtract(data, "-pattern", pattern, "-def", "@@",
                 "-pfx", "{{{P:", "-sfx", "}}}", "-element", "MedlineCitation/PMID",
                 "-pfx", "{{{V:", "-sfx", "}}}", "-element", "MedlineCitation/PMID@Version",
                 "-pfx", "{{{H:", "-sfx", "}}}", "-element", "ArticleTitle",
                 "-block", "Abstract/AbstractText", "-pfx", "{{{L:", "-sfx", "}}}", "-element", "@Label",
                 "-pfx", "{{{T:", "-sfx", "}}}", "-element", "AbstractText")
    # xtract cuts an abstract short at MathML: compare those by title only
    mathml = set()
    for chunk in data.split(b"<" + pattern.encode() + b">")[1:]:
        if b"<mml:math" in chunk:
            m = re.search(rb"<PMID[^>]*>(\d+)</PMID>", chunk)
            if m:
                mathml.add(int(m.group(1)))
    # xtract cuts a Label attribute at an apostrophe ("AUTHORS' CONCLUSIONS"
    # comes out "AUTHORS"): take the labels from the raw record instead
    raw_labels = {}
    for chunk in data.split(b"<" + pattern.encode() + b">")[1:]:
        m = re.search(rb"<PMID[^>]*>(\d+)</PMID>", chunk)
        a = re.search(rb"<Abstract>(.*?)</Abstract>", chunk, re.S)
        if m and a:
            raw_labels[int(m.group(1))] = [
                html.unescape(l.decode()) if l is not None else None
                for l in (re.search(rb'Label="([^"]*)"', t).group(1)
                          if re.search(rb'Label="([^"]*)"', t) else None
                          for t in re.findall(rb"<AbstractText\b[^>]*>", a.group(1)))]
    n = 0
    for rec in txt.split("{{{P:")[1:]:
        fields = re.findall(r"\{\{\{(P|V|H|L|T):(.*?)\}\}\}", "{{{P:" + rec, re.S)
        pmid = int(fields[0][1])
        ver = int(fields[1][1]) if fields[1][1] != "@@" else 1
        title = fields[2][1] if fields[2][1] != "@@" else ""
        parts, label, k = [], None, 0
        labels = raw_labels.get(pmid, [])
        for kind, val in fields[3:]:
            if kind == "L":
                label = None if val == "@@" else val
                if k < len(labels) and labels[k] and label and labels[k].startswith(label):
                    label = labels[k]
                k += 1
            elif norm(val):
                # litmine drops a labelled part with no text at all
                parts.append((label + ": " if label else "") + norm(val))
                label = None
        abstract = "\n".join(parts)
        n += 1
        old = store.get(pmid)
        if old is None or ver >= old["version"]:
            store[pmid] = {"version": ver, "title": tidy(title),
                           "abstract_len": tidy_len(abstract), "deleted": False}
            if pmid in mathml:
                del store[pmid]["abstract_len"]
    dels = xtract(data, "-pattern", "DeleteCitation", "-def", "@@", "-block", "PMID",
                  "-sep", "\t", "-element", "PMID", "PMID@Version")
    nd = 0
    toks = [t for line in dels.splitlines() for t in line.split("\t") if t.strip()]
    for k in range(0, len(toks) - 1, 2):
        pmid = int(toks[k])
        ver = int(toks[k + 1]) if toks[k + 1] != "@@" else 1
        nd += 1
        old = store.get(pmid)
        if old is None:
            store[pmid] = {"version": ver, "title": "", "abstract_len": 0, "deleted": True}
        else:
            old["deleted"] = True
    return n, nd


def pubmed_order(path):
    # Baseline before updates, by number; efetch replies and the rest by name.
    return os.path.basename(path)


def export(db):
    out = subprocess.run([litmine, "export", "--db", db, "--format", "jsonl"],
                         capture_output=True, check=True)
    return {int(o["pmid"]): o for o in map(json.loads, out.stdout.decode().splitlines())}


def compare(label, expected, got):
    live = {p: r for p, r in expected.items() if not r["deleted"]}
    bad = 0
    missing = sorted(set(live) - set(got))
    extra = sorted(set(got) - set(live))
    for p in missing[:5]:
        print(f"  {label}: PMID {p} missing from litmine")
    for p in extra[:5]:
        print(f"  {label}: PMID {p} in litmine but not live in the oracle")
    bad += len(missing) + len(extra)
    for p in sorted(set(live) & set(got)):
        e, g = live[p], got[p]
        gl = tidy_len(g["abstract"])
        problems = []
        if g["version"] != e["version"]:
            problems.append(f"version {g['version']} != {e['version']}")
        if tidy(g["title"]) != e["title"]:
            problems.append(f"title {g['title']!r} != {e['title']!r}")
        if "abstract_len" in e and gl != e["abstract_len"]:
            problems.append(f"abstract length {gl} != {e['abstract_len']}")
        if problems:
            bad += 1
            if bad <= 10:
                print(f"  {label}: PMID {p}: " + "; ".join(problems)[:400])
    return len(live), bad


def main():
    os.makedirs(work, exist_ok=True)
    # ---- PubMed ---------------------------------------------------------
    files = sorted((os.path.join(d, f) for d, _, fs in os.walk(os.path.join(shared, "pubmed"))
                    for f in fs if f.endswith((".xml", ".xml.gz"))), key=pubmed_order)
    db = os.path.join(work, "pubmed.db")
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(db + ext):
            os.remove(db + ext)
    r = subprocess.run([litmine, "import", "-q", "--db", db] + files)
    if r.returncode != 0:
        print(f"FAIL: litmine import exited {r.returncode} on the PubMed files")
        return 1
    expected, nrec, ndel = {}, 0, 0
    for f in files:
        n, d = oracle_pubmed(f, expected)
        nrec += n
        ndel += d
    live, bad = compare("pubmed", expected, export(db))
    print(f"pubmed: {len(files)} files, {nrec} records, {ndel} deletions, "
          f"{live} live PMIDs, {bad} disagreements with xtract")
    status = 1 if bad else 0

    # ---- PMC JATS -------------------------------------------------------
    pmcdir = os.path.join(work, "pmc")
    os.makedirs(pmcdir, exist_ok=True)
    with tarfile.open(os.path.join(shared, "pmc", "evidence_inference_rct_nxml.tar.gz")) as t:
        t.extractall(pmcdir)
    jats = sorted(os.path.join(d, f) for base in (pmcdir, os.path.join(shared, "pmc"))
                  for d, _, fs in os.walk(base) for f in fs
                  if f.endswith(".nxml") or (f.endswith(".xml") and "oai" in d))
    db2 = os.path.join(work, "pmc.db")
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(db2 + ext):
            os.remove(db2 + ext)
    exp2, nopmid = {}, []
    for f in jats:
        data = read_bytes(f)
        txt = xtract(data, "-pattern", "article", "-block", "article-meta/article-id",
                     "-if", "@pub-id-type", "-equals", "pmid", "-pfx", "{{{A:", "-sfx", "}}}",
                     "-element", "article-id",
                     "-block", "article-meta/title-group", "-pfx", "{{{H:", "-sfx", "}}}",
                     "-element", "article-title", mode="-mixed")
        rows = []
        for rec in txt.split("{{{A:")[1:]:
            pmid = re.match(r"\s*(\d+)", rec)
            title = re.search(r"\{\{\{H:(.*?)\}\}\}", rec, re.S)
            if pmid:
                # -mixed keeps inline tags as text: drop them
                rows.append((int(pmid.group(1)),
                             re.sub(r"<[^>]+>", "", title.group(1)) if title else ""))
        if not rows:
            # no PMID: litmine keys the article by minus its PMC number
            pmc = xtract(data, "-pattern", "article", "-block", "article-meta/article-id",
                         "-if", "@pub-id-type", "-equals", "pmc", "-element", "article-id",
                         mode="-mixed")
            if not pmc.strip():
                pmc = xtract(data, "-pattern", "article", "-block", "article-meta/article-id",
                             "-if", "@pub-id-type", "-equals", "pmcid", "-element", "article-id",
                             mode="-mixed")
            num = re.match(r"\s*(?:PMC)?(\d+)", pmc)
            if not num or int(num.group(1)) == 0:
                nopmid.append(f)
                continue
            title = xtract(data, "-pattern", "article", "-block", "article-meta/title-group",
                           "-element", "article-title", mode="-mixed")
            rows.append((-int(num.group(1)), re.sub(r"<[^>]+>", "", title.strip())))
        for pmid, title in rows:
            exp2[pmid] = {"version": 1, "title": tidy(title), "deleted": False}
    # One run over every file: litmine goes on after a bad file and says
    # which, one line each ("litmine: FILE:LINE: ..."); exit 2 if any failed.
    r = subprocess.run([litmine, "import", "-q", "--db", db2] + jats, capture_output=True)
    failed = {f for f in jats
              for line in r.stderr.decode().splitlines() if line.startswith(f"litmine: {f}:")}
    okfail = 0
    for f in jats:
        if (f in failed) != (f in nopmid):
            okfail += 1
            print(f"  pmc: {os.path.basename(f)}: {'rejected' if f in failed else 'imported'}, "
                  f"oracle {'has no' if f in nopmid else 'has a'} PMID")
    if (r.returncode != 0) != bool(nopmid):
        okfail += 1
        print(f"  pmc: litmine import exited {r.returncode}")
    live2, bad2 = compare("pmc", exp2, export(db2))
    print(f"pmc: {len(jats)} files, {len(nopmid)} without a PMID or PMCID (rejected, exit 2), "
          f"{live2} PMIDs, {bad2 + okfail} disagreements with xtract")
    if bad2 or okfail:
        status = 1
    print("corpus oracle: " + ("PASS" if status == 0 else "FAIL"))
    return status


sys.exit(main())
