/* Matching claims to corpus articles, and verdicts.
 *
 * For each claim: candidate articles come from FTS5 (bm25) over the claim's
 * content words (plus the article's topic words when the claim names none),
 * filtered by topic (an article must hold the drug/condition words the
 * claim names, else the article's main topic word) and by the design the
 * claim states (a "meta-analysis" claim needs an L1 record, "randomised"
 * an L1/L2 one).  Each candidate is scored by word coverage, agreement of
 * numbers (n, rates, effects, study counts, doses, number of doses,
 * durations, score changes, fold changes, relative reductions), design
 * words, and the study the paragraph introduced.  The verdict then follows
 * DESIGN.md: numbers that disagree, or two studies' numbers merged in one
 * sentence, or an efficacy claim over a negative trial, are contradicted;
 * otherwise the level of the best support decides. */
#define _GNU_SOURCE
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <litmine/extract.h>
#include "reconcile/reconcile_int.h"

#define RC_CANDIDATES 12     /* distinct records scored per claim, at most */
#define RC_FETCH 24          /* records asked of FTS5 (copies are dropped) */
#define RC_ANALYSE 4
#define RC_MAX_WORDS 40
/* A claim word this many records hold is left out of the candidate query
 * (when the claim has two rarer words). */
#define RC_COMMON 250
#define RC_OUTSIDE 2          /* records outside the topic filter added per claim */
#define RC_OUTSIDE_DF 40      /* a word rarer than this in the corpus names them */

/* Outcome of comparing one claim number with one article. */
enum { CMP_NONE = 0, CMP_AGREE, CMP_WEAK_AGREE, CMP_CONFLICT, CMP_WEAK_CONFLICT };

struct word {
    char stem[32];
    char word[32];  /* as written, lower-case */
    int topic;      /* one of the article's topic words */
    int novel;      /* no record on the article's topic holds it (no record
                       at all when the article has no topic) */
    long df;        /* records holding the word as written, up to RC_COMMON */
    char pre[32];   /* its first six letters (a prefix query) */
    int cap;        /* capitalised inside the sentence, or an acronym */
    int title_name; /* capitalised, and in the titles of one or two topic
                       records only: a trial's or a drug's name */
    size_t pos;     /* byte offset in the claim */
    size_t len;
};

struct cand {
    struct rc_doc *d;
    double bm25rank;
    double lex;
    double score;
    int agree, weak_agree, conflict, weak_conflict;
    double score_extra;
    double details;         /* year and venue agreeing (details_bonus) */
    int cmp[64];            /* per claim number: CMP_* */
    int idx[64];            /* per claim number: index of the doc number */
    int sent_hint;          /* best evidence sentence */
};

struct mctx {
    lm_checker *k;
    struct lm_report *r;
    const struct rc_topic *topic;
    struct cand *c;
    size_t nc;
    int64_t ctx;            /* the record of the study the claim is bound to, 0 none */
    lm_err rc;
};

/* ---- words of a claim ---------------------------------------------------- */

/* A claim word's prefix, how many records hold it and whether the topic's
 * records do. */
static void word_facts(lm_checker *k, const struct rc_topic *t, struct word *x)
{
    char pre[32];
    size_t l = strlen(x->stem);

    memcpy(pre, x->stem, l + 1);
    if (l > 6)                      /* "zelvorinic" finds "zelvorin" */
        pre[6] = '\0';
    memcpy(x->pre, pre, sizeof pre);
    /* the word as written first: an exact token answers fast, a prefix
     * query merges every term it covers */
    x->df = rc_term_df(k, x->word, RC_COMMON);
    x->novel = x->df == 0
               && rc_term_in_corpus(k, x->stem, 0) == 0
               && rc_term_in_corpus(k, pre, 1) == 0;
    /* judged among the records on the article's topic, not the whole
     * corpus: a word some unrelated record holds says nothing about
     * whether the topic's studies cover the claim */
    if (!x->novel && !x->topic)
        x->novel = rc_term_on_topic(k, t, x->word, x->stem, pre) == 0;
}

static size_t claim_words(lm_checker *k, const char *s, size_t start, size_t end,
                          const struct rc_topic *t, struct word *w, size_t max)
{
    size_t p = start, n = 0, i;

    while (p < end && n < max) {
        size_t q;
        int upper = 0, lower = 0;
        while (p < end && !isalpha((unsigned char)s[p]))
            p++;
        q = p;
        while (q < end && isalnum((unsigned char)s[q])) {
            upper += isupper((unsigned char)s[q]) != 0;
            lower += islower((unsigned char)s[q]) != 0;
            q++;
        }
        if (q - p >= 3 && q - p < 30 && !rc_stopword(&k->words, s + p, q - p)) {
            struct word *x = &w[n];
            int dup = 0;
            rc_stem(s + p, q - p, x->stem, sizeof x->stem);
            for (i = 0; i < q - p; i++)
                x->word[i] = (char)tolower((unsigned char)s[p + i]);
            x->word[q - p] = '\0';
            for (i = 0; i < n; i++)
                dup |= !strcmp(w[i].stem, x->stem);
            if (!dup) {
                x->pos = p - start;
                x->title_name = 0;
                x->len = q - p;
                x->topic = 0;
                for (i = 0; i < t->n; i++)
                    if (!strcmp(t->words[i], x->stem))
                        x->topic = 1;
                /* sentence-initial capitals say nothing; inner ones name things */
                x->cap = (upper >= 2 && lower == 0) || (upper && p > start && !(
                         p >= start + 2 && (s[p - 2] == '.' || s[p - 2] == ':')));
                n++;
            }
        }
        p = q;
    }
    for (i = 0; i < n; i++)
        word_facts(k, t, &w[i]);
    return n;
}

/* "There's a study showing it eases the cramps": a claim whose subject is a
 * pronoun and that names nothing few of the topic's records hold speaks of
 * what the text before it in its block named last, a word at most two
 * records on the topic hold (the drug of the clause before).  Appended to
 * @w (not a word of the claim's text: pos 0, never novel); returns the count. */
static size_t inherit_subject(lm_checker *k, const char *s, size_t bstart, size_t start,
                              size_t end, const struct rc_topic *t, struct word *w, size_t nw,
                              size_t max)
{
    size_t i, p, q;
    char buf[400];

    snprintf(buf, sizeof buf, "%.*s", (int)(end - start < 399 ? end - start : 399), s + start);
    if (nw >= max || !k->tp.pool_complete || !rc_find_word(buf, "it", 2))
        return nw;
    for (i = 0; i < nw; i++)
        if (!w[i].topic && !w[i].novel && w[i].len >= 5
            && rc_word_in_topic(k, w[i].word, w[i].stem, w[i].pre) <= 2)
            return nw;                  /* it names its own */
    for (q = start; q > bstart && q + 400 > start;) {
        struct word *x = &w[nw];
        while (q > bstart && !isalnum((unsigned char)s[q - 1]))
            q--;
        for (p = q; p > bstart && isalnum((unsigned char)s[p - 1]); p--)
            ;
        if (q - p >= 5 && q - p < 30 && isalpha((unsigned char)s[p])
            && !rc_stopword(&k->words, s + p, q - p)
            && !rc_general_word(&k->words, s + p, q - p)) {
            unsigned c;
            memset(x, 0, sizeof *x);
            x->len = q - p;             /* (its length as written; pos 0) */
            rc_stem(s + p, q - p, x->stem, sizeof x->stem);
            for (i = 0; i < q - p; i++)
                x->word[i] = (char)tolower((unsigned char)s[p + i]);
            for (i = 0; i < t->n && !x->topic; i++)
                x->topic = !strcmp(t->words[i], x->stem);
            if (!x->topic) {
                word_facts(k, t, x);
                c = x->novel ? 0 : rc_word_in_topic(k, x->word, x->stem, x->pre);
                if (c >= 1 && c <= 2)
                    return nw + 1;
            }
        }
        q = p;
    }
    return nw;
}

#define has_stem rc_has_stem

/* ---- comparing numbers ---------------------------------------------------- */

static int family(const char *m)
{
    if (!m || !*m)
        return 0;
    if (!strcasecmp(m, "d") || !strcasecmp(m, "g") || !strcasecmp(m, "smd")
        || !strncasecmp(m, "cohen", 5) || !strncasecmp(m, "hedges", 6)
        || !strncasecmp(m, "effect size", 11) || !strncasecmp(m, "standardi", 9))
        return 1;
    if (!strcasecmp(m, "rr") || !strcasecmp(m, "or") || !strcasecmp(m, "hr")
        || !strcasecmp(m, "irr") || !strcasecmp(m, "aor") || !strcasecmp(m, "ahr")
        || strstr(m, "ratio") || strstr(m, "relative risk"))
        return 2;
    if (!strcasecmp(m, "md"))
        return 3;
    return 0;
}

static int close_to(double a, double b, double abs_tol, double rel_tol)
{
    double d = fabs(a - b);

    return d <= abs_tol || d <= rel_tol * fabs(b);
}

/* Decimal places written in the claim's number text. */
static int decimals(const char *text, const struct rc_num *c)
{
    size_t i;
    int dot = -1, n = 0;

    for (i = c->start; i < c->end; i++) {
        if (text[i] == '.' && i + 1 < c->end && isdigit((unsigned char)text[i + 1]))
            dot = (int)i;
        else if (dot >= 0 && isdigit((unsigned char)text[i]))
            n++;
        else if (dot >= 0)
            break;
    }
    return n;
}

static size_t sent_of(const struct rc_doc *d, size_t pos)
{
    size_t i;

    for (i = 0; i < d->nsents; i++)
        if (pos < d->sents[i].end)
            return i;
    return d->nsents ? d->nsents - 1 : 0;
}

static double max_n(const struct rc_doc *d)
{
    size_t i;
    double m = 0;

    for (i = 0; i < d->nums.n; i++)
        if (d->nums.v[i].kind == RC_N && d->nums.v[i].v > m)
            m = d->nums.v[i].v;
    return m;
}

/* n: a stated n, or the sum of arms written in one sentence. */
static int cmp_n(const struct rc_num *c, const struct rc_doc *d, int *idx)
{
    size_t i, j;
    double tol = c->approx ? 0.05 : (fmod(c->v, 100) == 0 && c->v >= 1000 ? 0.02 : 0.001);
    int any = 0;

    for (i = 0; i < d->nums.n; i++) {
        const struct rc_num *x = &d->nums.v[i];
        if (x->kind != RC_N)
            continue;
        any = 1;
        if (close_to(c->v, x->v, 0.5, tol)) {
            *idx = (int)i;
            return CMP_AGREE;
        }
    }
    for (i = 0; i < d->nums.n; i++) {
        const struct rc_num *x = &d->nums.v[i];
        double sum;
        size_t si;
        if (x->kind != RC_N)
            continue;
        si = sent_of(d, x->start);
        sum = x->v;
        for (j = i + 1; j < d->nums.n; j++) {
            const struct rc_num *y = &d->nums.v[j];
            if (y->kind != RC_N || sent_of(d, y->start) != si)
                continue;
            if (close_to(c->v, x->v + y->v, 0.5, tol)) {
                *idx = (int)i;
                return CMP_AGREE;
            }
            sum += y->v;
            if (close_to(c->v, sum, 0.5, tol)) {
                *idx = (int)i;
                return CMP_AGREE;
            }
        }
    }
    return any ? CMP_WEAK_CONFLICT : CMP_NONE;
}

static int cmp_rate(const char *ctext, const struct rc_num *c, const struct rc_doc *d,
                    int *idx)
{
    size_t i;
    double tol = c->approx || c->k >= 0 ? 0.03 : decimals(ctext, c) > 0 ? 0.0051 : 0.011;
    double nmax = max_n(d);
    int same_what = 0, any = 0;

    for (i = 0; i < d->nums.n; i++) {
        const struct rc_num *x = &d->nums.v[i];
        double v;
        int what_eq = c->what[0] && x->what[0] && !strcmp(c->what, x->what);
        /* how common a condition is and a rate a study measured are other
         * quantities: never compared */
        if (!strcmp(c->what, "prevalence") != !strcmp(x->what, "prevalence"))
            continue;
        if (x->kind == RC_RATE || x->kind == RC_REDUCTION)
            v = x->v;
        else if (x->kind == RC_FOLD && x->v > 1)
            v = 1 - 1 / x->v;
        else if (x->kind == RC_N && x->what[0] && nmax > x->v && x->v > 0
                 && (!strcmp(x->what, "remission") || !strcmp(x->what, "response")))
            v = x->v / nmax;       /* "four patients met the criteria for remission" */
        else
            continue;
        if (close_to(c->v, v, tol, 0) || (x->kind == RC_FOLD && close_to(c->v, v, 0.0002, 0))) {
            *idx = (int)i;
            return CMP_AGREE;
        }
        if (x->kind == RC_RATE || x->kind == RC_N) {
            any = 1;
            if (what_eq) {
                same_what = 1;
                *idx = (int)i;
            }
        }
    }
    if (same_what)
        return CMP_CONFLICT;
    return any ? CMP_WEAK_CONFLICT : CMP_NONE;
}

static int cmp_effect(const struct rc_num *c, const struct rc_doc *d, int *idx)
{
    size_t i;
    int fc = family(c->unit), any = 0;

    for (i = 0; i < d->nums.n; i++) {
        const struct rc_num *x = &d->nums.v[i];
        int fx;
        if (x->kind != RC_EFFECT)
            continue;
        fx = family(x->unit);
        if (fc && fx && fc != fx)
            continue;
        if (close_to(fabs(c->v), fabs(x->v), 0.011, 0.01)) {
            *idx = (int)i;
            return CMP_AGREE;
        }
        if (!any)
            *idx = (int)i;
        any = 1;
    }
    return any ? CMP_CONFLICT : CMP_NONE;
}

static int cmp_reduction(const struct rc_num *c, const struct rc_doc *d, int *idx)
{
    size_t i;
    /* "roughly halved", "about 40% fewer": a rounded figure, five points
     * either way; a bare fraction ("by a third") two */
    double tol = c->approx ? 0.051 : fabs(c->v * 4 - round(c->v * 4)) < 1e-6
                 || fabs(c->v * 3 - round(c->v * 3)) < 1e-6 ? 0.021 : 0.011;
    int any = 0;

    for (i = 0; i < d->nums.n; i++) {
        const struct rc_num *x = &d->nums.v[i];
        double v;
        if (x->kind == RC_EFFECT && family(x->unit) == 2)
            v = 1 - x->v;
        else if (x->kind == RC_REDUCTION)
            v = x->v;
        else
            continue;
        if (close_to(c->v, v, tol, 0)) {
            *idx = (int)i;
            return CMP_AGREE;
        }
        if (!any)
            *idx = (int)i;
        any = 1;
    }
    return any ? CMP_CONFLICT : CMP_NONE;
}

static int cmp_simple(const struct rc_num *c, const struct rc_doc *d, int *idx,
                      enum rc_num_kind kind, double abs_tol, double rel_tol, int strong)
{
    size_t i;
    int any = 0;

    for (i = 0; i < d->nums.n; i++) {
        const struct rc_num *x = &d->nums.v[i];
        if (x->kind != kind)
            continue;
        if (kind == RC_DOSE && strcmp(c->unit, x->unit))
            continue;
        if (close_to(fabs(c->v), fabs(x->v), abs_tol, rel_tol)) {
            *idx = (int)i;
            return strong ? CMP_AGREE : CMP_WEAK_AGREE;
        }
        if (!any)
            *idx = (int)i;
        any = 1;
    }
    return any ? (strong ? CMP_CONFLICT : CMP_WEAK_CONFLICT) : CMP_NONE;
}

static int cmp_change(const struct rc_num *c, const struct rc_doc *d, int *idx, int *within)
{
    size_t i;
    int diffs = 0, same_unit = 0, any = 0;

    *within = -1;
    for (i = 0; i < d->nums.n; i++) {
        const struct rc_num *x = &d->nums.v[i];
        int isdiff;
        if (x->kind != RC_CHANGE)
            continue;
        if (c->unit[0] && x->unit[0] && strcmp(c->unit, x->unit))
            continue;
        any = 1;
        isdiff = !strcmp(x->what, "difference");
        diffs += isdiff;
        same_unit |= c->unit[0] && !strcmp(c->unit, x->unit);
        /* minutes or days written whole ("about 8 minutes" for 8.25) */
        int whole = (!strcmp(c->unit, "minutes") || !strcmp(c->unit, "days"))
                    && c->v == floor(c->v);
        /* ("nearly 10 mmHg" for 9.8) */
        if (close_to(fabs(c->v), fabs(x->v), whole ? 0.5 : 0.051, c->approx ? 0.05 : 0.02)) {
            if (!strcmp(c->what, "difference") && !isdiff) {
                *within = (int)i;
                continue;
            }
            *idx = (int)i;
            return CMP_AGREE;
        }
    }
    if (!strcmp(c->what, "difference") && diffs) {
        for (i = 0; i < d->nums.n; i++)
            if (d->nums.v[i].kind == RC_CHANGE && !strcmp(d->nums.v[i].what, "difference")) {
                *idx = (int)i;
                break;
            }
        return CMP_CONFLICT;
    }
    if (same_unit && (!strcmp(c->unit, "mmhg") || !strcmp(c->unit, "minutes"))) {
        for (i = 0; i < d->nums.n; i++)     /* the record's value to quote */
            if (d->nums.v[i].kind == RC_CHANGE && !strcmp(d->nums.v[i].unit, c->unit)) {
                *idx = (int)i;
                break;
            }
        return CMP_CONFLICT;
    }
    return any ? CMP_WEAK_CONFLICT : CMP_NONE;
}

/* Is the duration at [start, ...) of @text how long a condition had
 * lasted ("cough lasting at least 12 months", "a history of 2 years"), not
 * a course or a follow-up? */
static int condition_duration(const char *text, size_t start)
{
    static const char *const cues[] = { "lasting", "history of", "diagnosed", "duration of",
                                        "symptoms for", "persisting", "persistent for", NULL };
    size_t b = start > 28 ? start - 28 : 0, i;
    char before[32];

    snprintf(before, sizeof before, "%.*s", (int)(start - b), text + b);
    for (i = 0; cues[i]; i++)
        if (rc_find_ci(before, strlen(before), cues[i]))
            return 1;
    return 0;
}

/* Durations: a record's are its courses and follow-ups (the study
 * model's: how long a condition had lasted is left out there), so a
 * condition's duration in the claim ("whose cough had lasted at least a
 * year") has nothing to be compared with. */
static int cmp_duration(const char *ctext, const struct rc_num *c, const struct rc_doc *d,
                        int *idx)
{
    if (condition_duration(ctext, c->start))
        return CMP_NONE;
    return cmp_simple(c, d, idx, RC_DURATION, 1.01, 0.05, 0);
}

static int compare(const char *ctext, const struct rc_num *c, const struct rc_doc *d,
                   int *idx, int *within)
{
    *idx = -1;
    *within = -1;
    switch (c->kind) {
    case RC_N:         return cmp_n(c, d, idx);
    case RC_RATE:      return cmp_rate(ctext, c, d, idx);
    case RC_EFFECT:    return cmp_effect(c, d, idx);
    case RC_COUNT:     return cmp_simple(c, d, idx, RC_COUNT, 0.01, 0, 1);
    case RC_DOSE:      return cmp_simple(c, d, idx, RC_DOSE, 1e-9, 1e-6, 1);
    case RC_DOSES:     return cmp_simple(c, d, idx, RC_DOSES, 0.01, 0, 0);
    case RC_DURATION:  return cmp_duration(ctext, c, d, idx);
    case RC_CHANGE:    return cmp_change(c, d, idx, within);
    case RC_FOLD:      return cmp_simple(c, d, idx, RC_FOLD, 0.5, 0.05, 1);
    case RC_REDUCTION: return cmp_reduction(c, d, idx);
    case RC_P: {
        int r = cmp_simple(c, d, idx, RC_P, 1e-9, 0, 0);
        return r == CMP_WEAK_CONFLICT ? CMP_NONE : r;
    }
    case RC_NUM_KINDS: break;
    }
    return CMP_NONE;
}

/* ---- evidence and reasons ---------------------------------------------- */

static char *span_dup(const char *s, size_t a, size_t b)
{
    char *p = malloc(b - a + 1);

    if (p) {
        memcpy(p, s + a, b - a);
        p[b - a] = '\0';
    }
    return p;
}

static void fmt_num(char *buf, size_t cap, const struct rc_num *x)
{
    switch (x->kind) {
    case RC_RATE:
        if (x->k >= 0 && x->n > 0)
            snprintf(buf, cap, "%.0f%% (%d/%d)", x->v * 100, x->k, x->n);
        else
            snprintf(buf, cap, "%.4g%%", x->v * 100);
        break;
    case RC_REDUCTION:
        snprintf(buf, cap, "%.3g%% %s", fabs(x->v) * 100, x->v < 0 ? "increase" : "reduction");
        break;
    case RC_EFFECT:
        snprintf(buf, cap, "%s %.3g", x->unit[0] ? x->unit : "effect", x->v);
        break;
    case RC_N:
        snprintf(buf, cap, "n=%.0f", x->v);
        break;
    case RC_COUNT:
        snprintf(buf, cap, "%.0f studies", x->v);
        break;
    case RC_DOSE:
        snprintf(buf, cap, "%.6g %s", x->v, x->unit);
        break;
    case RC_DOSES:
        snprintf(buf, cap, "%.0f dose(s)", x->v);
        break;
    case RC_DURATION:   /* in the unit it was written in (unit holds its code) */
        switch (x->unit[0]) {
        case '1': snprintf(buf, cap, "%.3g hours", x->v * 24); break;
        case '3': snprintf(buf, cap, "%.3g weeks", x->v / 7); break;
        case '4': snprintf(buf, cap, "%.3g months", x->v / 30.4); break;
        case '5': snprintf(buf, cap, "%.3g years", x->v / 365.25); break;
        default:  snprintf(buf, cap, "%.3g days", x->v); break;
        }
        break;
    case RC_CHANGE:
        snprintf(buf, cap, "%.3g%s%s", x->v, x->unit[0] ? " " : "", x->unit);
        break;
    case RC_FOLD:
        snprintf(buf, cap, "%.4g-fold", x->v);
        break;
    case RC_P:
        snprintf(buf, cap, "p %s %.3g", x->what[0] ? x->what : "=", x->v);
        break;
    case RC_NUM_KINDS:
        snprintf(buf, cap, "?");
        break;
    }
}

/* The doc number with its words around it, for a reason. */
static void doc_quote(char *buf, size_t cap, const struct rc_doc *d, const struct rc_num *x)
{
    size_t a = x->start, b = x->end;
    size_t s = sent_of(d, x->start);
    size_t ss = d->sents[s].start, se = d->sents[s].end;
    int words = 0;

    while (a > ss && words < 5) {
        a--;
        if (d->text[a] == ' ')
            words++;
    }
    if (d->text[a] == ' ')
        a++;
    words = 0;
    while (b < se && words < 3) {
        if (d->text[b] == ' ')
            words++;
        b++;
    }
    if (b > x->end && d->text[b - 1] == ' ')
        b--;
    snprintf(buf, cap, "%s%.*s%s", a > ss ? "\xe2\x80\xa6" : "", (int)(b - a), d->text + a,
             b < se ? "\xe2\x80\xa6" : "");
}

static lm_err wilson_reason(struct rc_claim *cl, const struct rc_num *x)
{
    double lo, hi;

    if (x->k < 0 || x->n <= 0 || lm_wilson(x->k, x->n, 1.959964, &lo, &hi) != LM_OK)
        return LM_OK;
    return rc_claim_reason(cl, "numbers.wilson", "%.0f%% = %d/%d, Wilson 95%% CI %.0f-%.0f%%",
                           100.0 * x->k / x->n, x->k, x->n, lo * 100, hi * 100);
}

static const char *design_words(const struct rc_doc *d)
{
    if (d->aflags & RC_A_INVITRO)
        return "in vitro (cells in a dish), not people";
    if (d->aflags & RC_A_ANIMAL)
        return "animal study, not people";
    if (!strcmp(d->design, "case_report"))
        return "a single case report";
    if (d->level[1] == '1' && (d->aflags & RC_A_MIXED))
        return "meta-analysis that pools RCTs with non-randomised or pre-post data, "
               "so it is not RCT-only evidence";
    if (d->level[1] == '1')
        return "systematic review / meta-analysis of randomised trials";
    if (d->level[1] == '2')
        return "randomised controlled trial";
    if (d->level[1] == '3')
        return "non-randomised controlled study";
    if (d->aflags & RC_A_OPENLABEL)
        return "open-label, no control arm";
    if (d->aflags & RC_A_COHORT)
        return "observational (cohort or records): an association, not a tested effect";
    return "uncontrolled study";
}

static lm_err add_match(struct rc_claim *cl, const struct cand *c, const char *ctext,
                        int agrees)
{
    struct rc_match *m, *p;
    const struct rc_doc *d = c->d;
    size_t si = c->sent_hint >= 0 ? (size_t)c->sent_hint : 0, abs0 = d->title_len + 1;
    size_t i;

    (void)ctext;
    for (i = 0; i < cl->nmatches; i++)
        if (cl->matches[i].pmid == d->pmid)
            return LM_OK;
    if (!(p = realloc(cl->matches, (cl->nmatches + 1) * sizeof *p)))
        return LM_ERR_NOMEM;
    cl->matches = p;
    m = &p[cl->nmatches];
    memset(m, 0, sizeof *m);
    m->pmid = d->pmid;
    m->score = round(c->score * 100) / 100;
    snprintf(m->level, sizeof m->level, "%s", d->level);
    snprintf(m->design, sizeof m->design, "%s", d->design);
    m->agrees = agrees;
    m->year = d->year;
    if (d->nsents) {
        if (d->sents[si].start < abs0 && si + 1 < d->nsents)
            si++;                               /* the title is not evidence */
        m->evidence = span_dup(d->text, d->sents[si].start, d->sents[si].end);
        m->ev_start = d->sents[si].start >= abs0 ? d->sents[si].start - abs0 : 0;
        m->ev_end = d->sents[si].end >= abs0 ? d->sents[si].end - abs0 : 0;
    } else {
        m->evidence = strdup("");
    }
    m->title = strdup(d->title);
    if (!m->evidence || !m->title) {
        free(m->evidence);
        free(m->title);
        return LM_ERR_NOMEM;
    }
    cl->nmatches++;
    return LM_OK;
}

/* ---- candidates -------------------------------------------------------- */

struct hits {
    int64_t pmid[RC_FETCH + 1];
    size_t n;
};

/* Adds the results of one FTS5 query to @h (no PMID twice). */
static lm_err search_more(lm_checker *k, const char *q, struct hits *h)
{
    int64_t more[RC_FETCH];
    size_t nm = 0, a, b;
    lm_err rc = rc_search(k, q, more, RC_FETCH, &nm);

    for (a = 0; a < nm && h->n < RC_FETCH && rc == LM_OK; a++) {
        for (b = 0; b < h->n && h->pmid[b] != more[a]; b++)
            ;
        if (b == h->n)
            h->pmid[h->n++] = more[a];
    }
    return rc;
}

/* An acronym of the claim ("ZRV", written in capitals) that a record
 * spells out in one word holding its letters in order ("zorvilarin"):
 * the record names it without the short form.  @acr is lower-case. */
int rc_spells_out(const char *text, const char *acr)
{
    size_t n = strlen(acr), i;
    const char *p = text;

    if (n < 2 || n > 5)
        return 0;
    while (*p) {
        size_t l = 0, k = 1;
        while (p[l] && isalpha((unsigned char)p[l]))
            l++;
        if (l >= 2 * n + 2 && tolower((unsigned char)p[0]) == acr[0]
            && (p == text || !isalpha((unsigned char)p[-1]))) {
            for (i = 1; i < l && k < n; i++)
                k += tolower((unsigned char)p[i]) == acr[k];
            if (k == n)
                return 1;
        }
        p += l ? l : 1;
    }
    return 0;
}

/* An acronym (lower-case @acr, 2 to 6 letters) that consecutive words of
 * @text (two at least) spell out by their initials, a word's inner letters
 * allowed for letters the next word does not start with ("RLS":
 * "restless legs syndrome"). */
int rc_spells_out_words(const char *text, const char *acr)
{
    size_t n = strlen(acr);
    const char *p = text;

    if (n < 2 || n > 6)
        return 0;
    for (; *p; p++) {
        const char *q = p;
        size_t k = 0, words = 0;
        if (!isalpha((unsigned char)*p) || (p > text && isalpha((unsigned char)p[-1]))
            || tolower((unsigned char)*p) != acr[0])
            continue;
        while (k < n) {
            const char *e = q, *next;
            if (tolower((unsigned char)*q) != acr[k])
                break;
            k++;
            words++;
            while (isalpha((unsigned char)*e))
                e++;
            next = e;
            while (*next == ' ' || *next == '-')
                next++;
            /* letters inside the word, for those the next word does not start with */
            for (const char *c = q + 1; c < e && k < n
                 && tolower((unsigned char)*next) != acr[k]; c++)
                k += tolower((unsigned char)*c) == acr[k];
            if (k == n)
                return words >= 2;      /* one word alone is rc_spells_out's */
            if (!isalpha((unsigned char)*next) || next == e)
                break;
            q = next;
        }
    }
    return 0;
}

static int spells_out(const char *text, const struct word *w)
{
    return w->cap && w->len == strlen(w->word) && rc_spells_out(text, w->word);
}

/* The records on the topic that share most with the claim, by the weight
 * of the words they share (rarer among the topic's records weighs more, a
 * title word double); then, when fewer than RC_ANALYSE share any, the
 * topic's best records.  What the FTS5 query below asks, without a query. */
