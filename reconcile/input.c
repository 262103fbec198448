/* Reading an article: a file, stdin or a URL, as plain text or HTML.  HTML is
 * flattened with libxml2's forgiving HTML parser (never the network) into
 * text blocks: headings, paragraphs, list items and table rows, each on its
 * own line so claim spans point into readable text.  Page furniture
 * (script, style, nav, footer, aside, forms) is dropped. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include "reconcile/reconcile_int.h"

lm_err rc_doc_add_block(struct lm_doc *d, size_t start, size_t end, enum rc_block_kind kind)
{
    if (end <= start)
        return LM_OK;
    if (lm_grow(&d->blocks, &d->capblocks, d->nblocks, sizeof *d->blocks, 64))
        return LM_ERR_NOMEM;
    d->blocks[d->nblocks].start = start;
    d->blocks[d->nblocks].end = end;
    d->blocks[d->nblocks].kind = kind;
    d->nblocks++;
    return LM_OK;
}

/* A list marker at the start of a line: "-", "*", "•", "1.", "2)", "[reply]". */
static size_t bullet_len(const char *s, size_t n)
{
    size_t i = 0;

    if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
        return 2;
    if (n >= 4 && !memcmp(s, "\xe2\x80\xa2", 3) && s[3] == ' ')    /* • */
        return 4;
    /* a review's rating: "★★★★☆ Works well." */
    while (i + 3 <= n && (!memcmp(s + i, "\xe2\x98\x85", 3) || !memcmp(s + i, "\xe2\x98\x86", 3)))
        i += 3;
    if (i && i < n && s[i] == ' ')
        return i + 1;
    i = 0;
    while (i < n && i < 3 && isdigit((unsigned char)s[i]))
        i++;
    if (i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ')
        return i + 2;
    return 0;
}

static int is_row(const char *s, size_t n)
{
    size_t i, bars = 0, tabs = 0;

    for (i = 0; i < n; i++) {
        bars += s[i] == '|';
        tabs += s[i] == '\t';
    }
    return bars >= 2 || tabs >= 2;
}

/* Bytes of an opening quote at s (a straight or curly double quote), or 0. */
static size_t opening_quote(const char *s, size_t n)
{
    if (n >= 1 && s[0] == '"')
        return 1;
    if (n >= 3 && (!memcmp(s, "\xe2\x80\x9c", 3) || !memcmp(s, "\xe2\x80\x98", 3)))
        return 3;
    return 0;
}

/* A quoted sentence with its speaker after it: '"It works!" - Jo, 5 stars'.
 * The line opens with a quote that closes after sentence punctuation. */
static int is_quote_line(const char *s, size_t n)
{
    size_t i = opening_quote(s, n);

    if (!i)
        return 0;
    for (; i + 1 < n; i++) {
        if (s[i] != '.' && s[i] != '!' && s[i] != '?')
            continue;
        if (s[i + 1] == '"' || (i + 3 < n && (!memcmp(s + i + 1, "\xe2\x80\x9d", 3)
                                              || !memcmp(s + i + 1, "\xe2\x80\x99", 3))))
            return 1;
    }
    return 0;
}

/* A product title's pack size at the end of the line: "(50 g)", "(30
 * capsules)", "(pack of 12)". */
static int pack_size_end(const char *s, size_t n)
{
    static const char *const units[] = {
        "g", "mg", "mcg", "kg", "ml", "l", "oz", "fl oz", "capsules", "caps", "tablets", "tabs",
        "softgels", "gummies", "lozenges", "sachets", "patches", "count", "ct", "pack", "pieces",
        "servings", "doses", "x", NULL
    };
    size_t a, i, d;

    if (n < 4 || s[n - 1] != ')')
        return 0;
    for (a = n - 1; a > 0 && s[a] != '('; a--)
        ;
    if (s[a] != '(' || n - a > 24)
        return 0;
    i = a + 1;
    if (n - i > 8 && !strncasecmp(s + i, "pack of ", 8))
        return isdigit((unsigned char)s[i + 8]);
    for (d = i; d < n && (isdigit((unsigned char)s[d]) || s[d] == '.'); d++)
        ;
    if (d == i)
        return 0;
    while (d < n && s[d] == ' ')
        d++;
    for (i = 0; units[i]; i++) {
        size_t l = strlen(units[i]);
        if (d + l + 1 == n && !strncasecmp(s + d, units[i], l))
            return 1;
    }
    return 0;
}

/* A short line with no sentence punctuation at its end reads as a heading;
 * so does a product title ending in its pack size.  A quoted sentence with
 * its speaker after it is no heading. */
static int is_heading(const char *s, size_t n)
{
    char last;

    if (n == 0 || n > 120 || is_quote_line(s, n))
        return 0;
    if (pack_size_end(s, n))
        return 1;
    /* a reply that opens on its author's handle ("@ana_q: been on it two
     * months, my skin is clear"): a post, whatever its last character */
    if (s[0] == '@' && n > 1 && (isalnum((unsigned char)s[1]) || s[1] == '_')) {
        size_t i = 1, words = 0;
        while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-' || s[i] == '.'))
            i++;
        if (i < n && s[i] == ':') {
            for (; i < n; i++)
                words += s[i] == ' ' && i + 1 < n && s[i + 1] != ' ';
            if (words >= 4)
                return 0;
        }
    }
    /* a heading starts with a capital: a line of four words or more that
     * starts in lower case is a post ("tried it all spring and loved it") */
    if (islower((unsigned char)s[0])) {
        size_t i, words = 1;
        for (i = 1; i < n; i++)
            words += s[i] == ' ' && s[i - 1] != ' ';
        if (words >= 4)
            return 0;
    }
    last = s[n - 1];
    return !(last == '.' || last == '!' || last == '?' || last == ':' || last == ','
             || last == ';' || last == '"' || last == ')');
}

/* A post's author line: short, ends with ':', a few words ("DadOfTwo
 * wrote:", "Reply from u/sleepless:"), or a numbered post's header ("#4
 * SomeUser (Member)"), then the post on the next line. */
static int is_attribution(const char *s, size_t n)
{
    size_t i, words = 1;

    static const char *const lead[] = { "reply from ", "posted by ", "comment from ", "comment by ",
                                        "answer from ", "response from ", "reply by ", "replying to ",
                                        "in reply to ", NULL };

    if (n < 3 || n > 80)
        return 0;
    /* "Reply from SomeUser (verified pharmacist)", "Posted by SomeUser" */
    for (i = 0; lead[i]; i++) {
        size_t l = strlen(lead[i]), k;
        if (n <= l || strncasecmp(s, lead[i], l) || s[n - 1] == '.')
            continue;
        for (k = l; k < n; k++) {
            if (s[k] == ' ')
                words++;
            if ((s[k] == '.' || s[k] == '!' || s[k] == '?') && k + 1 < n && s[k + 1] == ' ')
                return 0;
        }
        return words <= 8;
    }
    /* a social post's header: a name and a handle ("Ana Quill @anaq · 2 May"),
     * a few words, no sentence in it */
    if (s[n - 1] != '.' && s[n - 1] != '!' && s[n - 1] != '?') {
        int handle = 0;
        for (i = 0; i < n; i++) {
            if (s[i] == ' ')
                words++;
            if (s[i] == '@' && (i == 0 || s[i - 1] == ' ') && i + 1 < n
                && (isalnum((unsigned char)s[i + 1]) || s[i + 1] == '_'))
                handle = 1;
            if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && i + 1 < n && s[i + 1] == ' ')
                handle = 0, i = n;
        }
        if (handle && words <= 8)
            return 1;
        words = 1;
    }
    /* a numbered post's header: "#6  SomeUser  (Verified member)" */
    if (s[0] == '#' && isdigit((unsigned char)s[1])) {
        for (i = 1; i < n && isdigit((unsigned char)s[i]); i++)
            ;
        if (i < n && s[i] != ' ' && s[i] != '\t')
            return 0;
    } else if (s[n - 1] != ':') {
        return 0;
    }
    for (i = 0; i < n; i++) {
        if (s[i] == ' ')
            words++;
        if (s[i] == '.' && i + 1 < n && s[i + 1] == ' ')
            return 0;                           /* a sentence before the colon */
    }
    return words <= 6;
}

