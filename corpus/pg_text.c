/* Tokenising for the PostgreSQL backend's full-text index, done here
 * rather than by the server's parser, for two reasons:
 *  - parity with SQLite: the words are those of FTS5's unicode61 tokenizer
 *    (remove_diacritics 2) as litmine's corpus holds them: runs of letters
 *    and digits, case-folded, diacritics removed, everything else a
 *    separator.  So "IL-6" is the phrase il 6 in both backends, "1.5" is
 *    1 5, "Sjögren" is sjogren; PostgreSQL's parser would keep "1.5",
 *    "il-6" and "-6" as words of their own and a query typed one way would
 *    miss the text written the other way;
 *  - speed: to_tsvector() costs the server about as much as the rest of
 *    storing a record; reading a tsvector given as text costs a seventh.
 * Folding covers ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
 * capitals; other scripts' letters are kept as written.  The index and
 * the queries go through the same code, so whatever it does it does on
 * both sides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pg_int.h"

/* Longest word indexed (PostgreSQL refuses lexemes of 2 KB and more);
 * longer runs are skipped in documents and queries alike. */
#define WORD_MAX 2000

/* Base letters of U+0100..U+017F with the diacritic removed; '*' keeps
 * the letter (lower-cased: the capital is the even code point). */
static const char latin_a[] =
    "aaaaaacc" "ccccccdd" "ddeeeeee" "eeeegggg" "gggghhhh" "iiiiiiii" "ii**jjkk" "klllllll"
    "lllnnnnn" "nn**oooo" "oo**rrrr" "rrssssss" "sstttttt" "uuuuuuuu" "uuuuwwyy" "yzzzzzzs";

/* U+00C0..U+00FF the same way (0 for the two signs, U+00D7 and U+00F7). */
static const char latin_1[] =
    "aaaaaa*ceeeeiiii" "*nooooo\0*uuuuy**" "aaaaaa*ceeeeiiii" "*nooooo\0*uuuuy*y";

/* Decodes one UTF-8 character at @s (NUL-terminated); *len gets its bytes.
 * An invalid byte is U+FFFD, one byte long. */
static unsigned decode(const unsigned char *s, size_t *len)
{
    unsigned cp = 0xfffd;

    if (!(*len = lm_utf8_next((const char *)s, &cp)))
        *len = 1;
    return cp;
}

/* 1 for a letter or digit (part of a word), 2 for a combining mark
 * (dropped: the diacritic of the letter before it), 0 for a separator. */
static int word_char(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0xc0)     /* Latin-1 signs, but for ª ² ³ µ ¹ º ¼ ½ ¾ */
        return cp == 0xaa || cp == 0xb2 || cp == 0xb3 || cp == 0xb5 || cp == 0xb9 ||
               cp == 0xba || (cp >= 0xbc && cp <= 0xbe);
    if (cp == 0xd7 || cp == 0xf7)
        return 0;
    /* the spacing modifiers that are symbols (Sk), and Greek signs */
    if ((cp >= 0x2c2 && cp <= 0x2c5) || (cp >= 0x2d2 && cp <= 0x2df) ||
        (cp >= 0x2e5 && cp <= 0x2eb) || cp == 0x2ed || (cp >= 0x2ef && cp <= 0x2ff) ||
        cp == 0x375 || cp == 0x37e || cp == 0x384 || cp == 0x385 || cp == 0x387)
        return 0;
    if (cp >= 0x300 && cp <= 0x36f)
        return 2;
    if ((cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x20a0 && cp <= 0x20cf) ||
        (cp >= 0x2190 && cp <= 0x2bff) || (cp >= 0x2e00 && cp <= 0x2e7f) ||
        (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20) ||
        (cp >= 0xff3b && cp <= 0xff40) || (cp >= 0xff5b && cp <= 0xff65) ||
        cp >= 0xfff0 || (cp >= 0x1f000 && cp <= 0x1faff))
        return 0;
    return 1;
}

/* The folded form of a word character: lower case, no diacritic. */
static unsigned fold(unsigned cp)
{
    char b;

    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp < 0xc0)
        return cp;
    if (cp <= 0xff) {
        b = latin_1[cp - 0xc0];
        if (b && b != '*')
            return (unsigned char)b;
        return cp >= 0xc0 && cp <= 0xde ? cp + 32 : cp;
    }
    if (cp <= 0x17f) {
        b = latin_a[cp - 0x100];
        if (b != '*')
            return (unsigned char)b;
        return cp | 1;
    }
    if (cp >= 0x391 && cp <= 0x3a9 && cp != 0x3a2)
        return cp + 32;
    if (cp >= 0x410 && cp <= 0x42f)
        return cp + 32;
    if (cp >= 0x400 && cp <= 0x40f)
        return cp + 80;
    return cp;
}

