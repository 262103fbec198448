#!/usr/bin/env python3
"""Robustness of `litmine check`: do its verdicts survive changes that must
not matter?

usage: check_perturb.py LITMINE EXAMPLES_DIR WORK_DIR [-v] [--only P,...]
                        [--floors P=RIGHT/CHANGED,...] [--seed N]
                        [--distractors N --pubmed DIR]

Builds perturbed copies of a development set in WORK_DIR, from the set's
own files at run time (nothing of the set is kept in the project), scores
each with check_eval's pairing and compares it, claim for claim, with the
unperturbed run:
  rename    the set's distinctive names (words of the records' titles that
            the articles use and that are rare in the PubMed sample beside
            the sets, e.g. a drug's or a rare condition's name) replaced by
            invented words, consistently in the articles and the records;
  rename2   the same, plus the topic words (title words the articles use
            that are uncommon, not rare, in the sample, e.g. a common
            condition's name);
  headings  headings (markdown "#" lines, short lines standing alone) made
            the first sentence of the paragraph after them;
  noheads   headings removed (claims inside one are left out of the score);
  lists     list items joined into one paragraph of sentences;
  wrap      every line hard-wrapped at 64 columns;
  quotes    straight quotes made curly and curly ones straight, em dashes
            made " - " and back;
  numbers   "12%" written "12 percent" and "1,200" written "1200";
  spelling  British spellings made American and American ones British
            (randomised / randomized, behaviour / behavior, centre / center);
  crlf      Windows line ends;
  nbsp      the space after a digit ("25 mg", "12 weeks") a no-break space
            (U+00A0), as text copied from a page has;
  furniture a page's furniture added between the blocks: a cookie notice
            after the first, a share bar and a "Read more" list of other
            headlines (about invented drugs) in the middle, a newsletter
            box and an author's bio at the end;
  html      the article as a web page: each line an element (a heading
            <h2>, a list item <li>, any other line <p>), with a head, a
            navigation bar and a footer around it (claims paired by text);
  order     the records of corpus.xml imported in a shuffled order.
Each perturbed article comes with its expected claims, their quotes carried
through the edit by an offset map, so the claims are the same ones.  Prints
per perturbation the claims detected, the verdicts right with an expected
PMID and the verdicts changed from the unperturbed run (listed with -v).
--floors gives per perturbation the least fraction right with PMID and the
most verdicts changed; the run fails (exit 1) when one is passed.
"""
import json
import os
import random
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_eval  # noqa: E402

PERTURBATIONS = ["rename", "rename2", "headings", "noheads", "lists", "wrap", "quotes", "numbers",
                 "spelling", "crlf", "nbsp", "furniture", "html",
                 "order"]

# Rarity thresholds, as document fractions of the PubMed sample: a name is
# in at most 0.3% of its records, a topic word in at most 3%.  Under those
# the set's titles hold its drugs, devices, trials and conditions; above
# them sit the words of any abstract (trial, patients, dose).
NAME_DF = 0.003
TOPIC_DF = 0.03
NAMES = 3       # the names renamed per article


# ---------------------------------------------------------------- edits

class Edited:
    """A text and the edits made to it (non-overlapping (start, end,
    replacement) triples on the original); apply() gives the new text and
    remaps spans of the original onto it."""

    def __init__(self, text):
        self.text = text
        self.edits = []

    def replace(self, a, b, s):
        self.edits.append((a, b, s))

    def apply(self):
        self.edits.sort()
        out, pos, self.marks = [], 0, []
        n = 0
        for a, b, s in self.edits:
            if a < pos:
                continue            # overlaps an earlier edit: the first wins
            out.append(self.text[pos:a])
            n += a - pos
            self.marks.append((a, b, n, n + len(s)))
            out.append(s)
            n += len(s)
            pos = b
        out.append(self.text[pos:])
        self.new = "".join(out)
        return self.new

    def map(self, p, end):
        """The new offset of original offset P; a P inside an edit goes to
        the start of its replacement (END false) or its end (END true)."""
        shift = 0
        for a, b, na, nb in self.marks:
            if p < a or (end and p == a):
                break
            if p < b or (not end and p == b and a == b):
                return nb if end else na
            shift = nb - b
        return p + shift

    def span(self, a, b):
        """The new span of the original [A, B), or None when an edit
        removed all of it."""
        na, nb = self.map(a, False), self.map(b, True)
        return (na, nb) if nb > na else None