/* The line after a heading is blank, or starts like a new sentence; a
 * lower-case start means the short line was hard-wrapped prose. */
static int next_starts_block(const char *t, size_t i, size_t len)
{
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r'))
        i++;
    return i >= len || t[i] == '\n' || !islower((unsigned char)t[i]);
}

/* Characters (not bytes: a curly quote is one) of t[a,b). */
static size_t chars(const char *t, size_t a, size_t b)
{
    size_t n = 0;

    for (; a < b; a++)
        n += ((unsigned char)t[a] & 0xC0) != 0x80;
    return n;
}

/* The end of the line starting at i (its '\n' or len). */
static size_t line_end(const char *t, size_t i, size_t len)
{
    const char *nl = memchr(t + i, '\n', len - i);

    return nl ? (size_t)(nl - t) : len;
}

static int blank_line(const char *t, size_t a, size_t b)
{
    for (; a < b; a++)
        if (!isspace((unsigned char)t[a]))
            return 0;
    return 1;
}

/* The widest line, in characters, of the run of non-blank lines starting at
 * i, and the run's end in *run_end.  A hard-wrapped paragraph's lines were
 * broken at this width or under it.  A run gives 0 (no width of its own)
 * when it has under three lines (an author line over a post of the same
 * length cannot be told from a wrap) or when no line but the first starts
 * with a lower-case word: the lines of a page's header, a title over a
 * byline, each start anew. */