static void pool_rank(const lm_checker *k, const struct word *w, size_t nw, struct hits *h)
{
    double wt[RC_MAX_WORDS], best[RC_FETCH];
    size_t i, j, n = 0;

    for (j = 0; j < nw; j++) {
        unsigned c = w[j].novel ? 0 : rc_word_in_topic(k, w[j].word, w[j].stem, w[j].pre);
        wt[j] = c ? log(1.0 + (double)k->tp.npool / (double)c) : 0;
    }
    for (i = 0; i < k->tp.npool; i++) {
        const struct rc_doc *d = k->tp.pool[i];
        double sc = 0;
        size_t at;
        int ok = 1;
        for (j = 0; j < nw && ok; j++) {
            int has;
            if (!wt[j] && !w[j].topic)
                continue;
            has = rc_doc_has_word(d, w[j].word, w[j].stem, w[j].pre, RC_H_WORD);
            if (w[j].topic && !has && w[j].cap)
                has = spells_out(d->text, &w[j]);
            if (w[j].topic) {
                ok = has;               /* the topic words the claim names */
                continue;
            }
            if (has)
                sc += wt[j] * (rc_doc_has_word(d, w[j].word, w[j].stem, w[j].pre, RC_H_TITLE)
                               ? 2 : 1);
        }
        if (!ok || sc <= 0)
            continue;
        for (at = n; at > 0 && best[at - 1] < sc; at--)
            ;
        if (at >= RC_FETCH)
            continue;
        if (n < RC_FETCH)
            n++;
        memmove(&best[at + 1], &best[at], (n - 1 - at) * sizeof *best);
        memmove(&h->pmid[at + 1], &h->pmid[at], (n - 1 - at) * sizeof *h->pmid);
        best[at] = sc;
        h->pmid[at] = d->pmid;
    }
    h->n = n;
    /* enough for the design filter to leave RC_ANALYSE */
    for (i = 0; i < k->tp.npool && h->n < RC_CANDIDATES; i++) {
        for (j = 0; j < h->n && h->pmid[j] != k->tp.pool[i]->pmid; j++)
            ;
        if (j == h->n)
            h->pmid[h->n++] = k->tp.pool[i]->pmid;
    }
}

/* A claim word no record on the topic holds, yet a few records of the
 * corpus do. */
static int outside_word(const struct word *x)
{
    return x->novel && !x->topic && x->df > 0 && x->df <= RC_OUTSIDE_DF && x->len >= 4;
}

/* Such words ("zorvil" in a thread whose topic filter is about "quexamab"):
 * the claim may speak of a study outside the article's topic filter.  The
 * records holding such words and the topic words the claim names (@need)
 * come first among the candidates. */
static lm_err search_outside(lm_checker *k, const struct word *w, size_t nw,
                             const char *need, struct hits *h)
{
    lm_buf q = {0};
    int64_t out[RC_OUTSIDE];
    size_t i, n = 0, no = 0, a, b, at = 0;
    lm_err rc = LM_OK;

    for (i = 0; i < nw && rc == LM_OK; i++)
        if (outside_word(&w[i]))
            rc = lm_buf_printf(&q, "%s\"%s\"", n++ ? " OR " : "(", w[i].word);
    if (rc == LM_OK && n)
        rc = lm_buf_printf(&q, ") AND %s", need);
    if (rc == LM_OK && n)
        rc = rc_search(k, q.s, out, RC_OUTSIDE, &no);
    lm_buf_free(&q);
    for (a = 0; a < no && rc == LM_OK; a++) {
        for (b = 0; b < h->n && h->pmid[b] != out[a]; b++)
            ;
        if (b < h->n)
            continue;
        if (h->n == RC_FETCH)
            h->n--;
        memmove(&h->pmid[at + 1], &h->pmid[at], (h->n - at) * sizeof *h->pmid);
        h->pmid[at++] = out[a];
        h->n++;
    }
    return rc;
}

/* FTS5 queries, broadest last, until a few records come back: the records
 * on the article's topic (both its words; a claim inherits the topic it
 * does not name), then those holding the topic words the claim names (else
 * the article's main one); each first with the claim's other words OR'ed and
 * ranked by bm25, then alone.  Requiring the topic keeps the match set
 * small on a large corpus. */
static lm_err search(lm_checker *k, const struct word *w, size_t nw,
                     const struct rc_topic *t, int has_topic, struct hits *h)
{
    lm_buf req[2] = { {0}, {0} }, orp = {0}, q = {0};
    size_t i, nor = 0, nrare = 0, r;
    lm_err rc = LM_OK;

    h->n = 0;
    /* req[1]: the topic words the claim names, else the main one */
    if (has_topic) {
        for (i = 0; i < nw && rc == LM_OK; i++)
            if (w[i].topic) {
                char term[76];
                size_t ti;
                for (ti = 0; ti < t->n && strcmp(t->words[ti], w[i].stem); ti++)
                    ;
                if (ti < t->n)
                    rc_topic_term(t, ti, term, sizeof term);
                else
                    snprintf(term, sizeof term, "\"%s\"*", w[i].stem);
                rc = lm_buf_printf(&req[1], "%s%s", req[1].len ? " AND " : "(", term);
            }
    } else if (t->n) {
        char term[76];
        rc_topic_term(t, 0, term, sizeof term);
        rc = lm_buf_printf(&req[1], "(%s", term);
    }
    if (rc == LM_OK && req[1].len)
        rc = lm_buf_puts(&req[1], ")");
    /* req[0]: and the records on the article's topic */
    if (rc == LM_OK && t->filter[0])
        rc = req[1].len ? lm_buf_printf(&req[0], "%s AND %s", t->filter, req[1].s)
                        : lm_buf_puts(&req[0], t->filter);
    /* the words that tell records apart: one that thousands of records
     * hold ranks nothing, yet ranking reads every record holding it */
    for (i = 0; i < nw; i++)
        if (!w[i].novel && !w[i].topic && w[i].df < RC_COMMON)
            nrare++;
    for (i = 0; i < nw && rc == LM_OK; i++) {
        if (w[i].novel || w[i].topic)
            continue;
        if (w[i].df >= RC_COMMON && nrare >= 2)
            continue;
        /* exact tokens: a prefix query merges every term it covers, which
         * is the slow part of FTS5 on a large corpus */
        rc = lm_buf_printf(&orp, "%s\"%s\"", nor ? " OR " : "(", w[i].word);
        if (rc == LM_OK && strcmp(w[i].word, w[i].stem))
            rc = lm_buf_printf(&orp, " OR \"%s\"", w[i].stem);
        nor++;
    }
    if (rc == LM_OK && nor)
        rc = lm_buf_puts(&orp, ")");
    if (rc == LM_OK && !req[0].len && !req[1].len && nor)
        rc = search_more(k, orp.s, h);          /* no topic: the words alone */
    r = 0;
    if (rc == LM_OK && req[0].len && (rc = rc_pool(k, t)) == LM_OK && k->tp.pool_complete) {
        pool_rank(k, w, nw, h);                 /* the topic's records, read once */
        r = 1;
        /* a claim naming no topic word ("for riboflavin, the only
         * study...") may speak of a record holding any one of them */
        if (req[1].len && !has_topic && t->n > 1) {
            lm_buf any = {0};
            char term[76];
            for (i = 0; i < t->n && rc == LM_OK; i++) {
                rc_topic_term(t, i, term, sizeof term);
                rc = lm_buf_printf(&any, "%s%s", i ? " OR " : "(", term);
            }
            if (rc == LM_OK && (rc = lm_buf_puts(&any, ")")) == LM_OK)
                rc = search_outside(k, w, nw, any.s, h);
            lm_buf_free(&any);
        } else if (req[1].len) {
            rc = search_outside(k, w, nw, req[1].s, h);
        }
    }
    for (; r < 2 && rc == LM_OK; r++) {
        if (!req[r].len || (r == 1 && req[0].len && !strcmp(req[0].s, req[1].s)))
            continue;
        if (h->n >= RC_ANALYSE)
            break;
        if (nor) {
            lm_buf_clear(&q);
            if ((rc = lm_buf_printf(&q, "%s AND %s", req[r].s, orp.s)) == LM_OK)
                rc = search_more(k, q.s, h);
        }
        /* few records share a word beyond the topic (a word written
         * differently, "responded" for "response"): add the topic's best
         * records.  Only then, as ranking every topic record is the costly
         * query on a large corpus. */
        if (rc == LM_OK && h->n < RC_ANALYSE)
            rc = search_more(k, req[r].s, h);
    }
    lm_buf_free(&req[0]);
    lm_buf_free(&req[1]);
    lm_buf_free(&orp);
    lm_buf_free(&q);
    return rc;
}

/* Does the article fit the design the claim states? */
static int design_fits(unsigned f, const struct rc_doc *d)
{
    if ((f & RC_F_META) && d->level[1] != '1')
        return 0;
    if ((f & RC_F_RCT) && !(f & RC_F_META) && d->level[1] != '1' && d->level[1] != '2')
        return 0;
    /* animal or bench work: a case report in a person is not that */
    if ((f & (RC_F_ANIMAL | RC_F_INVITRO)) && !(d->aflags & (RC_A_ANIMAL | RC_A_INVITRO))
        && strcmp(d->design, "animal") && strcmp(d->design, "in_vitro"))
        return 0;
    if ((f & RC_F_CASE) && strcmp(d->design, "case_report"))
        return 0;
    /* an uncontrolled design named ("a case series", "an open-label
     * study") is not a randomised trial */
    if ((f & RC_F_OPENLABEL) && !(f & (RC_F_RCT | RC_F_META)) && d->level[1] <= '2'
        && !(d->aflags & RC_A_OPENLABEL))
        return 0;
    return 1;
}

static double design_bonus(unsigned f, const struct rc_doc *d)
{
    double b = 0;

    if ((f & RC_F_RCT) && d->level[1] == '2')
        b += 1;
    if ((f & RC_F_META) && d->level[1] == '1')
        b += 1;
    if ((f & RC_F_OPENLABEL) && (d->aflags & RC_A_OPENLABEL))
        b += 2;
    if ((f & RC_F_INVITRO) && (d->aflags & RC_A_INVITRO))
        b += 2;
    if ((f & RC_F_ANIMAL) && (d->aflags & RC_A_ANIMAL))
        b += 2;
    if ((f & RC_F_OBSERVATIONAL) && (d->aflags & RC_A_COHORT))
        b += 1;
    if ((f & RC_F_SAFETY) && (d->aflags & RC_A_ADVERSE))
        b += 1;
    return b;
}

/* Anaphora: the claim leans on the study named before it. */
static int leans_back(const char *s, size_t len)
{
    static const char *const starts[] = {
        "in that", "in this", "those", "these", "the trial", "the study", "it ", "they ",
        "participants", "patients", "in the same", "the same", "results", "that trial",
        "outpatients", "the authors", NULL
    };
    size_t i;

    for (i = 0; starts[i]; i++) {
        size_t l = strlen(starts[i]);
        if (l <= len && !strncasecmp(s, starts[i], l))
            return 1;
    }
    return 0;
}

/* The claim names the study it speaks of by a demonstrative ("those
 * earlier studies", "this trial", "the same review"). */
static int refers_back(const char *s, size_t len)
{
    static const char *const dem[] = { "those ", "these ", "that ", "this ", "the same ", NULL };
    static const char *const what[] = { "stud", "trial", "review", "analys", NULL };
    size_t i, j;

    for (i = 0; dem[i]; i++) {
        const char *p = s;
        size_t left = len;
        while ((p = rc_find_ci(p, left, dem[i])) != NULL) {
            size_t off = (size_t)(p - s) + strlen(dem[i]), span = len - off < 32 ? len - off : 32;
            if (p == s || !isalpha((unsigned char)p[-1]))
                for (j = 0; what[j]; j++)
                    if (rc_find_ci(s + off, span, what[j]))
                        return 1;
            p += strlen(dem[i]);
            left = len - (size_t)(p - s);
        }
    }
    return 0;
}

/* The year and the venue a claim gives of a study ("a 2013 study in X")
 * that the record's own agree with: they pick the record among those on
 * the topic when the words alone do not. */
static double details_bonus(const char *text, const struct rc_claim *cl, const struct rc_doc *d)
{
    int year = rc_year_in(text, cl->start, cl->end);
    double b = 0;
    size_t p = cl->start;

    if (year && d->year == year)
        b += 2.0;
    if (!d->journal || !d->journal[0])
        return b;
    while (p < cl->end) {   /* a capitalised word inside the sentence the journal holds */
        size_t q = p;
        while (q < cl->end && isalpha((unsigned char)text[q]))
            q++;
        if (q - p >= 4 && p > cl->start && isupper((unsigned char)text[p])
            && text[p - 1] == ' ' && !(p >= cl->start + 2 && text[p - 2] == '.')) {
            char w[32];
            const char *hit;
            snprintf(w, sizeof w, "%.*s", (int)(q - p < 31 ? q - p : 31), text + p);
            hit = rc_find_word(d->journal, w, strlen(w));
            if (hit && strcasecmp(w, "journal") && strcasecmp(w, "international")) {
                b += 1.5;
                break;
            }
        }
        p = q + 1;
    }
    return b;
}

static int has_whole_word(const char *text, const char *w);

/* The share of the claim's words a record holds: the words the topic's
 * records hold, and a word outside the topic (outside_word) that the
 * record holds. */
static double lex_share(const struct word *w, size_t nw, const char *text)
{
    size_t i, hit = 0, counted = 0;

    for (i = 0; i < nw; i++) {
        int has;
        if (w[i].novel && !outside_word(&w[i]))
            continue;
        has = has_stem(text, w[i].stem) != 0;
        if (w[i].novel && !has)
            continue;
        counted++;
        hit += has;
    }
    return counted ? (double)hit / (double)counted : 0;
}

static void score_cand(struct cand *c, const char *text, const struct rc_claim *cl,
                       const struct word *w, size_t nw, unsigned f, int ctx)
{
    size_t i, ev_votes[256] = { 0 };
    int best_sent = -1;
    size_t best_votes = 0;

    c->agree = c->weak_agree = c->conflict = c->weak_conflict = 0;
    c->score_extra = 0;
    c->lex = lex_share(w, nw, c->d->text);
    for (i = 0; i < cl->nums.n && i < 64; i++) {
        int within;
        c->cmp[i] = compare(text, &cl->nums.v[i], c->d, &c->idx[i], &within);
        switch (c->cmp[i]) {
        case CMP_AGREE: c->agree++; break;
        case CMP_WEAK_AGREE:
            c->weak_agree++;
            /* the time point is what an outcome claim is about */
            if (cl->nums.v[i].kind == RC_DURATION)
                c->score_extra += 0.5;
            break;
        case CMP_CONFLICT: c->conflict++; break;
        case CMP_WEAK_CONFLICT: c->weak_conflict++; break;
        }
        if (c->cmp[i] == CMP_CONFLICT && within >= 0)
            c->idx[i] = within | 0x10000;   /* a within-group value matched */
        if (c->idx[i] >= 0 && (c->cmp[i] == CMP_AGREE || c->cmp[i] == CMP_WEAK_AGREE
                               || c->cmp[i] == CMP_CONFLICT)) {
            size_t s = sent_of(c->d, c->d->nums.v[c->idx[i] & 0xffff].start);
            if (s < 256)
                /* a disagreeing number is the evidence a reader must see */
                ev_votes[s] += c->cmp[i] == CMP_CONFLICT ? 4 : c->cmp[i] == CMP_AGREE ? 3 : 1;
        }
    }
    for (i = 0; i < c->d->nsents && i < 256; i++)
        if (ev_votes[i] > best_votes) {
            best_votes = ev_votes[i];
            best_sent = (int)i;
        }
    if (best_sent < 0) {
        /* the sentence sharing most claim words; else the conclusion */
        size_t s, bestw = 0;
        for (s = 0; s < c->d->nsents; s++) {
            size_t j, n = 0;
            char *seg = span_dup(c->d->text, c->d->sents[s].start, c->d->sents[s].end);
            if (!seg)
                break;
            for (j = 0; j < nw; j++)
                n += !w[j].novel && has_stem(seg, w[j].stem);
            if ((c->d->aflags & RC_A_NEGATIVE) && (f & RC_F_EFFICACY)
                && (strcasestr(seg, "did not") || strcasestr(seg, "not significant")
                    || strcasestr(seg, "no significant")))
                n += 2;
            if ((f & RC_F_SAFETY) && strcasestr(seg, "adverse"))
                n += 2;
            free(seg);
            if (n > bestw) {
                bestw = n;
                best_sent = (int)s;
            }
        }
        if (best_sent < 0 && c->d->nsents)
            best_sent = (int)c->d->nsents - 1;
    }
    c->sent_hint = best_sent;
    /* the name the claim gives a study ("the ZORRO 3 follow-on") in the
     * record's title */
    for (i = 0; i < nw; i++)
        if (w[i].title_name && has_whole_word(c->d->title, w[i].word)) {
            c->score_extra += 2.0;
            break;
        }
    c->details = details_bonus(text, cl, c->d);
    c->score_extra += c->details;
    /* a conflicting number still says the record reports that outcome */
    c->score = 3.0 * c->lex + 3.0 * c->agree + 1.0 * c->weak_agree + 0.5 * c->conflict
               - 0.5 * c->weak_conflict + design_bonus(f, c->d) + (ctx ? 1.5 : 0)
               + 0.5 * c->bm25rank + c->score_extra;
}

/* ---- verdicts ------------------------------------------------------------ */

/* Two claim numbers agreeing in different sentences, where the second
 * sentence states its own value of the first number's kind: the claim
 * merged two results ("24 RCTs" with the estimate of 15 trials). */
static int merged_within(const struct cand *c, const struct rc_claim *cl, char *why, size_t cap)
{
    size_t i, j, m;

    for (i = 0; i < cl->nums.n && i < 64; i++) {
        if (c->cmp[i] != CMP_AGREE || cl->nums.v[i].kind != RC_COUNT)
            continue;
        for (j = 0; j < cl->nums.n && j < 64; j++) {
            size_t sj;
            if (j == i || c->cmp[j] != CMP_AGREE)
                continue;
            sj = sent_of(c->d, c->d->nums.v[c->idx[j]].start);
            if (sj == sent_of(c->d, c->d->nums.v[c->idx[i]].start))
                continue;
            for (m = 0; m < c->d->nums.n; m++) {
                const struct rc_num *x = &c->d->nums.v[m];
                if (x->kind == RC_COUNT && sent_of(c->d, x->start) == sj
                    && fabs(x->v - cl->nums.v[i].v) > 0.5) {
                    char a[48], b[48];
                    fmt_num(a, sizeof a, &cl->nums.v[j]);
                    fmt_num(b, sizeof b, &cl->nums.v[i]);
                    snprintf(why, cap, "two numbers merged: %s comes from an analysis of %.0f "
                             "studies, not the %s the article pairs it with", a, x->v, b);
                    return 1;
                }
            }
        }
    }
    return 0;
}

/* "Gave it to 2,400 people" where 2,400 is everyone the trial randomised
 * and the drug's own arm, written with the topic word before it in the
 * same sentence ("... to zelvorin (480 patients), placebo (480) ..."),
 * is under a third of them: the claim counts the comparators as treated. */
static int arm_not_total(const struct cand *c, const struct rc_claim *cl, const char *text,
                         const struct rc_topic *t, char *why, size_t cap)
{
    static const char *const given[] = {
        "gave ", "given ", "giving ", "received ", "receiving ", "took ", "taken by ",
        "treated ", NULL
    };
    const struct rc_doc *d = c->d;
    size_t i, j, g, s;
    int says_given = 0;

    for (g = 0; given[g] && !says_given; g++) {
        says_given = rc_find_ci(text + cl->start, cl->end - cl->start, given[g]) != NULL;
    }
    if (!says_given)
        return 0;
    for (i = 0; i < cl->nums.n && i < 64; i++) {
        const struct rc_num *x;
        if (cl->nums.v[i].kind != RC_N || c->cmp[i] != CMP_AGREE || c->idx[i] < 0)
            continue;
        x = &d->nums.v[c->idx[i]];
        s = sent_of(d, x->start);
        for (j = 0; j < d->nums.n; j++) {
            const struct rc_num *y = &d->nums.v[j];
            size_t a, k;
            char win[48];
            if (y->kind != RC_N || y == x || sent_of(d, y->start) != s || y->v * 3 > x->v
                || y->start < x->end)
                continue;
            a = y->start > 32 ? y->start - 32 : 0;
            if (a < d->sents[s].start)
                a = d->sents[s].start;
            snprintf(win, sizeof win, "%.*s", (int)(y->start - a), d->text + a);
            for (k = 0; k < t->n; k++)
                if (rc_has_stem(win, t->words[k])) {
                    snprintf(why, cap, "%.0f is everyone PMID %lld randomised to all its arms; "
                             "the %s group had %.0f", x->v, (long long)d->pmid, t->words[k], y->v);
                    return 1;
                }
        }
    }
    return 0;
}

/* The word as a whole word of @text (not the start of a longer one). */
static int has_whole_word(const char *text, const char *w)
{
    size_t l = strlen(w);
    const char *p = text;

    while ((p = strcasestr(p, w))) {
        if ((p == text || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[l]))
            return 1;
        p += l;
    }
    return 0;
}

/* The claim's only disagreeing numbers are relative reductions, and a word
 * of the outcome it names (the clause after the number's verb: "halves the
 * risk of X") is neither a topic word nor a word of the study (as a whole
 * word: "long" is not "longer"): the study measured something else, so it
 * neither backs nor contradicts the claim.  @why gets the words, quoted. */
static int outcome_missing(lm_checker *k, const struct rc_claim *cl, const char *text,
                           const struct cand *c, const struct rc_topic *t, char *why, size_t cap)
{
    size_t i, p = 0, e, missing = 0, shown = 0;
    int red = 0;

    for (i = 0; i < cl->nums.n && i < 64; i++) {
        if (c->cmp[i] == CMP_CONFLICT && cl->nums.v[i].kind != RC_REDUCTION)
            return 0;
        if (c->cmp[i] == CMP_CONFLICT && !red) {
            red = 1;
            p = cl->nums.v[i].end;      /* after "halves", "cuts ... by 40%" */
        }
    }
    if (!red)
        return 0;
    for (e = p; e < cl->end && !strchr(",;:.!?()\"", text[e])
                && (unsigned char)text[e] != 0xe2; e++)      /* a dash ends the clause */
        ;
    why[0] = '\0';
    while (p < e) {
        size_t q, j;
        char word[32], stem[32];
        int topic = 0;
        while (p < e && !isalpha((unsigned char)text[p]))
            p++;
        for (q = p; q < e && isalnum((unsigned char)text[q]); q++)
            ;
        if (q - p >= 3 && q - p < sizeof word && !rc_stopword(&k->words, text + p, q - p)) {
            for (j = 0; j < q - p; j++)
                word[j] = (char)tolower((unsigned char)text[p + j]);
            word[q - p] = '\0';
            rc_stem(word, q - p, stem, sizeof stem);
            for (j = 0; j < t->n; j++)
                topic |= !strcmp(t->words[j], stem);
            if (!topic && !has_whole_word(c->d->text, word) && !has_whole_word(c->d->text, stem)) {
                missing++;
                if (shown < 3) {
                    size_t l = strlen(why);
                    snprintf(why + l, cap - l, "%s\"%.*s\"", shown ? ", " : "", (int)(q - p),
                             text + p);
                    shown++;
                }
            }
        }
        p = q;
    }
    return missing >= 1;
}

/* The finding row whose sentence holds byte @pos of the record's text. */
static const struct rc_finding *finding_at(const struct rc_doc *d, size_t pos)
{
    size_t i;

    for (i = 0; i < d->model.nfind; i++)
        if (pos >= d->model.find[i].start && pos < d->model.find[i].end)
            return &d->model.find[i];
    return NULL;
}

/* The claim's dose written after "not" in the abstract ("25 mg, but not
 * 10 mg, reduced ..."): that dose failed. */
static int dose_negated(const struct rc_claim *cl, const struct rc_doc *d, int *sent)
{
    const struct rc_finding *fd;
    size_t i, j;

    for (i = 0; i < cl->nums.n; i++) {
        if (cl->nums.v[i].kind != RC_DOSE)
            continue;
        for (j = 0; j < d->nums.n; j++) {
            const struct rc_num *x = &d->nums.v[j];
            size_t a;
            if (x->kind != RC_DOSE || strcmp(x->unit, cl->nums.v[i].unit)
                || fabs(x->v - cl->nums.v[i].v) > 1e-9)
                continue;
            a = x->start >= 8 ? x->start - 8 : 0;
            /* "not 10 mg", or the extractors' finding on the dose: no
             * difference ("the 10 mg dose did not differ from placebo") */
            if (memmem(d->text + a, x->start - a, "not ", 4)
                || ((fd = finding_at(d, x->start)) && fd->dir == 0 && fd->sig != 1)) {
                *sent = (int)sent_of(d, x->start);
                return 1;
            }
        }
    }
    return 0;
}

static int claims_null(unsigned f)
{
    return (f & RC_F_NULL) != 0;
}

static lm_err set_level(struct rc_claim *cl, const char *lvl)
{
    snprintf(cl->level, sizeof cl->level, "%s", lvl);
    return LM_OK;
}

/* Lower-case stems of the words of t[0,n) (at most @max). */
static size_t stems_of(const char *t, size_t n, char (*out)[32], size_t max)
{
    size_t p = 0, k = 0;

    while (p < n && k < max) {
        size_t q;
        while (p < n && !isalnum((unsigned char)t[p]))
            p++;
        for (q = p; q < n && (isalnum((unsigned char)t[q]) || t[q] == '-'); q++)
            ;
        if (q > p)
            rc_stem(t + p, q - p, out[k++], 32);
        p = q;
    }
    return k;
}

/* ---- verdict rules ----------------------------------------------------------
 *
 * A claim's verdict comes from the first row of rc_verdict_rules whose test
 * holds, evaluated top to bottom:
 *   1. the claim's own source (testimonial, publisher's data, speculation);
 *   2. whether the corpus covers it at all (unknown words, no candidate);
 *   3. a step that records the numbers the best candidate agrees with;
 *   4. disagreement: another outcome, conflicting numbers, two studies merged,
 *      safety nobody measured;
 *   5. the evidence level (L5, a null primary result, a negated dose,
 *      adverse effects against "safe");
 *   6. support, graded by the best record's design.
 * A row with verdict RC_V_STEP adds its reasons and evaluation goes on.  Each
 * row's code is the stable code of the reason it gives. */

#define RC_V_STEP (-1)

struct vfacts {
    struct mctx *m;
    struct rc_claim *cl;
    unsigned f;
    const struct word *w;
    size_t nw;
    int has_topic_word;
    struct cand *best;
    size_t novel, novel_cap;
    int novel_pair;
    int anchored;           /* the claim tells the best record's finding */
    int unbound;            /* its figures say it speaks of another study than its mention */
    struct cand *other;     /* a second study the claim's details come from (merged) */
    char why[400];          /* filled by a test that explains itself */
};

/* The reason "PMID N <what>: "<the record's words in [a, b)>"" (at most
 * 200 bytes of them), with record @p c as the claim's best; returns 1. */
static int quote_why(struct vfacts *v, struct cand *c, const char *what, size_t a, size_t b)
{
    snprintf(v->why, sizeof v->why, "PMID %lld %s: \"%.*s\"", (long long)c->d->pmid, what,
             (int)(b - a < 200 ? b - a : 200), c->d->text + a);
    v->best = c;
    return 1;
}

struct vrule {
    const char *code;
    int (*test)(struct vfacts *v);
    int verdict;            /* lm_verdict, or RC_V_STEP */
    lm_err (*act)(struct vfacts *v, const struct vrule *r);
    const char *tmpl;       /* reason template for act_plain: %s why, %lld PMID */
};

static int lvl_of(const struct cand *c) { return c ? c->d->level[1] : 0; }

/* A word no topic record holds that could name the claim's subject: general
 * English ("concluded", "runs", "likely") never does (words.c). */
static int subject_novel(const struct vfacts *v, size_t i)
{
    const struct word *x = &v->w[i];
    size_t a = v->cl->start + x->pos, j;

    /* a word the claim's figure is written in ("halved", "a third") is
     * that figure, compared as one, not a subject no record names */
    for (j = 0; j < v->cl->nums.n; j++)
        if (a >= v->cl->nums.v[j].start && a < v->cl->nums.v[j].end)
            return 0;
    return x->novel && !rc_general_word(&v->m->k->words, x->word, strlen(x->word))
           && !(x->cap && v->best && rc_spells_out_words(v->best->d->text, x->word));
}

/* The candidate that is the record of the study the claim is bound to. */
static struct cand *bound_cand(const struct vfacts *v)
{
    size_t i;

    for (i = 0; v->m->ctx && v->cl->about >= 0 && i < v->m->nc; i++)
        if (v->m->c[i].d->pmid == v->m->ctx)
            return &v->m->c[i];
    return NULL;
}
/* The candidate that is the record of the claim's study mention, the
 * sentence that introduces it too (its details resolved it). */
static struct cand *mention_cand(const struct vfacts *v)
{
    const struct lm_report *r = v->m->r;
    size_t i;

