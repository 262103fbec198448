#!/usr/bin/env python3
"""check_labels.py SHARED [LABELS]: every text field of the labels is an exact substring of the
record's AbstractText parts (whitespace collapsed, joined by a space); every record with findings has a primary."""
import json,gzip,os,re,sys,xml.etree.ElementTree as ET
def ws(s): return re.sub(r"\s+"," ",s).strip()
labs=[json.loads(l) for l in open(sys.argv[2] if len(sys.argv)>2 else os.path.join(os.path.dirname(os.path.abspath(__file__)),'labels.jsonl'))]
want={}
for r in labs: want.setdefault(r["source"],set()).add(r["pmid"])
txt={}
for s,ps in want.items():
    p=os.path.join(sys.argv[1],s)
    for art in ET.parse(gzip.open(p) if p.endswith('.gz') else open(p,'rb')).getroot().iter('PubmedArticle'):
        mc=art.find('MedlineCitation'); pm=mc.findtext('PMID')
        if pm in ps and pm not in txt:
            txt[pm]=" ".join(x for x in (ws("".join(a.itertext())) for a in mc.find('Article/Abstract').findall('AbstractText')) if x)
bad=0
for r in labs:
    t=txt[r["pmid"]]; parts=[]
    if r["n_total_text"]: parts.append(r["n_total_text"])
    for f in r["findings"] or []: parts.append(f["text"])
    if r["regimen"]: parts+=r["regimen"]["text"].split(" | ")
    if r["follow_up"]: parts.append(r["follow_up"]["text"])
    for p in parts:
        if p not in t: bad+=1; print(r["pmid"],"NOT FOUND:",p)
    if r["findings"] and not any(f["primary"] for f in r["findings"]): print(r["pmid"],"no primary")
print("bad",bad,"records",len(labs))