static size_t run_width(const char *t, size_t i, size_t len, size_t *run_end)
{
    size_t w = 0, lines = 0;
    int lower = 0;

    while (i < len) {
        size_t le = line_end(t, i, len), n, j = i;
        if (blank_line(t, i, le))
            break;
        n = chars(t, i, le);
        if (n > w)
            w = n;
        while (j < le && (t[j] == ' ' || t[j] == '\t'))
            j++;
        lower |= lines > 0 && j < le && islower((unsigned char)t[j]);
        lines++;
        i = le < len ? le + 1 : len;
    }
    *run_end = i;
    return lines >= 3 && lower ? w : 0;
}

/* Whether the line t[ls,e) (its words from s) was broken by a hard wrap at
 * width W: the next line (from i) is not blank, not a list item, indented
 * no deeper than this one's words (a hanging indent), and its first word
 * would not have fitted on this one.  Greedy wrapping breaks exactly there;
 * an unwrapped text's short line (a heading over a long paragraph line)
 * leaves room for it. */
static int wrapped(const char *t, size_t ls, size_t s, size_t e, size_t i, size_t len, size_t w)
{
    size_t j = i, k;
    int alnum = 0;

    for (k = s; k < e && !alnum; k++)
        alnum = isalnum((unsigned char)t[k]);
    if (!alnum || w < 30 || i >= len)
        return 0;               /* a rule ("=====") is never a wrapped line */
    while (j < len && (t[j] == ' ' || t[j] == '\t'))
        j++;
    if (j - i > s - ls + 4 || j >= len || t[j] == '\n' || t[j] == '\r'
        || bullet_len(t + j, len - j))
        return 0;
    for (k = j, alnum = 0; k < len && !isspace((unsigned char)t[k]); k++)
        alnum |= isalnum((unsigned char)t[k]) || (unsigned char)t[k] >= 0x80;
    /* nor is a rule under a line its next word */
    return alnum && chars(t, ls, e) + 1 + chars(t, j, k) > w;
}

/* Joins a hard-wrapped line to the one before it: the line break becomes a
 * space, so the extractors read one sentence and every offset stays. */
static void unwrap(struct lm_doc *d, size_t from, size_t to)
{
    for (; from < to; from++)
        if (d->text.s[from] == '\n' || d->text.s[from] == '\r')
            d->text.s[from] = ' ';
}

/* The document's wrap width: the widest run_width() of its runs of three
 * lines or more, 0 when it has none.  A two-line paragraph of a wrapped
 * text is judged by it. */
static size_t doc_width(const char *t, size_t len)
{
    size_t i = 0, w = 0, end;

    while (i < len) {
        size_t rw = run_width(t, i, len, &end);
        if (rw > w)
            w = rw;
        i = end > i ? end : line_end(t, i, len) + 1;
    }
    return w;
}

/* A numbered line that titles a section ("2. Sleep aids: what the trials
 * say" between blank lines, a paragraph after it): a heading, not a list
 * item.  Line t[s,e) started at ls; the next line starts at i.  An item
 * of a list (the next text another numbered line), a sentence (its final
 * stop) or a line inside a paragraph stays what it was. */
static int numbered_heading(const char *t, size_t ls, size_t s, size_t e, size_t i, size_t len)
{
    size_t b = bullet_len(t + s, e - s), p = ls;

    if (!b || !isdigit((unsigned char)t[s]) || !is_heading(t + s + b, e - s - b))
        return 0;
    /* a blank line (or the text's start) before it */
    if (p > 0) {
        p--;                                    /* the '\n' that ends the line before */
        while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\t' || t[p - 1] == '\r'))
            p--;
        if (p > 0 && t[p - 1] != '\n')
            return 0;
    }
    /* a blank line after it, then text that is no numbered line */
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r'))
        i++;
    if (i >= len || t[i] != '\n')
        return 0;
    while (i < len && isspace((unsigned char)t[i]))
        i++;
    return i < len && !(isdigit((unsigned char)t[i]) && bullet_len(t + i, line_end(t, i, len) - i));
}