    if (v->unbound || v->cl->about < 0 || (size_t)v->cl->about >= r->nstudies
        || !r->studies[v->cl->about].pmid)
        return NULL;
    for (i = 0; i < v->m->nc; i++)
        if (v->m->c[i].d->pmid == r->studies[v->cl->about].pmid)
            return &v->m->c[i];
    return NULL;
}
/* A review pooling non-randomised data: pre-post series mixed in, or
 * cohorts only, or pooled proportions with no randomised trial, placebo or
 * control arm named at all (no randomised trial among them). */
static int is_mixed_meta(const struct cand *c)
{
    unsigned a = c ? c->d->aflags : 0;
    int no_rct = !(a & RC_A_RCT) && !c->d->model.placebo;
    return lvl_of(c) == '1'
           && ((a & RC_A_MIXED) || ((a & RC_A_COHORT) && no_rct)
               || (no_rct && !(a & RC_A_CONTROLLED)));
}

/* A claim about the treatment itself, as a study reports it or a
 * professional states it ("my doctor said it is perfectly safe"): the
 * corpus tests the one as the other, a story or animal work aside. */
static int of_treatment(const struct rc_claim *cl)
{
    return cl->source == LM_SOURCE_STUDY || cl->source == LM_SOURCE_OPINION;
}

/* A statement of mechanism or background, with no figure, from no story:
 * never a finding to check (the rows claim.mechanism, claim.background). */
static int informative(const struct rc_claim *cl)
{
    return rc_kind_informative(cl->kind) && !cl->nums.n && of_treatment(cl);
}

/* Tests, one per row. */
static int t_mechanism(struct vfacts *v)
{
    return informative(v->cl) && v->cl->kind == RC_K_MECHANISM;
}
static int t_background(struct vfacts *v)
{
    return informative(v->cl) && v->cl->kind != RC_K_MECHANISM;
}
static int t_anecdote(struct vfacts *v)
{
    /* a first-hand story stays one unless a study's numbers back it
     * without conflict (then the story retells the study) */
    return v->cl->source == LM_SOURCE_ANECDOTE
           && !(v->best && v->best->agree > 0 && v->best->conflict == 0);
}
static int t_commercial(struct vfacts *v) { return (v->f & RC_F_COMMERCIAL) != 0; }
static int t_speculation(struct vfacts *v) { return (v->f & RC_F_SPECULATION) != 0; }
/* Words no record on the topic holds say the claim is about something else:
 * a name (capitalised inside the sentence) or three such words, never a
 * claim bound to a study the article named, whose words are the article's
 * own ("came in twice a week"), nor a statement of a detail (regimen, venue,
 * timing), which names the study's facts in other words. */
static long finding_anchors(const struct vfacts *v, const struct cand *c);

static int t_not_covered(struct vfacts *v)
{
    enum rc_claim_kind k = v->cl->kind;

    if (!v->best || v->best->agree > 0 || (v->f & RC_F_SAFETY) || bound_cand(v))
        return 0;
    /* (it introduces a study the article goes on to detail, and those
     * details found its record: the corpus covers it, whatever words) */
    if (mention_cand(v))
        return 0;
    if (k == RC_K_REGIMEN || k == RC_K_VENUE || k == RC_K_POPULATION)
        return 0;
    /* (it tells the record's finding: the corpus covers it) */
    if (finding_anchors(v, v->best) >= 0)
        return 0;
    /* (how soon or how long: two such words in a row name an outcome no
     * record has, "morning stiffness", as they do of a finding) */
    if (k == RC_K_DURABILITY || k == RC_K_ONSET)
        return v->novel_pair;
    return (!v->has_topic_word && (v->novel >= 3 || v->novel_cap >= 1)) || v->novel_pair;
}
static int no_match(const struct vfacts *v)
{
    const struct cand *b = v->best;
    if (bound_cand(v))
        return 0;       /* the claim speaks of a study the article named */
    if (v->cl->kind == RC_K_VENUE && mention_cand(v))
        return 0;       /* where and when that study appeared */
    if (b && b->details > 0 && b->conflict > 0)
        return 0;       /* the study the claim dates and places, with another figure */
    return !b || (b->lex < 0.34 && b->agree == 0 && b->weak_agree < 2
                  && !(v->nw - v->novel == 0 && b->weak_agree >= 1));
}
static int t_animal_unmatched(struct vfacts *v)
{
    return no_match(v) && v->cl->source == LM_SOURCE_ANIMAL;
}
static int t_no_match(struct vfacts *v) { return no_match(v); }
static int t_always(struct vfacts *v) { (void)v; return 1; }
static int t_other_outcome(struct vfacts *v)
{
    return v->best->conflict > 0 && v->best->agree == 0
           && outcome_missing(v->m->k, v->cl, v->m->r->text, v->best, v->m->topic, v->why,
                              sizeof v->why);
}
static int t_conflict(struct vfacts *v) { return v->best->conflict > 0; }
/* A figure set against another subject's study: the claim's subject, a
 * word right before its verb of effect and before its conflicting figure
 * ("the makers say <product> reduces X by 40%"), is one no record holds,
 * and nothing of the record (no figure, year or venue) agrees with the
 * claim.  A numeric contradiction needs the record to be about the claim's
 * subject; this one is not. */
static int t_other_subject(struct vfacts *v)
{
    static const char *const verbs[] = { "reduc", "cut", "lower", "eas", "improv", "boost",
                                         "halv", "shorten", "reliev", "relief", "help",
                                         "work", "cur", "treat", "prevent", "raise", "increas",
                                         "decreas", "speed", "clear", "fight", NULL };
    const struct cand *b = v->best;
    const struct rc_claim *cl = v->cl;
    const struct rc_words *sw = &v->m->k->words;
    const char *text = v->m->r->text;
    size_t i, k, first = (size_t)-1, name = (size_t)-1;

    if (!b || b->conflict == 0 || b->agree || b->weak_agree || b->details > 0 || bound_cand(v)
        || cl->about >= 0)
        return 0;
    for (i = 0; i < cl->nums.n && i < 64; i++)
        if (b->cmp[i] == CMP_CONFLICT && cl->nums.v[i].start < first)
            first = cl->nums.v[i].start;
    for (i = 0; i < v->nw && name == (size_t)-1; i++) {
        const struct word *x = &v->w[i];
        size_t p = cl->start + x->pos + x->len;
        if (p >= first || !subject_novel(v, i) || x->len < 4
            || rc_stopword(sw, x->word, x->len) || rc_general_word(sw, x->word, x->len)
            || rc_find_word(b->d->text, x->word, x->len))
            continue;
        while (p < cl->end && text[p] == ' ')
            p++;
        for (k = 0; verbs[k]; k++)
            if (p + strlen(verbs[k]) <= cl->end && !strncasecmp(text + p, verbs[k], strlen(verbs[k])))
                name = i;
    }
    if (name == (size_t)-1)
        return 0;
    snprintf(v->why, sizeof v->why, "%s", v->w[name].word);
    return 1;
}
static int t_merged(struct vfacts *v)
{
    return merged_within(v->best, v->cl, v->why, sizeof v->why)
           || arm_not_total(v->best, v->cl, v->m->r->text, v->m->topic, v->why, sizeof v->why);
}
static int outcome_kind(enum rc_num_kind k);

/* "A cohort of 408 showed 10.9% at six months" where the record gives that
 * time point for fewer of them ("... and 102 patients at 6 months"): the
 * claim pins the count enrolled on a figure of those analysed. */
static int t_n_of_fewer(struct vfacts *v)
{
    const struct rc_claim *cl = v->cl;
    const struct cand *c = v->best;
    double days = 0, n = 0;
    size_t i;
    int fig = 0;

    for (i = 0; i < cl->nums.n && i < 64; i++) {
        const struct rc_num *x = &cl->nums.v[i];
        if (x->kind == RC_N && c->cmp[i] == CMP_AGREE)
            n = x->v;
        else if (x->kind == RC_DURATION)
            days = x->v;
        else if (outcome_kind(x->kind) && c->cmp[i] == CMP_AGREE)
            fig = 1;
    }
    if (n < 10 || days <= 0 || !fig)
        return 0;
    for (i = 0; i < c->d->nums.n; i++) {
        const struct rc_num *y = &c->d->nums.v[i];
        char after[40];
        double at;
        if (y->kind != RC_N || y->v < 2 || y->v > 0.9 * n)
            continue;
        snprintf(after, sizeof after, "%.32s", c->d->text + y->end);
        after[strcspn(after, ".;,()")] = '\0';     /* the clause that counts them */
        if (!rc_find_ci(after, strlen(after), " at ") || (at = rc_duration_days(after)) <= 0
            || fabs(at - days) > 0.2 * at + 3)
            continue;
        snprintf(v->why, sizeof v->why, "the article gives %.0f patients; PMID %lld reports that "
                 "time point for %.0f of them: \"%.0f%s\"", n, (long long)c->d->pmid, y->v, y->v,
                 after);
        return 1;
    }
    return 0;
}

/* Durations a record states: its follow-up, its regimen's duration and every
 * duration in its abstract; does one agree with @days (rounding allowed:
 * "two weeks" for 12 days, "six months" for 26 weeks)? -1 when it states none. */
static int duration_fits(const struct rc_doc *d, double days)
{
    double x[66];
    size_t n = 0, i;

    if (d->model.follow_days > 0)
        x[n++] = d->model.follow_days;
    if (rc_duration_days(d->model.duration) > 0)
        x[n++] = rc_duration_days(d->model.duration);
    for (i = 0; i < d->nums.n && n < 66; i++)
        if (d->nums.v[i].kind == RC_DURATION && d->nums.v[i].v > 0)
            x[n++] = d->nums.v[i].v;
    if (!n)
        return -1;
    for (i = 0; i < n; i++)
        if (fabs(days - x[i]) <= 0.2 * x[i] + 3)
            return 1;
    return 0;
}

/* "a ten-year-old", "aged 10 years", "10 years old": an age, not a duration. */
static int is_age(const char *text, const struct rc_num *x, size_t end)
{
    size_t p = x->end, b = x->start > 6 ? x->start - 6 : 0;

    while (p < end && (isalpha((unsigned char)text[p]) || text[p] == '-' || text[p] == ' ')
           && p < x->end + 12) {
        if (!strncasecmp(text + p, "old", 3))
            return 1;
        p++;
    }
    return rc_find_ci(text + b, x->start - b, "aged") != NULL;
}

/* "a 12-week programme", "an 8-week course": a duration naming a course of
 * treatment (not an interval, not when something was measured). */
static int names_course(const char *text, const struct rc_num *x, size_t end)
{
    static const char *const course[] = { "program", "course", "plan", "regimen", "protocol",
                                          "treatment", NULL };
    size_t p = x->end, k;

    while (p < end && (text[p] == ' ' || text[p] == '-'))
        p++;
    for (k = 0; course[k]; k++)
        if (p + strlen(course[k]) <= end && !strncasecmp(text + p, course[k], strlen(course[k])))
            return 1;
    return 0;
}

/* The candidate whose schedule answers "how often" of the treatment: a
 * randomised trial stating one, else another controlled record, else the
 * best record when it states one; NULL when none does. */
static int says_derived(const char *s, size_t n);

static struct cand *schedule_cand(struct vfacts *v)
{
    static const char rank[] = "213";
    size_t r, i;

    const struct rc_topic *t = v->m->topic;
    size_t k = 0, pass;

    /* the topic's most specific word (fewest records: the product's name,
     * not its condition's): a record holding it first, then any */
    for (i = 1; t && i < t->n; i++)
        if (t->df[i] > 0 && (t->df[k] <= 0 || t->df[i] < t->df[k]))
            k = i;
    /* (a later look at a trial, "an extension", after the trial itself) */
    for (pass = 0; pass < 2; pass++)
        for (r = 0; r < 2 * (sizeof rank - 1); r++)
            for (i = 0; i < v->m->nc; i++) {
                struct cand *c = &v->m->c[i];
                if (!pass && t && t->n && !rc_has_stem(c->d->text, t->words[k]))
                    continue;
                if (lvl_of(c) == rank[r / 2] && c->conflict == 0 && c->d->model.frequency[0]
                    && (r % 2 || !says_derived(c->d->title, strlen(c->d->title)))
                    && rc_per_week(c->d->model.frequency, strlen(c->d->model.frequency)) > 0)
                    return c;
            }
    return v->best->d->model.frequency[0] ? v->best : NULL;
}

/* Whether a claim's schedule (text t[0,n)) and a record's (@freq) differ,
 * compared slot by slot: a per-day count with a per-day count ("four
 * times a day" with "twice daily"), never with a bare "daily" whose count
 * the record leaves unsaid (both say every day); otherwise administrations
 * per week.  A symptom's frequency is not a schedule. */
static int schedules_differ(const char *t, size_t n, const char *freq)
{
    struct rc_sched cs, rs;
    double cw, rw;

    if (!rc_schedule(t, n, &cs) || !rc_schedule(freq, strlen(freq), &rs))
        return 0;
    if (rc_symptom_frequency(t, n, &cs))
        return 0;
    if (cs.per == 'd' && rs.per == 'd' && (!cs.times || !rs.times))
        return 0;
    cw = rc_per_week(t, n);
    rw = rc_per_week(freq, strlen(freq));
    return cw > rw * 1.35 || cw < rw / 1.35;
}

/* The claim's schedule is a figure of its outcome ("fell by 4.1 a month"):
 * the "how often" read starts inside one of its changes or rates. */
static int outcome_rate(const struct vfacts *v)
{
    const struct rc_claim *cl = v->cl;
    const char *t = v->m->r->text + cl->start;
    struct rc_sched cs;
    size_t i;

    if (!rc_schedule(t, cl->end - cl->start, &cs))
        return 0;
    for (i = 0; i < cl->nums.n; i++) {
        const struct rc_num *x = &cl->nums.v[i];
        if ((x->kind == RC_CHANGE || x->kind == RC_RATE || x->kind == RC_REDUCTION)
            && cl->start + cs.start >= x->start && cl->start + cs.start < x->end + 2)
            return 1;
    }
    return 0;
}

/* The schedule record @c writes right after a dose the claim gives and
 * the record agrees with ("400 mg once daily or placebo": "once daily"),
 * into @buf; 1 when there is one.  The arm's own schedule, where the
 * study model's may be another figure's ("7 episodes a day"). */
static int dose_schedule(const struct vfacts *v, const struct cand *c, char *buf, size_t cap)
{
    static const char *const stops[] = { " or ", " and ", " versus ", " vs", " for ", " with ",
                                         NULL };
    const struct rc_claim *cl = v->cl;
    struct rc_sched rs;
    size_t i, j, k;

    for (i = 0; i < cl->nums.n && i < 64; i++)
        for (j = 0; cl->nums.v[i].kind == RC_DOSE && c->idx[i] >= 0 && c->cmp[i] == CMP_AGREE
                    && j < c->d->nums.n; j++) {
        const struct rc_num *x = &c->d->nums.v[j];
        const char *p;
        size_t n;
        /* (each place the record gives that dose: the title's has no schedule) */
        if (x->kind != RC_DOSE || !close_to(x->v, cl->nums.v[i].v, 0.001, 0.001))
            continue;
        for (p = c->d->text + x->end; *p == ' '; p++)
            ;
        for (n = 0; n < 40 && p[n] && !strchr(",;.()\n", p[n]); n++)
            ;
        for (k = 0; stops[k]; k++) {
            const char *q = rc_find_ci(p, n, stops[k]);
            if (q && (size_t)(q - p) < n)
                n = (size_t)(q - p);
        }
        if (n < 4 || !rc_schedule(p, n, &rs) || rc_per_week(p, n) <= 0)
            continue;
        snprintf(buf, cap, "%.*s", (int)n, p);
        return 1;
    }
    return 0;
}

/* The schedule is a condition of the claim, not how the treatment was
 * given: a gerund subject ("Putting it on twice a day makes ... worse"),
 * or an if/when clause ("if you use it twice a day"). */
static int has_any(const char *s, const char *const *stems, const char *const *phrases);

static int schedule_conditional(const char *t, size_t n)
{
    static const char *const conds[] = { "if you", "if it", "if they", "when you", "unless",
                                         NULL };
    char buf[400];
    size_t l = 0;

    snprintf(buf, sizeof buf, "%.*s", (int)(n < 399 ? n : 399), t);
    while (isalpha((unsigned char)buf[l]))
        l++;
    if (l > 5 && !strncasecmp(buf + l - 3, "ing", 3) && buf[l] == ' ')
        return 1;
    return has_any(buf, NULL, conds);
}

/* A regimen detail of the claim (how often, how many sessions, how long)
 * that the record it speaks of gave otherwise. */
static int t_regimen_differs(struct vfacts *v)
{
    const struct rc_claim *cl = v->cl;
    const char *t = v->m->r->text + cl->start;
    size_t n = cl->end - cl->start, i, j;
    struct cand *c = bound_cand(v);
    const struct rc_model *md;
    double cw, rw;
    int retold = 0;
    char dsched[64];

    /* the sentence that introduces a study gives its course of that
     * study's record ("in the main trial, it was taken twice a day") */
    if (!c && cl->kind == RC_K_REGIMEN)
        c = mention_cand(v);
    if (!c && (cl->kind == RC_K_REGIMEN || cl->kind == RC_K_DURABILITY)
        && v->best->agree + v->best->weak_agree > 0)
        c = v->best;
    /* two of its figures agree: the claim retells that study, and a course
     * it gives ("our 12-week programme") is measured against it */
    if (!c && v->best->agree >= 2)
        c = v->best, retold = 1;
    /* how often, said of the treatment itself: the schedule of the
     * strongest trial among the candidates that states one (a randomised
     * trial's first: a review pools several schedules), else the best's */
    if (!c && cl->kind == RC_K_REGIMEN && cl->about < 0 && rc_per_week(t, n) > 0
        && !schedule_conditional(t, n))
        c = schedule_cand(v);
    if (!c || cl->kind == RC_K_ONSET || claims_null(v->f) || !of_treatment(cl))
        return 0;
    md = &c->d->model;
    /* (the schedule written with the claim's dose, else the study's) */
    if (!dose_schedule(v, c, dsched, sizeof dsched))
        snprintf(dsched, sizeof dsched, "%s", md->frequency);
    cw = outcome_rate(v) ? 0 : rc_per_week(t, n);
    rw = dsched[0] ? rc_per_week(dsched, strlen(dsched)) : 0;
    if (cw > 0 && rw > 0 && schedules_differ(t, n, dsched)) {
        int l = snprintf(v->why, sizeof v->why, "the article gives %.3g times a week; PMID %lld "
                         "gave %s", cw, (long long)c->d->pmid, dsched);
        /* the schedule and a dose of another candidate: merged */
        for (i = 0; i < v->m->nc && !v->other; i++) {
            struct cand *o = &v->m->c[i];
            const char *of = o->d->model.frequency;
            if (o == c || !of[0] || schedules_differ(t, n, of))
                continue;
            for (j = 0; j < cl->nums.n && j < 64; j++)
                if (cl->nums.v[j].kind == RC_DOSE && o->cmp[j] == CMP_AGREE
                    && c->cmp[j] != CMP_AGREE) {
                    v->other = o;
                    break;
                }
        }
        /* and the course's length, slot by slot, when that differs too */
        for (i = 0; i < cl->nums.n && l > 0 && (size_t)l < sizeof v->why; i++) {
            const struct rc_num *x = &cl->nums.v[i];
            if (x->kind == RC_DURATION && x->v >= 7 && !is_age(v->m->r->text, x, cl->end)
                && md->duration[0] && duration_fits(c->d, x->v) == 0) {
                snprintf(v->why + l, sizeof v->why - (size_t)l, "; it says %.0f days, the trial "
                         "lasted %s", x->v, md->duration);
                break;
            }
        }
        v->best = c;
        return 1;
    }
    for (i = 0; i < cl->nums.n && i < 64; i++) {
        const struct rc_num *x = &cl->nums.v[i];
        int agreed = c->idx[i] >= 0 && (c->cmp[i] == CMP_AGREE || c->cmp[i] == CMP_WEAK_AGREE);
        if (agreed)
            continue;
        if (x->kind == RC_DOSES && md->admins > 2 && fabs(x->v - md->admins) > 0.5) {
            int same = 0;
            for (j = 0; j < c->d->nums.n && !same; j++)
                same = c->d->nums.v[j].kind == RC_DOSES && fabs(c->d->nums.v[j].v - x->v) < 0.5;
            if (!same) {
                snprintf(v->why, sizeof v->why, "the article says %.0f sessions; PMID %lld gave "
                         "%.0f%s%s", x->v, (long long)c->d->pmid, md->admins,
                         md->duration[0] ? " over " : "", md->duration);
                v->best = c;
                return 1;
            }
        }
        if (retold && !(x->kind == RC_DURATION && names_course(v->m->r->text, x, cl->end)))
            continue;
        if (x->kind == RC_DURATION && x->v >= 7 && !is_age(v->m->r->text, x, cl->end)
            && duration_fits(c->d, x->v) == 0) {
            snprintf(v->why, sizeof v->why, "the article says %.0f days; PMID %lld gave %s "
                     "(follow-up %.0f days)", x->v, (long long)c->d->pmid,
                     md->duration[0] ? md->duration : "other durations", md->follow_days);
            v->best = c;
            return 1;
        }
    }
    return 0;
}

static struct cand *extra_cand(struct vfacts *v, const char *terms, const char *const *stems,
                               const char *const *phrases, const struct word *w, size_t nw,
                               long *sent);

/* A duration of the claim that names how long the treatment was given
 * ("took it for 12 weeks", "an 8-week course"), not when something was
 * measured ("at four months") nor an age. */
static int course_of(const struct vfacts *v, const struct rc_num *x)
{
    const char *text = v->m->r->text;
    size_t b = x->start > v->cl->start + 12 ? x->start - 12 : v->cl->start;
    char before[16];

    if (is_age(text, x, v->cl->end))
        return 0;
    if (names_course(text, x, v->cl->end))
        return 1;
    snprintf(before, sizeof before, "%.*s", (int)(x->start - b), text + b);
    return rc_find_ci(before, strlen(before), "for ") != NULL
           && !rc_find_ci(before, strlen(before), "at ") && !rc_find_ci(before, strlen(before), "after ");
}

/* Does record @c fail detail @i of the claim (a sample size it does not
 * give, a course it did not run)?  Rounding is no failure. */
static int detail_fails(const struct vfacts *v, const struct cand *c, size_t i)
{
    const struct rc_num *x = &v->cl->nums.v[i];
    size_t j;

    if (c->cmp[i] == CMP_AGREE || c->cmp[i] == CMP_WEAK_AGREE)
        return 0;
    if (x->kind == RC_DURATION)
        return x->v >= 7 && course_of(v, x) && duration_fits(c->d, x->v) == 0;
    if (x->kind != RC_N || x->v < 10)
        return 0;
    for (j = 0; j < c->d->nums.n; j++)
        if (c->d->nums.v[j].kind == RC_N && close_to(c->d->nums.v[j].v, x->v, 0.5, 0.05))
            return 0;
    return 1;
}

/* "In the 300-patient trial, people took it for 12 weeks": one detail of
 * the description (a sample size, a course) is one record's, another is a
 * second record's, and neither record has both: two studies merged. */
static int t_merged_details(struct vfacts *v)
{
    const struct rc_claim *cl = v->cl;
    size_t i, j, a, b;

    if (!of_treatment(cl) || cl->nums.n < 2)
        return 0;
    /* (one query: the topic's record that gives the course the study of
     * the claim's sample size did not run, "12 weeks" as written) */
    for (i = 0; i < cl->nums.n && i < 64; i++) {
        const struct rc_num *x = &cl->nums.v[i];
        char terms[64], phrase[48];
        const char *ph[2] = { phrase, NULL };
        size_t k, l = 0, ok = 0;
        long snt;
        if (x->kind != RC_DURATION || x->end - x->start >= sizeof phrase)
            continue;
        for (a = 0; a < v->m->nc && !ok; a++)
            ok = v->m->c[a].cmp[i] == CMP_AGREE || v->m->c[a].cmp[i] == CMP_WEAK_AGREE;
        for (a = 0, k = 0; a < v->m->nc && !ok && !k; a++)
            for (j = 0; j < cl->nums.n && j < 64 && !k; j++)
                k = cl->nums.v[j].kind == RC_N && v->m->c[a].cmp[j] == CMP_AGREE
                    && detail_fails(v, &v->m->c[a], i);
        if (ok || !k)
            continue;
        for (k = x->start; k < x->end; k++) {
            char ch = v->m->r->text[k];
            phrase[l++] = isalnum((unsigned char)ch) ? ch : ' ';
        }
        phrase[l] = '\0';
        snprintf(terms, sizeof terms, "\"%s\"", phrase);
        extra_cand(v, terms, NULL, ph, NULL, 0, &snt);
        break;
    }
    for (i = 0; i < cl->nums.n && i < 64; i++) {
        if (cl->nums.v[i].kind != RC_N && cl->nums.v[i].kind != RC_DURATION)
            continue;
        for (j = 0; j < cl->nums.n && j < 64; j++) {
            if (j == i || cl->nums.v[j].kind == cl->nums.v[i].kind
                || (cl->nums.v[j].kind != RC_N && cl->nums.v[j].kind != RC_DURATION))
                continue;
            for (a = 0; a < v->m->nc; a++) {
                struct cand *ca = &v->m->c[a];
                if (ca->cmp[i] != CMP_AGREE || lvl_of(ca) < '1' || !detail_fails(v, ca, j))
                    continue;
                for (b = 0; b < v->m->nc; b++) {
                    struct cand *cb = &v->m->c[b];
                    if (cb == ca || (cb->cmp[j] != CMP_AGREE && cb->cmp[j] != CMP_WEAK_AGREE)
                        || lvl_of(cb) < '1'
                        || !detail_fails(v, cb, i))
                        continue;
                    snprintf(v->why, sizeof v->why, "the claim's %s is PMID %lld's, its %s is "
                             "PMID %lld's; neither study has both: it merges two studies",
                             cl->nums.v[i].kind == RC_N ? "sample size" : "course",
                             (long long)ca->d->pmid,
                             cl->nums.v[j].kind == RC_N ? "sample size" : "course",
                             (long long)cb->d->pmid);
                    v->best = ca;
                    v->other = cb;
                    return 1;
                }
            }
        }
    }
    return 0;
}

/* The claim's text, NUL-terminated, in @buf. */
static const char *claim_text(const struct vfacts *v, char *buf, size_t cap)
{
    size_t n = v->cl->end - v->cl->start;

    snprintf(buf, cap, "%.*s", (int)(n < cap - 1 ? n : cap - 1), v->m->r->text + v->cl->start);
    return buf;
}

/* Does @s hold one of @stems (a word starting so) or @phrases? */
static int has_any(const char *s, const char *const *stems, const char *const *phrases)
{
    size_t i;

    for (i = 0; stems && stems[i]; i++)
        if (rc_has_stem(s, stems[i]))
            return 1;
    for (i = 0; phrases && phrases[i]; i++)
        if (rc_find_ci(s, strlen(s), phrases[i]))
            return 1;
    return 0;
}

/* A hedged statement of how the treatment works ("scientists believe it
 * may calm receptors"), with no figure and no study it speaks of: not a
 * finding a record answers, whatever shares its words. */
static int t_hedged_mechanism(struct vfacts *v)
{
    const struct rc_claim *cl = v->cl;

    return cl->hedged && !cl->nums.n && of_treatment(cl) && !bound_cand(v)
           && !(v->best && v->best->agree > 0)
           && (rc_cues(v->m->k->rules, v->m->r->text, cl->start, cl->end) & RC_C_MECHANISM);
}

/* The claim's people are adults, with a count that agrees with a record
 * whose people were adults and children: the population is not the one
 * studied. */
static int ages_in(const char *t, size_t n, double *lo, double *hi);

static int t_population_differs(struct vfacts *v)
{
    static const char *const young[] = { "child", "kid", "adolescen", "teen", "pediatric",
                                         "paediatric", "infant", "youth", "young", NULL };
    static const char *const mixed[] = { "adults and children", "children and adults",
                                         "adults and adolescents", "adolescents and adults",
                                         "adults or children", "children or adults",
                                         "children, adolescents and adults",
                                         "children, adolescents, and adults", NULL };
    char buf[400];
    const struct cand *c = v->best;
    size_t i;
    int n_agrees = 0;

    static const char *const minors[] = { "child", "kid", "adolescen", "teen", "pediatric",
                                          "paediatric", "infant", "schoolchild", NULL };
    double lo, hi;

    claim_text(v, buf, sizeof buf);
    for (i = 0; i < v->cl->nums.n && i < 64; i++)
        n_agrees |= v->cl->nums.v[i].kind == RC_N && c->idx[i] >= 0 && c->cmp[i] == CMP_AGREE;
    /* the study of the claim's sample size enrolled adults only (it says
     * adults, names no minors, gives no age under 18); the claim adds
     * children or teenagers */
    if (n_agrees && of_treatment(v->cl) && has_any(buf, minors, NULL)
        && rc_find_word(c->d->text, "adults", 6) && !has_any(c->d->text, young, NULL)
        && !(ages_in(c->d->abstract, strlen(c->d->abstract), &lo, &hi) && lo < 18)) {
        snprintf(v->why, sizeof v->why, "the article names children or adolescents; PMID %lld "
                 "enrolled adults only", (long long)c->d->pmid);
        return 1;
    }
    if (!rc_find_word(buf, "adults", 6) || has_any(buf, young, NULL))
        return 0;
    if (!n_agrees || !has_any(c->d->text, NULL, mixed))
        return 0;
    snprintf(v->why, sizeof v->why, "the article says adults; the people of PMID %lld were "
             "adults and children", (long long)c->d->pmid);
    return 1;
}