static size_t encode(unsigned cp, char *o)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xc0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xe0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        o[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (char)(0xf0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3f));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3f));
    o[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* Calls @word for each word of @s, folded (NUL-terminated in a buffer of
 * the call; valid during the callback), in order.  Returns the first
 * error of a callback. */
lm_err corpus_pg_words(const char *s, corpus_pg_word_cb cb, void *ud)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    char w[WORD_MAX + 8];
    size_t n = 0, len;
    int too_long = 0, k;
    lm_err rc;

    for (;;) {
        unsigned cp = *p ? decode(p, &len) : 0;

        k = cp ? word_char(cp) : 0;
        if (k == 1) {
            if (n + 4 > WORD_MAX)
                too_long = 1;
            else
                n += encode(fold(cp), w + n);
        } else if (k == 0 && (n || too_long)) {
            w[n] = '\0';
            if (!too_long && (rc = cb(w, n, ud)))
                return rc;
            n = 0;
            too_long = 0;
        }
        if (!cp)
            return LM_OK;
        p += len;
    }
}

/* ---- documents ------------------------------------------------------------ */

struct doc { lm_buf *out; unsigned pos, n; char weight; };

static lm_err doc_word(const char *w, size_t n, void *ud)
{
    struct doc *d = ud;

    /* positions stop at 16383 in PostgreSQL; later words keep the last */
    if (d->pos < 16383)
        d->pos++;
    d->n++;
    if (d->out->len && lm_buf_puts(d->out, " "))
        return LM_ERR_NOMEM;
    if (lm_buf_puts(d->out, "'") || lm_buf_append(d->out, w, n))
        return LM_ERR_NOMEM;
    return lm_buf_printf(d->out, "':%u%c", d->pos, d->weight);
}

lm_err corpus_pg_tsvector(const char *title, const char *abstract, lm_buf *out,
                          unsigned *ntok)
{
    struct doc d = { out, 0, 0, 'A' };
    lm_err rc;

    lm_buf_clear(out);
    if ((rc = corpus_pg_words(title, doc_word, &d)))
        return rc;
    d.weight = 'B';
    if ((rc = corpus_pg_words(abstract, doc_word, &d)))
        return rc;
    *ntok = d.n;
    /* lm_buf_str: "" when there is no word (an empty tsvector) */
    return out->s ? LM_OK : lm_buf_puts(out, "");
}

/* The binary form (tsvectorrecv's): the distinct words in the server's
 * order (bytes compared, then lengths), each with its positions ascending,
 * at most 256 of them, weight in the top two bits (A 3, B 2): what the
 * server makes of the text form, without its parsing, which costs it a
 * third of storing a record.  The words are gathered in a hash table, each
 * distinct one with the chain of its positions (ascending as they come),
 * so that only the distinct words are sorted. */
struct lex { const char *w; size_t off; unsigned len, first, last; };
struct occ { unsigned short pw; unsigned next; };     /* weight << 14 | position */
struct bin {
    lm_buf words;               /* the distinct words' bytes */
    struct lex *lex;
    struct occ *occ;
    unsigned *slot;             /* hash table: lex index + 1, 0 empty */
    size_t nlex, caplex, nocc, capocc, nslot;
    unsigned pos, weight;
};