lm_err rc_doc_blocks_from_text(struct lm_doc *d)
{
    const char *t = d->text.s;
    size_t len = d->text.len, i = 0, para = (size_t)-1, para_end = 0;
    size_t run_end = 0, w = 0, dw = doc_width(t, len);
    int prev_wrapped = 0;
    lm_err rc;

    while (i < len) {
        size_t ls = i, le, s, e;
        int wrap;
        if (i >= run_end && !(w = run_width(t, i, len, &run_end)))
            w = dw;
        while (i < len && t[i] != '\n')
            i++;
        le = i;
        if (i < len)
            i++;
        s = ls;
        e = le;
        while (s < e && isspace((unsigned char)t[s]))
            s++;
        while (e > s && isspace((unsigned char)t[e - 1]))
            e--;
        if (s == e) {                           /* blank line ends a paragraph */
            if (para != (size_t)-1 && (rc = rc_doc_add_block(d, para, para_end, RC_BLOCK_PARA)))
                return rc;
            para = (size_t)-1;
            prev_wrapped = 0;
            continue;
        }
        wrap = wrapped(t, ls, s, e, i, len, w);
        {
            int numhead = numbered_heading(t, ls, s, e, i, len);
            int bullet = !numhead && (bullet_len(t + s, e - s) > 0 || t[s] == '[');
            int quoted = is_quote_line(t + s, e - s);
            int row = is_row(t + s, e - s);
            int head = numhead || (!bullet && !row && !wrap && is_heading(t + s, e - s)
                                   && next_starts_block(t, i, len));
            int attrib = !bullet && !row && !wrap && para == (size_t)-1
                         && is_attribution(t + s, e - s) && i < len && t[i] != '\n';
            /* the rest of a hard-wrapped paragraph, list item or indented
             * line: it goes on whatever it looks like */
            if (prev_wrapped && !bullet && !row) {
                if (para != (size_t)-1) {
                    unwrap(d, para_end, s);
                    para_end = e;
                } else {
                    unwrap(d, d->blocks[d->nblocks - 1].end, s);
                    d->blocks[d->nblocks - 1].end = e;
                }
                prev_wrapped = wrap;
                continue;
            }
            /* An indented line, a bullet, a row or a heading stands alone;
             * other lines continue the paragraph (hard-wrapped text). */
            if (bullet || row || head || attrib || quoted || s > ls) {
                if (para != (size_t)-1 && (rc = rc_doc_add_block(d, para, para_end, RC_BLOCK_PARA)))
                    return rc;
                para = (size_t)-1;
                if ((rc = rc_doc_add_block(d, s, e, bullet ? RC_BLOCK_ITEM
                                                   : row ? RC_BLOCK_ROW
                                                   : attrib ? RC_BLOCK_ATTRIB
                                                   : head ? RC_BLOCK_HEADING : RC_BLOCK_PARA)))
                    return rc;
                prev_wrapped = wrap && !row;
                continue;
            }
            if (para == (size_t)-1)
                para = s;
            para_end = e;
            prev_wrapped = wrap;
        }
    }
    if (para != (size_t)-1)
        return rc_doc_add_block(d, para, para_end, RC_BLOCK_PARA);
    return LM_OK;
}

/* ---- HTML ------------------------------------------------------------- */

/* The flattener reads the page as a stream of SAX events (no tree: memory
 * stays flat however much tag soup a page holds).  Each open element has a
 * frame; below RC_HTML_DEPTH levels (hostile nesting) elements are only
 * counted and their text dropped. */
#define RC_HTML_DEPTH 200

struct frame {
    signed char block;          /* -1 not a block, else its rc_block_kind */
    unsigned char skip;         /* furniture: its text is dropped */
    unsigned char title;        /* <title> inside <head> */
};

struct flat {
    struct lm_doc *d;
    size_t block_start;
    enum rc_block_kind kind;
    struct frame st[RC_HTML_DEPTH];
    size_t depth;               /* open elements, also those past the stack */
    size_t skipping;            /* open elements whose text is dropped */
    int in_head;
    size_t title_block;         /* 1 + the block of the head's <title>, or 0 */
    lm_err rc;
};

static int skip_element(const char *n)
{
    static const char *const skip[] = {
        "script", "style", "nav", "footer", "noscript", "template", "aside",
        "form", "button", "svg", "iframe", "object", "select", NULL
    };
    size_t i;

    for (i = 0; skip[i]; i++)
        if (!strcmp(n, skip[i]))
            return 1;
    return 0;
}

static int block_element(const char *n, enum rc_block_kind *kind)
{
    static const char *const blocks[] = {
        "p", "div", "section", "article", "main", "blockquote", "pre", "header",
        "figcaption", "dd", "dt", "address", "body", "ul", "ol", "dl", "table",
        "caption", "center", NULL
    };
    size_t i;

    if (n[0] == 'h' && n[1] >= '1' && n[1] <= '6' && !n[2]) {
        *kind = RC_BLOCK_HEADING;
        return 1;
    }
    if (!strcmp(n, "title")) {
        *kind = RC_BLOCK_HEADING;
        return 1;
    }
    if (!strcmp(n, "li")) {
        *kind = RC_BLOCK_ITEM;
        return 1;
    }
    if (!strcmp(n, "tr")) {
        *kind = RC_BLOCK_ROW;
        return 1;
    }
    for (i = 0; blocks[i]; i++)
        if (!strcmp(n, blocks[i])) {
            *kind = RC_BLOCK_PARA;
            return 1;
        }
    return 0;
}