/* Does t[0,p) end with @w (case-insensitive)? */
static int word_before(const char *t, size_t p, const char *w)
{
    size_t l = strlen(w);
    return p >= l && !strncasecmp(t + p - l, w, l)
           && (p == l || !isalpha((unsigned char)t[p - l - 1]));
}

/* The ages a text gives its people: "aged 18 to 65", "aged 18-65",
 * "aged 70 years or older", "70 and over", "over 70", "under 12",
 * "younger than 12"; [*lo, *hi] in years (hi 200: no upper bound); 1 when
 * it gives them.  "Over 16 weeks", "over 500 adults" and "under 5%" are no
 * ages: the number must not be followed by a unit, a count of people or
 * a percent sign. */
static int ages_in(const char *t, size_t n, double *lo, double *hi)
{
    static const char *const after_lo[] = { " years or older", " years and older", " years or over",
                                            " years and over", " or older", " and older",
                                            " and over", " or over", " years of age or older",
                                            "+", NULL };
    size_t p, k;

    for (p = 0; p < n; p++) {
        double a, b;
        char *e;
        const char *q = t + p;
        int aged;
        if (!isdigit((unsigned char)*q)
            || (p > 0 && (isalnum((unsigned char)q[-1]) || q[-1] == '.')))
            continue;
        a = strtod(q, &e);
        if (a < 1 || a > 110 || (size_t)(e - t) > n || *e == '.' || *e == '%')
            continue;
        aged = word_before(t, p, "aged ") || word_before(t, p, "age ");
        /* "aged 18 to 65", "aged 18-65", "between 18 and 65 years" */
        if (aged && (!strncmp(e, " to ", 4) || *e == '-' || !strncmp(e, "\xe2\x80\x93", 3))) {
            const char *f = *e == '-' ? e + 1 : *e == ' ' ? e + 4 : e + 3;
            b = strtod(f, &e);
            if (b > a && b <= 110) {
                *lo = a, *hi = b;
                return 1;
            }
            continue;
        }
        for (k = 0; after_lo[k]; k++)
            if (!strncasecmp(e, after_lo[k], strlen(after_lo[k])))
                break;
        if (after_lo[k] && (aged || k < 4 || a >= 40)) {
            *lo = a, *hi = 200;
            return 1;
        }
        /* "over 70", "older than 65", "under 12", "younger than 12": no
         * unit, count or share after it */
        {
            int over = word_before(t, p, "over ") || word_before(t, p, "older than ");
            int under = word_before(t, p, "under ") || word_before(t, p, "younger than ");
            const char *w = e;
            if (!over && !under)
                continue;
            while (*w == ' ')
                w++;
            if (!strncasecmp(w, "years", 5)) {
                const char *x = w + 5;
                while (*x == ' ')
                    x++;
                if (strncasecmp(x, "old", 3) && strncasecmp(x, "of age", 6) && *x != ','
                    && *x != '.' && *x != '\0')
                    continue;   /* "over 2 years of follow-up" */
            } else if (isalpha((unsigned char)*w) && strncasecmp(w, "were ", 5)
                       && strncasecmp(w, "was ", 4) && strncasecmp(w, "and ", 4)
                       && strncasecmp(w, "or ", 3) && strncasecmp(w, "in ", 3)) {
                continue;       /* "over 16 weeks", "over 500 adults" */
            }
            *lo = over ? a : 0;
            *hi = over ? 200 : a;
            return 1;
        }
    }
    return 0;
}

static void fmt_ages(char *buf, size_t cap, double lo, double hi)
{
    if (hi >= 200)
        snprintf(buf, cap, "%.0f and over", lo);
    else if (lo <= 0)
        snprintf(buf, cap, "under %.0f", hi);
    else
        snprintf(buf, cap, "%.0f to %.0f", lo, hi);
}

static long finding_anchors(const struct vfacts *v, const struct cand *c);

/* The ages the claim gives its people lie outside those the record of the
 * study it speaks of enrolled ("all over 70" of a trial of adults aged 18
 * to 65). */
static int t_age_differs(struct vfacts *v)
{
    static const char *const people[] = { "patient", "adult", "people", "participant", "those",
                                          "children", "women", "men", "volunteer", "subjects",
                                          NULL };
    const struct rc_claim *cl = v->cl;
    const char *t = v->m->r->text + cl->start;
    char buf[400];
    struct cand *c = bound_cand(v);
    double clo, chi, rlo, rhi;
    char ca[40], ra[40];
    size_t i;
    int n_agrees = 0;

    if (!c)
        c = mention_cand(v);
    if (!c) {
        /* (or the study whose sample size or outcome figures it gives) */
        for (i = 0; i < cl->nums.n && i < 64; i++)
            n_agrees |= (cl->nums.v[i].kind == RC_N || outcome_kind(cl->nums.v[i].kind))
                        && v->best->idx[i] >= 0 && v->best->cmp[i] == CMP_AGREE;
        /* (or the finding it tells) */
        if (n_agrees || finding_anchors(v, v->best) >= 0)
            c = v->best;
    }
    claim_text(v, buf, sizeof buf);
    if (!c || !of_treatment(cl))
        return 0;
    /* children said of a trial of adults only, or adults of one of children */
    {
        static const char *const young[] = { "child", "kids", "adolescen", "teen", "pediatric",
                                             "paediatric", "infant", NULL };
        static const char *const grown[] = { "adult", NULL };
        int cy = has_any(buf, young, NULL), ca2 = has_any(buf, grown, NULL);
        int ry = has_any(c->d->text, young, NULL), ra2 = has_any(c->d->text, grown, NULL);
        if (cy != ca2 && ry != ra2 && cy != ry && !claims_null(v->f)) {
            snprintf(v->why, sizeof v->why, "the article says %s; the people of PMID %lld were %s",
                     cy ? "children" : "adults", (long long)c->d->pmid, ry ? "children" : "adults");
            v->best = c;
            return 1;
        }
    }
    if (!has_any(buf, people, NULL) || !ages_in(t, cl->end - cl->start, &clo, &chi)
        || !ages_in(c->d->abstract, strlen(c->d->abstract), &rlo, &rhi))
        return 0;
    if (!(clo >= rhi + 1 || chi <= rlo - 1))
        return 0;
    /* the people it names are another candidate's: two studies merged */
    for (i = 0; i < v->m->nc && !v->other; i++) {
        struct cand *o = &v->m->c[i];
        double olo, ohi;
        if (o != c && (lvl_of(o) == '1' || lvl_of(o) == '2')
            && ages_in(o->d->abstract, strlen(o->d->abstract), &olo, &ohi)
            && clo >= olo - 1 && chi <= ohi + 1)
            v->other = o;
    }
    fmt_ages(ca, sizeof ca, clo, chi);
    fmt_ages(ra, sizeof ra, rlo, rhi);
    snprintf(v->why, sizeof v->why, "the article gives ages %s; PMID %lld enrolled people aged %s",
             ca, (long long)c->d->pmid, ra);
    v->best = c;
    return 1;
}

static long harm_reported_as(const struct rc_doc *d, const char *what, int arms);

static int t_safety_unreported(struct vfacts *v)
{
    const struct rc_doc *d = v->best->d;
    if ((v->f & RC_F_CASE) && !strcmp(d->design, "case_report"))
        return 0;       /* the case the claim names is the safety report */
    if (harm_reported_as(d, "", 0) >= 0)
        return 0;       /* it reports a harm in a share of those treated */
    return (v->f & RC_F_SAFETY) && !(d->aflags & RC_A_ADVERSE) && v->best->agree == 0
           && !rc_has_stem(d->text, "safe") && !rc_has_stem(d->text, "toler")
           && !rc_has_stem(d->text, "adverse");
}
/* "It may also support X" over a single case report: a hedge no study
 * backs, which one case neither supports nor tests (a claim that names a
 * case is that case's). */
static int t_hedged_case(struct vfacts *v)
{
    return v->cl->hedged && of_treatment(v->cl) && !v->cl->nums.n
           && !(v->f & RC_F_CASE) && !strcmp(v->best->d->design, "case_report");
}
/* "At every dose tested" over a record with a dose that did no better (a
 * no_difference row holding a dose): animal work included, whose verdict
 * would otherwise rest on its design alone. */
static int t_every_dose(struct vfacts *v)
{
    static const char *const every[] = { "every dose", "all doses", "any dose", "each dose",
                                         "all the doses", "all three doses", "all two doses",
                                         NULL };
    struct cand *c = bound_cand(v);
    char buf[400];
    size_t i, j;

    claim_text(v, buf, sizeof buf);
    if (!((v->f & RC_F_EFFICACY) || v->cl->kind == RC_K_DOSE_RESPONSE) || claims_null(v->f)
        || v->cl->hedged || v->cl->source == LM_SOURCE_ANECDOTE || !has_any(buf, NULL, every))
        return 0;
    if (!c)
        c = v->best;
    for (i = 0; i < c->d->model.nfind; i++) {
        const struct rc_finding *fd = &c->d->model.find[i];
        if (fd->dir != 0 || fd->sig == 1)
            continue;
        for (j = 0; j < c->d->nums.n; j++)
            if (c->d->nums.v[j].kind == RC_DOSE && c->d->nums.v[j].start >= fd->start
                && c->d->nums.v[j].start < fd->end)
                return quote_why(v, c, "found a dose that did not work", fd->start, fd->end);
    }
    return 0;
}
static int t_l5(struct vfacts *v)
{
    return (v->best->d->aflags & (RC_A_ANIMAL | RC_A_INVITRO)) || lvl_of(v->best) == '5'
           || v->cl->source == LM_SOURCE_ANIMAL;
}
/* Claim numbers the record agrees with, sample sizes aside (that the trial
 * had 180 patients does not make its result a benefit). */
static int outcome_kind(enum rc_num_kind k)
{
    return k == RC_RATE || k == RC_EFFECT || k == RC_CHANGE || k == RC_FOLD || k == RC_REDUCTION
           || k == RC_P;
}

/* The record's figure that claim figure @i agrees with, when that figure is
 * an outcome (a rate, a change, a difference), else NULL. */
static const struct rc_num *agreeing_outcome(const struct cand *c, const struct rc_claim *cl,
                                             size_t i)
{
    if (c->idx[i] < 0 || c->cmp[i] != CMP_AGREE || !outcome_kind(cl->nums.v[i].kind))
        return NULL;
    return &c->d->nums.v[c->idx[i] & 0xffff];
}
/* (Nor do its dose, its duration or its number of studies.) */
static size_t outcome_agrees(const struct cand *c, const struct rc_claim *cl)
{
    size_t i, n = 0;

    for (i = 0; i < cl->nums.n && i < 64; i++)
        n += c->idx[i] >= 0 && c->cmp[i] == CMP_AGREE && outcome_kind(cl->nums.v[i].kind);
    return n;
}

/* Does finding @f's sentence call its analysis exploratory ("in a
 * secondary analysis", "nominal P", "not adjusted for multiplicity")? */
static const char *const explo_phrases[] = { "secondary analysis", "exploratory", "nominal",
                                             "not adjusted for multiplic", "post hoc", "post-hoc",
                                             "hypothesis-generating", NULL };
static int exploratory_at(const struct rc_doc *d, const struct rc_finding *f)
{
    char buf[700];
    size_t n = f->end - f->start;

    snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf - 1 ? n : sizeof buf - 1),
             d->text + f->start);
    return has_any(buf, NULL, explo_phrases);
}

/* The record's result is null: with finding rows, no comparison significant
 * and a primary one without a difference; without any, the abstract's own
 * wording (and no significant primary result). */
static int record_null(const struct rc_doc *d)
{
    const struct rc_model *m = &d->model;
    size_t i;
    int any_sig = 0, null_primary = 0;

    for (i = 0; i < m->nfind; i++) {
        /* (a result an exploratory analysis found is no result of the trial) */
        any_sig |= m->find[i].sig == 1 && !exploratory_at(d, &m->find[i]);
        /* a comparison between doses or frequencies is not the drug's
         * comparison with control */
        null_primary |= m->find[i].primary && m->find[i].dir == 0 && m->find[i].sig != 1
                        && !(m->find[i].dims & (RC_FD_DOSE | RC_FD_FREQ));
    }
    /* a primary finding with a direction, and the nulls all of named
     * secondary outcomes ("effects on function were not significant"):
     * the record's negative words are about those, not its main result */
    if (m->nfind && !null_primary) {
        int dir_primary = 0, other_null = 0, unnamed_null = 0, sig_primary = 0;
        for (i = 0; i < m->nfind; i++)
            sig_primary |= m->find[i].primary && m->find[i].sig == 1;
        for (i = 0; i < m->nfind; i++) {
            const struct rc_finding *f = &m->find[i];
            dir_primary |= f->primary && f->dir != 0 && f->sig != 0;
            if (f->dir == 0 && f->sig != 1) {
                /* ("X did not differ from placebo" when the primary
                 * outcome's row only tells each arm's change, no test:
                 * that is the comparison with control, whatever outcome
                 * the row names) */
                int vs_control = !sig_primary && f->sig == 0
                                 && (rc_find_ci(d->text + f->start, f->end - f->start, "placebo")
                                     || rc_find_ci(d->text + f->start, f->end - f->start, "sham")
                                     || rc_find_ci(d->text + f->start, f->end - f->start, "vehicle"));
                other_null |= !f->primary && f->outcome[0] && !vs_control;
                unnamed_null |= f->primary || !f->outcome[0] || vs_control;
            }
        }
        if (dir_primary && other_null && !unnamed_null)
            return 0;
    }
    if (m->nfind)
        return !any_sig && (null_primary || (d->aflags & RC_A_NEGATIVE));
    return !m->sig_primary && ((d->aflags & RC_A_NEGATIVE) || m->null_primary);
}

/* A claim of equal effect ("worked as well as", "similar"): not a benefit
 * over the comparator. */
static int claims_equal(const char *t, size_t n)
{
    char buf[400];
    const char *p;

    snprintf(buf, sizeof buf, "%.*s", (int)(n < 399 ? n : 399), t);
    if (rc_has_stem(buf, "equal") || rc_has_stem(buf, "similar") || rc_has_stem(buf, "comparabl"))
        return 1;
    for (p = buf; (p = rc_find_ci(p, strlen(p), "as well as")) != NULL; p++)
        if (!(p >= buf + 6 && (rc_find_ci(p - 6, 6, "twice") || rc_find_ci(p - 6, 6, "times"))))
            return 1;
    return rc_find_ci(buf, strlen(buf), "as good as") != NULL;
}

/* The study mention the claim is bound to (if any) could be record @c: the
 * design it names and the sample size it gives do not say otherwise. */
static int mention_fits(const struct vfacts *v, const struct cand *c)
{
    const struct rc_mention *m;
    size_t i;
    int found = 0;

    if (v->cl->about < 0 || (size_t)v->cl->about >= v->m->r->nstudies)
        return 1;
    m = &v->m->r->studies[v->cl->about];
    if (!strcmp(m->design, "meta-analysis") && lvl_of(c) != '1')
        return 0;
    if (!strcmp(m->design, "rct") && lvl_of(c) != '2')
        return 0;
    if (!m->n)
        return 1;
    for (i = 0; i < c->d->nums.n && !found; i++)
        found = c->d->nums.v[i].kind == RC_N && close_to(c->d->nums.v[i].v, (double)m->n, 0.5, 0.05);
    return found;
}

/* A benefit asserted with a number the record gives for a comparison it
 * found no difference in ("half had their seizures halved, a significant
 * result" over "at least 50% reduction: 43% vs 27%, P=0.08"). */
static int t_number_null(struct vfacts *v)
{
    const struct rc_claim *cl = v->cl;
    struct cand *c = bound_cand(v);
    size_t i;

    if (!c)
        c = v->best;
    if (!bound_cand(v) && !mention_fits(v, c))
        return 0;       /* it speaks of a study the article named, not this one */
    if (!(v->f & RC_F_EFFICACY) || claims_null(v->f) || (v->f & RC_F_HEDGE_CLAIM)
        || !of_treatment(cl) || cl->hedged || lvl_of(c) > '3'
        || claims_equal(v->m->r->text + cl->start, cl->end - cl->start))
        return 0;
    for (i = 0; i < cl->nums.n && i < 64; i++) {
        const struct rc_finding *fd;
        const struct rc_num *x;
        if (!(x = agreeing_outcome(c, cl, i)))
            continue;
        if (!close_to(cl->nums.v[i].v, x->v, 0.005, 0.02))
            continue;           /* "about 40%" for 43%: not that figure */
        if ((fd = finding_at(c->d, x->start)) && fd->dir == 0 && fd->sig == 0) {
            return quote_why(v, c, "gives that figure for a comparison that did not differ from control",
                             fd->start, fd->end);
        }
    }
    return 0;
}

static void sent_copy(const struct rc_doc *d, size_t i, char *buf, size_t cap);

/* A figure told as a result that the record gives only for an exploratory
 * analysis ("in a secondary analysis ... nominal P=0.04, not adjusted for
 * multiplicity") of a trial whose primary outcome did not differ: the
 * trial did not show it. */
static int t_exploratory(struct vfacts *v)
{
    static const char *const own[] = { "secondary", "exploratory", "preliminary", "post hoc",
                                       "tentative", "caution", NULL };
    const struct rc_claim *cl = v->cl;
    struct cand *c = bound_cand(v);
    char buf[400], sent[700];
    size_t i;
    int null;

    if (!c)
        c = v->best;
    claim_text(v, buf, sizeof buf);
    if (!of_treatment(cl) || cl->hedged || claims_null(v->f)
        || (v->f & (RC_F_HEDGE_CLAIM | RC_F_QUESTION)) || has_any(buf, NULL, own)
        || lvl_of(c) != '2' || c->conflict)
        return 0;
    /* (a primary comparison without a difference: the extractors may count
     * the exploratory one as primary too) */
    for (i = 0, null = 0; i < c->d->model.nfind; i++) {
        const struct rc_finding *f = &c->d->model.find[i];
        null |= f->primary && f->dir == 0 && f->sig == 0 && !(f->dims & (RC_FD_DOSE | RC_FD_FREQ));
    }
    if (!null && !record_null(c->d))
        return 0;
    for (i = 0; i < cl->nums.n && i < 64; i++) {
        const struct rc_num *x;
        size_t si;
        if (!(x = agreeing_outcome(c, cl, i)))
            continue;
        si = sent_of(c->d, x->start);
        sent_copy(c->d, si, sent, sizeof sent);
        if (has_any(sent, NULL, explo_phrases))
            return quote_why(v, c, "gives that figure only for an exploratory analysis of a trial "
                             "whose primary outcome did not differ", c->d->sents[si].start,
                             c->d->sents[si].end);
    }
    return 0;
}

/* Does the claim's text compare with something ("than", "as effective as",
 * "versus", "compared with")? */
static int names_comparison(const char *buf)
{
    return rc_find_word(buf, "than", 4) || rc_find_ci(buf, strlen(buf), " as effective as ")
           || rc_find_word(buf, "versus", 6) || rc_find_ci(buf, strlen(buf), "compared with")
           || rc_find_ci(buf, strlen(buf), "compared to");
}

/* The claim compares with something ("than conventional treatment", "as
 * effective as X") that none of the record's null primary comparisons had
 * as comparator (they were against sham): those do not answer it. */
static int compares_otherwise(const struct vfacts *v)
{
    const struct rc_claim *cl = v->cl;
    const struct rc_model *m = &v->best->d->model;
    char buf[400];
    size_t i, named = 0, nulls = 0;

    snprintf(buf, sizeof buf, "%.*s", (int)(cl->end - cl->start < 399 ? cl->end - cl->start : 399),
             v->m->r->text + cl->start);
    if (!names_comparison(buf))
        return 0;
    for (i = 0; i < m->nfind; i++) {
        const struct rc_finding *f = &m->find[i];
        if (!f->primary || f->dir != 0 || f->sig == 1)
            continue;
        nulls++;
        if (!f->versus[0] || rc_has_stem(buf, f->versus))
            named++;
    }
    return nulls && !named;
}

/* The claim speaks of something else than the record's null primary
 * comparisons ("it did help with the night cramps"): it names no
 * comparison, none of its words (the topic's aside) is in their sentences,
 * and the record found a change in something else, which the claim may be
 * about. */
static int null_words(const struct rc_doc *d, const struct rc_finding *f);

static int secondary_claim(const struct vfacts *v)
{
    static const char *const arms[] = { "placebo", "sham", "control", "dummy", NULL };
    const struct rc_doc *d = v->best->d;
    char claim[400];
    size_t i, j;
    int other = 0;

    /* a claim that names the comparison ("beat placebo") is about it, and
     * one that names no outcome at all ("it has been shown to work") about
     * the trial's main result */
    claim_text(v, claim, sizeof claim);
    if (names_comparison(claim) || has_any(claim, arms, NULL))
        return 0;
    for (i = 0, j = 0; i < v->nw; i++)
        j += !v->w[i].topic && v->w[i].len >= 4
             && !rc_stopword(&v->m->k->words, v->w[i].word, v->w[i].len)
             && !rc_general_word(&v->m->k->words, v->w[i].word, v->w[i].len);
    if (!j)
        return 0;
    /* (a row read as a change whose words deny it, "did not relieve the
     * pain more than placebo", is no change found) */
    for (i = 0; i < d->model.nfind; i++) {
        const struct rc_finding *f = &d->model.find[i];
        other |= !f->primary && f->dir != 0
                 && !(null_words(d, f) && f->versus[0]
                      && (!strcasecmp(f->versus, "placebo") || !strcasecmp(f->versus, "sham")));
    }
    if (!other)
        return 0;
    for (i = 0; i < d->model.nfind; i++) {
        const struct rc_finding *f = &d->model.find[i];
        char buf[400];
        /* (the primary outcome's sentence, a significance or not, names
         * what the main result is about: "pain fell by 1.6 points with X,
         * 1.4 with placebo") */
        if ((f->dir != 0 || f->sig == 1) && !(f->primary && f->sig != 1))
            continue;
        snprintf(buf, sizeof buf, "%.*s", (int)(f->end - f->start < 399 ? f->end - f->start : 399),
                 d->text + f->start);
        for (j = 0; j < v->nw; j++)
            if (!v->w[j].topic && v->w[j].len >= 4 && rc_has_stem(buf, v->w[j].stem))
                return 0;
    }
    return 1;
}

/* Words of a record that finds the treatment worse than another. */
static const char *const worse[] = { "inferior to", "less effective than", "worse than",
                                     "less efficacious than", "was outperformed by", NULL };

static void sent_copy(const struct rc_doc *d, size_t i, char *buf, size_t cap);

/* The claim's subject (its first word) is the active comparator record @d
 * found the treatment worse than ("was inferior to naproxen" for
 * "Naproxen, included for comparison, did better"): the claim is about
 * that arm, whose benefit the null result does not deny. */
static int subject_beat_it(const struct vfacts *v, const struct rc_doc *d)
{
    const char *t = v->m->r->text + v->cl->start, *e = v->m->r->text + v->cl->end;
    char w[32], stem[32], sent[700];
    size_t l = 0, i, j;

    while (t < e && !isalpha((unsigned char)*t))
        t++;
    while (t + l < e && isalpha((unsigned char)t[l]) && l + 1 < sizeof w) {
        w[l] = (char)tolower((unsigned char)t[l]);
        l++;
    }
    w[l] = '\0';
    if (l < 5)
        return 0;
    rc_stem(w, l, stem, sizeof stem);
    for (i = 0; i < d->nsents; i++) {
        sent_copy(d, i, sent, sizeof sent);
        for (j = 0; worse[j]; j++) {
            const char *p = rc_find_ci(sent, strlen(sent), worse[j]);
            if (p && rc_has_stem(p, stem))
                return 1;
        }
    }
    return 0;
}

/* a benefit asserted over a controlled record whose result is null (a
 * meta-analysis pooling non-randomised data cannot contradict) */
static int t_null_primary(struct vfacts *v)
{
    int null = record_null(v->best->d);
    /* "the harder, the better" asks about a gradient, not the comparison
     * with control (the dose rows answer it) */
    if (v->cl->kind == RC_K_DOSE_RESPONSE)
        return 0;
    if (claims_equal(v->m->r->text + v->cl->start, v->cl->end - v->cl->start))
        return 0;
    if (null && (compares_otherwise(v) || secondary_claim(v) || subject_beat_it(v, v->best->d)))
        return 0;
    return outcome_agrees(v->best, v->cl) == 0 && (v->f & RC_F_EFFICACY) && !claims_null(v->f)
           && !(v->f & RC_F_HEDGE_CLAIM) && null && lvl_of(v->best) <= '2'
           && !is_mixed_meta(v->best);
}
/* "X beats painkillers", "better than surgery": the word after a verb
 * of superiority, lower-case in @out, when it is not a placebo or control
 * arm; 1 found. */
static int superior_to(const char *claim, char *out, size_t cap)
{
    static const char *const verbs[] = { "beats ", "beat ", "better than ", "outperforms ",
                                         "outperformed ", "more effective than ", "superior to ",
                                         "trumps ", NULL };
    static const char *const arms[] = { "placebo", "sham", "control", "dummy", "nothing",
                                        "no ", "usual", "the ", "a ", NULL };
    size_t i, l;

    for (i = 0; verbs[i]; i++) {
        const char *p = rc_find_ci(claim, strlen(claim), verbs[i]);
        if (!p)
            continue;
        p += strlen(verbs[i]);
        for (l = 0; arms[l]; l++)
            if (!strncasecmp(p, arms[l], strlen(arms[l])))
                return 0;
        for (l = 0; isalpha((unsigned char)p[l]) && l + 1 < cap; l++)
            out[l] = (char)tolower((unsigned char)p[l]);
        out[l] = '\0';
        return l >= 5;
    }
    return 0;
}

static struct cand *extra_cand(struct vfacts *v, const char *terms, const char *const *stems,
                               const char *const *phrases, const struct word *w, size_t nw,
                               long *sent);

/* Sentence @i of record @d, NUL-terminated (cut to fit) in @buf. */
static void sent_copy(const struct rc_doc *d, size_t i, char *buf, size_t cap)
{
    const struct rc_sent *st = &d->sents[i];
    size_t n = st->end - st->start;

    snprintf(buf, cap, "%.*s", (int)(n < cap - 1 ? n : cap - 1), d->text + st->start);
}

/* Words of a record that finds two treatments alike. */
static const char *const alike[] = { "comparable", "similar", "not superior", "no better than",
                                     "as effective as", "did not differ",
                                     "not significantly different", "noninferior",
                                     "non-inferior", NULL };

/* The sentence of @d that finds the treatment like @stem ("comparable
 * with the usual painkiller"); -1 none. */
static long alike_sentence(const struct rc_doc *d, const char *stem)
{
    char buf[700];
    size_t i;

    for (i = 0; i < d->nsents; i++) {
        sent_copy(d, i, buf, sizeof buf);
        if (has_any(buf, NULL, alike) && rc_has_stem(buf, stem))
            return (long)i;
    }
    return -1;
}

/* "Zorvil beats painkillers" over a controlled record that found it
 * comparable with them: a superiority the trial did not find. */
static int t_not_superior(struct vfacts *v)
{
    char buf[400], x[32], stem[32];
    size_t i;
    long st;

    claim_text(v, buf, sizeof buf);
    if (!of_treatment(v->cl) || v->cl->hedged || claims_null(v->f)
        || !superior_to(buf, x, sizeof x))
        return 0;
    rc_stem(x, strlen(x), stem, sizeof stem);
    for (i = 0; i < v->m->nc; i++) {
        struct cand *c = &v->m->c[i];
        if (lvl_of(c) < '1' || lvl_of(c) > '2' || (st = alike_sentence(c->d, stem)) < 0)
            continue;
        return quote_why(v, c, "found it no better than what the claim says it beats",
                         c->d->sents[st].start, c->d->sents[st].end);
    }
    {   /* one query: the topic's records that compare it with that */
        char terms[96];
        struct cand *c;
        long s;
        snprintf(terms, sizeof terms, "\"%s\"* AND (\"comparable\" OR \"similar\" OR "
                 "\"superior\")", stem);
        if ((c = extra_cand(v, terms, NULL, alike, NULL, 0, &s)) != NULL && lvl_of(c) <= '2'
            && (st = alike_sentence(c->d, stem)) >= 0)
            return quote_why(v, c, "found it no better than what the claim says it beats",
                             c->d->sents[st].start, c->d->sents[st].end);
    }
    return 0;
}

/* "X worked as well as Y", "as effective as Y": the word after a phrase
 * of equal effect, lower-case in @out, when it is no placebo or control
 * arm; 1 found. */
static int equal_to(const char *claim, char *out, size_t cap)
{
    static const char *const phr[] = { "as well as ", "as good as ", "as effective as ",
                                       "equal to ", "comparable to ", "comparable with ",
                                       "on par with ", "just like ", NULL };
    static const char *const arms[] = { "placebo", "sham", "control", "dummy", "nothing",
                                        "no ", "usual", "expected", "before", NULL };
    size_t i, l;

    for (i = 0; phr[i]; i++) {
        const char *p = rc_find_ci(claim, strlen(claim), phr[i]);
        if (!p)
            continue;
        p += strlen(phr[i]);
        if (!strncasecmp(p, "the ", 4))
            p += 4;
        for (l = 0; arms[l]; l++)
            if (!strncasecmp(p, arms[l], strlen(arms[l])))
                return 0;
        for (l = 0; isalpha((unsigned char)p[l]) && l + 1 < cap; l++)
            out[l] = (char)tolower((unsigned char)p[l]);
        out[l] = '\0';
        return l >= 5;
    }
    return 0;
}

