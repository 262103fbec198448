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