/* Appends s[0,n), folding runs of whitespace into one space. */
static void flat_text(struct flat *f, const char *s, size_t n)
{
    lm_buf *b = &f->d->text;
    int space = b->len > f->block_start && b->s[b->len - 1] == ' ';
    size_t i;

    for (i = 0; i < n && f->rc == LM_OK; i++) {
        if (isspace((unsigned char)s[i]) || !s[i]) {
            if (!space && b->len > f->block_start)
                f->rc = lm_buf_append(b, " ", 1);
            space = 1;
            continue;
        }
        /* no-break space (U+00A0) reads as a space too */
        if (i + 1 < n && (unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] == 0xa0) {
            if (!space && b->len > f->block_start)
                f->rc = lm_buf_append(b, " ", 1);
            space = 1;
            i++;
            continue;
        }
        f->rc = lm_buf_append(b, s + i, 1);
        space = 0;
    }
}

/* Closes the current block: trims it and records it. */
static void flat_break(struct flat *f)
{
    lm_buf *b = &f->d->text;
    size_t e;

    if (f->rc != LM_OK)
        return;
    e = b->len;
    while (e > f->block_start && b->s[e - 1] == ' ')
        e--;
    b->len = e;
    if (b->s)
        b->s[e] = '\0';
    if (e > f->block_start) {
        f->rc = rc_doc_add_block(f->d, f->block_start, e, f->kind);
        if (f->rc == LM_OK)
            f->rc = lm_buf_append(b, "\n\n", 2);
    }
    f->block_start = b->len;
    f->kind = RC_BLOCK_PARA;
}

static void sax_start(void *ud, const xmlChar *xname, const xmlChar **attrs)
{
    struct flat *f = ud;
    const char *name = (const char *)xname;
    struct frame fr = { -1, 0, 0 };
    enum rc_block_kind kind;

    (void)attrs;
    if (f->rc != LM_OK || !name)
        return;
    if (f->depth++ >= RC_HTML_DEPTH)
        return;
    if (f->skipping || skip_element(name)) {
        fr.skip = 1;
    } else if (!strcmp(name, "head")) {            /* keep only <title> */
        f->in_head++;
        fr.skip = 2;
    } else if (f->in_head) {
        if (!strcmp(name, "title") && f->in_head == 1) {
            flat_break(f);
            f->kind = RC_BLOCK_HEADING;
            fr.title = 1;
            f->in_head++;                          /* text of the title passes */
        } else {
            fr.skip = 1;
        }
    } else if (!strcmp(name, "br")) {
        flat_break(f);
    } else if (!strcmp(name, "td") || !strcmp(name, "th")) {
        if (f->d->text.len > f->block_start)
            flat_text(f, " | ", 3);
    } else if (block_element(name, &kind)) {
        flat_break(f);
        f->kind = kind;
        fr.block = (signed char)kind;
    }
    if (fr.skip == 1)
        f->skipping++;
    f->st[f->depth - 1] = fr;
}

static void sax_end(void *ud, const xmlChar *name)
{
    struct flat *f = ud;
    struct frame fr;

    (void)name;
    if (f->rc != LM_OK || !f->depth)
        return;
    if (f->depth-- > RC_HTML_DEPTH)
        return;
    fr = f->st[f->depth];
    if (fr.skip == 1)
        f->skipping--;
    else if (fr.skip == 2)
        f->in_head = 0;
    if (fr.title) {
        size_t nb = f->d->nblocks;
        f->in_head--;
        f->kind = RC_BLOCK_HEADING;
        flat_break(f);
        if (f->d->nblocks > nb && !f->title_block)
            f->title_block = f->d->nblocks;
    }
    if (fr.block >= 0) {
        f->kind = (enum rc_block_kind)fr.block;
        flat_break(f);
    }
}

static void sax_text(void *ud, const xmlChar *ch, int len)
{
    struct flat *f = ud;

    if (f->rc != LM_OK || f->skipping || f->depth > RC_HTML_DEPTH || len <= 0
        || (f->in_head && f->in_head != 2))
        return;
    flat_text(f, (const char *)ch, (size_t)len);
}

/* A page's paragraphs that read as a plain text's heading or author line
 * do in a page too: "<p><b>Key points</b></p>" over a list, a post's
 * "<div>SomeUser wrote:</div>" over its words.  The same tests as for
 * plain text, with the next block standing for the next line. */