static unsigned hash_word(const char *w, size_t n)
{
    unsigned h = 2166136261u;
    size_t i;

    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static lm_err grow(void **p, size_t *cap, size_t size)
{
    size_t n = *cap ? 2 * *cap : 256;
    void *q = realloc(*p, n * size);

    if (!q)
        return LM_ERR_NOMEM;
    *p = q;
    *cap = n;
    return LM_OK;
}

/* Doubles the hash table, placing the words again. */
static lm_err rehash(struct bin *b)
{
    size_t n = b->nslot ? 2 * b->nslot : 512, i, h;
    unsigned *slot = calloc(n, sizeof *slot);

    if (!slot)
        return LM_ERR_NOMEM;
    for (i = 0; i < b->nlex; i++) {
        const struct lex *l = &b->lex[i];

        for (h = hash_word(b->words.s + l->off, l->len) & (n - 1); slot[h]; h = (h + 1) & (n - 1))
            ;
        slot[h] = (unsigned)i + 1;
    }
    free(b->slot);
    b->slot = slot;
    b->nslot = n;
    return LM_OK;
}

static lm_err bin_word(const char *w, size_t n, void *ud)
{
    struct bin *b = ud;
    struct lex *l;
    size_t h;
    lm_err rc;

    if (b->pos < 16383)
        b->pos++;
    if (b->nocc == b->capocc && (rc = grow((void **)&b->occ, &b->capocc, sizeof *b->occ)))
        return rc;
    b->occ[b->nocc].pw = (unsigned short)(b->weight << 14 | b->pos);
    b->occ[b->nocc].next = 0;
    for (h = hash_word(w, n) & (b->nslot - 1); b->slot[h]; h = (h + 1) & (b->nslot - 1)) {
        l = &b->lex[b->slot[h] - 1];
        if (l->len == n && !memcmp(b->words.s + l->off, w, n)) {
            b->occ[l->last].next = (unsigned)b->nocc;
            l->last = (unsigned)b->nocc++;
            return LM_OK;
        }
    }
    if (b->nlex == b->caplex && (rc = grow((void **)&b->lex, &b->caplex, sizeof *b->lex)))
        return rc;
    l = &b->lex[b->nlex++];
    l->off = b->words.len;
    l->len = (unsigned)n;
    l->first = l->last = (unsigned)b->nocc++;
    b->slot[h] = (unsigned)b->nlex;
    if ((rc = lm_buf_append(&b->words, w, n)))
        return rc;
    /* at most half full */
    return 2 * b->nlex > b->nslot ? rehash(b) : LM_OK;
}

static int lex_cmp(const void *a, const void *b)
{
    const struct lex *x = *(const struct lex *const *)a, *y = *(const struct lex *const *)b;
    int c;

    /* most words differ in their first byte */
    if (x->len && y->len && *x->w != *y->w)
        return (unsigned char)*x->w < (unsigned char)*y->w ? -1 : 1;
    c = memcmp(x->w, y->w, x->len < y->len ? x->len : y->len);

    return c ? c : x->len < y->len ? -1 : x->len > y->len;
}

static lm_err put_be(lm_buf *out, unsigned v, int bytes)
{
    char b[4];
    int i;

    for (i = 0; i < bytes; i++)
        b[i] = (char)(v >> 8 * (bytes - 1 - i) & 0xff);
    return lm_buf_append(out, b, (size_t)bytes);
}

lm_err corpus_pg_tsvector_bin(const char *title, const char *abstract, lm_buf *out,
                              unsigned *ntok)
{
    struct bin b = { {0}, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 3 };
    struct lex **order = NULL;
    size_t i, count_at;
    lm_err rc;

    lm_buf_clear(out);
    if ((rc = rehash(&b)) || (rc = corpus_pg_words(title, bin_word, &b)))
        goto done;
    b.weight = 2;
    if ((rc = corpus_pg_words(abstract, bin_word, &b)))
        goto done;
    *ntok = (unsigned)b.nocc;
    if (b.nlex && !(order = malloc(b.nlex * sizeof *order))) {
        rc = LM_ERR_NOMEM;
        goto done;
    }
    /* the words' buffer moved while it grew: point into it now */
    for (i = 0; i < b.nlex; i++) {
        b.lex[i].w = b.words.s + b.lex[i].off;
        order[i] = &b.lex[i];
    }
    if (b.nlex)
        qsort(order, b.nlex, sizeof *order, lex_cmp);
    if ((rc = put_be(out, (unsigned)b.nlex, 4)))
        goto done;
    for (i = 0; i < b.nlex; i++) {
        const struct lex *l = order[i];
        unsigned npos = 0, last = 0, o;

        if ((rc = lm_buf_append(out, l->w, l->len)) || (rc = lm_buf_append(out, "", 1)))
            goto done;
        count_at = out->len;
        if ((rc = put_be(out, 0, 2)))
            goto done;
        for (o = l->first; npos < 256; o = b.occ[o].next) {
            /* the server keeps a position once (the words past 16383 all
             * have it) and 256 of them at most */
            if (!npos || (b.occ[o].pw & 0x3fff) != last) {
                last = b.occ[o].pw & 0x3fff;
                npos++;
                if ((rc = put_be(out, b.occ[o].pw, 2)))
                    goto done;
            }
            if (o == l->last)
                break;
        }
        out->s[count_at] = (char)(npos >> 8);
        out->s[count_at + 1] = (char)(npos & 0xff);
    }
done:
    lm_buf_free(&b.words);
    free(b.lex);
    free(b.occ);
    free(b.slot);
    free(order);
    return rc;
}

/* ---- queries --------------------------------------------------------------- */

struct qleaf { lm_buf *out; const char *weight; int prefix, first; size_t count, last; };

static lm_err count_word(const char *w, size_t n, void *ud)
{
    (void)w;
    (void)n;
    ((struct qleaf *)ud)->count++;
    return LM_OK;
}

static lm_err query_word(const char *w, size_t n, void *ud)
{
    struct qleaf *q = ud;
    int last = ++q->last == q->count;

    if (!q->first && lm_buf_puts(q->out, " <-> "))
        return LM_ERR_NOMEM;
    q->first = 0;
    if (lm_buf_puts(q->out, "'") || lm_buf_append(q->out, w, n) || lm_buf_puts(q->out, "'"))
        return LM_ERR_NOMEM;
    if (*q->weight || (last && q->prefix))
        return lm_buf_printf(q->out, ":%s%s", last && q->prefix ? "*" : "", q->weight);
    return LM_OK;
}

lm_err corpus_pg_leaf(const char *text, const char *column, int prefix, lm_buf *out)
{
    struct qleaf q = { out, "", prefix, 1, 0, 0 };
    lm_err rc;

    if (column)
        q.weight = !strcmp(column, "title") ? "A" : "B";
    if ((rc = corpus_pg_words(text, count_word, &q)))
        return rc;
    /* no word at all (punctuation only): a lexeme no document holds, so
     * the leaf matches nothing, as an empty FTS5 phrase does */
    if (!q.count)
        return lm_buf_puts(out, "' '");
    if ((rc = lm_buf_puts(out, "(")) || (rc = corpus_pg_words(text, query_word, &q)))
        return rc;
    return lm_buf_puts(out, ")");
}
