/* Segmentation: each block into sentences.  A full stop ends a sentence only
 * when whitespace and a capital, digit, quote or bracket follow, and the word
 * before it is not an abbreviation (et al., e.g., i.e., vs., Dr., a single
 * initial).  Decimals ("0.75", "p < .05") never have whitespace after the
 * dot, so they never split.  List markers ("1.", "-", "•") are left out of
 * the sentence span. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "reconcile/reconcile_int.h"

static int is_abbrev(const char *text, size_t start, size_t dot)
{
    static const char *const abbr[] = {
        "al", "e.g", "i.e", "vs", "v", "dr", "mr", "mrs", "ms", "prof", "st", "approx",
        "fig", "figs", "cf", "jr", "sr", "inc", "ltd", "co", "u.s", "u.k", "ph.d", "m.d",
        "no", "vol", "pp", "ca", "resp", "incl", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "mt", "gen", "sgt", "rev", "est",
        NULL
    };
    size_t w = dot, len, i;

    while (w > start && !isspace((unsigned char)text[w - 1]) && text[w - 1] != '('
           && text[w - 1] != '"')
        w--;
    len = dot - w;
    if (len == 0)
        return 0;
    if (len == 1 && isupper((unsigned char)text[w]))        /* an initial: "J." */
        return 1;
    for (i = 0; abbr[i]; i++)
        if (strlen(abbr[i]) == len && !strncasecmp(text + w, abbr[i], len))
            return 1;
    return 0;
}

/* Bytes of closing quotes/brackets at text[i]. */
static size_t closer_len(const char *t, size_t i, size_t end)
{
    if (i < end && (t[i] == '"' || t[i] == '\'' || t[i] == ')' || t[i] == ']'))
        return 1;
    if (i + 2 < end + 0 && (unsigned char)t[i] == 0xe2 && (unsigned char)t[i + 1] == 0x80
        && ((unsigned char)t[i + 2] == 0x9d || (unsigned char)t[i + 2] == 0x99))
        return 3;
    return 0;
}

static int starts_sentence(const char *t, size_t i, size_t end)
{
    unsigned char c;

    if (i >= end)
        return 1;
    c = (unsigned char)t[i];
    if (isupper(c) || isdigit(c) || c == '"' || c == '\'' || c == '(' || c == '[')
        return 1;
    if (c == 0xe2 && i + 2 < end && (unsigned char)t[i + 1] == 0x80
        && ((unsigned char)t[i + 2] == 0x9c || (unsigned char)t[i + 2] == 0x98))
        return 1;                                   /* “ or ‘ */
    return c >= 0xc3 && c <= 0xc3;                  /* Latin-1 capitals, roughly */
}