static void html_pseudo_blocks(struct lm_doc *d, size_t title_block)
{
    size_t i;

    /* a page's <title> ("Zelvorin eases vertigo | Velmor News") that a
     * heading of the page repeats is that heading with the site's name:
     * read once, without the site's words weighing as the title's */
    if (title_block == 1 && d->nblocks > 1)
        for (i = 1; i < d->nblocks && i < 8; i++) {
            const struct rc_block *h = &d->blocks[i];
            size_t hl = h->end - h->start;
            if (h->kind == RC_BLOCK_HEADING && hl >= 10
                && memmem(d->text.s + d->blocks[0].start, d->blocks[0].end - d->blocks[0].start,
                          d->text.s + h->start, hl)) {
                memmove(d->blocks, d->blocks + 1, (d->nblocks - 1) * sizeof *d->blocks);
                d->nblocks--;
                break;
            }
        }

    for (i = 0; i + 1 < d->nblocks; i++) {
        struct rc_block *b = &d->blocks[i];
        const char *s = d->text.s + b->start, *next = d->text.s + d->blocks[i + 1].start;
        size_t n = b->end - b->start;
        if (b->kind != RC_BLOCK_PARA)
            continue;
        if (is_attribution(s, n) && d->blocks[i + 1].kind == RC_BLOCK_PARA)
            b->kind = RC_BLOCK_ATTRIB;
        else if (is_heading(s, n) && n <= 80 && !islower((unsigned char)*next))
            b->kind = RC_BLOCK_HEADING;
    }
}

/* A page that names no character set and whose bytes are UTF-8 (with at
 * least one multi-byte character) is read as UTF-8: libxml2 would read it
 * as Latin-1 and turn every curly quote into three letters. */
static int undeclared_utf8(const char *data, size_t len)
{
    size_t i, head = len < 4096 ? len : 4096;
    int multi = 0;

    for (i = 0; i + 7 <= head; i++)
        if ((data[i] == 'c' || data[i] == 'C') && !strncasecmp(data + i, "charset", 7))
            return 0;
    for (i = 0; i < len;) {
        unsigned char c = (unsigned char)data[i];
        size_t k, n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2
                      : (c & 0xF8) == 0xF0 ? 3 : 9;
        if (n == 9 || (n == 1 && c < 0xC2) || (n && i + n >= len))
            return 0;                           /* not UTF-8, or cut off */
        for (k = 1; k <= n; k++)
            if (((unsigned char)data[i + k] & 0xC0) != 0x80)
                return 0;
        multi |= n > 0;
        i += n + 1;
    }
    return multi;
}

lm_err rc_html_flatten(struct lm_doc *d, const char *data, size_t len)
{
    static struct flat zero;
    struct flat *f;
    htmlSAXHandler sax;
    htmlParserCtxtPtr ctx;
    size_t off = 0, tb;
    lm_err rc;

    if (len > (size_t)0x7fffffff)
        return LM_ERR_TOO_BIG;
    if (!(f = malloc(sizeof *f)))
        return LM_ERR_NOMEM;
    *f = zero;
    f->d = d;
    f->kind = RC_BLOCK_PARA;
    memset(&sax, 0, sizeof sax);
    sax.startElement = sax_start;
    sax.endElement = sax_end;
    sax.characters = sax_text;
    sax.cdataBlock = sax_text;
    ctx = htmlCreatePushParserCtxt(&sax, f, NULL, 0, d->name,
                                   undeclared_utf8(data, len) ? XML_CHAR_ENCODING_UTF8
                                                              : XML_CHAR_ENCODING_NONE);
    if (!ctx) {
        free(f);
        lm_msg_set(d->msg, sizeof d->msg, "%s: cannot parse as HTML", d->name);
        return LM_ERR_FORMAT;
    }
    htmlCtxtUseOptions(ctx, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                       | HTML_PARSE_COMPACT);
    f->block_start = d->text.len;
    /* fed in pieces, so the parser's own buffers stay small too */
    while (off < len && f->rc == LM_OK) {
        size_t n = len - off > 65536 ? 65536 : len - off;
        htmlParseChunk(ctx, data + off, (int)n, 0);
        off += n;
    }
    if (f->rc == LM_OK)
        htmlParseChunk(ctx, NULL, 0, 1);
    htmlFreeParserCtxt(ctx);
    flat_break(f);
    rc = f->rc;
    tb = f->title_block;
    free(f);
    if (rc == LM_OK)
        html_pseudo_blocks(d, tb);
    if (rc == LM_ERR_NOMEM)
        lm_msg_set(d->msg, sizeof d->msg, "%s: out of memory", d->name);
    if (rc == LM_OK && !d->text.s && (rc = lm_buf_puts(&d->text, "")) != LM_OK)
        return rc;
    return rc;
}

/* ---- loading ----------------------------------------------------------- */