# ---------------------------------------------------------------- names

WORD = re.compile(r"[A-Za-z][A-Za-z]+")


def pseudo_word(like, avoid, rnd):
    """An invented word as long as LIKE (or one letter longer), none in
    AVOID: consonant-vowel syllables that no English or PubMed text is
    likely to hold.  The length is kept because the reconciler may rightly
    lean on it (an abbreviation is spelled out by a long word)."""
    cons, vows = "bdfgklmnprstvz", "aeiou"
    while True:
        w = "".join(rnd.choice(cons) + rnd.choice(vows)
                    for _ in range(max(2, len(like) // 2))) + rnd.choice("rnlx")
        if w not in avoid:
            avoid.add(w)
            return w


def like_case(src, w):
    if src.isupper() and len(src) > 1:
        return w.upper()
    if src[0].isupper():
        return w.capitalize()
    return w


def sample_df(pubmed):
    """Document frequency of each word's stem (lower case) over the PubMed
    sample, and the sample's size."""
    recs = set(check_eval.pubmed_records(pubmed))
    df = {}
    for r in recs:
        text = re.sub(r"<[^>]+>", " ", r.decode("utf-8", "replace"))
        for w in {stem(w.lower()) for w in WORD.findall(text)}:
            df[w] = df.get(w, 0) + 1
    return df, max(1, len(recs))


def stem(w):
    """A word less a plural "s", so that a name and its plural get one
    invented word (with the ending kept)."""
    if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def pick_names(articles, corpus, df, n_docs, topic):
    """The words to rename: per article, the words of the records' titles
    (4 letters or more, or an upper-case abbreviation) that are rare in the
    sample (in at most NAME_DF of its records), the NAMES the article uses
    most: its drug, device, comparator or rare condition.  With TOPIC, also the title word of at most
    TOPIC_DF the article uses most, three times or more: its topic."""
    titles = " ".join(re.findall(r"<ArticleTitle>(.*?)</ArticleTitle>", corpus, re.S))
    tw = {stem(w.lower()) for w in WORD.findall(titles) if len(w) >= 4 or w.isupper()}
    names = set()
    for text in articles.values():
        c = {}
        for w in WORD.findall(text):
            s = stem(w.lower())
            if s in tw:
                c[s] = c.get(s, 0) + 1
        by_use = sorted(c, key=lambda s: (-c[s], s))
        rare = [s for s in by_use if df.get(s, 0) <= NAME_DF * n_docs]
        names.update(rare[:NAMES])
        if topic:
            common = [s for s in by_use if c[s] >= 3 and s not in rare
                      and df.get(s, 0) <= TOPIC_DF * n_docs]
            names.update(common[:1])
    return names


def subsequence(short, long):
    it = iter(long)
    return all(ch in it for ch in short)


def abbreviations(table, texts, df, n_docs):
    """Upper-case abbreviations of the renamed words (first letter the
    word's, the letters in its order, as "CBZ" of "carbamazepine"), mapped
    to an abbreviation of the invented word made the same way, so that a
    link the reconciler may make by spelling survives the renaming."""
    out = {}
    caps = {w for t in texts for w in re.findall(r"\b[A-Z]{3,6}\b", t)}
    for a in sorted(caps):
        lo = a.lower()
        if df.get(lo, 0) > NAME_DF * n_docs:
            continue                # a word in capitals ("AND"), not a name
        for s, p in sorted(table.items()):
            if lo != s and lo[0] == s[0] and subsequence(lo[1:], s[1:]):
                k = len(lo)
                idx = [round(1 + j * (len(p) - 2) / max(1, k - 2)) for j in range(k - 1)]
                out[lo] = p[0] + "".join(p[i] for i in idx[:k - 1])
                break
    return out


def rename(text, table):
    """An Edited TEXT with every word whose stem is in TABLE replaced by its
    invented word (case and plural ending kept)."""
    ed = Edited(text)
    for m in WORD.finditer(text):
        w = m.group(0)
        s = stem(w.lower())
        if s in table:
            new = table[s] + w.lower()[len(s):] if w.lower().startswith(s) else table[s] + w[-1:]
            ed.replace(m.start(), m.end(), like_case(w, new))
    return ed


# ---------------------------------------------------------------- layout

def blocks(text):
    """Blank-line separated blocks of TEXT as (start, end) spans."""
    out, pos = [], 0
    for m in re.finditer(r"\n[ \t]*\n+", text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def is_heading(text, a, b):
    """A block that reads as a heading: a markdown "#" line, or one short
    line (at most 12 words) without end punctuation."""
    s = text[a:b]
    if "\n" in s.strip():
        return False
    if re.match(r"#{1,6} \S", s):
        return True
    return len(s.split()) <= 12 and not re.search(r"[.!?:;,\"')\u201d]\s*$", s)


def headings(text, drop):
    """Headings made the first sentence of the block after them (a full
    stop added when they have no end punctuation), or removed (DROP)."""
    ed = Edited(text)
    bl = blocks(text)
    for i, (a, b) in enumerate(bl):
        if not is_heading(text, a, b) or i + 1 >= len(bl):
            continue
        m = re.match(r"#{1,6} ", text[a:b])
        h0 = a + (m.end() if m else 0)
        if drop:
            ed.replace(a, bl[i + 1][0], "")
            continue
        if m:
            ed.replace(a, h0, "")
        if not re.search(r"[.!?]\s*$", text[a:b]):
            ed.replace(b, b, ".")
        ed.replace(b, bl[i + 1][0], " ")
    return ed


ITEM = re.compile(r"(?m)^[ \t]*(?:[-*\u2022]|\d{1,2}[.)])[ \t]+")


def lists(text):
    """List items joined, as sentences, into one paragraph."""
    ed = Edited(text)
    items = list(ITEM.finditer(text))
    for j, m in enumerate(items):
        ed.replace(m.start(), m.end(), "")
        eol = text.find("\n", m.end())
        eol = len(text) if eol < 0 else eol
        if not re.search(r"[.!?:]\s*$", text[m.end():eol]):
            ed.replace(eol, eol, ".")
        nxt = items[j + 1].start() if j + 1 < len(items) else None
        gap = re.match(r"[ \t]*\n[ \t\n]*", text[eol:])
        if nxt is not None and gap and eol + gap.end() == nxt:
            ed.replace(eol, nxt, " ")
    return ed


def wrap(text):
    """Every line hard-wrapped at 64 columns, a continuation line indented
    as its line was."""
    ed = Edited(text)
    for m in re.finditer(r"(?m)^([ \t]*)(.*)$", text):
        indent, line = m.group(1), m.group(2)
        col, start = len(indent), m.start(2)
        last = None
        for w in re.finditer(r"\S+", line):
            if last is not None and col + 1 + len(w.group(0)) > 64:
                ed.replace(start + last, start + w.start(), "\n" + indent)
                col = len(indent) + len(w.group(0))
            else:
                col += (1 if last is not None else 0) + len(w.group(0))
            last = w.end()
    return ed


def quotes(text):
    """Straight quotes made curly (an opening one after a space or a
    bracket) and curly ones straight; em dashes made " - " and spaced
    hyphens em dashes."""
    ed = Edited(text)
    for m in re.finditer(r"[\"'\u2018\u2019\u201c\u201d\u2014]| - ", text):
        c, i = m.group(0), m.start()
        prev = text[i - 1] if i else " "
        opening = prev.isspace() or prev in "([{"
        if c == '"':
            ed.replace(i, i + 1, "\u201c" if opening else "\u201d")
        elif c == "'":
            ed.replace(i, i + 1, "\u2018" if opening else "\u2019")
        elif c in "\u201c\u201d":
            ed.replace(i, i + 1, '"')
        elif c in "\u2018\u2019":
            ed.replace(i, i + 1, "'")
        elif c == "\u2014":
            ed.replace(i, i + 1, " - " if prev != " " else "-")
        else:
            ed.replace(i, m.end(), "\u2014")
    return ed


def numbers(text):
    """Percent signs written out ("12 percent") and thousands separators
    dropped ("1,200" as "1200")."""
    ed = Edited(text)
    for m in re.finditer(r"(?<=\d)%|(?<=\d),(?=\d{3}\b)", text):
        ed.replace(m.start(), m.end(), " percent" if m.group(0) == "%" else "")
    return ed


# British and American spellings, each way: stems of -ise/-ize verbs (any
# ending after them), and whole words (a plural "s" allowed)
SPELL_STEMS = [("randomis", "randomiz"), ("hospitalis", "hospitaliz"), ("organis", "organiz"),
               ("minimis", "minimiz"), ("recognis", "recogniz"), ("categoris", "categoriz"),
               ("standardis", "standardiz"), ("characteris", "characteriz"),
               ("haemo", "hemo"), ("paediatric", "pediatric")]
SPELL_WORDS = [("behaviour", "behavior"), ("favour", "favor"), ("favourable", "favorable"),
               ("colour", "color"), ("tumour", "tumor"), ("labour", "labor"), ("centre", "center"),
               ("programme", "program"), ("oedema", "edema"), ("anaemia", "anemia"),
               ("dialogue", "dialog"), ("per cent", "percent")]


def spelling(text):
    """British spellings of common words made American and American ones
    British ("randomised" <-> "randomized", "behaviour" <-> "behavior")."""
    ed = Edited(text)
    swap = {}
    for x, y in SPELL_WORDS:
        swap[x], swap[y] = y, x
    for m in re.finditer(r"\b(?:[Pp]er cent\b|[A-Za-z]+)", text):
        w = m.group(0)
        lo = w.lower()
        new = None
        base, plural = (lo[:-1], "s") if lo.endswith("s") and lo[:-1] in swap else (lo, "")
        if base in swap:
            new = swap[base] + plural
        else:
            for x, y in SPELL_STEMS:
                for f, t in ((x, y), (y, x)):
                    if new is None and lo.startswith(f):
                        new = t + lo[len(f):]
        if new and new != lo:
            ed.replace(m.start(), m.end(), like_case(w, new))
    return ed


def furniture(text, seed):
    """TEXT with a page's furniture added between its blocks (see the
    docstring at the top); the drugs of the "Read more" list are invented
    words, so no record of the corpus is about them."""
    rnd = random.Random(seed * 7919 + len(text))     # each article its own pick
    avoid = set()
    drug = lambda: pseudo_word("abcdefghi", avoid, rnd).capitalize()
    pick = lambda *v: v[rnd.randrange(len(v))]
    cookie = pick("We use cookies to improve your experience. By continuing to browse you "
                  "agree to our cookie policy. Accept all | Manage settings",
                  "This site uses cookies. Some are essential, others help us improve. "
                  "Accept | Reject | Preferences")
    share = pick("Share this article: Facebook | Twitter | Email | Print",
                 "Share this story | Copy link | Print")
    more = (pick("Read more", "Related articles", "You may also like") + "\n\n"
            f"- {drug()} for back pain: what the new guidance says\n"
            f"- Is {drug()} safe in pregnancy? Experts weigh in\n"
            f"- Five things to know before you try {drug()}")
    letter = pick("Sign up for our free weekly newsletter and get the latest health news "
                  "delivered to your inbox. Subscribe now",
                  "Get our newsletter: the week's health stories every Friday. "
                  "Subscribe to our mailing list")
    bio = pick("About the author: a freelance writer covering health and wellness for "
               "ten years. Views expressed are the author's own.",
               "About the author: our reporter has covered medicine for a decade. "
               "Follow us on social media.")
    ed = Edited(text)
    bl = blocks(text)
    if not bl:
        return ed
    ed.replace(bl[0][1], bl[0][1], "\n\n" + cookie)
    mid = bl[len(bl) // 2][1]
    if len(bl) > 2:
        ed.replace(mid, mid, "\n\n" + share + "\n\n" + more)
    ed.replace(bl[-1][1], bl[-1][1], "\n\n" + letter + "\n\n" + bio)
    return ed


def spaces(text, nbsp):
    """CRLF line ends, or (NBSP) a no-break space (U+00A0) for the space
    after a digit."""
    ed = Edited(text)
    for m in re.finditer(r"(?<=\d) (?=\S)" if nbsp else r"\n", text):
        ed.replace(m.start(), m.end(), "\u00a0" if nbsp else "\r\n")
    return ed


def html_page(text):
    """TEXT as a web page: each line an element (the first <h1>, a heading
    line <h2>, a list item <li> inside a <ul>, any other line <p>), inside a
    page with a head (its title the first line's), a navigation bar and a
    footer the reader must drop."""
    import html as h
    first = text.strip().split("\n", 1)[0].strip()
    out = ["<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
           + h.escape(first, quote=False) + " | Site</title>"
           "<style>p{margin:0}</style></head>\n<body><nav><a href=\"/\">Home</a> | "
           "<a href=\"/about\">About us</a></nav>\n<main>"]
    in_list = False
    bl = blocks(text)
    for a, b in bl:
        lines = [x for x in text[a:b].split("\n") if x.strip()]
        for x in lines:
            m = ITEM.match(x)
            if m and not in_list:
                out.append("<ul>")
                in_list = True
            elif not m and in_list:
                out.append("</ul>")
                in_list = False
            if m:
                out.append(f"<li>{h.escape(x[m.end():].strip(), quote=False)}</li>")
            elif x.strip() == first and len(out) == 1:
                out.append(f"<h1>{h.escape(x.strip(), quote=False)}</h1>")
            elif len(lines) == 1 and is_heading(text, a, b):
                out.append(f"<h2>{h.escape(re.sub(r'^#{1,6} ', '', x.strip()), quote=False)}</h2>")
            else:
                out.append(f"<p>{h.escape(x.strip(), quote=False)}</p>")
    if in_list:
        out.append("</ul>")
    out.append("</main>\n<footer><p>Copyright. All rights reserved. Subscribe to our "
               "newsletter.</p></footer></body></html>\n")
    return "\n".join(out)


# ---------------------------------------------------------------- sets

def read_set(ex):
    arts = {}
    for a in sorted(os.listdir(os.path.join(ex, "articles"))):
        arts[a] = open(os.path.join(ex, "articles", a), encoding="utf-8").read()
    corpus = open(os.path.join(ex, "corpus.xml"), encoding="utf-8").read()
    expected = [json.loads(x) for x in open(os.path.join(ex, "expected.jsonl"), encoding="utf-8")
                if x.strip()]
    # check_claims reports the claims article by article, in file order
    expected.sort(key=lambda e: e["article"])
    return arts, corpus, expected


def carry(expected, arts, edited):
    """EXPECTED with each quote moved through its article's edit (EDITED:
    article -> (Edited, new text)); a quote the edit removed gets None."""
    out = []
    for e in expected:
        e = dict(e)
        ed, new = edited[e["article"]]
        at = arts[e["article"]].find(e["quote"])
        sp = ed.span(at, at + len(e["quote"])) if at >= 0 else None
        e["quote"] = new[sp[0]:sp[1]] if sp else None
        out.append(e)
    return out


def perturb(name, arts, corpus, expected, df, n_docs, seed, verbose=False):
    """The perturbed (articles, corpus, expected) of perturbation NAME."""
    if name == "order":
        recs = re.findall(r"<PubmedArticle>.*?</PubmedArticle>", corpus, re.S)
        random.Random(seed).shuffle(recs)
        head = corpus[:corpus.index("<PubmedArticle>")]
        return arts, head + "\n".join(recs) + "\n</PubmedArticleSet>\n", expected
    edited = {}
    if name.startswith("rename"):
        names = pick_names(arts, corpus, df, n_docs, name == "rename2")
        vocab = set(df) | {w.lower() for t in list(arts.values()) + [corpus] for w in WORD.findall(t)}
        rnd = random.Random(seed)
        table = {s: pseudo_word(s, vocab, rnd) for s in sorted(names)}
        table.update(abbreviations(table, list(arts.values()) + [corpus], df, n_docs))
        if verbose:
            print(f"  {name}: {len(table)} words renamed: {' '.join(sorted(table))}")
        for a, t in arts.items():
            ed = rename(t, table)
            edited[a] = (ed, ed.apply())
        # the records: text only, never a tag or an attribute
        parts = re.split(r"(<[^>]*>)", corpus)
        corpus = "".join(p if p.startswith("<") else rename(p, table).apply() for p in parts)
    for a, t in arts.items():
        if name == "headings" or name == "noheads":
            ed = headings(t, name == "noheads")
            edited[a] = (ed, ed.apply())
        elif name == "lists":
            ed = lists(t)
            edited[a] = (ed, ed.apply())
        elif name == "wrap":
            ed = wrap(t)
            edited[a] = (ed, ed.apply())
        elif name == "numbers":
            ed = numbers(t)
            edited[a] = (ed, ed.apply())
        elif name == "spelling":
            ed = spelling(t)
            edited[a] = (ed, ed.apply())
        elif name == "furniture":
            ed = furniture(t, seed)
            edited[a] = (ed, ed.apply())
        elif name in ("crlf", "nbsp"):
            ed = spaces(t, name == "nbsp")
            edited[a] = (ed, ed.apply())
        elif name == "quotes":
            ed = quotes(t)
            edited[a] = (ed, ed.apply())
    if name == "html":
        # the quotes stay as they are: the claims are paired by their text
        ren = {a: a.rsplit(".", 1)[0] + ".html" for a in arts}
        out = []
        for e in expected:
            e = dict(e)
            e["article"] = ren[e["article"]]
            out.append(e)
        return {ren[a]: html_page(t) for a, t in arts.items()}, corpus, out
    new_arts = {a: edited[a][1] for a in arts}
    return new_arts, corpus, carry(expected, arts, edited)


def write_set(d, arts, corpus, expected):
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(os.path.join(d, "articles"))
    for a, t in arts.items():
        with open(os.path.join(d, "articles", a), "w", encoding="utf-8", newline="") as f:
            f.write(t)
    with open(os.path.join(d, "corpus.xml"), "w", encoding="utf-8") as f:
        f.write(corpus)
    with open(os.path.join(d, "expected.jsonl"), "w", encoding="utf-8") as f:
        for e in expected:
            if e["quote"] is not None:
                f.write(json.dumps(e) + "\n")


def run_set(litmine, d, work, opts):
    if os.path.isdir(work) and os.path.exists(os.path.join(work, "examples.db")):
        os.remove(os.path.join(work, "examples.db"))    # a fresh corpus each run
    os.makedirs(work, exist_ok=True)
    db = check_eval.import_corpus(litmine, d, work, opts.get("--distractors"), opts.get("--pubmed"))
    if db is None:
        raise SystemExit(f"check_perturb: import of {d} failed")
    res = check_eval.check_claims(litmine, d, db)
    if res is None:
        raise SystemExit(f"check_perturb: a check on {d} failed")
    return res["rows"]


def main():
    opts, verbose, args = check_eval.parse_opts(
        sys.argv[1:], ("--floors", "--only", "--seed", "--distractors", "--pubmed"))
    if len(args) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 1
    litmine, ex, work = args
    seed = int(opts.get("--seed", "14"))
    only = opts["--only"].split(",") if "--only" in opts else PERTURBATIONS
    floors = {}
    for kv in opts.get("--floors", "").split(","):
        if kv:
            k, v = kv.split("=")
            right, changed = v.split("/")
            floors[k] = (float(right), int(changed))
    pubmed = opts.get("--pubmed") or os.path.join(ex, "..", "data", "pubmed")
    if not os.path.isdir(pubmed):
        print(f"check_perturb: PubMed sample not found at {pubmed} (give --pubmed)")
        return 1
    df, n_docs = sample_df(pubmed)
    arts, corpus, expected = read_set(ex)
    base = run_set(litmine, ex, os.path.join(work, "base"), opts)
    n = len(base)
    ok = sum(r["pmid_ok"] for r in base)
    found = sum(r["got"] not in (None, "missed") for r in base)
    print(f"{'unperturbed':10s} claims {found}/{n}  right with PMID {ok}/{n} {ok / n:.3f}")
    fail = []
    for p in only:
        if p not in PERTURBATIONS:
            print(f"check_perturb: unknown perturbation {p}")
            return 1
        pa, pc, pe = perturb(p, arts, corpus, expected, df, n_docs, seed, verbose)
        d = os.path.join(work, p, "set")
        write_set(d, pa, pc, pe)
        rows = iter(run_set(litmine, d, os.path.join(work, p), opts))
        kept = changed = found = ok = 0
        lines = []
        for e, b in zip(pe, base):
            if e["quote"] is None:
                continue            # the perturbation removed the claim
            r = next(rows)
            kept += 1
            found += r["got"] not in (None, "missed")
            ok += r["pmid_ok"]
            if r["got"] != b["got"] or r["pmid_ok"] != b["pmid_ok"]:
                changed += 1
                lines.append(f"  {p}: {b['article']}: {b['got']}{'' if b['pmid_ok'] else '(no PMID)'}"
                             f" -> {r['got']}{'' if r['pmid_ok'] else '(no PMID)'}"
                             f" (want {b['want']}): {b['quote'][:70]} | {r['reasons'][:120]}")
        frac = ok / kept if kept else 0
        print(f"{p:10s} claims {found}/{kept}  right with PMID {ok}/{kept} {frac:.3f}"
              f"  changed {changed}")
        if verbose:
            for x in lines:
                print(x)
        if p in floors and (frac < floors[p][0] or changed > floors[p][1]):
            fail.append(f"{p} (floor {floors[p][0]} right, at most {floors[p][1]} changed)")
    if fail:
        print("FAIL: under the floors: " + "; ".join(fail))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