/* "Zorvil worked as well as the usual painkiller" over a controlled record
 * of the claim's subject that found it inferior to that painkiller (a
 * three-arm trial: placebo, the product and an active drug). */
static int t_not_equal(struct vfacts *v)
{
    char buf[400], x[32], stem[32], sent[700];
    struct cand *c = bound_cand(v) ? bound_cand(v) : v->best;
    size_t i;

    claim_text(v, buf, sizeof buf);
    if (!c || !of_treatment(v->cl) || v->cl->hedged || claims_null(v->f)
        || lvl_of(c) < '1' || lvl_of(c) > '2' || !equal_to(buf, x, sizeof x))
        return 0;
    rc_stem(x, strlen(x), stem, sizeof stem);
    for (i = 0; i < c->d->nsents; i++) {
        sent_copy(c->d, i, sent, sizeof sent);
        if (has_any(sent, NULL, worse) && rc_has_stem(sent, stem))
            return quote_why(v, c, "found it worse than what the claim says it matched",
                             c->d->sents[i].start, c->d->sents[i].end);
    }
    return 0;
}

/* Does finding @f's sentence say in words that nothing changed? */
static int null_words(const struct rc_doc *d, const struct rc_finding *f)
{
    static const char *const cues[] = { "not ", "no ", "without", "unchanged", "neither", NULL };
    char buf[400];

    snprintf(buf, sizeof buf, "%.*s", (int)(f->end - f->start < 399 ? f->end - f->start : 399),
             d->text + f->start);
    return has_any(buf, NULL, cues);
}

/* The record's finding rows on what a claim word names: 1 when one found no
 * difference in it and none found a change or a significant result in it
 * (the drug "did not change weight"); the null row in *fd. */
static int outcome_null_on(const struct rc_doc *d, const char *stem, const char *claim,
                           const struct rc_finding **fd)
{
    size_t i;
    int null = 0;

    for (i = 0; i < d->model.nfind; i++) {
        const struct rc_finding *f = &d->model.find[i];
        /* a claim that compares with something answers only to a
         * comparison with that */
        if (f->dir == 0 && f->versus[0] && names_comparison(claim) && !rc_has_stem(claim, f->versus))
            continue;
        /* (a comparison between doses or frequencies is not the drug's
         * with control) */
        if (!f->outcome[0] || !rc_has_stem(f->outcome, stem) || (f->dims & (RC_FD_DOSE | RC_FD_FREQ)))
            continue;
        if (f->dir != 0 || f->sig == 1)
            return 0;
        /* a row the extractors could not call significant or not counts
         * when its own words say nothing changed */
        if (f->sig != 0 && !null_words(d, f))
            continue;
        if (!null)
            *fd = f;
        null = 1;
    }
    return null;
}

/* A benefit claimed on an outcome (a word of the claim) that the record it
 * rests on measured and found unchanged, whatever else that record found:
 * "it lowers blood pressure" over a study whose heart rate fell but blood
 * pressure did not. */
/* "The review found that X stayed noticeably longer": a study's finding
 * told as a change (a report verb, then a comparative). */
static int found_change(const char *buf)
{
    static const char *const verbs[] = { "found that", "showed that", "shows that", "finds that",
                                         "reported that", NULL };
    static const char *const more[] = { " longer", " shorter", " higher", " lower", " more ",
                                        " fewer", " less ", " better", " faster", " greater",
                                        NULL };
    const char *p = NULL;
    size_t i;

    for (i = 0; verbs[i] && !p; i++)
        p = rc_find_ci(buf, strlen(buf), verbs[i]);
    return p && has_any(p, NULL, more);
}

static int t_outcome_null(struct vfacts *v)
{
    const struct rc_claim *cl = v->cl;
    struct cand *c = bound_cand(v);
    const struct rc_finding *fd = NULL;
    char buf[400];
    size_t i;
    int change;

    if (!c)
        c = v->best;
    change = found_change(claim_text(v, buf, sizeof buf));
    if (!((v->f & RC_F_EFFICACY) || change) || claims_null(v->f)
        || (v->f & (RC_F_HEDGE_CLAIM | RC_F_NEGATION))
        || !of_treatment(cl) || cl->hedged
        || !(cl->kind == RC_K_EFFICACY || (change && cl->kind == RC_K_DURABILITY))
        || lvl_of(c) < '1' || lvl_of(c) > '4' || outcome_agrees(c, cl)
        || claims_equal(v->m->r->text + cl->start, cl->end - cl->start))
        return 0;
    for (i = 0; i < v->nw; i++) {
        const struct word *x = &v->w[i];
        if (x->novel || x->len < 4 || rc_general_word(&v->m->k->words, x->word, strlen(x->word)))
            continue;
        if (outcome_null_on(c->d, x->stem, claim_text(v, buf, sizeof buf), &fd))
            return quote_why(v, c, "found no change in what the claim says improved", fd->start,
                             fd->end);
    }
    return 0;
}

/* Does a sentence of the record, outside its null findings, say that more
 * of the dimension did more ("higher doses ... greater effects")? */
static int record_graded(const struct rc_doc *d, unsigned dim)
{
    static const char *const more[] = { "higher", "greater", "larger", "more", "bigger", NULL };
    size_t i, j;
    char buf[600];

    for (i = 0; i < d->nsents; i++) {
        const struct rc_sent *st = &d->sents[i];
        const struct rc_finding *fd = finding_at(d, st->start);
        int has_dim, has_more = 0;
        if (fd && fd->dir == 0)
            continue;
        snprintf(buf, sizeof buf, "%.*s", (int)(st->end - st->start < 599 ? st->end - st->start
                                                                           : 599), d->text + st->start);
        has_dim = (dim & RC_FD_DOSE) ? (rc_has_stem(buf, "dose") || rc_has_stem(buf, "dosage"))
                                     : rc_has_stem(buf, "frequenc");
        for (j = 0; more[j] && has_dim && !has_more; j++)
            has_more = rc_find_word(buf, more[j], strlen(more[j])) != NULL;
        if (has_dim && has_more)
            return 1;
    }
    return 0;
}

/* "The higher the dose, the better", "five days a week beat three" over a
 * record that found no difference between the doses or the frequencies it
 * compared (a lower dose no better than placebo does not say that); "a
 * modest dose helps" over a record whose lower dose did no better than
 * control. */
static int dose_null_in(struct vfacts *v, struct cand *c)
{
    const struct rc_claim *cl = v->cl;
    const char *t = v->m->r->text + cl->start;
    size_t n = cl->end - cl->start, i;
    unsigned want = 0;
    int low;
    char buf[400];

    if (claims_null(v->f) || cl->hedged || !of_treatment(cl) || lvl_of(c) > '3'
        || claims_equal(t, n) || (cl->kind != RC_K_DOSE_RESPONSE && cl->kind != RC_K_EFFICACY))
        return 0;
    snprintf(buf, sizeof buf, "%.*s", (int)(n < 399 ? n : 399), t);
    if (rc_has_stem(buf, "dose") || rc_has_stem(buf, "dosage"))
        want |= RC_FD_DOSE;
    for (i = 0; i < cl->nums.n; i++)
        if (cl->nums.v[i].kind == RC_DOSE)
            want |= RC_FD_DOSE;
    low = (want & RC_FD_DOSE) && (rc_has_stem(buf, "low") || rc_has_stem(buf, "modest")
                                  || rc_has_stem(buf, "small"));
    if (!low && cl->kind != RC_K_DOSE_RESPONSE)
        return 0;
    if (rc_per_week(t, n) > 0)
        want |= RC_FD_FREQ;
    for (i = 0; i < c->d->model.nfind; i++) {
        const struct rc_finding *fd = &c->d->model.find[i];
        unsigned dim = fd->dims & want;
        if (fd->dir != 0 || fd->sig == 1 || !dim)
            continue;
        if (low ? !(fd->dims & RC_FD_LOW)
                : ((fd->dims & RC_FD_LOW) || record_graded(c->d, dim)))
            continue;
        return quote_why(v, c, low ? "found no difference between the lower dose and control"
                               : (dim & RC_FD_FREQ) ? "found no difference between the "
                                                      "frequencies it compared"
                               : "found no difference between the doses it compared",
                         fd->start, fd->end);
    }
    return 0;
}

/* The record the claim is bound to, else the best one; else (a claim bound
 * to no study) another controlled candidate: an uncontrolled series whose
 * lower dose "improved too" does not answer a trial that compared it. */
static int t_dose_null(struct vfacts *v)
{
    struct cand *c = bound_cand(v);
    size_t i;

    if (c)
        return dose_null_in(v, c);
    if (dose_null_in(v, v->best))
        return 1;
    for (i = 0; i < v->m->nc; i++)
        if (&v->m->c[i] != v->best && v->m->c[i].conflict == 0 && lvl_of(&v->m->c[i]) >= '1'
            && lvl_of(&v->m->c[i]) <= '2'
            && dose_null_in(v, &v->m->c[i]))
            return 1;
    return 0;
}

/* "Higher doses work better" with no record among the candidates: the
 * controlled records on the topic that compared doses (a few, by one FTS5
 * query) and found no difference between them. */
static int t_dose_null_topic(struct vfacts *v)
{
    static const char *const dose[] = { "dose", "dosage", NULL };
    struct cand *c;
    size_t tries;
    long s;

    if (v->cl->kind != RC_K_DOSE_RESPONSE || !of_treatment(v->cl) || v->cl->hedged
        || claims_null(v->f) || bound_cand(v))
        return 0;
    for (tries = 0; tries < v->m->nc; tries++) {
        c = &v->m->c[tries];
        if (lvl_of(c) >= '1' && lvl_of(c) <= '2' && dose_null_in(v, c))
            return 1;
    }
    for (tries = 0; tries < 3; tries++) {
        if (!(c = extra_cand(v, "\"dose\" OR \"doses\" OR \"dosage\"", dose, NULL, NULL, 0, &s)))
            return 0;
        if (lvl_of(c) >= '1' && lvl_of(c) <= '2' && dose_null_in(v, c))
            return 1;
    }
    return 0;
}

/* The best record, else (a claim bound to no study) another controlled
 * candidate that found the claim's dose did not work. */
static int t_dose_negated(struct vfacts *v)
{
    size_t i;

    /* doses said to work alike ("0.5 to 5 mg worked equally well") are
     * answered by the record's comparison between them, not by one dose */
    if (!(v->f & RC_F_EFFICACY) || claims_null(v->f)
        || claims_equal(v->m->r->text + v->cl->start, v->cl->end - v->cl->start))
        return 0;
    struct cand *b = bound_cand(v);

    if (dose_negated(v->cl, v->best->d, &v->best->sent_hint))
        return 1;
    /* the study the claim retells, when its figures agree with another */
    if (b && b != v->best && b->conflict == 0 && dose_negated(v->cl, b->d, &b->sent_hint)) {
        v->best = b;
        return 1;
    }
    for (i = 0; !b && i < v->m->nc; i++) {
        struct cand *c = &v->m->c[i];
        if (c != v->best && c->conflict == 0 && lvl_of(c) >= '1' && lvl_of(c) <= '2'
            && dose_negated(v->cl, c->d, &c->sent_hint)) {
            v->best = c;
            return 1;
        }
    }
    return 0;
}
static int t_safety_adverse(struct vfacts *v)
{
    return (v->f & RC_F_SAFETY) && (v->f & RC_F_NEGATION) && (v->best->d->aflags & RC_A_ADVERSE);
}
/* The record a venue or year is about: the study the claim is bound to when
 * it is among the candidates, else the best one. */
static struct cand *venue_cand(struct vfacts *v)
{
    size_t i;

    for (i = 0; v->m->ctx && i < v->m->nc; i++)
        if (v->m->c[i].d->pmid == v->m->ctx)
            return &v->m->c[i];
    return mention_cand(v) ? mention_cand(v) : v->best;
}

/* A capitalised word of the claim's venue (after "in the", "published in")
 * that the record's journal does not hold, or a year it was not published. */
/* The claim's year, else 0, and whether the venue it names is another
 * than record @c's journal (its capitalised words, four letters each, in
 * none of the journal's). */
static int venue_other(const struct vfacts *v, const struct cand *c)
{
    /* words any journal's name may hold ("the British Journal of X" and
     * "the Journal of Y" share "Journal"): only the others name it */
    static const char *const generic[] = { "jour", "j", "j.", "anna", "arch", "repo", "rep",
                                           "lett", "revi", "rev", "rese", "res", "inte", "int",
                                           "quar", "bull", "proc", "acta", "tran", NULL };
    const char *text = v->m->r->text;
    char venue[64];
    const char *p = venue;
    size_t hit = 0, words = 0, k;

    rc_venue_in(text, v->cl->start, v->cl->end, venue, sizeof venue);
    if (!venue[0] || !c->d->journal[0])
        return 0;
    while (*p) {
        size_t l = 0;
        while (p[l] && p[l] != ' ')
            l++;
        if (l >= 3 && isupper((unsigned char)p[0])) {
            char w[8];
            snprintf(w, sizeof w, "%.*s", (int)(l < 4 ? l : 4), p);
            for (k = 0; generic[k] && strcasecmp(w, generic[k]); k++)
                ;
            if (!generic[k]) {
                words++;
                hit += rc_find_ci(c->d->journal, strlen(c->d->journal), w) != NULL;
            }
        }
        p += l;
        while (*p == ' ')
            p++;
    }
    /* (most of its own words in the journal's name: an abbreviation or a
     * shortened name of it) */
    return words && 2 * hit < words;
}

static int claim_year_differs(const struct vfacts *v, const struct cand *c)
{
    int year = rc_year_in(v->m->r->text, v->cl->start, v->cl->end);
    return year && c->d->year && year != c->d->year ? year : 0;
}

/* The year the article gives the study it speaks of (its mention's
 * record, the venue it names aside) is not the record's.  The corpus keeps
 * the journal issue's year only, so any other year is the article's. */
/* The claim dates the study it names ("a 2019 review pooling ...", "the
 * 2021 trial"): a year, at most one word, then a study noun. */
static int year_names_study(const char *t, size_t a, size_t b)
{
    static const char *const nouns[] = { "review", "trial", "study", "meta-analysis",
                                         "meta analysis", "analysis", "systematic", NULL };
    size_t p, k;

    for (p = a; p + 5 < b; p++) {
        const char *q;
        if (!isdigit((unsigned char)t[p]) || (p > a && isalnum((unsigned char)t[p - 1]))
            || rc_year_in(t, p, p + 4) == 0 || t[p + 4] != ' ')
            continue;
        for (k = 0, q = t + p + 5; k < 2; k++) {
            size_t j;
            for (j = 0; nouns[j]; j++)
                if ((size_t)(t + b - q) >= strlen(nouns[j])
                    && !strncasecmp(q, nouns[j], strlen(nouns[j])))
                    return 1;
            while (q < t + b && isalpha((unsigned char)*q))
                q++;
            if (q >= t + b || *q != ' ')
                break;
            q++;
        }
    }
    return 0;
}

static int t_venue_year(struct vfacts *v)
{
    struct cand *c;
    int year;

    if ((v->cl->kind != RC_K_VENUE
         && !year_names_study(v->m->r->text, v->cl->start, v->cl->end))
        || !(c = venue_cand(v)) || !(year = claim_year_differs(v, c)) || venue_other(v, c))
        return 0;
    snprintf(v->why, sizeof v->why, "the article says %d; PMID %lld was published in %d (%s)",
             year, (long long)c->d->pmid, c->d->year, c->d->journal);
    v->best = c;
    return 1;
}

/* The venue it names is another than the record's journal (and the year,
 * when it gives one, is said too). */
static int t_venue_differs(struct vfacts *v)
{
    const char *text = v->m->r->text;
    const struct rc_claim *cl = v->cl;
    struct cand *c;
    char venue[64];
    int year;

    if (cl->kind != RC_K_VENUE || !(c = venue_cand(v)) || !venue_other(v, c))
        return 0;
    rc_venue_in(text, cl->start, cl->end, venue, sizeof venue);
    year = claim_year_differs(v, c);
    if (year)
        snprintf(v->why, sizeof v->why, "the article says %s, %d; PMID %lld appeared in %s in %d",
                 venue, year, (long long)c->d->pmid, c->d->journal, c->d->year);
    else
        snprintf(v->why, sizeof v->why, "the article names %s; PMID %lld appeared in %s", venue,
                 (long long)c->d->pmid, c->d->journal);
    v->best = c;
    return 1;
}

/* The first sentence of record @d holding one of @stems or @phrases and,
 * when @w is given, a word of the claim (its outcome); -1 none. */
static long record_sentence(const struct rc_doc *d, const char *const *stems,
                            const char *const *phrases, const struct word *w, size_t nw)
{
    char buf[700];
    size_t i, j;

    for (i = 0; i < d->nsents; i++) {
        int word = !w;
        sent_copy(d, i, buf, sizeof buf);
        if (!has_any(buf, stems, phrases))
            continue;
        for (j = 0; j < nw && !word; j++)
            word = !w[j].novel && w[j].stem[0] && rc_has_stem(buf, w[j].stem);
        if (word)
            return (long)i;
    }
    return -1;
}

/* Words of a result that did not last, and of a claim that says so itself. */
static const char *const wane_stems[] = { "regain", "rebound", "fluctuat", "waned", "waning",
                                          "relaps", NULL };
static const char *const wane_phrases[] = { "wore off", "returned to baseline",
                                            "returned toward baseline", "not sustained",
                                            "not maintained", "came back", "lost after", NULL };
static const char *const durable_stems[] = { "last", "sustain", "maintain", "persist", "durab",
                                             "permanent", NULL };
static const char *const durable_phrases[] = { "for good", "held steady", "kept off", "keep off",
                                               "keep the weight off", "stay off", "stayed off",
                                               "once they stop", "once you stop", "after stopping",
                                               "for the rest of", "held up", "stays", "stayed",
                                               NULL };

/* A record on the article's topic, beyond the candidates, that an FTS5
 * query @terms finds and whose sentence holds @stems or @phrases (and a
 * claim word when @w is given): added to the candidates.  One query, for
 * the few claims of a kind that a record's own words answer. */
static struct cand *extra_cand(struct vfacts *v, const char *terms, const char *const *stems,
                               const char *const *phrases, const struct word *w, size_t nw,
                               long *sent)
{
    struct mctx *m = v->m;
    int64_t pm[8];
    size_t n = 0, i, j;
    char q[600];
    lm_err rc;

    if (!m->topic || !m->topic->filter[0] || m->nc >= RC_CANDIDATES)
        return NULL;
    snprintf(q, sizeof q, "%s AND (%s)", m->topic->filter, terms);
    if (rc_search(m->k, q, pm, 8, &n) != LM_OK)
        return NULL;
    for (i = 0; i < n; i++) {
        struct rc_doc *d;
        for (j = 0; j < m->nc && m->c[j].d->pmid != pm[i]; j++)
            ;
        if (j < m->nc || !(d = rc_doc_get(m->k, pm[i], &rc)) || rc_doc_analyse(m->k, d) != LM_OK)
            continue;
        if (d->level[1] < '1' || d->level[1] > '4')
            continue;
        if ((*sent = record_sentence(d, stems, phrases, w, nw)) < 0)
            continue;
        memset(&m->c[m->nc], 0, sizeof m->c[m->nc]);
        m->c[m->nc].d = d;
        score_cand(&m->c[m->nc], m->r->text, v->cl, v->w, v->nw, v->f, 0);
        return &m->c[m->nc++];
    }
    return NULL;
}

/* A result said to last ("results last once you stop", "the gains held
 * steady") over a record whose sentence on the claim's outcome says it did
 * not (regained, fluctuated, wore off): the bound record first, then the
 * other candidates. */
static int t_durability_waned(struct vfacts *v)
{
    char buf[400];
    struct cand *c = bound_cand(v);
    size_t i;
    long s;

    claim_text(v, buf, sizeof buf);
    if (!of_treatment(v->cl) || claims_null(v->f) || (v->f & RC_F_NEGATION)
        || (v->f & RC_F_QUESTION) || has_any(buf, wane_stems, wane_phrases)
        || !has_any(buf, durable_stems, durable_phrases))
        return 0;
    for (i = 0; i <= v->m->nc; i++) {
        struct cand *x = i == 0 ? c : &v->m->c[i - 1];
        if (!x || (i > 0 && x == c) || lvl_of(x) == '5')
            continue;
        if ((s = record_sentence(x->d, wane_stems, wane_phrases, v->w, v->nw)) >= 0) {
            const struct rc_sent *st = &x->d->sents[s];
            return quote_why(v, x, "reports that it did not last", st->start, st->end);
        }
        if (c && i == 0)
            break;      /* the study the claim speaks of answers it */
    }
    if (!c && (c = extra_cand(v, "\"regain\"* OR \"rebound\"* OR \"fluctuated\" OR \"wore\" "
                              "OR \"withdrawal\"", wane_stems, wane_phrases, v->w, v->nw, &s))) {
        const struct rc_sent *st = &c->d->sents[s];
        return quote_why(v, c, "reports that it did not last", st->start, st->end);
    }
    return 0;
}

/* "Side effects were rare" over a record that reports adverse effects more
 * often than on control, or treatment stopped because of them. */
static const char *const rare_stems[] = { "rare", "rarely", "uncommon", "negligibl", "minimal",
                                          NULL };
static const char *const rare_phrases[] = { "few side", "few adverse", "no side", "no adverse",
                                            "free of side", "hardly any", "barely any", NULL };
static const char *const adverse_phrases[] = { "more adverse", "adverse effects than",
                                               "adverse events than", "higher incidence of adverse",
                                               "higher rate of adverse", "higher risk of adverse",
                                               "increased risk of adverse", "adverse events were more",
                                               "adverse effects were more", "more frequent adverse",
                                               "owing to adverse", "owing to gastrointestinal",
                                               "discontinued treatment owing",
                                               "discontinuation due to adverse",
                                               "discontinued because of adverse", NULL };

static int t_safety_frequent(struct vfacts *v)
{
    char buf[400];
    size_t i;
    long s;

    claim_text(v, buf, sizeof buf);
    if (!(v->f & RC_F_SAFETY) || !of_treatment(v->cl) || (v->f & RC_F_QUESTION)
        || v->cl->hedged || !has_any(buf, rare_stems, rare_phrases))
        return 0;
    struct cand *x;

    for (i = 0; i < v->m->nc; i++) {
        x = &v->m->c[i];
        if (lvl_of(x) != '1' && lvl_of(x) != '2')
            continue;
        if ((s = record_sentence(x->d, NULL, adverse_phrases, NULL, 0)) >= 0) {
            const struct rc_sent *st = &x->d->sents[s];
            return quote_why(v, x, "reports adverse effects more often than on control", st->start,
                             st->end);
        }
    }
    if ((x = extra_cand(v, "\"adverse\" OR \"side\" OR \"discontinued\"", NULL,
                        adverse_phrases, NULL, 0, &s))) {
        const struct rc_sent *st = &x->d->sents[s];
        return quote_why(v, x, "reports adverse effects more often than on control", st->start,
                             st->end);
    }
    return 0;
}

/* "Completely safe": safety claimed without exception, which one record of
 * a harm refutes; and the title words of a record that reports a harm it
 * lays on the treatment ("pneumothorax secondary to ...", "... -induced
 * hepatitis"). */
static const char *const absolute_safe[] = { "completely safe", "perfectly safe", "totally safe",
                                             "entirely safe", "100% safe", "absolutely safe",
                                             "risk-free", "risk free", "no risks", "harmless",
                                             NULL };
static const char *const harm_stems[] = { "complication", "adverse", "injur", "toxicit",
                                          "fatal", "poisoning", NULL };
static const char *const harm_phrases[] = { "secondary to", "caused by", "induced", "-associated",
                                            "after ", "following ", NULL };

/* The record's title lays a harm on the treatment: a harm word, or a
 * cause phrase ("secondary to", "induced") with a topic word. */
static int title_harm(const struct rc_topic *t, const struct rc_doc *d)
{
    size_t i;
    int topic = 0;

    if (has_any(d->title, harm_stems, NULL))
        return 1;
    for (i = 0; i < t->n; i++)
        topic |= rc_has_stem(d->title, t->words[i]) || (t->alias[i][0]
                                                         && rc_has_stem(d->title, t->alias[i]));
    return topic && !strcmp(d->design, "case_report") && has_any(d->title, NULL, harm_phrases);
}

static int t_safety_harm(struct vfacts *v)
{
    struct mctx *m = v->m;
    char buf[400], q[400];
    int64_t pm[8];
    size_t i, n = 0;
    lm_err rc;

    claim_text(v, buf, sizeof buf);
    if (!(v->f & RC_F_SAFETY) || !of_treatment(v->cl) || (v->f & RC_F_QUESTION)
        || v->cl->hedged || !has_any(buf, NULL, absolute_safe))
        return 0;
    for (i = 0; i < m->nc; i++)
        if (title_harm(m->topic, m->c[i].d)) {
            v->best = &m->c[i];
            snprintf(v->why, sizeof v->why, "%s", m->c[i].d->title);
            return 1;
        }
    /* one query: the topic's records whose words name a harm */
    if (!m->topic->filter[0] || m->nc >= RC_CANDIDATES)
        return 0;
    snprintf(q, sizeof q, "%s AND (\"secondary\" OR \"induced\" OR \"complication\"* OR "
             "\"adverse\" OR \"injury\" OR \"toxicity\" OR \"fatal\")", m->topic->filter);
    if (rc_search(m->k, q, pm, 8, &n) != LM_OK)
        return 0;
    for (i = 0; i < n; i++) {
        struct rc_doc *d = rc_doc_get(m->k, pm[i], &rc);
        if (!d || rc_doc_analyse(m->k, d) != LM_OK || !title_harm(m->topic, d))
            continue;
        memset(&m->c[m->nc], 0, sizeof m->c[m->nc]);
        m->c[m->nc].d = d;
        score_cand(&m->c[m->nc], m->r->text, v->cl, v->w, v->nw, v->f, 0);
        v->best = &m->c[m->nc++];
        snprintf(v->why, sizeof v->why, "%s", d->title);
        return 1;
    }
    return 0;
}

/* An absence claimed without exception: "completely free of side
 * effects", "avoided weight gain entirely", "no drowsiness at all".  The
 * harm's words (lower-case) go to @what ("" for side effects in general);
 * 1 when the claim states one. */
static const char *const universal_words[] = { "completely", "totally", "entirely", "at all",
                                               "whatsoever", "absolutely", "altogether", "zero",
                                               "never any", "not a single", NULL };
static const char *const generic_harm[] = { "side effect", "side-effect", "adverse", "harm",
                                            NULL };

static int absence_claim(const char *t, size_t n, char *what, size_t cap)
{
    static const char *const lead[] = { "free of ", "free from ", "avoided ", "avoid ",
                                        "without any ", "without ", "no ", "zero ", "never had ",
                                        "never any ", NULL };
    char buf[400];
    const char *p = NULL;
    size_t i, k, w;
    int univ = 0;

    snprintf(buf, sizeof buf, "%.*s", (int)(n < 399 ? n : 399), t);
    for (i = 0; universal_words[i] && !univ; i++)
        univ = rc_find_ci(buf, strlen(buf), universal_words[i]) != NULL;
    for (i = 0; absolute_safe[i] && !univ; i++)
        if (rc_find_ci(buf, strlen(buf), absolute_safe[i])) {
            snprintf(what, cap, "%s", "");
            return 1;
        }
    /* "no one had to stop", "nobody dropped out": nobody left the
     * treatment (for its harms), which a share who discontinued refutes */
    if (!univ) {
        static const char *const nobody[] = { "no one ", "no-one ", "nobody ", "none of ",
                                              "not one ", NULL };
        static const char *const quit[] = { "stop", "discontinu", "quit", "withdr", NULL };
        static const char *const out[] = { "dropped out", "drop out", "gave up", NULL };
        if (has_any(buf, NULL, nobody) && (has_any(buf, quit, NULL) || has_any(buf, NULL, out))) {
            snprintf(what, cap, "%s", "discontinu");
            return 1;
        }
    }
    /* "no side effects (reported)", unqualified: itself an absence without
     * exception ("no serious side effects" is not: it names a kind) */
    if (!univ) {
        static const char *const bare[] = { "no side effect", "no side-effect", "no adverse",
                                            "no more side effect", "no more adverse", NULL };
        univ = has_any(buf, NULL, bare);
    }
    if (!univ)
        return 0;
    for (i = 0; lead[i] && !p; i++) {
        const char *q = buf;
        while ((q = rc_find_ci(q, strlen(q), lead[i])) && q > buf && isalpha((unsigned char)q[-1]))
            q++;
        p = q ? q + strlen(lead[i]) : NULL;
    }
    if (!p)
        return 0;
    while (*p == ' ' || !strncasecmp(p, "any ", 4))
        p += *p == ' ' ? 1 : 4;
    /* the harm: up to three words, to punctuation or a word of degree */
    for (k = 0, w = 0; p[k] && w < 3; w++) {
        size_t a = k;
        while (isalpha((unsigned char)p[k]) || p[k] == '-')
            k++;
        if (k == a)
            break;
        for (i = 0; universal_words[i]; i++)
            if (!strncasecmp(p + a, universal_words[i], strlen(universal_words[i])))
                break;
        if (universal_words[i] || !strncasecmp(p + a, "in ", 3) || !strncasecmp(p + a, "for ", 4)
            || !strncasecmp(p + a, "once", 4)) {
            k = a;
            break;
        }
        if (p[k] != ' ')
            break;
        k++;
    }
    while (k > 0 && (p[k - 1] == ' ' || p[k - 1] == '-'))
        k--;
    if (k < 3)
        return 0;
    /* an absence of a result, not of a harm ("no benefit at all") */
    {
        static const char *const result[] = { "differen", "effect ", "effects ", "benefit",
                                              "change", "improve", "evidence", "proof", "sign",
                                              "data", "study", "studies", "trial", NULL };
        char head[40];
        snprintf(head, sizeof head, "%.*s ", (int)(k < 38 ? k : 38), p);
        for (i = 0; result[i]; i++)
            if (!strncasecmp(head, result[i], strlen(result[i])))
                return 0;
    }
    snprintf(what, cap, "%.*s", (int)k, p);
    for (i = 0; what[i]; i++)
        what[i] = (char)tolower((unsigned char)what[i]);
    /* "side effects" in general, unless a qualifier narrows them ("free of
     * serious side effects": the record's mild ones do not answer it) */
    for (i = 0; generic_harm[i]; i++)
        if (strstr(what, generic_harm[i]) && !strstr(what, "serious") && !strstr(what, "severe")
            && !strstr(what, "major") && !strstr(what, "lasting") && !strstr(what, "long-term"))
            what[0] = '\0';
    return 1;
}