static int looks_html(const char *s, size_t n)
{
    size_t i = 0, lim = n < 8192 ? n : 8192;
    static const char *const tags[] = { "<html", "<body", "<p>", "<p ", "<div", "<h1",
                                        "<h2", "<article", "<!doctype html", "<br", NULL };
    size_t t;

    if (lim >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
        i = 3;
    while (i < lim && isspace((unsigned char)s[i]))
        i++;
    for (t = 0; tags[t]; t++) {
        size_t tl = strlen(tags[t]), j;
        for (j = i; j + tl <= lim; j++)
            if (!strncasecmp(s + j, tags[t], tl))
                return 1;
    }
    return 0;
}

/* Binary data: a NUL byte, or many control bytes, in the first 64 KiB. */
static int looks_binary(const char *s, size_t n)
{
    size_t i, lim = n < 65536 ? n : 65536, ctl = 0;

    for (i = 0; i < lim; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0)
            return 1;
        if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ctl++;
    }
    return lim > 0 && ctl * 20 > lim;
}

static lm_err doc_new(const char *name, struct lm_doc **out)
{
    struct lm_doc *d = calloc(1, sizeof *d);

    *out = d;
    if (!d)
        return LM_ERR_NOMEM;
    if (!(d->name = strdup(!strcmp(name, "-") ? "<stdin>" : name)))
        return LM_ERR_NOMEM;
    return LM_OK;
}

/* PCRE2's JIT reads a few bytes past the subject: zero the buffer's slack
 * so those reads see defined bytes (and valgrind stays quiet). */
static void zero_slack(lm_buf *b)
{
    if (b->s && b->cap > b->len)
        memset(b->s + b->len, 0, b->cap - b->len);
}

/* Page furniture a copied or flattened page keeps: a cookie notice, a
 * newsletter box, a share bar, an author's bio, and a "Read more" heading
 * with the list of other headlines under it.  Its words are no part of the
 * article: they would weigh in its topic, and a headline would be a claim. */
static const char *const furniture_cues[] = {
    "we use cookies", "uses cookies", "cookie policy", "accept cookies", "accept all cookies",
    "subscribe now", "subscribe to our", "sign up for our", "our newsletter", "the newsletter",
    "share this article", "share this post", "share this story", "all rights reserved",
    "about the author", "terms of use", "privacy policy", NULL
};
static const char *const link_list_heads[] = {
    "read more", "related", "more from", "you may also like", "recommended", "most read",
    "more stories", "popular", NULL
};

static int is_furniture(const char *s, size_t n)
{
    size_t i, words = 1;

    for (i = 0; i < n; i++)
        words += s[i] == ' ';
    if (words > 30)
        return 0;               /* an article's paragraph that mentions one */
    if (words <= 2 && rc_find_ci(s, n, "advertisement"))
        return 1;
    for (i = 0; furniture_cues[i]; i++)
        if (rc_find_ci(s, n, furniture_cues[i]))
            return 1;
    return 0;
}

static int is_link_list_head(const char *s, size_t n)
{
    size_t i, l;

    while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
        n--;
    for (i = 0; link_list_heads[i]; i++) {
        l = strlen(link_list_heads[i]);
        if (n >= l && n <= l + 12 && !strncasecmp(s, link_list_heads[i], l))
            return 1;       /* "Related", "Related articles", "Read more:" */
    }
    return 0;
}

/* Drops the furniture blocks (the text stays: spans keep their offsets).
 * A "Read more" list ends where its items do, or where items of another
 * marker (the article's "1.", "2." after its "-") start. */
static void drop_furniture(struct lm_doc *d)
{
    size_t i, o = 0;
    int in_links = 0, marker = 0;

    for (i = 0; i < d->nblocks; i++) {
        const struct rc_block *b = &d->blocks[i];
        const char *s = d->text.s + b->start;
        size_t n = b->end - b->start;
        int m = isdigit((unsigned char)s[0]) ? '1' : (unsigned char)s[0];
        if (b->kind != RC_BLOCK_ITEM || (in_links && m != marker))
            in_links = 0;
        if ((b->kind == RC_BLOCK_HEADING || b->kind == RC_BLOCK_PARA) && is_link_list_head(s, n)
            && i + 1 < d->nblocks && d->blocks[i + 1].kind == RC_BLOCK_ITEM) {
            const char *f = d->text.s + d->blocks[i + 1].start;
            in_links = 1;
            marker = isdigit((unsigned char)f[0]) ? '1' : (unsigned char)f[0];
            continue;
        }
        if (in_links || is_furniture(s, n))
            continue;
        d->blocks[o++] = *b;
    }
    d->nblocks = o;
}

