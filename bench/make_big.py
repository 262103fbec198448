#!/usr/bin/env python3
"""Builds a large PubMed XML file for benchmarks by repeating the real
records of the shared data, with PMIDs shifted on each repetition so that
every record is distinct.  usage: make_big.py SHARED_PUBMED_DIR OUT.xml MB"""
import gzip, os, re, sys

src, out, target_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
rec_re = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.S)
pmid_re = re.compile(rb"(<PMID Version=\"\d+\">)(\d+)(</PMID>)")
records = []
for d, _, fs in os.walk(src):
    for f in sorted(fs):
        if not f.endswith((".xml", ".xml.gz")):
            continue
        data = open(os.path.join(d, f), "rb").read()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        records += rec_re.findall(data)
with open(out, "wb") as o:
    o.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n')
    size, rep = 0, 0
    while size < target_mb * 1024 * 1024:
        off = rep * 100_000_000
        for r in records:
            r2 = pmid_re.sub(lambda m: m.group(1) + str(int(m.group(2)) + off).encode() + m.group(3), r)
            o.write(r2 + b"\n")
            size += len(r2) + 1
        rep += 1
    o.write(b"</PubmedArticleSet>\n")
print(f"{out}: {size / 1e6:.0f} MB, {rep} repetitions of {len(records)} records", file=sys.stderr)