/* The sentence of record @d that reports harm @what (its words; "": side
 * effects in general) in a share of the people treated ("weight gain ...
 * was reported by 12%", "drowsiness was reported by 17% with X"), not its
 * absence; -1 when none does. */
/* With @arms, a sentence that gives the harm at rates that
 * differ between its groups ("5%, 8% and 13%": one arm had more of it),
 * for a claim of no more harm than the control. */
static long harm_reported_as(const struct rc_doc *d, const char *what, int arms)
{
    static const char *const occurred[] = { "reported by", "occurred in", "occurred", "experienced",
                                            "developed", "was seen", "were seen", "had ", NULL };
    static const char *const none[] = { "no adverse", "no serious", "no side", "no new",
                                        "no weight", "not associated", "did not", NULL };
    char buf[700], ws[4][32];
    size_t i, j, nws = stems_of(what, strlen(what), ws, 4);

    for (i = 0; i < d->nsents; i++) {
        int rate = 0, words = 1;
        sent_copy(d, i, buf, sizeof buf);
        if (has_any(buf, NULL, none))
            continue;
        for (j = 0; j < d->nums.n && !rate; j++)
            rate = d->nums.v[j].kind == RC_RATE && d->nums.v[j].v > 0
                   && d->nums.v[j].start >= d->sents[i].start
                   && d->nums.v[j].end <= d->sents[i].end;
        if (!rate)
            continue;
        if (arms) {
            double lo = 1e9, hi = -1;
            size_t nr = 0;
            for (j = 0; j < d->nums.n; j++)
                if (d->nums.v[j].kind == RC_RATE && d->nums.v[j].start >= d->sents[i].start
                    && d->nums.v[j].end <= d->sents[i].end) {
                    double x = d->nums.v[j].v;
                    nr++;
                    lo = x < lo ? x : lo;
                    hi = x > hi ? x : hi;
                }
            if (nr < 2 || hi < lo * 1.5 || hi - lo < 0.03)
                continue;
        }
        if (!what[0]) {
            if (has_any(buf, NULL, generic_harm) || has_any(buf, NULL, occurred))
                return (long)i;
            continue;
        }
        for (j = 0; j < nws && words; j++)
            words = strlen(ws[j]) < 3 || rc_has_stem(buf, ws[j]);
        if (words && nws)
            return (long)i;
    }
    return -1;
}

/* "Completely free of side effects", "avoided weight gain entirely" (a
 * first-hand post too: the corpus can test a claim without exception)
 * over the record it speaks of, else a controlled record on the topic,
 * that reports the harm in a share of those treated. */
static int t_absence_refuted(struct vfacts *v)
{
    char what[64];
    struct cand *c = bound_cand(v);
    size_t i;
    long s;
    int arms;

    if (!absence_claim(v->m->r->text + v->cl->start, v->cl->end - v->cl->start, what,
                          sizeof what) || (v->f & RC_F_QUESTION) || v->cl->hedged || !v->best
        || claims_null(v->f))
        return 0;       /* ("no difference at all": a null result, not a harm) */
    /* first hand, it must say it of the treatment ("it is completely free
     * of side effects"), not of the speaker ("I had no side effects at all") */
    if (v->cl->source == LM_SOURCE_ANECDOTE) {
        static const char *const self[] = { "i had ", "i've had", "i have had", "i got ", "i felt ",
                                            "i never", "i didn't", "i did not", "i haven't",
                                            "i have not", "i experienced", "for me", "gave me",
                                            "i've never", "i noticed", NULL };
        char buf[400];
        claim_text(v, buf, sizeof buf);
        if (has_any(buf, NULL, self))
            return 0;
    }
    /* "no more side effects than on placebo": answered by a record whose
     * arms had the harm at different rates */
    {
        static const char *const more[] = { "no more ", "no greater ", "no higher ", "no worse ",
                                            NULL };
        char buf[400];
        claim_text(v, buf, sizeof buf);
        arms = has_any(buf, NULL, more) && rc_find_ci(buf, strlen(buf), " than ");
    }
    if (!c)
        c = mention_cand(v);
    if (c) {
        if ((s = harm_reported_as(c->d, what, arms)) < 0)
            return 0;
        return quote_why(v, c, "reports it", c->d->sents[s].start, c->d->sents[s].end);
    }
    /* the topic's controlled records, for side effects in general */
    /* (stopping for harms is side effects in general: any such record) */
    for (i = 0; (!what[0] || !strcmp(what, "discontinu")) && i < v->m->nc; i++) {
        c = &v->m->c[i];
        if ((lvl_of(c) == '1' || lvl_of(c) == '2') && (s = harm_reported_as(c->d, what, arms)) >= 0)
            return quote_why(v, c, "reports side effects", c->d->sents[s].start,
                             c->d->sents[s].end);
    }
    /* (one query: the topic's records that name adverse events) */
    if (!what[0] && (c = extra_cand(v, "\"adverse\" OR \"side\"", NULL, generic_harm, NULL, 0, &s))
        && (lvl_of(c) == '1' || lvl_of(c) == '2') && (s = harm_reported_as(c->d, what, arms)) >= 0)
        return quote_why(v, c, "reports side effects", c->d->sents[s].start,
                         c->d->sents[s].end);
    return 0;
}

/* Words of a record that says its effect grew with the dose. */
static const char *const graded_phrases[] = { "proportional to the", "dose-dependent",
                                              "dose dependent", "dose-response relationship",
                                              "greater with higher", "larger with higher",
                                              "increased with the dose", "increased with dose",
                                              NULL };

/* The sentence of @d that says its effect grew with the dose, not that
 * it did not or is not known; -1 none. */
static long graded_sentence(const struct rc_doc *d)
{
    static const char *const negs[] = { "no ", "not ", "neither", "unclear", "unknown",
                                        "whether", "?", NULL };
    char buf[700];
    size_t i;

    for (i = 0; i < d->nsents; i++) {
        sent_copy(d, i, buf, sizeof buf);
        if (has_any(buf, NULL, graded_phrases) && !has_any(buf, NULL, negs))
            return (long)i;
    }
    return -1;
}

/* "The more they trained, the better it worked" over a record, among the
 * candidates or on the topic, whose sentence says the effect grew with the
 * dose or intensity (none of the candidates found the doses equal). */
static int t_graded(struct vfacts *v)
{
    size_t i, pass;
    long s = -1;
    struct cand *c = NULL;

    if (v->cl->kind != RC_K_DOSE_RESPONSE || !of_treatment(v->cl) || v->cl->hedged
        || claims_null(v->f) || bound_cand(v))
        return 0;
    for (i = 0; i < v->m->nc; i++)
        if (lvl_of(&v->m->c[i]) >= '1' && lvl_of(&v->m->c[i]) <= '3'
            && dose_null_in(v, &v->m->c[i]))
            return 0;
    /* a controlled record first */
    for (pass = 0; pass < 2 && !c; pass++)
        for (i = 0; i < v->m->nc && !c; i++) {
            struct cand *x = &v->m->c[i];
            int strong = (lvl_of(x) == '1' || lvl_of(x) == '2') && !is_mixed_meta(x);
            if ((pass == 0) == strong && (s = graded_sentence(x->d)) >= 0)
                c = x;
        }
    if (!c && (c = extra_cand(v, "\"proportional\" OR \"dependent\" OR \"response\"", NULL,
                              graded_phrases, NULL, 0, &s)))
        s = graded_sentence(c->d);
    if (!c || s < 0)
        return 0;
    return quote_why(v, c, "reports the effect growing with the dose", c->d->sents[s].start,
                     c->d->sents[s].end);
}

/* Support needs an anchor: an agreeing number, the design the claim names,
 * the study the claim is bound to, or the claim's own words beyond the
 * drug and condition (two at least, and half of them) in the record. When
 * every record on the topic shares only the topic words, search rank would
 * otherwise pick the record and its design the verdict. */
/* A word of 6 letters or more that at most two of the topic's records
 * hold, when the topic holds five or more (a drug or trial name). */
static int rare_on_topic(lm_checker *k, const struct rc_topic *t, const struct word *w)
{
    char q[256];
    long c;

    if (w->len < 6 || !t->filter[0])
        return 0;
    if (k->tp.pool_complete)
        return rc_word_in_topic(k, w->word, w->stem, w->pre) <= 2;
    /* the topic's records are more than were read: count them */
    snprintf(q, sizeof q, "%s AND \"%s\"", t->filter, w->word);
    c = rc_count(k, q, 3);
    return c > 0 && c <= 2;
}

/* The direction a claim gives its outcome: -1 down ("reduced", "fewer"),
 * +1 up ("increased", "longer"), 2 better either way ("improved"), 0 none. */
static int claim_direction(const char *t, size_t n)
{
    static const char *const down[] = { "reduc", "cut", "lower", "decreas", "fell", "fall",
                                        "drop", "fewer", "shorten", "halv", "declin", "shrank",
                                        "less", NULL };
    static const char *const up[] = { "increas", "rais", "boost", "rose", "rise", "longer",
                                      "gain", "extend", "more", NULL };
    static const char *const better[] = { "improv", "better", "eas", "relie", NULL };
    char buf[400];
    int d = 0, u = 0;

    snprintf(buf, sizeof buf, "%.*s", (int)(n < 399 ? n : 399), t);
    d = has_any(buf, down, NULL);
    u = has_any(buf, up, NULL);
    if (d != u)
        return d ? -1 : 1;
    return has_any(buf, better, NULL) ? 2 : 0;
}

/* Two consecutive words of a finding's outcome ("flare days") as two
 * consecutive words of the claim, one of them beyond the topic's words: a
 * term of the outcome, though each word alone is the condition's or one
 * every story uses. */
static int outcome_pair(const struct vfacts *v, const char *outcome)
{
    char ow[12][32], cw[80][32];
    size_t no = stems_of(outcome, strlen(outcome), ow, 12), nc, i, j, t;

    if (no < 2)
        return 0;
    nc = stems_of(v->m->r->text + v->cl->start, v->cl->end - v->cl->start, cw, 80);
    for (i = 1; i < no; i++) {
        int topical = 0;
        for (t = 0; t < v->m->topic->n; t++)
            topical += !strcmp(ow[i - 1], v->m->topic->words[t])
                       + !strcmp(ow[i], v->m->topic->words[t]);
        if (topical >= 2 || strlen(ow[i - 1]) < 3 || strlen(ow[i]) < 3
            || (rc_stopword(&v->m->k->words, ow[i - 1], strlen(ow[i - 1]))
                && rc_stopword(&v->m->k->words, ow[i], strlen(ow[i]))))
            continue;
        for (j = 1; j < nc; j++)
            if (!strcmp(cw[j - 1], ow[i - 1]) && !strcmp(cw[j], ow[i]))
                return 1;
    }
    return 0;
}

/* The claim tells record @c's finding: its direction agrees with a finding
 * the record reports as a change (primary, or significant), whose outcome
 * ("monthly flare days") holds a word of the claim beyond the topic's (the
 * drug's and the condition's words anchor nothing). */
static long finding_anchors(const struct vfacts *v, const struct cand *c)
{
    const struct rc_model *md = &c->d->model;
    const struct rc_words *sw = &v->m->k->words;
    int dir = claim_direction(v->m->r->text + v->cl->start, v->cl->end - v->cl->start);
    size_t i, j;

    if (!dir || claims_null(v->f))
        return -1;
    for (i = 0; i < md->nfind; i++) {
        const struct rc_finding *f = &md->find[i];
        if (f->dir == 0 || f->sig == 0 || !(f->primary || f->sig == 1) || !f->outcome[0]
            || (dir != 2 && f->dir != dir))
            continue;
        for (j = 0; j < v->nw; j++) {
            const struct word *x = &v->w[j];
            if (x->topic || x->len < 4 || rc_stopword(sw, x->word, x->len))
                continue;
            if (rc_has_stem(f->outcome, x->stem))
                return (long)i;
        }
        if (outcome_pair(v, f->outcome))
            return (long)i;
    }
    return -1;
}

/* "Works for most people" over a record whose responders, on the
 * treatment, were under half: the share of a sentence that counts
 * responders ("a 50% or greater reduction was reached by 38%"), its
 * threshold aside; the largest such share, or -1 when none is given. */
static double responder_share(const struct rc_doc *d, long *sent)
{
    static const char *const resp[] = { "respon", "or greater reduction", "or more reduction",
                                        "at least 50%", "at least half", "halved", "remission",
                                        "clear or almost clear", "much improved", NULL };
    char buf[700];
    size_t i, j;
    double best = -1;

    for (i = 0; i < d->nsents; i++) {
        sent_copy(d, i, buf, sizeof buf);
        if (!has_any(buf, NULL, resp))
            continue;
        for (j = 0; j < d->nums.n; j++) {
            const struct rc_num *x = &d->nums.v[j];
            const char *after = d->text + x->end;
            /* ("reached by 46%" reads as a reduction by) */
            if ((x->kind != RC_RATE && x->kind != RC_REDUCTION) || x->v <= 0
                || x->start < d->sents[i].start || x->end > d->sents[i].end)
                continue;
            while (*after == ' ')
                after++;
            if (!strncasecmp(after, "or greater", 10) || !strncasecmp(after, "or more", 7)
                || !strncasecmp(after, "reduction", 9) || !strncasecmp(after, "improvement", 11))
                continue;       /* the threshold, not a share */
            if (x->v > best) {
                best = x->v;
                *sent = (long)i;
            }
        }
    }
    return best;
}

static int t_few_respond(struct vfacts *v)
{
    static const char *const most[] = { "most people", "most patients", "most of those",
                                        "most sufferers", "most users", "the majority",
                                        "nearly everyone", "almost everyone", "most adults",
                                        "most children", "most women", "most men", NULL };
    char buf[400];
    struct cand *c = bound_cand(v);
    size_t i;
    long s = -1;
    double share;

    claim_text(v, buf, sizeof buf);
    if (!(v->f & RC_F_EFFICACY) || claims_null(v->f) || (v->f & RC_F_QUESTION)
        || !has_any(buf, NULL, most))
        return 0;
    for (i = 0; i < v->cl->nums.n; i++)
        if (v->cl->nums.v[i].kind == RC_RATE)
            return 0;           /* its own share: the figure rows answer it */
    if (!c)
        c = mention_cand(v);
    for (i = 0; !c && i < v->m->nc; i++)
        if ((lvl_of(&v->m->c[i]) == '1' || lvl_of(&v->m->c[i]) == '2')
            && responder_share(v->m->c[i].d, &s) >= 0)
            c = &v->m->c[i];
    if (!c || (share = responder_share(c->d, &s)) < 0 || share >= 0.5)
        return 0;
    {
        const struct rc_sent *st = &c->d->sents[s];
        snprintf(v->why, sizeof v->why, "the article says it works for most; at most %.0f%% "
                 "responded in PMID %lld: \"%.*s\"", share * 100, (long long)c->d->pmid,
                 (int)(st->end - st->start < 200 ? st->end - st->start : 200), c->d->text + st->start);
    }
    v->best = c;
    return 1;
}

/* A benefit claimed of the topic's treatment with nothing to anchor it to
 * one record ("it has been shown to shorten colds": support.unanchored
 * would hold), where every
 * controlled record among the candidates found no difference on its
 * primary outcome: that evidence disagrees, whichever of them ranks first. */
static int t_unanchored(struct vfacts *v);

static int t_null_topic(struct vfacts *v)
{
    struct cand *null = NULL, *save = v->best;
    size_t i;

    if (!t_unanchored(v))
        return 0;       /* anchored: the null-primary row answers it */
    if (!(v->f & RC_F_EFFICACY) || claims_null(v->f) || (v->f & (RC_F_HEDGE_CLAIM | RC_F_QUESTION))
        || v->cl->hedged || !of_treatment(v->cl) || !v->has_topic_word
        || v->cl->kind == RC_K_DOSE_RESPONSE || v->cl->nums.n
        || claims_equal(v->m->r->text + v->cl->start, v->cl->end - v->cl->start))
        return 0;
    for (i = 0; i < v->m->nc; i++) {
        struct cand *c = &v->m->c[i];
        if (lvl_of(c) != '1' && lvl_of(c) != '2')
            continue;
        if (!record_null(c->d) || is_mixed_meta(c) || c->conflict)
            return 0;           /* a controlled record with a result */
        if (!null)
            null = c;
    }
    if (!null)
        return 0;
    v->best = null;
    if (compares_otherwise(v) || secondary_claim(v)) {
        v->best = save;
        return 0;
    }
    return 1;
}

/* step: a claim with no agreeing figure that tells the best record's
 * finding (its direction and a term of its outcome) is anchored by it */
static int t_finding_agrees(struct vfacts *v)
{
    const struct cand *b = v->best;
    long f;

    if (b->agree > 0 || b->conflict > 0 || (f = finding_anchors(v, b)) < 0)
        return 0;
    v->anchored = 1;
    {
        const struct rc_finding *fd = &b->d->model.find[f];
        snprintf(v->why, sizeof v->why, "%.*s",
                 (int)(fd->end - fd->start < 200 ? fd->end - fd->start : 200), b->d->text + fd->start);
    }
    return 1;
}

/* "Symptoms fell by 2.1 points on X and 1.9 on placebo": the claim gives
 * each arm's figure of a comparison the controlled record found no
 * difference in, and claims no more (no significance, no "better than"):
 * a faithful report of the null result, which the record supports. */
static int t_arms_told(struct vfacts *v)
{
    static const char *const control[] = { "placebo", "sham", "control", "dummy", "comparator",
                                           NULL };
    static const char *const more[] = { "significant", "better", "more than", "beat", "superior",
                                        "outperform", "greater", "bigger", "larger", "clearly",
                                        "proven", "proof", NULL };
    const struct rc_claim *cl = v->cl;
    struct cand *c = bound_cand(v) ? bound_cand(v) : v->best;
    const struct rc_finding *at = NULL;
    char buf[400];
    size_t i, arms = 0;

    if (!c || c->conflict > 0 || lvl_of(c) < '1' || lvl_of(c) > '2' || cl->nums.n < 2
        || cl->hedged)
        return 0;
    claim_text(v, buf, sizeof buf);
    if (!has_any(buf, NULL, control) || has_any(buf, NULL, more))
        return 0;
    for (i = 0; i < cl->nums.n && i < 64; i++) {
        const struct rc_finding *fd;
        const struct rc_num *x;
        if (!(x = agreeing_outcome(c, cl, i)))
            continue;
        if (!(fd = finding_at(c->d, x->start)) || fd->dir != 0 || fd->sig == 1
            || (at && fd != at))
            continue;
        at = fd;
        arms++;
    }
    if (arms < 2)
        return 0;
    v->best = c;
    snprintf(v->why, sizeof v->why, "%.*s",
             (int)(at->end - at->start < 200 ? at->end - at->start : 200), c->d->text + at->start);
    return 1;
}

static int t_unanchored(struct vfacts *v)
{
    const struct cand *b = v->best;
    size_t i, own = 0, hit = 0;

    /* (the year or the journal the claim gives the study is the record's:
     * a detail of it anchors the claim as a figure does) */
    if (b->agree > 0 || b->weak_agree > 0 || bound_cand(v) || v->anchored || b->details > 0)
        return 0;
    if (design_bonus(v->f, b->d) > 0
        || ((v->f & RC_F_CASE) && !strcmp(b->d->design, "case_report")))
        return 0;
    for (i = 0; i < v->nw; i++) {
        int has;
        if (v->w[i].topic || v->w[i].novel)
            continue;
        own++;
        has = has_stem(b->d->text, v->w[i].stem) != 0;
        hit += has;
        /* a name few records on the topic hold ("the Zorvex trial"), or
         * that the record's title gives: sharing it anchors the claim as
         * much as two common words */
        if (has && (rare_on_topic(v->m->k, v->m->topic, &v->w[i])
                    || (v->w[i].title_name && has_whole_word(b->d->title, v->w[i].word))))
            hit += 2;
    }
    return !(hit >= 2 && 2 * hit >= own);
}

static int t_mixed_meta(struct vfacts *v) { return is_mixed_meta(v->best); }
static int t_controlled(struct vfacts *v) { return lvl_of(v->best) == '1' || lvl_of(v->best) == '2'; }

/* Actions: the level, the matches and the reasons of a row. */
static lm_err act_plain(struct vfacts *v, const struct vrule *r)
{
    return rc_claim_reason(v->cl, r->code, r->tmpl, v->why,
                           (long long)(v->best ? v->best->d->pmid : 0));
}
/* The candidate that shares with the claim two of its own words (beyond
 * the topic's), one of them a word at most two records on the topic hold
 * (a receptor, a pathway, a named compound): the record the statement
 * comes closest to.  NULL when none does. */
static struct cand *anchored_cand(struct vfacts *v)
{
    size_t i, j;

    for (i = 0; i < v->m->nc; i++) {
        struct cand *c = &v->m->c[i];
        size_t shared = 0, rare = 0;
        for (j = 0; j < v->nw; j++) {
            const struct word *x = &v->w[j];
            if (x->topic || x->novel || rc_general_word(&v->m->k->words, x->word, strlen(x->word))
                || !has_stem(c->d->text, x->stem))
                continue;
            shared++;
            if (v->m->k->tp.pool_complete && rc_word_in_topic(v->m->k, x->word, x->stem, x->pre) <= 2)
                rare++;
        }
        if (shared >= 2 && rare >= 1)
            return c;
    }
    return NULL;
}
/* not a finding to check; the record a mechanism comes closest to, if one
 * does, is shown (not as support) */
static lm_err act_informative(struct vfacts *v, const struct vrule *r)
{
    struct cand *c = v->cl->kind == RC_K_MECHANISM ? anchored_cand(v) : NULL;
    lm_err rc;

    v->cl->level[0] = '\0';
    if (!c)
        return rc_claim_reason(v->cl, r->code, "%s", r->tmpl);
    if ((rc = add_match(v->cl, c, v->m->r->text, 0)) != LM_OK)
        return rc;
    return rc_claim_reason(v->cl, r->code, "%s; the closest record is PMID %lld", r->tmpl,
                           (long long)c->d->pmid);
}
static lm_err act_anecdote(struct vfacts *v, const struct vrule *r)
{
    set_level(v->cl, "anecdote");
    return rc_claim_reason(v->cl, r->code, "%s", (v->f & RC_F_TESTIMONIAL)
                           ? "a testimonial: one person's story, no study behind it"
                           : "a first-person report, no study behind it");
}
static lm_err act_not_covered(struct vfacts *v, const struct vrule *r)
{
    const char *text = v->m->r->text;
    size_t j, shown = 0;
    lm_buf nb = {0};
    lm_err rc;

    for (j = 0; j < v->nw && shown < 3; j++)
        if (subject_novel(v, j)) {
            if (lm_buf_printf(&nb, "%s\"%.*s\"", shown ? ", " : "", (int)v->w[j].len,
                              text + v->cl->start + v->w[j].pos) != LM_OK) {
                lm_buf_free(&nb);
                return LM_ERR_NOMEM;
            }
            shown++;
        }
    rc = rc_claim_reason(v->cl, r->code, "the claim is about something the corpus does not "
                         "cover (no record mentions %s)", lm_buf_str(&nb));
    lm_buf_free(&nb);
    return rc;
}
static lm_err act_l5_unmatched(struct vfacts *v, const struct vrule *r)
{
    set_level(v->cl, "L5");
    return act_plain(v, r);
}
static lm_err act_no_match(struct vfacts *v, const struct vrule *r)
{
    return rc_claim_reason(v->cl, r->code, "%s", v->m->k->corpus_size
                           ? "no study in the corpus matches this claim" : "the corpus is empty");
}
/* step: the best support and the numbers it agrees with */
static lm_err act_agreeing(struct vfacts *v, const struct vrule *r)
{
    struct rc_claim *cl = v->cl;
    const struct cand *best = v->best;
    char a[64], buf[400];
    size_t i;
    lm_err rc;

    (void)r;
    set_level(cl, best->d->level);
    for (i = 0; i < cl->nums.n && i < 64; i++) {
        const struct rc_num *c = &cl->nums.v[i];
        if (best->idx[i] < 0 || (best->cmp[i] != CMP_AGREE && best->cmp[i] != CMP_WEAK_AGREE))
            continue;
        {
            const struct rc_num *x = &best->d->nums.v[best->idx[i]];
            fmt_num(a, sizeof a, c);
            doc_quote(buf, sizeof buf, best->d, x);
            if ((rc = rc_claim_reason(cl, "numbers.agree", "%s matches PMID %lld: \"%s\"", a,
                                      (long long)best->d->pmid, buf)) != LM_OK)
                return rc;
            if (c->kind == RC_RATE && (rc = wilson_reason(cl, x->k >= 0 ? x : c)) != LM_OK)
                return rc;
        }
    }
    return LM_OK;
}
static lm_err act_other_outcome(struct vfacts *v, const struct vrule *r)
{
    v->cl->level[0] = '\0';
    return rc_claim_reason(v->cl, r->code, "the closest study (PMID %lld) measured another "
                           "outcome: it never says %s; no study in the corpus reports on the "
                           "outcome claimed", (long long)v->best->d->pmid, v->why);
}
static lm_err act_conflict(struct vfacts *v, const struct vrule *r)
{
    struct rc_claim *cl = v->cl;
    struct cand *best = v->best;
    const char *text = v->m->r->text;
    char a[64], b[64], buf[400];
    size_t i, j;
    lm_err rc;

    for (i = 0; i < cl->nums.n && i < 64; i++) {
        const struct rc_num *c = &cl->nums.v[i];
        const struct rc_num *x;
        if (best->cmp[i] != CMP_CONFLICT || best->idx[i] < 0)
            continue;
        x = &best->d->nums.v[best->idx[i] & 0xffff];
        fmt_num(a, sizeof a, c);
        fmt_num(b, sizeof b, x);
        doc_quote(buf, sizeof buf, best->d, x);
        if (best->idx[i] & 0x10000) {
            const struct rc_num *dn = NULL;
            for (j = 0; j < best->d->nums.n && !dn; j++)
                if (best->d->nums.v[j].kind == RC_CHANGE
                    && !strcmp(best->d->nums.v[j].what, "difference"))
                    dn = &best->d->nums.v[j];
            if (dn)
                fmt_num(b, sizeof b, dn);
            rc = rc_claim_reason(cl, "numbers.within_group", "%s is a within-group change in "
                                 "PMID %lld, not the difference from control%s%s: \"%s\"", a,
                                 (long long)best->d->pmid, dn ? ", which was " : "",
                                 dn ? b : "", buf);
        } else {
            rc = rc_claim_reason(cl, r->code, "the article says %s; PMID %lld reports %s: \"%s\"",
                                 a, (long long)best->d->pmid, b, buf);
        }
        if (rc != LM_OK)
            return rc;
        if (x->kind == RC_RATE && (rc = wilson_reason(cl, x)) != LM_OK)
            return rc;
        /* the same number agreeing with another study: merged claims */
        for (j = 0; j < v->m->nc; j++)
            if (&v->m->c[j] != best && v->m->c[j].cmp[i] == CMP_AGREE) {
                if ((rc = rc_claim_reason(cl, "study.merged", "%s belongs to another study "
                                          "(PMID %lld): the claim merges two studies", a,
                                          (long long)v->m->c[j].d->pmid)) != LM_OK
                    || (rc = add_match(cl, &v->m->c[j], text, 0)) != LM_OK)
                    return rc;
                break;
            }
    }
    if ((rc = add_match(cl, best, text, 0)) != LM_OK)
        return rc;
    return rc_claim_reason(cl, "design", "%s", design_words(best->d));
}
/* against the record the row's test chose (its level is the claim's) */
static lm_err act_against(struct vfacts *v, const struct vrule *r)
{
    lm_err rc = add_match(v->cl, v->best, v->m->r->text, 0);
    set_level(v->cl, v->best->d->level);
    return rc != LM_OK ? rc : act_plain(v, r);
}
/* against the two records the row's test chose */
static lm_err act_against_two(struct vfacts *v, const struct vrule *r)
{
    lm_err rc = act_against(v, r);

    return rc != LM_OK || !v->other ? rc : add_match(v->cl, v->other, v->m->r->text, 0);
}
/* against the record the row's test chose, and a second study the
 * claim's details come from when the test found one (merged) */