static lm_err doc_fill(struct lm_doc *d, const char *data, size_t len, int is_html)
{
    lm_err rc;
    size_t i, nonspace = 0;

    for (i = 0; i < len && !nonspace; i++)
        nonspace = !isspace((unsigned char)data[i]);
    if (!nonspace) {
        lm_msg_set(d->msg, sizeof d->msg, "%s: empty input: no article to check", d->name);
        return LM_ERR_FORMAT;
    }
    if (looks_binary(data, len)) {
        lm_msg_set(d->msg, sizeof d->msg, "%s: binary data, not text or HTML", d->name);
        return LM_ERR_FORMAT;
    }
    if (len > LM_CHECK_MAX_INPUT) {
        lm_msg_set(d->msg, sizeof d->msg, "%s: larger than %u MB", d->name,
                   LM_CHECK_MAX_INPUT >> 20);
        return LM_ERR_TOO_BIG;
    }
    if (is_html < 0)
        is_html = looks_html(data, len);
    if (is_html) {
        rc = rc_html_flatten(d, data, len);
        zero_slack(&d->text);
        if (rc == LM_OK)
            drop_furniture(d);
        return rc;
    }
    /* Plain text: keep it byte for byte (spans point into the original);
     * CR bytes of CRLF files stay and count as whitespace. */
    if ((rc = lm_buf_append(&d->text, data, len)) != LM_OK)
        return rc;
    zero_slack(&d->text);
    if ((rc = rc_doc_blocks_from_text(d)) == LM_OK)
        drop_furniture(d);
    return rc;
}

lm_err lm_doc_from_mem(const char *name, const char *data, size_t len, int is_html,
                       lm_doc **out)
{
    lm_err rc;

    if (!out)
        return LM_ERR_USAGE;
    if ((rc = doc_new(name ? name : "<memory>", out)) != LM_OK)
        return rc;
    rc = doc_fill(*out, data ? data : "", data ? len : 0, is_html);
    if (rc == LM_ERR_NOMEM)
        lm_msg_set((*out)->msg, sizeof (*out)->msg, "%s: out of memory", (*out)->name);
    return rc;
}

static lm_err read_stream(struct lm_doc *d, FILE *fp, lm_buf *b)
{
    char chunk[65536];
    size_t got;
    lm_err rc;

    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (b->len + got > LM_CHECK_MAX_INPUT) {
            lm_msg_set(d->msg, sizeof d->msg, "%s: larger than %u MB", d->name,
                       LM_CHECK_MAX_INPUT >> 20);
            return LM_ERR_TOO_BIG;
        }
        if ((rc = lm_buf_append(b, chunk, got)) != LM_OK)
            return rc;
    }
    if (ferror(fp)) {
        lm_msg_set(d->msg, sizeof d->msg, "%s: %s", d->name, strerror(errno));
        return LM_ERR_IO;
    }
    return LM_OK;
}

lm_err lm_doc_load(const char *src, lm_doc **out)
{
    return lm_doc_load_flags(src, 0, out);
}

lm_err lm_doc_load_flags(const char *src, unsigned flags, lm_doc **out)
{
    struct lm_doc *d;
    lm_buf raw = {0};
    int is_html = -1;
    lm_err rc;

    if (!src || !out)
        return LM_ERR_USAGE;
    if ((rc = doc_new(src, out)) != LM_OK)
        return rc;
    d = *out;
    if (!strncasecmp(src, "http://", 7) || !strncasecmp(src, "https://", 8)) {
        rc = rc_fetch_url(src, flags, &raw, &is_html, d->msg, sizeof d->msg);
    } else if (!strcmp(src, "-")) {
        rc = read_stream(d, stdin, &raw);
    } else {
        FILE *fp = fopen(src, "rb");
        if (!fp) {
            lm_msg_set(d->msg, sizeof d->msg, "%s: %s", src, strerror(errno));
            return LM_ERR_IO;
        }
        rc = read_stream(d, fp, &raw);
        fclose(fp);
    }
    if (rc == LM_OK)
        rc = doc_fill(d, raw.s, raw.len, is_html);
    if (rc == LM_ERR_NOMEM)
        lm_msg_set(d->msg, sizeof d->msg, "%s: out of memory", d->name);
    lm_buf_free(&raw);
    return rc;
}

const char *lm_doc_text(const lm_doc *d, size_t *len)
{
    if (len)
        *len = d ? d->text.len : 0;
    return d ? lm_buf_str(&d->text) : "";
}

const char *lm_doc_name(const lm_doc *d)
{
    return d ? d->name : "";
}

const char *lm_doc_errmsg(const lm_doc *d)
{
    return d ? d->msg : "out of memory";
}

void lm_doc_free(lm_doc *d)
{
    if (!d)
        return;
    free(d->name);
    lm_buf_free(&d->text);
    free(d->blocks);
    free(d);
}