/* Only digits (after spaces) between @s and the dot: a list number. */
static int list_marker(const char *t, size_t s, size_t dot)
{
    size_t i = s;

    while (i < dot && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n'))
        i++;
    if (i == dot || dot - i > 3)
        return 0;
    for (; i < dot; i++)
        if (!isdigit((unsigned char)t[i]))
            return 0;
    return 1;
}

/* A post's "UPDATE:", "Edit 2:", "UPDATE for anyone who finds this later:"
 * before its words is no part of them: where the words start. */
static size_t past_update_label(const char *t, size_t s, size_t e)
{
    static const char *const label[] = { "update", "edit", "eta", "ps", "p.s.", "addendum", "q", "a",
                                         "answer", "question", NULL };
    size_t i, w = s, c;

    while (w < e && (isalpha((unsigned char)t[w]) || t[w] == '.'))
        w++;
    for (i = 0; label[i]; i++)
        if (w - s == strlen(label[i]) && !strncasecmp(t + s, label[i], w - s))
            break;
    if (!label[i] || w >= e)
        return s;
    /* the colon that ends the label, within a short lead-in */
    for (c = w; c < e && c < w + 60 && t[c] != ':'; c++)
        if (t[c] == '.' || t[c] == '!' || t[c] == '?' || t[c] == ',')
            return s;
    if (c >= e || t[c] != ':' || c + 1 >= e || t[c + 1] != ' ')
        return s;
    for (c++; c < e && isspace((unsigned char)t[c]); c++)
        ;
    return c < e ? c : s;
}

/* The speaker after a quoted review: '"It works!" - Jo, 5 stars'.  Where
 * the sentence's words end (after the closing quote) when a dash and a
 * few words without sentence punctuation follow the quote; else @e. */
static size_t before_review_trailer(const char *t, size_t s, size_t e)
{
    size_t i, q = 0, words = 0;

    if (e <= s || (t[s] != '"' && !(e - s > 3 && !memcmp(t + s, "\xe2\x80\x9c", 3))))
        return e;
    for (i = s + 1; i < e; i++)
        if ((t[i] == '"' || (i + 2 < e && !memcmp(t + i, "\xe2\x80\x9d", 3)))
            && i > s + 1 && (t[i - 1] == '.' || t[i - 1] == '!' || t[i - 1] == '?')) {
            q = i + (t[i] == '"' ? 1 : 3);
            break;
        }
    if (!q || q + 3 > e || t[q] != ' ')
        return e;
    i = q + 1;
    if (t[i] == '-' || t[i] == '~')
        i++;
    else if (i + 3 <= e && (!memcmp(t + i, "\xe2\x80\x93", 3) || !memcmp(t + i, "\xe2\x80\x94", 3)))
        i += 3;
    else
        return e;
    if (i + 1 >= e || t[i] != ' ' || !isupper((unsigned char)t[i + 1]))
        return e;                               /* a speaker's name starts it */
    for (; i < e; i++) {
        if (t[i] == '.' && i + 1 < e && !(i >= 2 && t[i - 2] == ' ' && isupper((unsigned char)t[i - 1])))
            return e;                           /* a sentence, not an initial ("R. Quill") */
        if (t[i] == '!' || t[i] == '?' || t[i] == '"')
            return e;
        words += t[i] == ' ';
    }
    return words <= 8 ? q : e;
}

/* A quotation opened at @s is still open at @i: its closing quote comes
 * later in the block, within a few short sentences.  A quote is one unit
 * ('"Finally something that works. I've tried everything."'). */
static int inside_quote(const char *t, size_t s, size_t i, size_t end)
{
    size_t k, open = 0, words = 0;

    /* only a short cry before the rest of the quote: a long quote's
     * sentences are claims of their own */
    for (k = s; k < i; k++)
        words += t[k] == ' ';
    if (words >= 6)
        return 0;

    if (t[s] == '"') {
        for (k = s; k <= i; k++)
            open += t[k] == '"';
        if (!(open & 1))
            return 0;
        for (k = i + 1; k < end && k < i + 100; k++)
            if (t[k] == '"')
                return 1;
        return 0;
    }
    if (!(end - s > 3 && !memcmp(t + s, "\xe2\x80\x9c", 3)))
        return 0;
    for (k = s + 3; k + 2 <= i + 2 && k + 2 < end; k++)
        if (!memcmp(t + k, "\xe2\x80\x9d", 3))
            return 0;
    for (k = i + 1; k + 2 < end && k < i + 100; k++)
        if (!memcmp(t + k, "\xe2\x80\x9d", 3))
            return 1;
    return 0;
}

static lm_err push(const char *text, size_t s, size_t e, size_t block,
                   struct rc_sent **out, size_t *n, size_t *cap)
{
    size_t b;

    while (s < e && isspace((unsigned char)text[s]))
        s++;
    /* a list marker at the start of the sentence */
    b = s;
    while (b < e && b - s < 3 && isdigit((unsigned char)text[b]))
        b++;
    if (b > s && b + 1 < e && (text[b] == '.' || text[b] == ')') && text[b + 1] == ' ')
        s = b + 2;
    else if (s + 1 < e && (text[s] == '-' || text[s] == '*' || text[s] == '+') && text[s + 1] == ' ')
        s += 2;
    else if (s + 3 < e && !memcmp(text + s, "\xe2\x80\xa2", 3))
        s += 3;
    else
        while (s + 3 < e && (!memcmp(text + s, "\xe2\x98\x85", 3) || !memcmp(text + s, "\xe2\x98\x86", 3)))
            s += 3;                             /* a review's rating stars */
    while (s < e && isspace((unsigned char)text[s]))
        s++;
    /* a reply's "@user" before the post's words is no part of them */
    if (s + 1 < e && text[s] == '@' && (isalnum((unsigned char)text[s + 1]) || text[s + 1] == '_')) {
        b = s + 1;
        while (b < e && (isalnum((unsigned char)text[b]) || text[b] == '_' || text[b] == '-'
                         || text[b] == '.'))
            b++;
        if (b < e && (text[b] == ' ' || text[b] == ',' || text[b] == ':')) {
            s = b + 1;
            while (s < e && isspace((unsigned char)text[s]))
                s++;
        }
    }
    s = past_update_label(text, s, e);
    while (e > s && isspace((unsigned char)text[e - 1]))
        e--;
    e = before_review_trailer(text, s, e);
    if (e <= s)
        return LM_OK;
    if (lm_grow(out, cap, *n, sizeof **out, 64))
        return LM_ERR_NOMEM;
    (*out)[*n].start = s;
    (*out)[*n].end = e;
    (*out)[*n].block = block;
    (*n)++;
    return LM_OK;
}

lm_err rc_split_span(const char *text, size_t start, size_t end, size_t block,
                     struct rc_sent **out, size_t *n, size_t *cap)
{
    size_t i, s = start;
    lm_err rc;

    for (i = start; i < end; i++) {
        char c = text[i];
        size_t j, cl;

        if (c != '.' && c != '!' && c != '?')
            continue;
        j = i + 1;
        while (j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?'))
            j++;
        while ((cl = closer_len(text, j, end)) > 0)
            j += cl;
        if (j < end && !isspace((unsigned char)text[j]))
            continue;                       /* "0.75", "e.g.,", "p<.05" */
        if (c == '.' && j == i + 1 && is_abbrev(text, start, i))
            continue;
        if (c == '.' && list_marker(text, s, i))
            continue;                       /* "1. First item" */
        {
            size_t k = j;
            while (k < end && isspace((unsigned char)text[k]))
                k++;
            if (k < end && !starts_sentence(text, k, end))
                continue;
            if (j > 0 && !closer_len(text, j - 1, end) && inside_quote(text, s, i, end))
                continue;                   /* a quote's sentences stay together */
            if ((rc = push(text, s, j, block, out, n, cap)) != LM_OK)
                return rc;
            s = k;
            i = k > 0 ? k - 1 : k;
        }
    }
    return push(text, s, end, block, out, n, cap);
}

lm_err rc_segment(const struct lm_doc *d, struct rc_sent **out, size_t *n)
{
    size_t b, cap = 0;
    lm_err rc;

    *out = NULL;
    *n = 0;
    for (b = 0; b < d->nblocks; b++) {
        rc = rc_split_span(d->text.s, d->blocks[b].start, d->blocks[b].end, b, out, n, &cap);
        if (rc != LM_OK) {
            free(*out);
            *out = NULL;
            *n = 0;
            return rc;
        }
    }
    return LM_OK;
}