static lm_err act_against_merged(struct vfacts *v, const struct vrule *r)
{
    lm_err rc = act_against(v, r);

    if (rc != LM_OK || !v->other)
        return rc;
    if ((rc = add_match(v->cl, v->other, v->m->r->text, 0)) != LM_OK)
        return rc;
    return rc_claim_reason(v->cl, "study.merged", "%s of another study (PMID %lld): the claim "
                           "merges two studies", r->test == t_age_differs
                           ? "the people it names are those" : "the regimen it gives is that",
                           (long long)v->other->d->pmid);
}
/* not_found, with the record that comes closest shown */
static lm_err act_shown_unrated(struct vfacts *v, const struct vrule *r)
{
    lm_err rc = add_match(v->cl, v->best, v->m->r->text, 0);
    v->cl->level[0] = '\0';
    return rc != LM_OK ? rc : act_plain(v, r);
}
static lm_err act_not_found_unrated(struct vfacts *v, const struct vrule *r)
{
    v->cl->level[0] = '\0';
    return act_plain(v, r);
}
static lm_err act_l5(struct vfacts *v, const struct vrule *r)
{
    lm_err rc = add_match(v->cl, v->best, v->m->r->text, v->best->agree + v->best->weak_agree > 0);
    if (rc != LM_OK)
        return rc;
    return rc_claim_reason(v->cl, r->code, "%s: it does not show an effect in patients",
                           design_words(v->best->d));
}
static lm_err act_null_primary(struct vfacts *v, const struct vrule *r)
{
    lm_err rc = add_match(v->cl, v->best, v->m->r->text, 0);
    if (rc != LM_OK)
        return rc;
    return rc_claim_reason(v->cl, r->code, "the %s did not show the benefit claimed (PMID %lld)",
                           lvl_of(v->best) == '1' ? "review" : "trial",
                           (long long)v->best->d->pmid);
}
static lm_err act_support(struct vfacts *v, const struct vrule *r)
{
    struct rc_claim *cl = v->cl;
    size_t i;
    lm_err rc;

    if ((rc = add_match(cl, v->best, v->m->r->text, 1)) != LM_OK)
        return rc;
    for (i = 0; i < v->m->nc; i++)      /* other studies that agree */
        if (&v->m->c[i] != v->best && v->m->c[i].agree > 0 && v->m->c[i].conflict == 0
            && cl->nmatches < 3 && (rc = add_match(cl, &v->m->c[i], v->m->r->text, 1)) != LM_OK)
            return rc;
    if (claims_null(v->f) && (v->best->d->aflags & RC_A_NEGATIVE)
        && (rc = rc_claim_reason(cl, "finding.null_reported", "the claim reports the null "
                                 "result faithfully")) != LM_OK)
        return rc;
    return rc_claim_reason(cl, r->code, "%s", design_words(v->best->d));
}
/* Support for a gradient, graded by the record's design. */
static lm_err act_graded(struct vfacts *v, const struct vrule *r)
{
    lm_err rc;

    v->cl->verdict = is_mixed_meta(v->best) || (lvl_of(v->best) != '1' && lvl_of(v->best) != '2')
                     ? LM_VERDICT_UNCONTROLLED : LM_VERDICT_CONTROLLED;
    if ((rc = add_match(v->cl, v->best, v->m->r->text, 1)) != LM_OK
        || (rc = rc_claim_reason(v->cl, r->code, "%s", v->why)) != LM_OK)
        return rc;
    return rc_claim_reason(v->cl, "design", "%s", design_words(v->best->d));
}

/* A professional's hedged view, quoted ("it has the potential to change
 * how we treat X," said the chief medical officer): an opinion, not a
 * story a patient tells, and no finding to check. */
static int t_hedged_opinion(struct vfacts *v)
{
    static const char *const roles[] = { "officer", "doctor", "dr ", "dr.", "professor",
                                         "neurologist", "cardiologist", "researcher", "scientist",
                                         "spokes", "expert", "pharmacist", "physician", "chief",
                                         "director", "consultant", "specialist", NULL };
    static const char *const hedges[] = { "potential", "may ", "might", "could", "promising",
                                          "hope", "too early", "not a cure", NULL };
    char buf[400];
    const char *q;

    if ((v->cl->source != LM_SOURCE_ANECDOTE && v->cl->source != LM_SOURCE_OPINION)
        || v->cl->nums.n)
        return 0;
    claim_text(v, buf, sizeof buf);
    /* the attribution after the quote: "..." said/says/according to <role> */
    if (!(q = rc_find_ci(buf, strlen(buf), "\" said"))
        && !(q = rc_find_ci(buf, strlen(buf), "\" says"))
        && !(q = rc_find_ci(buf, strlen(buf), "\xe2\x80\x9d said"))
        && !(q = rc_find_ci(buf, strlen(buf), "\xe2\x80\x9d says")))
        return 0;
    if (!has_any(q, NULL, roles))
        return 0;
    {
        char quote[400];
        snprintf(quote, sizeof quote, "%.*s", (int)(q - buf), buf);
        return has_any(quote, NULL, hedges);
    }
}

/* "Taste changes in only 1% of users" over a record whose sentence on
 * taste gives 14% and 3%: a harm's rate is compared with the rates of the
 * record's sentences that name that harm (a word of the claim besides the
 * topic's), within the rounding a rate allows or a fifth of it; none of
 * them near, the record gives another rate for it. */
static int t_harm_rate(struct vfacts *v)
{
    const struct rc_claim *cl = v->cl;
    struct cand *c = bound_cand(v) ? bound_cand(v) : v->best;
    const struct rc_doc *d;
    size_t i, j, k;

    if (!c || !(v->f & RC_F_SAFETY) || (v->f & RC_F_QUESTION) || cl->hedged || !cl->nums.n
        || lvl_of(c) < '1' || lvl_of(c) > '4')
        return 0;
    d = c->d;
    for (i = 0; i < cl->nums.n && i < 64; i++) {
        const struct rc_num *x = &cl->nums.v[i];
        long at = -1;
        int near = 0;
        if (x->kind != RC_RATE || !strcmp(x->what, "prevalence"))
            continue;
        for (j = 0; j < v->nw && !near; j++) {
            const struct word *w = &v->w[j];
            size_t st;
            if (w->topic || w->len < 4 || w->pos > x->start - cl->start + 40
                || rc_stopword(&v->m->k->words, w->word, w->len)
                || rc_general_word(&v->m->k->words, w->word, w->len))
                continue;
            for (st = 0; st < d->nsents && !near; st++) {
                const struct rc_sent *se = &d->sents[st];
                int rates = 0;
                char buf[700];
                sent_copy(d, st, buf, sizeof buf);
                if (!rc_has_stem(buf, w->stem))
                    continue;
                for (k = 0; k < d->nums.n; k++) {
                    const struct rc_num *y = &d->nums.v[k];
                    if (y->kind != RC_RATE || y->start < se->start || y->start >= se->end)
                        continue;
                    rates++;
                    near |= close_to(x->v, y->v, 0.011, 0.2);
                }
                if (rates && at < 0)
                    at = (long)st;
            }
        }
        if (!near && at >= 0) {
            char what[64];
            snprintf(what, sizeof what, "gives another rate for it than the claim's %g%%",
                     x->v * 100);
            return quote_why(v, c, what, d->sents[at].start, d->sents[at].end);
        }
    }
    return 0;
}

/* The population a claim names after its treatment ("in people with
 * scarred lungs", "in men after knee surgery"): the stems of up to four
 * words after a head and a link, the general ones left out; how many. */
static size_t population_stems(const struct vfacts *v, const char *buf, char (*out)[32],
                               size_t max)
{
    static const char *const heads[] = { "in people ", "in patients ", "in adults ", "in men ",
                                         "in women ", "in those ", "in children ", "in kids ",
                                         "in individuals ", "for people ", "for patients ",
                                         "in anyone ", NULL };
    static const char *const links[] = { "with ", "after ", "following ", "undergoing ",
                                         "recovering from ", "living with ", "suffering from ",
                                         "who have ", "who had ", NULL };
    const char *p = NULL;
    size_t i, j, n = 0;

    for (i = 0; heads[i] && !p; i++) {
        const char *h = rc_find_ci(buf, strlen(buf), heads[i]);
        if (!h)
            continue;
        h += strlen(heads[i]);
        for (j = 0; links[j] && !p; j++)
            if (!strncasecmp(h, links[j], strlen(links[j])))
                p = h + strlen(links[j]);
    }
    while (p && *p && n < max) {
        size_t l = 0;
        while (isalpha((unsigned char)p[l]) || p[l] == '-')
            l++;
        if (!l)
            break;
        if (l >= 4 && l < 31 && !rc_stopword(&v->m->k->words, p, l)
            && !rc_general_word(&v->m->k->words, p, l)) {
            char w[32];
            for (j = 0; j < l; j++)
                w[j] = (char)tolower((unsigned char)p[j]);
            w[l] = '\0';
            rc_stem(w, l, out[n], sizeof out[n]);
            n++;
        }
        p += l;
        if (*p != ' ')
            break;      /* a clause ends the population */
        p++;
        if (!strncasecmp(p, "and ", 4) || !strncasecmp(p, "but ", 4) || !strncasecmp(p, "who ", 4))
            break;
    }
    return n;
}

/* How many of stems @st record @d holds; *excluded set when a sentence
 * holding them all says they were excluded. */
static size_t population_hits(const struct rc_doc *d, char (*st)[32], size_t n, int *excluded)
{
    size_t i, hit = 0, s;
    char buf[700];

    /* (inside a longer word too: "arthritis" in "osteoarthritis") */
    for (i = 0; i < n; i++)
        hit += rc_has_stem(d->text, st[i]) || (strlen(st[i]) >= 6 && strcasestr(d->text, st[i]));
    *excluded = 0;
    for (s = 0; hit == n && s < d->nsents && !*excluded; s++) {
        sent_copy(d, s, buf, sizeof buf);
        for (i = 0; i < n && rc_has_stem(buf, st[i]); i++)
            ;
        *excluded = i == n && (rc_has_stem(buf, "exclud") || rc_find_ci(buf, strlen(buf),
                                                                        "were not eligible"));
    }
    return hit;
}

/* "Zorvane also eases the cough in people with scarred lungs", bound to a
 * trial whose record names no such people, when another record on the
 * subject studied them (more of the population's words): that record
 * answers the claim (its design grades it). */
static int t_population_other(struct vfacts *v)
{
    char buf[400], st[4][32];
    struct cand *b = v->best, *o = NULL;
    size_t n, i, bh, oh = 0;
    int ex;

    if (!b || !of_treatment(v->cl) || b->agree > 0)
        return 0;
    claim_text(v, buf, sizeof buf);
    if (!(n = population_stems(v, buf, st, 4)) || (bh = population_hits(b->d, st, n, &ex)) == n)
        return 0;
    for (i = 0; i < v->m->nc; i++) {
        struct cand *c = &v->m->c[i];
        size_t h;
        if (c == b || c->conflict > 0 || (h = population_hits(c->d, st, n, &ex)) <= bh
            || 2 * h < n || ex || h <= oh || c->lex < 0.5 * b->lex)
            continue;
        o = c;
        oh = h;
    }
    if (!o)
        return 0;
    snprintf(v->why, sizeof v->why, "the people the claim names are those of PMID %lld, not "
             "of PMID %lld", (long long)o->d->pmid, (long long)b->d->pmid);
    v->m->ctx = 0;
    v->unbound = 1;
    v->best = o;
    return 1;
}

/* The population the claim names was excluded from the record that
 * names it, and no other record on the subject studied it, and no figure
 * of the claim anchors it ("helps in men after prostate surgery" over a trial
 * that excluded them); or the claim speaks of one sex ("women saw bigger
 * gains") and the record enrolled the other only. */
static int t_population_unstudied(struct vfacts *v)
{
    static const char *const fem[] = { "women", "woman", "female", "females", "girls", NULL };
    static const char *const mal[] = { "men", "man", "male", "males", "boys", NULL };
    char buf[400], st[4][32];
    const struct cand *b = v->best;
    size_t n, i;
    int ex, f = 0, m = 0, df = 0, dm = 0;

    if (!b || b->agree > 0 || v->cl->hedged || claims_null(v->f))
        return 0;
    claim_text(v, buf, sizeof buf);
    if (of_treatment(v->cl) && (n = population_stems(v, buf, st, 4)) > 0) {
        int any = 0;
        for (i = 0; i < v->m->nc && !any; i++) {
            size_t h = population_hits(v->m->c[i].d, st, n, &ex);
            any = 2 * h >= n && !ex;
        }
        /* (words no record holds may only paraphrase its people: "with
         * frequent attacks" for "with 4 to 14 attack days a month") */
        if (!any && population_hits(b->d, st, n, &ex) == n && ex) {
            snprintf(v->why, sizeof v->why, "the closest record excluded the people the claim "
                     "names");
            return 1;
        }
        return 0;
    }
    for (i = 0; fem[i]; i++) {
        f |= rc_find_word(buf, fem[i], strlen(fem[i])) != NULL;
        df |= rc_find_word(b->d->text, fem[i], strlen(fem[i])) != NULL;
    }
    for (i = 0; mal[i]; i++) {
        m |= rc_find_word(buf, mal[i], strlen(mal[i])) != NULL;
        dm |= rc_find_word(b->d->text, mal[i], strlen(mal[i])) != NULL;
    }
    if (f == m || (f && (df || !dm)) || (m && (dm || !df)))
        return 0;
    snprintf(v->why, sizeof v->why, "the closest record enrolled %s only", f ? "men" : "women");
    return 1;
}

/* Days in a unit word at @p ("hours", "day", "wk"), 0 none; its length in
 * *len. */
static double unit_days(const char *p, size_t *len)
{
    static const struct { const char *w; double d; } u[] = {
        { "minute", 1.0 / 1440 }, { "hour", 1.0 / 24 }, { "day", 1 }, { "night", 1 },
        { "week", 7 }, { "month", 30 }, { "year", 365 }, { NULL, 0 } };
    size_t i;

    for (i = 0; u[i].w; i++)
        if (!strncasecmp(p, u[i].w, strlen(u[i].w))) {
            *len = strlen(u[i].w);
            return u[i].d;
        }
    return 0;
}

/* A count written as a word or in digits at @p; -1 none. */
static double count_at(const char *p, size_t *len)
{
    static const char *const w[] = { "a", "one", "two", "three", "four", "five", "six", "seven",
                                     "eight", "nine", "ten", "the first", "a single", "the", NULL };
    static const double v[] = { 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 1, 1 };
    size_t i;

    if (isdigit((unsigned char)*p)) {
        char *e;
        double x = strtod(p, &e);
        *len = (size_t)(e - p);
        return x;
    }
    for (i = 0; w[i]; i++)
        if (!strncasecmp(p, w[i], strlen(w[i])) && p[strlen(w[i])] == ' ') {
            *len = strlen(w[i]) + 1;
            if (!strncasecmp(p + *len, "few ", 4) || !strncasecmp(p + *len, "first ", 6)) {
                *len += p[*len] == 'f' && p[*len + 1] == 'e' ? 4 : 6;
                return i < 2 ? 3 : 1;
            }
            return v[i];
        }
    return -1;
}

/* How soon the claim says the benefit came ("within the first week",
 * "within two days", "after a single dose" no): days, 0 none. */
static double onset_days(const char *buf)
{
    static const char *const lead[] = { "within ", "in the first ", "during the first ",
                                        "from the first ", NULL };
    size_t i;

    for (i = 0; lead[i]; i++) {
        const char *p = buf;
        while ((p = rc_find_ci(p, strlen(p), lead[i])) != NULL) {
            size_t l = 0, ul = 0;
            double n, d;
            p += strlen(lead[i]);
            if (i > 0)
                n = 1;
            else if ((n = count_at(p, &l)) < 0)
                continue;
            while (p[l] == ' ' || p[l] == '-')
                l++;
            if (n > 0 && (d = unit_days(p + l, &ul)) > 0)
                return n * d;
        }
    }
    return 0;
}

/* The earliest time point record @d's text gives ("at weeks 4 and 8",
 * "for 12 weeks", "24-hour", "day 3"), in days; 0 none. */
static double earliest_point(const struct rc_doc *d)
{
    const char *t = d->text, *p;
    double best = 0;

    for (p = t; *p; p++) {
        size_t l = 0, ul = 0;
        double n = -1, u = 0;
        if (p > t && isalnum((unsigned char)p[-1]))
            continue;
        if (isdigit((unsigned char)*p)) {
            n = count_at(p, &l);
            while (p[l] == ' ' || p[l] == '-')
                l++;
            u = unit_days(p + l, &ul);
        } else if ((u = unit_days(p, &ul)) > 0) {
            /* "week 4", "weeks 4 and 8", "day 14" */
            l = ul;
            if (p[l] == 's')
                l++;
            if (p[l] == ' ' && isdigit((unsigned char)p[l + 1]))
                n = strtod(p + l + 1, NULL);
        }
        if (n > 0 && u > 0 && (best == 0 || n * u < best))
            best = n * u;
    }
    return best;
}

/* "Symptoms improved within the first week" over a record whose earliest
 * time point is week 4: the record says nothing of so early a benefit. */
static int t_onset_unreported(struct vfacts *v)
{
    struct cand *c = bound_cand(v) ? bound_cand(v) : v->best;
    char buf[400];
    double d, e;

    size_t i;

    if (!c || claims_null(v->f) || !of_treatment(v->cl))
        return 0;
    for (i = 0; i < v->m->nc; i++)
        if (v->m->c[i].agree > 0 || v->m->c[i].weak_agree > 0)
            return 0;   /* a record gives the claim's figure (its time) */
    claim_text(v, buf, sizeof buf);
    if ((d = onset_days(buf)) <= 0 || (e = earliest_point(c->d)) <= 0 || e <= d * 1.5)
        return 0;
    v->best = c;
    snprintf(v->why, sizeof v->why, "the claim says within %g day%s; the earliest time point "
             "PMID %lld gives is %g days", d, d == 1 ? "" : "s", (long long)c->d->pmid, e);
    return 1;
}

/* "Scores improved in both groups, and the difference could have been
 * due to chance", "rates were similar in the two groups", "the trial does
 * not show that": the claim tells a null comparison, whatever hedge or
 * negation it uses, and the controlled record it rests on found no
 * difference there (a null finding sharing a word of the claim's outcome,
 * or a null result overall): a faithful report of that trial. */
static int null_told_by(const struct vfacts *v, const struct cand *c)
{
    const struct rc_model *m = &c->d->model;
    char sent[400];
    size_t i, j;

    if (lvl_of(c) < '1' || lvl_of(c) > '2' || c->conflict > 0)
        return 0;
    for (i = 0; i < m->nfind; i++) {
        const struct rc_finding *f = &m->find[i];
        if (f->dir != 0 || f->sig == 1)
            continue;
        snprintf(sent, sizeof sent, "%.*s", (int)(f->end - f->start < 399 ? f->end - f->start : 399),
                 c->d->text + f->start);
        for (j = 0; j < v->nw; j++)
            if (!v->w[j].topic && v->w[j].len >= 4 && rc_has_stem(sent, v->w[j].stem)
                && !rc_stopword(&v->m->k->words, v->w[j].word, v->w[j].len)
                && !rc_general_word(&v->m->k->words, v->w[j].word, v->w[j].len))
                return 1;
    }
    return record_null(c->d);
}

static int t_null_told(struct vfacts *v)
{
    static const char *const told[] = { "in both groups", "in the two groups", "between the groups",
                                        "between groups", "due to chance", "by chance",
                                        "no significant difference", "no real difference",
                                        "no clear difference", "not significantly different",
                                        "did not differ", "was not significant",
                                        "were not significant", "could detect",
                                        "could not detect", "does not show", "did not show",
                                        "not beat", "no better than", "not better than",
                                        "not outperform", NULL };
    char buf[400];
    struct cand *c = v->best ? (bound_cand(v) ? bound_cand(v) : v->best) : NULL;
    size_t i;

    if (!c || v->cl->source == LM_SOURCE_ANECDOTE || (v->f & RC_F_QUESTION))
        return 0;
    claim_text(v, buf, sizeof buf);
    if (!has_any(buf, NULL, told) || rc_find_ci(buf, strlen(buf), "better than")
        || rc_find_ci(buf, strlen(buf), "more than"))
        return 0;
    /* (the trial the claim means, when the best record is a case or a
     * review the claim shares more words with) */
    if (!null_told_by(v, c)) {
        for (i = 0; i < v->m->nc && !null_told_by(v, &v->m->c[i]); i++)
            ;
        if (i == v->m->nc)
            return 0;
        c = &v->m->c[i];
    }
    v->best = c;
    snprintf(v->why, sizeof v->why, "the claim tells faithfully that PMID %lld found no "
             "difference", (long long)c->d->pmid);
    return 1;
}

/* Support told as the row's reason, then graded by the record's design. */
static lm_err act_support_told(struct vfacts *v, const struct vrule *r)
{
    lm_err rc;

    set_level(v->cl, v->best->d->level);
    if ((rc = add_match(v->cl, v->best, v->m->r->text, 1)) != LM_OK
        || (rc = rc_claim_reason(v->cl, r->code, "%s", v->why)) != LM_OK)
        return rc;
    return rc_claim_reason(v->cl, "design.controlled", "%s", design_words(v->best->d));
}

/* The claim says in words that its study was randomised. */
static int says_randomised(const char *t, size_t n)
{
    static const char *const unsaid[] = { "may ", "might ", "until ", "will ", "would ",
                                          "needed", "needs ", "await", NULL };
    char buf[400];

    snprintf(buf, sizeof buf, "%.*s", (int)(n < 399 ? n : 399), t);
    /* (trials hoped for, "until randomised trials report", are none) */
    if (has_any(buf, NULL, unsaid))
        return 0;
    return rc_has_stem(buf, "randomi") || rc_has_stem(buf, "placebo-controlled")
           || rc_find_word(buf, "RCT", 3) != NULL;
}

/* "The study was a randomised controlled trial", bound to a study whose
 * record is no randomised trial (a cohort, treatment "not randomised"):
 * the design it claims is not the study's. */
static int t_design_differs(struct vfacts *v)
{
    struct cand *c = bound_cand(v);
    const struct rc_doc *d;

    if (!c || !(v->f & RC_F_RCT) || claims_null(v->f) || v->cl->hedged
        || (v->f & RC_F_HEDGE_CLAIM)
        || !says_randomised(v->m->r->text + v->cl->start, v->cl->end - v->cl->start))
        return 0;
    d = c->d;
    if (lvl_of(c) <= '2' || (d->aflags & RC_A_META) || d->model.placebo)
        return 0;
    if (!(d->aflags & (RC_A_COHORT | RC_A_OPENLABEL | RC_A_CASE)) && !rc_has_stem(d->text,
                                                                                 "non-random"))
        return 0;
    snprintf(v->why, sizeof v->why, "the article calls it a randomised trial; PMID %lld is %s",
             (long long)d->pmid, design_words(d));
    v->best = c;
    return 1;
}

static const struct vrule rc_verdict_rules[] = {
    { "claim.mechanism", t_mechanism, LM_VERDICT_NOT_FOUND, act_informative,
      "a statement of mechanism, not a finding a study in the corpus reports" },
    { "claim.background", t_background, LM_VERDICT_NOT_FOUND, act_informative,
      "background, not a finding to check" },
    { "safety.absence_refuted", t_absence_refuted, LM_VERDICT_CONTRADICTED, act_against,
      "an absence claimed without exception; %s" },
    { "claim.hedged_opinion", t_hedged_opinion, LM_VERDICT_NOT_FOUND, act_not_found_unrated,
      "a professional's hedged view, quoted: not a finding a study in the corpus reports%.0s" },
    { "source.testimonial", t_anecdote, LM_VERDICT_ANECDOTAL, act_anecdote, NULL },
    { "source.publisher_data", t_commercial, LM_VERDICT_NOT_FOUND, act_plain,
      "the figure comes from the publisher's own (unpublished) data; no study in the corpus "
      "reports it%.0s" },
    { "finding.null_told", t_null_told, LM_VERDICT_CONTROLLED, act_support_told, NULL },
    { "claim.speculation", t_speculation, LM_VERDICT_NOT_FOUND, act_plain,
      "speculation about what would have happened; no study in the corpus tests it%.0s" },
    { "claim.hedged_mechanism", t_hedged_mechanism, LM_VERDICT_NOT_FOUND, act_plain,
      "a hedged statement of how it may work, not a finding a study in the corpus "
      "reports%.0s" },
    { "corpus.not_covered", t_not_covered, LM_VERDICT_NOT_FOUND, act_not_covered, NULL },
    { "source.animal_unmatched", t_animal_unmatched, LM_VERDICT_ANECDOTAL, act_l5_unmatched,
      "animal or laboratory work presented as evidence for people; no matching record in the "
      "corpus%.0s" },
    { "safety.adverse_frequent", t_safety_frequent, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "finding.dose_null_topic", t_dose_null_topic, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "match.none", t_no_match, LM_VERDICT_NOT_FOUND, act_no_match, NULL },
    { "design.differs", t_design_differs, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "population.other_record", t_population_other, RC_V_STEP, act_plain, "%s" },
    { "population.unstudied", t_population_unstudied, LM_VERDICT_NOT_FOUND, act_not_found_unrated,
      "%s (PMID %lld): no study in the corpus reports on them" },
    { "safety.rate_differs", t_harm_rate, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "numbers.agree", t_always, RC_V_STEP, act_agreeing, NULL },
    { "outcome.other", t_other_outcome, LM_VERDICT_NOT_FOUND, act_other_outcome, NULL },
    { "corpus.other_subject", t_other_subject, LM_VERDICT_NOT_FOUND, act_not_found_unrated,
      "no record in the corpus is about \"%s\": the closest one (PMID %lld) studies something "
      "else, so its figures cannot contradict the claim" },
    { "numbers.differ", t_conflict, LM_VERDICT_CONTRADICTED, act_conflict, NULL },
    { "population.age_differs", t_age_differs, LM_VERDICT_CONTRADICTED, act_against_merged, "%s" },
    { "population.differs", t_population_differs, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "study.merged", t_merged, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "study.merged_details", t_merged_details, LM_VERDICT_CONTRADICTED, act_against_two, "%s" },
    { "numbers.n_of_fewer", t_n_of_fewer, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "regimen.differs", t_regimen_differs, LM_VERDICT_CONTRADICTED, act_against_merged, "%s" },
    { "durability.waned", t_durability_waned, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "safety.harm_reported", t_safety_harm, LM_VERDICT_CONTRADICTED, act_against,
      "safety claimed without exception; PMID %2$lld reports a harm: %1$s" },
    { "safety.unreported", t_safety_unreported, LM_VERDICT_NOT_FOUND, act_not_found_unrated,
      "no study in the corpus reports on the safety claimed%.0s" },
    { "venue.year", t_venue_year, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "venue.differs", t_venue_differs, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "finding.graded", t_graded, LM_VERDICT_CONTROLLED, act_graded, NULL },
    { "finding.few_respond", t_few_respond, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "finding.agrees", t_finding_agrees, RC_V_STEP, act_plain,
      "the claim tells the finding of PMID %2$lld: \"%1$s\"" },
    { "finding.arms_told", t_arms_told, LM_VERDICT_CONTROLLED, act_against,
      "the claim gives each arm's figure of a comparison PMID %2$lld found no difference in, "
      "and claims no more: \"%1$s\"" },
    { "finding.null_topic", t_null_topic, LM_VERDICT_CONTRADICTED, act_null_primary, NULL },
    { "support.onset_unreported", t_onset_unreported, LM_VERDICT_NOT_FOUND,
      act_not_found_unrated, "%s: no study in the corpus reports so early a change" },
    { "support.unanchored", t_unanchored, LM_VERDICT_NOT_FOUND, act_not_found_unrated,
      "the closest record (PMID %.0s%lld) shares only the topic's words with the claim: "
      "no number, design or finding of it anchors the claim" },
    { "claim.hedged_case", t_hedged_case, LM_VERDICT_NOT_FOUND, act_shown_unrated,
      "a hedged claim%.0s no study supports: the closest record (PMID %lld) is a single case" },
    { "finding.dose_failed", t_every_dose, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "design.l5", t_l5, LM_VERDICT_ANECDOTAL, act_l5, NULL },
    { "finding.null_primary", t_null_primary, LM_VERDICT_CONTRADICTED, act_null_primary, NULL },
    { "finding.not_superior", t_not_superior, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "finding.not_equal", t_not_equal, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "finding.exploratory", t_exploratory, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "finding.number_null", t_number_null, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "finding.outcome_null", t_outcome_null, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "finding.dose_null", t_dose_null, LM_VERDICT_CONTRADICTED, act_against, "%s" },
    { "regimen.dose_failed", t_dose_negated, LM_VERDICT_CONTRADICTED, act_against,
      "the study found that this dose did not work%.0s (PMID %lld)" },
    { "safety.adverse_reported", t_safety_adverse, LM_VERDICT_CONTRADICTED, act_against,
      "the study reports adverse effects%.0s (PMID %lld)" },
    { "design.mixed_meta", t_mixed_meta, LM_VERDICT_UNCONTROLLED, act_support, NULL },
    { "design.controlled", t_controlled, LM_VERDICT_CONTROLLED, act_support, NULL },
    { "design.uncontrolled", t_always, LM_VERDICT_UNCONTROLLED, act_support, NULL },
};

size_t rc_verdict_rule_count(void)
{
    return sizeof rc_verdict_rules / sizeof rc_verdict_rules[0];
}

const char *rc_verdict_rule_code(size_t i)
{
    return i < rc_verdict_rule_count() ? rc_verdict_rules[i].code : NULL;
}

/* Verbs of benefit the sentence rules leave to context ("proved it
 * shortens colds", "eases the ache"): a claim of efficacy all the same. */
