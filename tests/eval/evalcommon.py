"""Shared by the eval scorers (extract_eval.py, model_eval.py): JSON lines
in, extraction rows by record, the --floors / --show options."""
import json
from collections import defaultdict


def read_jsonl(path):
    """The objects of a JSON-lines file, blank lines skipped."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def rows_by_pmid(path, keep=None, as_str=True):
    """Rows of an extraction JSON-lines file by their pmid (as a string
    unless as_str is false), only those keep(row) accepts when given."""
    rows = defaultdict(list)
    for r in read_jsonl(path):
        if keep is None or keep(r):
            rows[str(r["pmid"]) if as_str else r["pmid"]].append(r)
    return rows


def parse_opts(args):
    """--floors k=v,... and --show N; any other argument is an error."""
    floors, show = {}, 0
    while args:
        if args[0] == "--floors" and len(args) > 1:
            for kv in args[1].split(","):
                if kv:
                    k, v = kv.split("=")
                    floors[k] = float(v)
            args = args[2:]
        elif args[0] == "--show" and len(args) > 1:
            show = int(args[1])
            args = args[2:]
        else:
            raise SystemExit("unknown argument " + args[0])
    return floors, show


def ei_parts(txt):
    """The title and the [label, body] parts of one Evidence Inference .abst
    file (TITLE: / ABSTRACT.<SECTION>: blocks; label "" for an unlabelled
    part), each body's lines joined by a space."""
    import re
    title, parts, cur = "", [], None
    for line in txt.splitlines():
        # "ABSTRACT.RESULTS:", "ABSTRACT.RESULTS::", "ABSTRACT.RESULTS.:",
        # and the bare "TITLE." / "ABSTRACT." of some files
        mm = re.match(r"^(TITLE|ABSTRACT(?:\.([A-Z /&-]*?))?) ?[.:]{1,3}\s*$", line)
        if mm:
            cur = "title" if mm.group(1) == "TITLE" else (mm.group(2) or "")
            if cur != "title":
                parts.append([cur, ""])
            continue
        if not line.strip():
            continue
        if cur == "title" and title:
            cur = ""            # an unlabelled abstract follows the title line
            parts.append(["", ""])
        if cur == "title":
            title = line.strip()
        elif parts:
            parts[-1][1] += (" " if parts[-1][1] else "") + line.strip()
    return title, parts


def ei_abstracts(tarball, ids=None):
    """Evidence Inference abstracts (.abst files: TITLE: / ABSTRACT.<SECTION>:
    blocks) of the tarball, as (pmcid, title, abstract) in name order; only
    the PMCIDs in IDS when it is given.  Section labels are kept as
    "LABEL: body" lines so the extractors see the abstract's parts."""
    import tarfile
    with tarfile.open(tarball) as tf:
        for mem in sorted(tf.getmembers(), key=lambda m: m.name):
            if not mem.name.endswith(".abst"):
                continue
            pmcid = mem.name.rsplit("/", 1)[-1][3:-5]
            if ids is not None and pmcid not in ids:
                continue
            title, parts = ei_parts(tf.extractfile(mem).read().decode("utf-8", "replace"))
            yield pmcid, title, "\n".join(f"{lab}: {body}" if lab else body for lab, body in parts)