static int asserts_benefit(const char *t, size_t n)
{
    static const char *const stems[] = { "shorten", "reliev", NULL };
    static const char *const words[] = { "proved", "proves", "eases", "eased", "speeds", NULL };
    char buf[400];
    size_t i;

    snprintf(buf, sizeof buf, "%.*s", (int)(n < 399 ? n : 399), t);
    for (i = 0; words[i]; i++)
        if (has_whole_word(buf, words[i]))
            return 1;
    return has_any(buf, stems, NULL);
}

/* A null result told with a hedge of degree ("not clearly better than
 * placebo", "no real difference", "did not beat"): the claim says it did
 * not work, as kw.null's phrases do. */
static int asserts_null(const char *t, size_t n)
{
    static const char *const nots[] = { "not ", "no ", "n't ", "never ", NULL };
    static const char *const degree[] = { "clearly ", "significantly ", "meaningfully ",
                                          "really ", "much ", "any ", "real ", "clear ",
                                          "obvious ", "noticeably ", "statistically ", NULL };
    static const char *const than[] = { "better than", "different from", "superior to",
                                        "more effective than", "beat ", "outperform", "difference",
                                        "advantage", NULL };
    char buf[400];
    const char *p;
    size_t i, j;

    snprintf(buf, sizeof buf, "%.*s", (int)(n < 399 ? n : 399), t);
    for (i = 0; nots[i]; i++)
        for (p = buf; (p = rc_find_ci(p, strlen(p), nots[i])) != NULL; p++) {
            const char *q = p + strlen(nots[i]);
            /* (a whole word, but "didn't", "wasn't") */
            if (p > buf && isalpha((unsigned char)p[-1]) && strcmp(nots[i], "n't "))
                continue;
            for (j = 0; degree[j]; j++)
                if (!strncasecmp(q, degree[j], strlen(degree[j])))
                    break;
            if (!degree[j])
                continue;
            q += strlen(degree[j]);
            for (j = 0; than[j]; j++)
                if (!strncasecmp(q, than[j], strlen(than[j])))
                    return 1;
        }
    return 0;
}

/* An observational design named in epidemiology's words ("a population
 * study", "population-based", users against non-users) that kw.observational
 * leaves out: the claim names a cohort's design. */
static int names_observational(const char *t, size_t n)
{
    static const char *const phrases[] = { "population study", "population studies",
                                           "population-based", "population based", "non-users",
                                           "nonusers", "non users", "case-control",
                                           "case control", NULL };
    char buf[400];

    snprintf(buf, sizeof buf, "%.*s", (int)(n < 399 ? n : 399), t);
    return has_any(buf, NULL, phrases);
}

static lm_err verdict_of(struct mctx *m, struct rc_claim *cl, unsigned f,
                         const struct word *w, size_t nw, int has_topic_word)
{
    struct vfacts v;
    size_t i;
    lm_err rc;

    memset(&v, 0, sizeof v);
    v.m = m;
    v.cl = cl;
    v.f = f | (asserts_benefit(m->r->text + cl->start, cl->end - cl->start) ? RC_F_EFFICACY : 0)
          | (asserts_null(m->r->text + cl->start, cl->end - cl->start) ? RC_F_NULL : 0)
          | (names_observational(m->r->text + cl->start, cl->end - cl->start)
             ? RC_F_OBSERVATIONAL : 0);
    v.w = w;
    v.nw = nw;
    v.has_topic_word = has_topic_word;
    for (i = 0; i < m->nc; i++)
        if (!v.best || m->c[i].score > v.best->score)
            v.best = &m->c[i];
    /* "the trial of 150 older adults used 12.5 mg" bound to the trial of
     * 410 the article named first: the sample size the claim gives, which
     * that record lacks and another has with more of its figures, says it
     * speaks of the other study */
    {
        struct cand *b = bound_cand(&v), *o = NULL;
        size_t j;
        for (i = 0; b && i < cl->nums.n && i < 64 && !o; i++) {
            if (cl->nums.v[i].kind != RC_N || b->cmp[i] == CMP_AGREE)
                continue;
            for (j = 0; j < m->nc && !o; j++)
                if (&m->c[j] != b && m->c[j].cmp[i] == CMP_AGREE && m->c[j].agree > b->agree
                    && m->c[j].conflict == 0)
                    o = &m->c[j];
        }
        if (o) {
            m->ctx = 0;
            v.unbound = 1;
            v.best = o;
        }
    }
    /* a claim bound to a study the article named rests on that study's
     * record when it fits as well: no conflict, as many figures, words (or
     * the claim leans back on it: "those on the sham tablet") and design
     * words agree, a design as strong */
    {
        struct cand *b = bound_cand(&v);
        const char *ct = m->r->text + cl->start;
        size_t cn = cl->end - cl->start;
        /* ("in those earlier studies": the figures are that study's,
         * whichever other record shares them) */
        int names_it = refers_back(ct, cn) && b && b->lex + 1e-9 >= (v.best ? v.best->lex : 0);
        if (b && v.best && b != v.best && b->conflict == 0
            && ((b->agree >= v.best->agree
                 && b->agree + b->weak_agree >= v.best->agree + v.best->weak_agree
                 && (b->lex + 1e-9 >= v.best->lex || leans_back(ct, cn))
                 && lvl_of(b) <= lvl_of(v.best)) || names_it)
            && design_bonus(f, b->d) >= design_bonus(f, v.best->d) && lvl_of(b) >= '1')
            v.best = b;
    }
    for (i = 0; i < nw; i++) {
        int nv = subject_novel(&v, i);
        v.novel += nv;
        v.novel_cap += nv && w[i].cap;
        if (i > 0 && nv && subject_novel(&v, i - 1) && w[i - 1].pos + w[i - 1].len + 1 == w[i].pos)
            v.novel_pair = 1;
    }
    /* the claim's figures agree as well with a record of a stronger design
     * (a randomised trial for a non-randomised one): that record answers
     * it, unless the claim speaks of a study the article named */
    for (i = 0; v.best && !bound_cand(&v) && i < m->nc; i++) {
        struct cand *c = &m->c[i];
        if (c != v.best && v.best->agree > 0 && c->agree >= v.best->agree
            && c->agree + c->weak_agree >= v.best->agree + v.best->weak_agree && c->conflict == 0
            && v.best->conflict == 0 && lvl_of(c) >= '1' && lvl_of(c) < lvl_of(v.best)
            && lvl_of(v.best) >= '3' && lvl_of(v.best) <= '4' && c->lex >= 0.5)
            v.best = c;
    }
    for (i = 0; i < rc_verdict_rule_count(); i++) {
        const struct vrule *r = &rc_verdict_rules[i];
        v.why[0] = '\0';
        /* rows past match.none need a candidate: it exists there */
        if (!r->test(&v))
            continue;
        if (r->verdict != RC_V_STEP)
            cl->verdict = (lm_verdict)r->verdict;
        if ((rc = r->act(&v, r)) != LM_OK)
            return rc;
        if (r->verdict != RC_V_STEP)
            return LM_OK;
    }
    return LM_OK;
}

/* ---- driver ---------------------------------------------------------------- */

/* A contradicted claim leads with why: the agreeing numbers come after. */
static void reasons_disagreement_first(struct rc_claim *cl)
{
    size_t i, j = 0;
    char **tmp = malloc(cl->nreasons * sizeof *tmp);

    if (!tmp)
        return;                 /* the order is cosmetic */
    const char **tc = malloc(cl->nreasons * sizeof *tc);

    if (!tc) {
        free(tmp);
        return;
    }
    for (i = 0; i < cl->nreasons; i++)
        if (strcmp(cl->codes[i], "numbers.agree"))
            tc[j] = cl->codes[i], tmp[j++] = cl->reasons[i];
    for (i = 0; i < cl->nreasons; i++)
        if (!strcmp(cl->codes[i], "numbers.agree"))
            tc[j] = cl->codes[i], tmp[j++] = cl->reasons[i];
    memcpy(cl->reasons, tmp, cl->nreasons * sizeof *tmp);
    memcpy(cl->codes, tc, cl->nreasons * sizeof *tc);
    free(tmp);
    free(tc);
}

/* Does record @d hold the article's main topic word (or the word its
 * acronym stands for)? */
static int on_main_topic(const struct rc_topic *t, const struct rc_doc *d)
{
    return has_stem(d->text, t->words[0]) || (t->alias[0][0] && has_stem(d->text, t->alias[0]));
}

/* Does record @d name topic word @w: itself, spelt out, or its alias? */
static int names_topic_word(const struct rc_topic *t, const struct rc_doc *d, const struct word *w)
{
    size_t i;

    if (has_stem(d->text, w->stem) || spells_out(d->text, w))
        return 1;
    for (i = 0; i < t->n; i++)
        if (t->alias[i][0] && !strcmp(t->words[i], w->stem) && has_stem(d->text, t->alias[i]))
            return 1;
    return 0;
}

/* ---- a study mention's own record ------------------------------------------ */

/* Does the mention's sentence say it is a later look at a trial ("the
 * extension", "a post hoc analysis")?  Else a record that is one ranks
 * after the trial itself. */
static const char *const derived_words[] = { "extension", "post hoc", "post-hoc",
                                             "secondary analysis", "exploratory analysis",
                                             "subgroup", "follow-up of", "withdrawal", NULL };

static int says_derived(const char *s, size_t n)
{
    size_t i;

    for (i = 0; derived_words[i]; i++)
        if (rc_find_ci(s, n, derived_words[i]))
            return 1;
    return 0;
}

struct mfit {
    const struct rc_mention *m;
    const char *text;           /* the article */
    const struct rc_doc *d;
    char msg[96];
};

/* n: a sample size of the record equals it; or, a round figure ("nearly
 * 2,000"), lies within 5% of it. */
static double f_n(struct mfit *x)
{
    size_t i;
    long best = 0;

    if (x->m->n <= 0)
        return 0;
    for (i = 0; i < x->d->nums.n; i++) {
        const struct rc_num *v = &x->d->nums.v[i];
        if (v->kind != RC_N && v->kind != RC_COUNT)
            continue;
        if ((long)v->v == x->m->n) {
            snprintf(x->msg, sizeof x->msg, "n=%ld matches", x->m->n);
            return 1;
        }
        if (x->m->n >= 100 && x->m->n % 50 == 0
            && fabs(v->v - (double)x->m->n) <= 0.05 * (double)x->m->n)
            best = (long)v->v;
    }
    if (best) {
        snprintf(x->msg, sizeof x->msg, "n=%ld is about %ld", x->m->n, best);
        return 0.6;
    }
    return 0;
}

static double f_year(struct mfit *x)
{
    if (!x->m->year || !x->d->year)
        return 0;
    if (x->m->year == x->d->year) {
        snprintf(x->msg, sizeof x->msg, "year %d matches", x->m->year);
        return 1;
    }
    if (abs(x->m->year - x->d->year) == 1) {
        snprintf(x->msg, sizeof x->msg, "year %d is one from %d", x->m->year, x->d->year);
        return 0.4;
    }
    return 0;
}

/* the venue's own words ("Journal", "The" aside) in the record's journal */
static double f_venue(struct mfit *x)
{
    const char *p = x->m->venue;
    size_t words = 0, found = 0;

    if (!p[0] || !x->d->journal || !x->d->journal[0])
        return 0;
    while (*p) {
        size_t l = 0;
        while (*p && !isalpha((unsigned char)*p))
            p++;
        while (isalpha((unsigned char)p[l]))
            l++;
        if (l >= 4 && isupper((unsigned char)*p) && strncasecmp(p, "journal", l)
            && strncasecmp(p, "international", l)) {
            words++;
            found += rc_find_word(x->d->journal, p, l) != NULL;
        }
        p += l;
    }
    if (!words || 2 * found < words)
        return 0;
    snprintf(x->msg, sizeof x->msg, "venue %.40s matches %.40s", x->m->venue, x->d->journal);
    return found == words ? 1 : 0.5;
}

/* the design the article names against the record's */
static double f_design(struct mfit *x)
{
    const char *s = x->m->design;
    char lv = x->d->level[1];
    int fits;

    if (!lv)
        return 0;
    /* animal or bench work for a study the article does not say is one */
    if ((x->d->aflags & (RC_A_ANIMAL | RC_A_INVITRO)) && strcmp(s, "animal"))
        return -1;
    if (!s[0])
        return 0;
    if (!strcmp(s, "meta-analysis"))
        fits = lv == '1' || strstr(x->d->pub_types ? x->d->pub_types : "", "Meta-Analysis")
               ? 1 : -1;
    else if (!strcmp(s, "rct"))
        fits = lv == '2' ? 1 : lv >= '3' ? -1 : 0;
    else if (!strcmp(s, "open-label"))
        fits = (x->d->aflags & RC_A_OPENLABEL) || lv == '4' ? 1 : lv <= '2' ? -1 : 0;
    else if (!strcmp(s, "cohort"))
        fits = (x->d->aflags & RC_A_COHORT) || lv == '3' ? 1 : 0;
    else
        fits = 0;
    if (fits > 0)
        snprintf(x->msg, sizeof x->msg, "named design %s; record: %s", s, x->d->design);
    return fits;
}

static double f_course(struct mfit *x)
{
    if (x->m->sessions > 0 && x->d->model.admins > 0
        && fabs(x->d->model.admins - (double)x->m->sessions) < 0.5) {
        snprintf(x->msg, sizeof x->msg, "%ld sessions match", x->m->sessions);
        return 1;
    }
    if (x->m->days > 0 && duration_fits(x->d, x->m->days) == 1) {
        snprintf(x->msg, sizeof x->msg, "duration %.0f days matches", x->m->days);
        return 1;
    }
    return 0;
}

/* a record that is a later look at a trial (its title says extension, post
 * hoc, secondary analysis) when the mention does not say it is one */
static double f_derived(struct mfit *x)
{
    size_t tl = strlen(x->d->title);

    if (says_derived(x->d->title, tl)
        && !says_derived(x->text + x->m->start, x->m->end - x->m->start))
        return -1;
    return 0;
}

static const struct mrule {
    const char *code;
    double weight;
    double (*fit)(struct mfit *x);
} rc_mention_rules[] = {
    { "mention.year",    1.5, f_year },
    { "mention.n",       4.0, f_n },
    { "mention.venue",   2.5, f_venue },
    { "mention.design",  1.5, f_design },
    { "mention.course",  1.0, f_course },
    { "mention.derived", 1.5, f_derived },
};

double rc_mention_fit(struct rc_mention *m, const char *text, const struct rc_doc *d, int keep)
{
    struct mfit x = { m, text, d, "" };
    double s = 0;
    size_t i;

    if (keep)
        m->nwhy = 0;
    for (i = 0; i < sizeof rc_mention_rules / sizeof *rc_mention_rules; i++) {
        double v;
        x.msg[0] = '\0';
        v = rc_mention_rules[i].fit(&x);
        s += v * rc_mention_rules[i].weight;
        if (keep && v > 0 && x.msg[0] && m->nwhy < 3)
            snprintf(m->why[m->nwhy++], sizeof m->why[0], "%s", x.msg);
    }
    return s;
}

/* Cheap test on a topic record before it is read for numbers: its year,
 * its journal's words or the mention's sample size written in it. */
static int detail_hint(const struct rc_mention *m, const struct rc_doc *d)
{
    struct mfit x = { m, "", d, "" };
    char a[24], b[24];

    if (f_year(&x) >= 1 || f_venue(&x) > 0)
        return 1;
    if (m->n < 10 || !d->text)
        return 0;
    snprintf(a, sizeof a, "%ld", m->n);
    if (m->n >= 1000)
        snprintf(b, sizeof b, "%ld,%03ld", m->n / 1000, m->n % 1000);
    else
        b[0] = '\0';
    return rc_find_word(d->text, a, strlen(a)) || (b[0] && strstr(d->text, b));
}

/* Resolves every study mention by its own sentence's words and the
 * details it gives: the record whose sample size, year, venue, design and
 * course agree best (the words a tie-break), taken when a detail agrees. */
static const struct rc_topic *topic_of(const struct rc_topic *t, const struct rc_section *sec,
                                       size_t nsec, size_t head);

static lm_err resolve_mentions(lm_checker *k, struct lm_report *r, const struct rc_topic *atopic,
                               const struct rc_section *sec, size_t nsec)
{
    struct word w[RC_MAX_WORDS];
    size_t mi, i, j;
    lm_err rc = LM_OK;

    for (mi = 0; mi < r->nstudies; mi++) {
        struct rc_mention *m = &r->studies[mi];
        const struct rc_topic *topic = topic_of(atopic, sec, nsec, m->head);

        if (topic->filter[0] && (rc = rc_pool(k, topic)) != LM_OK)
            return rc;
        struct hits h;
        size_t nw, analysed = 0, nh;
        int has_topic = 0;
        double best = 0;
        struct rc_doc *bd = NULL;

        if (!m->n && !m->year && !m->venue[0] && !m->design[0] && !m->sessions && !m->days)
            continue;
        nw = claim_words(k, r->text, m->start, m->end, topic, w, RC_MAX_WORDS);
        for (i = 0; i < nw; i++)
            has_topic |= w[i].topic;
        if ((rc = search(k, w, nw, topic, has_topic, &h)) != LM_OK)
            return rc;
        /* the records on the topic that write its sample size (one query
         * per mention): words alone miss it among many on the topic */
        if (m->n >= 10 && topic->n && h.n < RC_FETCH) {
            char q[400], any[240] = "", term[76];
            int64_t pm[8];
            size_t np = 0, a, b;
            /* either topic word: a study need not write both as the article does */
            for (a = 0; a < topic->n && a < 2; a++) {
                rc_topic_term(topic, a, term, sizeof term);
                snprintf(any + strlen(any), sizeof any - strlen(any), "%s%s", a ? " OR " : "",
                         term);
            }
            if (m->n >= 1000)
                snprintf(q, sizeof q, "(%s) AND (\"%ld\" OR \"%ld %03ld\")", any, m->n,
                         m->n / 1000, m->n % 1000);
            else
                snprintf(q, sizeof q, "(%s) AND \"%ld\"", any, m->n);
            if ((rc = rc_search(k, q, pm, 8, &np)) != LM_OK)
                return rc;
            for (a = 0; a < np && h.n < RC_FETCH; a++) {
                for (b = 0; b < h.n && h.pmid[b] != pm[a]; b++)
                    ;
                if (b == h.n)
                    h.pmid[h.n++] = pm[a];
            }
        }
        nh = h.n;
        /* the topic's records (read once per check) that carry one of the
         * details, whatever words the sentence uses: a venue or a year is
         * in no abstract's words */
        for (i = 0; i < k->tp.npool && h.n < RC_FETCH; i++) {
            struct rc_doc *d = k->tp.pool[i];
            for (j = 0; j < h.n && h.pmid[j] != d->pmid; j++)
                ;
            if (j == h.n && m->venue[0] && (rc = rc_doc_journal(k, d)) != LM_OK)
                return rc;
            if (j == h.n && detail_hint(m, d))
                h.pmid[h.n++] = d->pmid;
        }
        for (i = 0; i < h.n && analysed < RC_CANDIDATES + 4; i++) {
            struct rc_doc *d = rc_doc_get(k, h.pmid[i], &rc);
            size_t hit = 0, counted = 0;
            double s, fit;
            int ok = 1;
            if (!d) {
                if (rc == LM_ERR_NOTFOUND)
                    continue;
                return rc;
            }
            for (j = 0; j < nw && ok; j++)
                if (w[j].topic && !names_topic_word(topic, d, &w[j]))
                    ok = 0;
            if (ok && !has_topic && topic->n && !on_main_topic(topic, d))
                ok = 0;
            /* a record holding another topic word ("activity" for the
             * article's "exercise") is the study when it has its sample size */
            if (!ok && !has_topic && topic->n > 1 && m->n >= 10
                && !has_stem(d->text, topic->words[1]))
                continue;
            if (!ok && (has_topic || topic->n < 2 || m->n < 10))
                continue;
            if ((rc = rc_doc_analyse(k, d)) != LM_OK
                || (m->venue[0] && (rc = rc_doc_journal(k, d)) != LM_OK))
                return rc;
            if (!ok) {
                struct mfit x = { m, r->text, d, "" };
                if (f_n(&x) < 1)
                    continue;
            }
            analysed++;
            for (j = 0; j < nw; j++)
                if (!w[j].novel) {
                    counted++;
                    hit += has_stem(d->text, w[j].stem) != 0;
                }
            fit = rc_mention_fit(m, r->text, d, 0);
            s = fit + (counted ? (double)hit / (double)counted : 0)
                + (i < nh ? 0.5 * (1.0 - (double)i / (double)nh) : 0);
            if (fit > 0 && s > best) {
                best = s;
                bd = d;
            }
        }
        if (bd) {
            m->pmid = bd->pmid;
            rc_mention_fit(m, r->text, bd, 1);
        }
    }
    return LM_OK;
}

static size_t heading_of(const struct lm_report *r, size_t block)
{
    size_t b = block;

    while (b > 0 && r->blocks[b].kind != RC_BLOCK_HEADING)
        b--;
    return b;
}

/* Is text[a,b) written in capitals (under a fifth of its letters lower-case)? */
static int shouted(const char *text, size_t a, size_t b)
{
    size_t letters = 0, lower = 0;

    for (; a < b; a++)
        if (isalpha((unsigned char)text[a])) {
            letters++;
            lower += islower((unsigned char)text[a]) != 0;
        }
    return letters >= 8 && lower * 5 < letters;
}

/* The topic of the section under heading block @head: its own, else the
 * article's. */
static const struct rc_topic *topic_of(const struct rc_topic *t, const struct rc_section *sec,
                                       size_t nsec, size_t head)
{
    size_t i;

    for (i = 0; i < nsec; i++)
        if (sec[i].head == head)
            return &sec[i].t;
    return t;
}

lm_err rc_match_claims(lm_checker *k, struct lm_report *r, const unsigned *flags,
                       const struct rc_topic *atopic, const struct rc_section *sec, size_t nsec)
{
    struct word w[RC_MAX_WORDS];
    struct cand cands[RC_CANDIDATES + 1];
    struct mctx m = { k, r, atopic, cands, 0, 0, LM_OK };
    size_t ci, i, j;
    int64_t last_pmid = 0;
    size_t last_block = (size_t)-1, last_head = (size_t)-1;
    lm_err rc;

    if ((rc = resolve_mentions(k, r, atopic, sec, nsec)) != LM_OK)
        return rc;
    for (ci = 0; ci < r->nclaims; ci++) {
        struct rc_claim *cl = &r->claims[ci];
        unsigned f = flags[ci];
        struct hits h;
        struct rc_topic wide;
        const struct rc_topic *ct, *topic;
        size_t nw, block = 0, head;
        int has_topic = 0, ctx_ok;
        int64_t ctx_pmid = 0;
        char absent[64];

        {   /* blocks are in text order: the last one starting at or before the claim */
            size_t lo = 0, hi = r->nblocks;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (r->blocks[mid].start <= cl->start)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo > 0 && cl->start < r->blocks[lo - 1].end)
                block = lo - 1;
        }
        head = r->nblocks ? heading_of(r, block) : 0;
        m.topic = topic = topic_of(atopic, sec, nsec, head);
        if (topic->filter[0] && (rc = rc_pool(k, topic)) != LM_OK)
            return rc;
        /* a statement of mechanism or background is looked up by its own
         * words among every record naming the topic words it names: a
         * review of a receptor need not hold the condition's word */
        ct = topic;
        if (informative(cl)) {
            wide = *topic;
            wide.filter[0] = '\0';
            ct = &wide;
        }
        nw = claim_words(k, r->text, cl->start, cl->end, ct, w, RC_MAX_WORDS);
        if (r->nblocks && ct == topic)
            nw = inherit_subject(k, r->text, r->blocks[block].start, cl->start, cl->end, topic,
                                 w, nw, RC_MAX_WORDS);
        /* (a headline in capitals names nothing by its capitals) */
        for (i = 0; i < nw && !shouted(r->text, cl->start, cl->end); i++) {
            unsigned tc = k->tp.pool_complete ? rc_vocab_count(k, rc_hash(w[i].word, strlen(w[i].word),
                                                                      RC_H_TITLE)) : 0;
            w[i].title_name = w[i].cap && !w[i].topic && tc >= 1 && tc <= 2;
        }
        for (i = 0; i < nw; i++)
            has_topic |= w[i].topic;
        ctx_ok = last_pmid && (block == last_block
                               || (head == last_head && leans_back(r->text + cl->start,
                                                                   cl->end - cl->start)));
        /* a sentence that introduces a study ("in another trial") speaks
         * of a new one, not of the record just discussed */
        if (cl->about >= 0 && (size_t)cl->about < r->nstudies
            && r->studies[cl->about].claim == (int)ci)
            ctx_ok = 0;
        if (ctx_ok)
            ctx_pmid = last_pmid;
        /* a claim bound to a study the article named is checked against the
         * record that study resolved to first */
        m.ctx = 0;
        if (cl->about >= 0 && (size_t)cl->about < r->nstudies && r->studies[cl->about].pmid) {
            ctx_pmid = r->studies[cl->about].pmid;
            /* the sentence that introduces the study is ranked by the
             * record its details found, not yet held to it as a claim
             * leaning back on that study is */
            if (r->studies[cl->about].claim != (int)ci)
                m.ctx = ctx_pmid;
        }
        m.nc = 0;
        /* (and the study around it is not what it speaks of) */
        if (ct != topic)
            ctx_pmid = m.ctx = 0;
        if ((cl->source != LM_SOURCE_ANECDOTE || cl->nums.n
             || absence_claim(r->text + cl->start, cl->end - cl->start, absent, sizeof absent))
            && !(ct != topic && cl->kind != RC_K_MECHANISM)) {
            if ((rc = search(k, w, nw, ct, has_topic, &h)) != LM_OK)
                return rc;
            if (ctx_pmid && h.n < RC_FETCH) {
                for (i = 0; i < h.n && h.pmid[i] != ctx_pmid; i++)
                    ;
                if (i == h.n)
                    h.pmid[h.n++] = ctx_pmid;
            }
            /* pass 1, cheap: the topic gate and word coverage on the text */
            struct pre { struct rc_doc *d; double s; size_t rank; } pre[RC_FETCH + 1];
            struct rc_doc *seen[RC_FETCH + 1];
            size_t np = 0, a, nseen = 0;
            for (i = 0; i < h.n && np < RC_CANDIDATES; i++) {
                struct rc_doc *d = rc_doc_get(k, h.pmid[i], &rc);
                int ok = 1;
                if (!d) {
                    if (rc == LM_ERR_NOTFOUND)
                        continue;
                    return rc;
                }
                /* copies of one record count once */
                if (rc_doc_dup(k, d, seen, nseen) && h.pmid[i] != ctx_pmid)
                    continue;
                seen[nseen++] = d;
                /* topic: the drug/condition words the claim names, else the
                 * article's main one */
                for (j = 0; j < nw && ok; j++)
                    if (w[j].topic && !names_topic_word(topic, d, &w[j]))
                        ok = 0;
                if (ok && !has_topic && topic->n && !on_main_topic(topic, d)
                    && h.pmid[i] != ctx_pmid)
                    ok = 0;
                if (!ok)
                    continue;
                pre[np].d = d;
                pre[np].rank = i;
                pre[np].s = lex_share(w, nw, d->text)
                            + 0.5 * (1.0 - (double)i / (double)h.n)
                            + (h.pmid[i] == ctx_pmid ? 10 : 0);
                np++;
            }
            /* pass 2: numbers and design only for the best few (reading an
             * abstract's numbers is the costly part of a check) */
            /* a record of another design than the claim states does not
             * take one of the RC_ANALYSE places */
            for (a = 0; a < np && m.nc < RC_ANALYSE; a++) {
                size_t best = a, b2;
                struct pre tmp;
                for (b2 = a + 1; b2 < np; b2++)
                    if (pre[b2].s > pre[best].s)
                        best = b2;
                tmp = pre[a];
                pre[a] = pre[best];
                pre[best] = tmp;
                if ((rc = rc_doc_analyse(k, pre[a].d)) != LM_OK)
                    return rc;
                /* (the record of the study the claim is bound to stays:
                 * a design it lacks is for the verdict rows to say) */
                if (!design_fits(f, pre[a].d)
                    && !(pre[a].d->pmid == ctx_pmid && (f & RC_F_RCT)
                         && says_randomised(r->text + cl->start, cl->end - cl->start)))
                    continue;
                cands[m.nc].d = pre[a].d;
                cands[m.nc].bm25rank = 1.0 - (double)pre[a].rank / (double)h.n;
                score_cand(&cands[m.nc], r->text, cl, w, nw, f, pre[a].d->pmid == ctx_pmid);
                m.nc++;
            }
        }
        if ((rc = verdict_of(&m, cl, f, w, nw, has_topic)) != LM_OK)
            return rc;
        if (cl->verdict == LM_VERDICT_CONTRADICTED)
            reasons_disagreement_first(cl);
        if (cl->about >= 0 && (size_t)cl->about < r->nstudies
            && r->studies[cl->about].claim == (int)ci && cl->nmatches
            && !r->studies[cl->about].pmid) {
            struct rc_doc *d = rc_doc_get(k, cl->matches[0].pmid, &rc);
            if (d)
                rc_mention_resolve(&r->studies[cl->about], d);
            else if (rc != LM_ERR_NOTFOUND)
                return rc;
        }
        if (cl->nmatches && !informative(cl)) {
            last_pmid = cl->matches[0].pmid;
            last_block = block;
            last_head = head;
        }
    }
    return LM_OK;
}
