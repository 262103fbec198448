/* The article model: what kind of statement each claim is, which studies the
 * article introduces (mentions, with the details it gives of them) and which
 * mention each claim speaks of.
 *
 * A mention starts at a sentence that introduces a study ("a trial of 120
 * adults published in 2021", "researchers at X found").  A later sentence is
 * bound to it when it is in the same block, when it leans back on it ("the
 * trial", "those on the higher dose", "each received") without a heading in
 * between, when it is a list item under the paragraph that named it, or when
 * its sample size agrees with the mention's.  Otherwise its subject is the
 * article's topic.  Nothing here names a drug, condition or study: the cues
 * are ordinary English (rules.c, cue_rules). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <litmine/extract.h>
#include "reconcile/reconcile_int.h"

static const char *const kind_names[RC_K_COUNT] = {
    "efficacy", "safety", "durability", "onset", "dose_response", "regimen", "population",
    "mechanism", "venue", "background"
};

const char *rc_claim_kind_name(enum rc_claim_kind k)
{
    return (unsigned)k < RC_K_COUNT ? kind_names[k] : "efficacy";
}

int rc_kind_informative(enum rc_claim_kind k)
{
    return k == RC_K_MECHANISM || k == RC_K_BACKGROUND;
}

static int has_num(const struct rc_nums *ns, enum rc_num_kind k)
{
    size_t i;

    for (i = 0; ns && i < ns->n; i++)
        if (ns->v[i].kind == k)
            return 1;
    return 0;
}

/* A four-digit year 1950..2049 as a whole token of text[a,b), else 0. */
int rc_year_in(const char *t, size_t a, size_t b)
{
    size_t p;

    for (p = a; p + 4 <= b; p++) {
        int y;
        if ((p > a && (isalnum((unsigned char)t[p - 1]) || t[p - 1] == ',' || t[p - 1] == '.'))
            || (p + 4 < b && (isalnum((unsigned char)t[p + 4]) || t[p + 4] == '%'
                              || (t[p + 4] == ',' && p + 5 < b && isdigit((unsigned char)t[p + 5])))))
            continue;
        if (!isdigit((unsigned char)t[p]) || !isdigit((unsigned char)t[p + 1])
            || !isdigit((unsigned char)t[p + 2]) || !isdigit((unsigned char)t[p + 3]))
            continue;
        y = (t[p] - '0') * 1000 + (t[p + 1] - '0') * 100 + (t[p + 2] - '0') * 10 + (t[p + 3] - '0');
        if (y >= 1950 && y <= 2049)
            return y;
    }
    return 0;
}

/* The venue after "published in" / "appeared in": up to six words, the
 * capitalised ones and the small words between them. */
void rc_venue_in(const char *t, size_t a, size_t b, char *out, size_t cap)
{
    static const char *const lead[] = { "published in ", "appeared in ", "reported in ",
                                        "in the journal ", NULL };
    const char *p = NULL, *q;
    size_t i, words = 0, len = 0;

    out[0] = '\0';
    for (i = 0; lead[i] && !p; i++)
        if ((p = rc_find_ci(t + a, b - a, lead[i])))
            p += strlen(lead[i]);
    if (!p)
        return;
    if (!strncmp(p, "the ", 4))
        p += 4;
    q = p;
    while (q < t + b && words < 6) {
        const char *w = q;
        while (q < t + b && (isalpha((unsigned char)*q) || *q == '\'' || *q == '-' || *q == '.'))
            q++;
        if (q == w)
            break;
        if (!isupper((unsigned char)*w) && strncmp(w, "of ", 3) && strncmp(w, "and ", 4)
            && strncmp(w, "for ", 4))
            break;
        words++;
        len = (size_t)(q - p);
        if (q < t + b && *q == ' ')
            q++;
        else
            break;
    }
    while (len && (p[len - 1] == '.' || p[len - 1] == ' '))
        len--;
    /* trailing small words are not part of the name */
    if (len > 3 && !strncmp(p + len - 3, " of", 3))
        len -= 3;
    if (len >= cap)
        len = cap - 1;
    memcpy(out, p, len);
    out[len] = '\0';
}

static const char *design_named(unsigned f)
{
    if (f & RC_F_META)
        return "meta-analysis";
    if (f & RC_F_RCT)
        return "rct";
    if (f & RC_F_OPENLABEL)
        return "open-label";
    if (f & RC_F_OBSERVATIONAL)
        return "cohort";
    if (f & RC_F_ANIMAL)
        return "animal";
    if (f & RC_F_CASE)
        return "case report";
    return "";
}

enum rc_claim_kind rc_kind_of(unsigned f, unsigned cues, const struct rc_nums *ns, int year)
{
    int numbers = ns && ns->n > 0;

    /* a general fact of the condition, the maker or the regulator */
    if ((cues & RC_C_GENERAL) && !(f & (RC_F_STUDYWORD | RC_F_RCT | RC_F_META | RC_F_FIRST_PERSON)))
        return RC_K_BACKGROUND;
    if ((cues & RC_C_VENUE) && (year || !numbers))
        return RC_K_VENUE;
    if (f & RC_F_SAFETY)
        return RC_K_SAFETY;
    if (cues & RC_C_DOSERESP)
        return RC_K_DOSE_RESPONSE;
    if (cues & RC_C_DURABLE)
        return RC_K_DURABILITY;
    if ((cues & RC_C_ONSET) && !has_num(ns, RC_RATE) && !has_num(ns, RC_EFFECT)
        && !has_num(ns, RC_CHANGE) && !has_num(ns, RC_N))
        return RC_K_ONSET;
    if ((cues & RC_C_MECHANISM) && !numbers && !(f & (RC_F_STUDYWORD | RC_F_RCT | RC_F_META)))
        return RC_K_MECHANISM;
    if ((cues & RC_C_BACKGROUND) && !numbers && !(f & (RC_F_STUDYWORD | RC_F_EFFICACY)))
        return RC_K_BACKGROUND;
    if ((cues & RC_C_REGIMEN) && !(f & RC_F_EFFICACY) && !has_num(ns, RC_RATE)
        && !has_num(ns, RC_EFFECT) && !has_num(ns, RC_CHANGE))
        return RC_K_REGIMEN;
    if ((cues & RC_C_POPULATION) && !(f & RC_F_EFFICACY) && !has_num(ns, RC_RATE))
        return RC_K_POPULATION;
    return RC_K_EFFICACY;
}

/* A word of text[a,b) from p on: its end (letters, digits, hyphens, an
 * apostrophe-s). */
static size_t word_end(const char *t, size_t p, size_t b)
{
    while (p < b && (isalnum((unsigned char)t[p]) || t[p] == '-'
                     || (t[p] == '\'' && p + 1 < b && t[p + 1] == 's')))
        p++;
    return p;
}

static int word_is(const char *t, size_t a, size_t e, const char *const *list)
{
    size_t i;

    for (i = 0; list[i]; i++)
        if (e - a == strlen(list[i]) && !strncasecmp(t + a, list[i], e - a))
            return 1;
    return 0;
}

/* "gave it to 214 kids", "enrolled 1,100 patients": a number right before a
 * word for people (two words may stand between: "214 kids and young
 * adults", "88 older adults"), or 0. */
static long people_count_at(const char *t, size_t a, size_t b, size_t *at, size_t *to)
{
    static const char *const people[] = {
        "adults", "children", "kids", "patients", "participants", "people", "women", "men",
        "volunteers", "subjects", "infants", "adolescents", "teenagers", "teens", "persons",
        "individuals", "smokers", "veterans", "students", "workers", "residents", "doctors",
        "nurses", "athletes", "boys", "girls", "mothers", "babies", "users", NULL
    };
    static const char *const links[] = { "in", "of", "out", "per", "to", "from", "or", NULL };
    size_t p = a;

    while (p < b) {
        double v;
        size_t used, q, k;
        if ((p > a && isalnum((unsigned char)t[p - 1])) || !isalnum((unsigned char)t[p])
            || !lm_num_any(t + p, b - p, &v, &used) || used == 0) {
            p++;
            continue;
        }
        q = p + used;
        *at = p;
        p = q;
        if (v < 2 || v > 10000000 || v != (double)(long)v)
            continue;
        /* "8 in 10 people", "15 of 20 adults": the count of a rate */
        if ((*at >= a + 3 && (!strncasecmp(t + *at - 3, "of ", 3) || !strncasecmp(t + *at - 3, "in ", 3)))
            || (*at >= a + 4 && !strncasecmp(t + *at - 4, "per ", 4)))
            continue;
        for (k = 0; k < 3 && q < b && t[q] == ' '; k++) {
            size_t ws = q + 1, we = word_end(t, ws, b);
            if (we == ws)
                break;
            if (word_is(t, ws, we, people)) {
                *to = we;
                return (long)v;
            }
            if (!isalpha((unsigned char)t[ws]) || word_is(t, ws, we, links))
                break;                          /* "8 in 10 people" */
            q = we;
        }
    }
    return 0;
}

static long people_count(const char *t, size_t a, size_t b)
{
    size_t at, to;

    return people_count_at(t, a, b, &at, &to);
}

lm_err rc_people_n(const char *text, const struct rc_sent *s, struct rc_nums *ns)
{
    size_t i, at = 0, to = 0;
    struct rc_num *x;
    long n;

    for (i = 0; i < ns->n; i++)
        if (ns->v[i].kind == RC_N || ns->v[i].kind == RC_RATE)
            return LM_OK;
    if (!(n = people_count_at(text, s->start, s->end, &at, &to)))
        return LM_OK;
    for (i = 0; i < ns->n; i++)
        if (ns->v[i].start < to && at < ns->v[i].end)
            return LM_OK;                       /* the number is read as something else */
    if (lm_grow(&ns->v, &ns->cap, ns->n, sizeof *ns->v, 16))
        return LM_ERR_NOMEM;
    x = &ns->v[ns->n++];
    memset(x, 0, sizeof *x);
    x->kind = RC_N;
    x->v = (double)n;
    x->lo = x->hi = NAN;
    x->k = x->n = -1;
    x->start = at;
    x->end = to;
    return LM_OK;
}

lm_err rc_mention_new(struct lm_report *r, const char *text, const struct rc_sent *s, size_t si,
                      size_t head, unsigned f, const struct rc_nums *ns)
{
    struct rc_mention *m;
    size_t i;

    if (r->nstudies >= RC_MAX_MENTIONS)
        return LM_OK;
    if (lm_grow(&r->studies, &r->capstudies, r->nstudies, sizeof *r->studies, 8))
        return LM_ERR_NOMEM;
    m = &r->studies[r->nstudies++];
    memset(m, 0, sizeof *m);
    m->sent = si;
    m->block = s->block;
    m->head = head;
    m->start = s->start;
    m->end = s->end;
    m->year = rc_year_in(text, s->start, s->end);
    rc_venue_in(text, s->start, s->end, m->venue, sizeof m->venue);
    snprintf(m->design, sizeof m->design, "%s", design_named(f));
    for (i = 0; ns && i < ns->n; i++) {
        const struct rc_num *x = &ns->v[i];
        if (x->kind == RC_N && !m->n)
            m->n = (long)x->v;
        else if (x->kind == RC_DURATION && !m->days)
            m->days = x->v;
        else if (x->kind == RC_DOSES && !m->sessions)
            m->sessions = (long)x->v;
        else if (x->kind == RC_DOSE && !m->dose) {
            m->dose = x->v;
            snprintf(m->unit, sizeof m->unit, "%s", x->unit);
        }
    }
    if (!m->n)
        m->n = people_count(text, s->start, s->end);
    m->claim = -1;
    return LM_OK;
}

void rc_mention_enrich(struct lm_report *r, int idx, const char *text, const struct rc_sent *s,
                       unsigned f, const struct rc_nums *ns)
{
    struct rc_mention *m;
    size_t i;

    if (idx < 0 || (size_t)idx >= r->nstudies)
        return;
    m = &r->studies[idx];
    for (i = 0; ns && i < ns->n; i++) {
        const struct rc_num *x = &ns->v[i];
        if (x->kind == RC_N && !m->n)
            m->n = (long)x->v;
        else if (x->kind == RC_DOSES && !m->sessions)
            m->sessions = (long)x->v;
    }
    if (!m->n)
        m->n = people_count(text, s->start, s->end);
    if (!m->year)
        m->year = rc_year_in(text, s->start, s->end);
    if (!m->venue[0])
        rc_venue_in(text, s->start, s->end, m->venue, sizeof m->venue);
    if (!m->design[0])
        snprintf(m->design, sizeof m->design, "%s", design_named(f));
}

/* The sentence's subject is a pronoun ("It did help", "They lost"). */
static int pronoun_subject(const char *t, size_t a, size_t b)
{
    static const char *const pron[] = { "it", "they", NULL };
    static const char *const verbs[] = {
        "did", "does", "do", "was", "were", "is", "are", "had", "has", "also", "still", "only",
        "really", NULL
    };
    size_t e, ws, we;

    while (a < b && !isalpha((unsigned char)t[a]))
        a++;
    e = word_end(t, a, b);
    if (!word_is(t, a, e, pron) || e >= b || t[e] != ' ')
        return 0;
    ws = e + 1;
    we = word_end(t, ws, b);
    return word_is(t, ws, we, verbs);
}

int rc_mention_bind(const struct lm_report *r, const char *text, const struct rc_sent *s,
                    size_t head, unsigned cues, const struct rc_nums *ns, int prev_item_lead)
{
    size_t i, j;

    (void)text;
    if (!r->nstudies)
        return -1;
    /* agreement of details: the sample size a mention gave */
    for (i = r->nstudies; i-- > 0;) {
        const struct rc_mention *m = &r->studies[i];
        for (j = 0; m->n && ns && j < ns->n; j++)
            if (ns->v[j].kind == RC_N && (long)ns->v[j].v == m->n)
                return (int)i;
    }
    i = r->nstudies - 1;
    if (r->studies[i].block == s->block)
        return (int)i;                          /* the subject passes within a block */
    if (r->studies[i].head != head)
        return -1;                              /* never across a heading */
    if (prev_item_lead && r->blocks[r->studies[i].block].kind != RC_BLOCK_ITEM)
        return (int)i;                          /* a list under the paragraph that named it */
    if (cues & (RC_C_BACKREF | RC_C_BACKREF_IN))
        return (int)i;
    /* "It did help with X": a pronoun subject in the post or paragraph
     * right after the one that named the study (a reply) speaks of it */
    if (s->block <= r->studies[i].block + 2 && pronoun_subject(text, s->start, s->end))
        return (int)i;
    return -1;
}

/* "the Tarskian trial", "Velmor's ZELTA study": the capitalised word
 * right before the study noun, or 0.  *at, *len: where it is. */
static int study_name(const char *t, size_t a, size_t b, size_t *at, size_t *len)
{
    static const char *const nouns[] = { " trial", " study", " review", " analysis", NULL };
    size_t i;

    for (i = 0; nouns[i]; i++) {
        const char *p = t + a;
        while ((p = rc_find_ci(p, (size_t)(t + b - p), nouns[i])) != NULL) {
            const char *e = p, *w;
            if (e > t + a + 2 && e[-1] == 's' && e[-2] == '\'')
                e -= 2;             /* "ZELTA's trial" */
            w = e;
            while (w > t + a && (isalnum((unsigned char)w[-1]) || w[-1] == '-'))
                w--;
            if (e - w >= 3 && isupper((unsigned char)*w) && w > t + a && w[-1] == ' ') {
                *at = (size_t)(w - t);
                *len = (size_t)(e - w);
                return 1;
            }
            p += strlen(nouns[i]);
        }
    }
    return 0;
}

int rc_mention_named(const struct lm_report *r, const char *text, const struct rc_sent *s)
{
    size_t at, len, i;
    char w[40];

    if (!r->nstudies || !study_name(text, s->start, s->end, &at, &len) || len >= sizeof w)
        return -1;
    memcpy(w, text + at, len);
    w[len] = '\0';
    for (i = r->nstudies; i-- > 0;) {
        const struct rc_mention *m = &r->studies[i];
        const char *hit = rc_find_ci(text + m->start, m->end - m->start, w);
        if (hit && hit != text + at && (hit == text + m->start || !isalnum((unsigned char)hit[-1]))
            && !isalnum((unsigned char)hit[len]))
            return (int)i;
    }
    return -1;
}

/* "the randomized trial", "the open-label pilot", "the ZELTA 2 study": a
 * definite study noun phrase, "the" and at most four plain words before a
 * singular study noun, in text[a,b).  *named: a modifier is a name (a
 * capitalised or upper-case word, or a number after one); *mods: how many
 * words stand between "the" and the noun. */
static int definite_study(const char *t, size_t a, size_t b, int *named, size_t *mods)
{
    static const char *const nouns[] = {
        "trial", "study", "pilot", "review", "meta-analysis", "metaanalysis", "analysis",
        "experiment", "survey", "series", "rct", NULL
    };
    /* modifiers that point back at a study named before */
    static const char *const back[] = {
        "same", "previous", "earlier", "above", "latter", "former", "aforementioned", "original",
        "rest", "end", "start", "whole", "entire", "course", NULL
    };
    size_t p = a;

    *named = 0;
    while (p < b) {
        size_t w = p, e, q, k;
        int nm = 0, ok = 1;
        while (w < b && !isalnum((unsigned char)t[w]))
            w++;
        e = word_end(t, w, b);
        p = e > w ? e : w + 1;
        if (e - w != 3 || strncasecmp(t + w, "the", 3))
            continue;
        q = e;
        for (k = 0; k <= 4 && ok; k++) {
            size_t ws, we;
            if (q >= b || t[q] != ' ')
                break;
            ws = q + 1;
            we = word_end(t, ws, b);
            if (we == ws)
                break;
            if (word_is(t, ws, we, nouns)) {
                *named = nm;
                *mods = k;
                return 1;
            }
            if (word_is(t, ws, we, back))
                ok = 0;                         /* "the same trial" */
            else if (isupper((unsigned char)t[ws]) || (nm && isdigit((unsigned char)t[ws])))
                nm = 1;
            q = we;
        }
    }
    return 0;
}

int rc_mention_opens(const struct lm_report *r, const char *text, const struct rc_sent *s,
                     size_t head, unsigned f, const struct rc_nums *ns)
{
    char venue[64];
    long n = 0;
    size_t i, mods;
    int named, year, design;

    if (!definite_study(text, s->start, s->end, &named, &mods))
        return 0;
    /* "the trial" in the paragraph, or bare in the section, of a mention
     * speaks of it */
    if (r->nstudies && !named
        && (r->studies[r->nstudies - 1].block == s->block
            || (!mods && r->studies[r->nstudies - 1].head == head)))
        return 0;
    for (i = 0; ns && i < ns->n && !n; i++)
        if (ns->v[i].kind == RC_N)
            n = (long)ns->v[i].v;
    year = rc_year_in(text, s->start, s->end);
    rc_venue_in(text, s->start, s->end, venue, sizeof venue);
    design = (f & (RC_F_RCT | RC_F_OPENLABEL | RC_F_META | RC_F_OBSERVATIONAL)) != 0;
    /* a detail the article gave of an earlier mention: it speaks of that one */
    for (i = 0; i < r->nstudies; i++) {
        const struct rc_mention *m = &r->studies[i];
        if ((n && m->n == n) || (year && m->year == year))
            return 0;
    }
    if (n || year || venue[0] || named)
        return 1;
    /* only a design named: a new study unless the section has one of it */
    if (!design)
        return 0;
    for (i = 0; i < r->nstudies; i++)
        if (r->studies[i].head == head && !strcmp(r->studies[i].design, design_named(f)))
            return 0;
    return 1;
}

/* One of @list occurs in text[a,b) as whole words (case ignored). */
static int has_phrase(const char *t, size_t a, size_t b, const char *const *list)
{
    size_t i;

    for (i = 0; list[i]; i++) {
        const char *p = t + a;
        size_t l = strlen(list[i]);
        while ((p = rc_find_ci(p, (size_t)(t + b - p), list[i])) != NULL) {
            if ((p == t + a || !isalnum((unsigned char)p[-1]))
                && (p + l >= t + b || !isalnum((unsigned char)p[l])))
                return 1;
            p++;
        }
    }
    return 0;
}

/* Words in t[a, b): runs that start with a letter or digit after a space. */
size_t rc_word_count(const char *t, size_t a, size_t b)
{
    size_t p, n = 0;

    for (p = a; p < b; p++)
        n += isalnum((unsigned char)t[p]) && (p == a || isspace((unsigned char)t[p - 1]));
    return n;
}

/* Written in capitals: four letters in five upper case, at least twelve. */
static int shouted(const char *t, size_t a, size_t b)
{
    size_t p, up = 0, letters = 0;

    for (p = a; p < b; p++)
        if (isalpha((unsigned char)t[p])) {
            letters++;
            up += isupper((unsigned char)t[p]) != 0;
        }
    return letters >= 12 && up * 5 >= letters * 4;
}

/* "effects began within days", "the results last", "benefits wore off":
 * what the treatment's effect does over time, said of the effect itself. */
static int effect_timing(const char *t, size_t a, size_t b)
{
    static const char *const subject[] = {
        "effects", "effect", "results", "benefits", "benefit", "gains", "improvements", "relief",
        "improvement", "changes", NULL
    };
    static const char *const verb[] = {
        "began", "begin", "begins", "started", "start", "starts", "kicked", "kick", "last",
        "lasts", "lasted", "persist", "persists", "persisted", "wore", "wear", "wears", "stay",
        "stays", "stayed", "held", "hold", "holds", "faded", "fade", "fades", "appeared", "appear",
        NULL
    };
    size_t p = a;

    while (p < b) {
        size_t w = p, e;
        while (w < b && !isalpha((unsigned char)t[w]))
            w++;
        e = word_end(t, w, b);
        p = e > w ? e : w + 1;
        if (e > w && word_is(t, w, e, subject)) {
            size_t k, q = e;
            for (k = 0; k < 2 && q < b && t[q] == ' '; k++) {
                size_t ws = q + 1, we = word_end(t, ws, b);
                if (we == ws)
                    break;
                if (word_is(t, ws, we, verb))
                    return 1;
                q = we;
            }
        }
    }
    return 0;
}

int rc_claim_gate(const char *text, const struct rc_sent *s, enum rc_block_kind bk, unsigned f,
                  const struct rc_nums *ns, int topical, int opens)
{
    /* the page's legal small print */
    static const char *const disclaimer[] = {
        "not been evaluated by", "not intended to diagnose", "not medical advice",
        "for informational purposes", "for educational purposes", NULL
    };
    /* rhetoric that asserts nothing a study could show */
    static const char *const rhetoric[] = {
        "don't let anyone", "do not let anyone", "don't listen to", "whatever you choose",
        "whatever you decide", "trying to work out", "trying to figure out", "trying to understand",
        "working to understand", NULL
    };
    /* a pointer to evidence that says nothing of what it found */
    static const char *const pointer[] = {
        "there's a", "there is a", "there's an", "there is an", "there are some", "there are a few",
        NULL
    };
    static const char *const tone[] = {
        "less upbeat", "more upbeat", "less positive", "more positive", "less optimistic",
        "more cautious", "less enthusiastic", "more enthusiastic", "more sceptical", "more skeptical",
        "points the same way", "point the same way", "pointed the same way", "in the same direction",
        NULL
    };
    /* "has even been shown to", "doctors are hiding it": claims without a number */
    static const char *const asserts[] = {
        "has been shown to", "has even been shown to", "have been shown to", "has also been shown to",
        "has been proven to", "has been proved to", "is proven to", "are proven to",
        "are hiding", "is hiding", "were hiding", "don't want you to know", "cover it up", "covering up",
        NULL
    };
    /* other evidence said to agree, a story only heard of, an endorsement
     * with no outcome, a pointer to what the trials found: nothing to check */
    static const char *const echo[] = {
        "points the same way", "point the same way", "pointed the same way",
        "points in the same direction", "point in the same direction", NULL
    };
    static const char *const hearsay[] = {
        "i hear", "i've heard", "i have heard", "i keep hearing", "you hear", "swears by",
        "swear by", "swore by", "raves about", "rave about", NULL
    };
    static const char *const looking[] = {
        "worth looking at", "worth a look at", "worth asking what", "worth checking what",
        "worth looking closely at", "worth a closer look at", NULL
    };
    /* the shape of an association: where it is steepest, what matters most */
    static const char *const shape[] = {
        "was steepest", "is steepest", "were steepest", "was strongest at", "is strongest at",
        "from nothing to a little", "from none to some", "seems to matter most",
        "seemed to matter most", NULL
    };
    static const char *const fraction[] = {
        "half", "a third", "a quarter", "a fifth", "a tenth", "two-thirds", "three-quarters",
        "twice", "double", "triple", "halves", "doubles", "triples", NULL
    };
    /* a use someone close to the writer made ("My sister took it ... and
     * swears by it"): their story, not hearsay */
    static const char *const used[] = {
        "took it", "takes it", "used it", "uses it", "tried it", "was on it", "been on it",
        "been taking it", "been using it", "took them", "used them", "tried them", NULL
    };
    /* "my brother swears by it": the relayed story itself, not hearsay */
    static const char *const swears[] = {
        "swears by", "swear by", "swore by", "raves about", "rave about", NULL
    };
    size_t a = s->start, b = s->end, i;
    int numbers = 0;

    for (i = 0; ns && i < ns->n; i++)
        numbers |= ns->v[i].kind != RC_DURATION;
    if (has_phrase(text, a, b, disclaimer))
        return -1;
    /* a news headline in capitals that gives a quantity asserts a result
     * ("PILL USERS LOSE A THIRD OF THEIR PAIN"); one that counts studies
     * ("5 STUDIES THAT CHANGED EVERYTHING") is the claim rules' to judge */
    if (bk == RC_BLOCK_HEADING && topical && !(f & RC_F_STUDYWORD) && shouted(text, a, b)
        && (numbers || has_phrase(text, a, b, fraction)))
        return 1;
    if (numbers || bk == RC_BLOCK_HEADING || bk == RC_BLOCK_ATTRIB)
        return 0;
    if (has_phrase(text, a, b, rhetoric))
        return -1;
    if (!opens && rc_word_count(text, a, b) <= 8 && has_phrase(text, a, b, echo))
        return -1;
    if (!(f & (RC_F_EFFICACY | RC_F_NULL | RC_F_SAFETY)) && !opens
        && ((has_phrase(text, a, b, hearsay)
             && !((f & RC_F_TESTIMONIAL)
                  && (has_phrase(text, a, b, used) || has_phrase(text, a, b, swears))))
            || ((f & RC_F_STUDYWORD) && has_phrase(text, a, b, looking))))
        return -1;
    if (has_phrase(text, a, b, shape))
        return 1;
    /* a sentence that introduces a study stays: the claims that lean on it
     * are checked against the record its words find */
    if (!(f & (RC_F_EFFICACY | RC_F_NULL | RC_F_SAFETY)) && !opens
        && (has_phrase(text, a, b, tone)
            || ((f & RC_F_STUDYWORD) && has_phrase(text, a, b, pointer))))
        return -1;
    /* a quoted remark and its speaker, the remark too short to say what
     * it is about ("'This changes everything,' said Dr X") */
    if ((text[a] == '"' || !strncmp(text + a, "\xe2\x80\x9c", 3)) && !topical) {
        const char *q = text + a + (text[a] == '"' ? 1 : 3);
        const char *e = q;
        while (e < text + b && *e != '"' && strncmp(e, "\xe2\x80\x9d", 3))
            e++;
        if (e < text + b && rc_word_count(text, (size_t)(q - text), (size_t)(e - text)) <= 5
            && !(f & (RC_F_EFFICACY | RC_F_SAFETY | RC_F_FIRST_PERSON)))
            return -1;
    }
    /* "It helps.", "Even a little works.": an effect word and nothing it is of */
    if (!topical && !(f & (RC_F_STUDYWORD | RC_F_SAFETY | RC_F_FIRST_PERSON | RC_F_TESTIMONIAL))
        && rc_word_count(text, a, b) <= 5) {
        static const char *const vague[] = { "it", "this", "that", "even", "everything", "anything",
                                             "nothing", NULL };
        size_t e = word_end(text, a, b);
        if (word_is(text, a, e, vague))
            return -1;
    }
    if (has_phrase(text, a, b, asserts) || effect_timing(text, a, b))
        return 1;
    return 0;
}

/* Details of a mention that a record confirms: appended to m->why. */
void rc_mention_resolve(struct rc_mention *m, const struct rc_doc *d)
{
    size_t i;

    m->pmid = d->pmid;
    m->nwhy = 0;
    if (m->year && d->year) {
        snprintf(m->why[m->nwhy++], sizeof m->why[0], "year %d %s", m->year,
                 m->year == d->year ? "matches" : "differs");
    }
    if (m->n) {
        int found = 0;
        for (i = 0; i < d->nums.n && !found; i++)
            found = d->nums.v[i].kind == RC_N && (long)d->nums.v[i].v == m->n;
        snprintf(m->why[m->nwhy++], sizeof m->why[0], "n=%ld %s", m->n,
                 found ? "matches" : "not in the abstract");
    }
    if (m->design[0] && m->nwhy < 3)
        snprintf(m->why[m->nwhy++], sizeof m->why[0], "named design %s; record: %s", m->design,
                 d->design);
    if (!m->nwhy)
        snprintf(m->why[m->nwhy++], sizeof m->why[0], "best match of its sentence");
}

/* ---- regimen: how often, in administrations per week ----------------------- */

static double count_word(const char *w, size_t l)
{
    static const char *const words[] = { "once", "twice", "thrice", NULL };
    size_t i;
    double v;
    size_t used;

    for (i = 0; words[i]; i++)
        if (l == strlen(words[i]) && !strncasecmp(w, words[i], l))
            return (double)(i + 1);
    if (lm_num_any(w, l, &v, &used) && used == l && v > 0 && v < 100)
        return v;
    return 0;
}

/* What a regimen counts: "3 sessions a week", "5 days a week". */
static int is_count_noun(const char *w, size_t l)
{
    static const char *const nouns[] = {
        "time", "session", "dose", "visit", "injection", "infusion", "treatment", "class",
        "workout", "day", "night", "shot", "tablet", "capsule", "pill", "appointment", NULL
    };
    size_t i, k;

    for (i = 0; nouns[i]; i++) {
        k = strlen(nouns[i]);
        if ((l == k || (l == k + 1 && (w[k] == 's' || w[k] == 'S'))
             || (l == k + 2 && !strncasecmp(w + k, "es", 2)))
            && !strncasecmp(w, nouns[i], k))
            return 1;
    }
    return 0;
}

/* Length of the alphabetic word at s[b], n the text's end. */
static size_t alpha_run(const char *s, size_t b, size_t n)
{
    size_t l = 0;

    while (b + l < n && isalpha((unsigned char)s[b + l]))
        l++;
    return l;
}

static size_t skip_sp(const char *s, size_t b, size_t n)
{
    while (b < n && s[b] == ' ')
        b++;
    return b;
}

/* The first schedule a text states, in its own slots: how many times
 * (rs->times, 0 when a bare "daily" leaves the count unsaid) in what
 * period (rs->per: 'd' day, 'w' week, 'm' month), and where it is written.
 * Kept apart so that "four times a day" is compared with what a record
 * gives per day, never turned into a weekly total against a bare "daily"
 * whose count the record did not state.  0 when it states none. */
int rc_schedule(const char *s, size_t n, struct rc_sched *rs)
{
    size_t p = 0;

    memset(rs, 0, sizeof *rs);
    while (p < n) {
        size_t a, l, b, bl, c, cl;
        double times;
        int noun;
        while (p < n && !isalnum((unsigned char)s[p]))
            p++;
        a = p;
        while (p < n && isalnum((unsigned char)s[p]))
            p++;
        l = p - a;
        if (!l)
            break;
        rs->start = a, rs->end = p;
        if ((l == 5 && !strncasecmp(s + a, "daily", 5)) || (l == 7 && !strncasecmp(s + a, "nightly", 7))) {
            rs->per = 'd';
            return 1;
        }
        if (l == 6 && !strncasecmp(s + a, "weekly", 6) && !(a >= 4 && !strncasecmp(s + a - 4, "bi", 2))) {
            rs->times = 1, rs->per = 'w';
            return 1;
        }
        if (l == 7 && !strncasecmp(s + a, "monthly", 7)) {
            rs->times = 1, rs->per = 'm';
            return 1;
        }
        if (!(times = count_word(s + a, l)))
            continue;
        /* "<times> [times|sessions|...] (a|per|each|every) (day|week|month)",
         * "<times> [times|...] daily|weekly" */
        b = skip_sp(s, p, n);
        bl = alpha_run(s, b, n);
        noun = bl && is_count_noun(s + b, bl);
        if (noun) {
            b = skip_sp(s, b + bl, n);         /* "times", "sessions", "doses" */
            bl = alpha_run(s, b, n);
        }
        /* "twice daily", "four times daily", "3 sessions weekly"; in "12
         * weekly sessions" the number counts the sessions, each weekly */
        if ((bl == 5 && !strncasecmp(s + b, "daily", 5))
            || (bl == 7 && !strncasecmp(s + b, "nightly", 7))
            || (bl == 6 && !strncasecmp(s + b, "weekly", 6))) {
            size_t d = skip_sp(s, b + bl, n), dl = alpha_run(s, d, n);
            rs->times = !noun && dl && is_count_noun(s + d, dl) ? 1 : times;
            rs->per = s[b] == 'w' || s[b] == 'W' ? 'w' : 'd';
            rs->start = rs->times == times ? a : b, rs->end = b + bl;
            return 1;
        }
        if (!((bl == 1 && s[b] == 'a') || (bl == 3 && !strncasecmp(s + b, "per", 3))
              || (bl == 4 && !strncasecmp(s + b, "each", 4))
              || (bl == 5 && !strncasecmp(s + b, "every", 5))))
            continue;
        c = skip_sp(s, b + bl, n);
        cl = alpha_run(s, c, n);
        rs->times = times, rs->end = c + cl;
        if ((cl >= 3 && !strncasecmp(s + c, "day", 3))
            || (cl >= 5 && !strncasecmp(s + c, "night", 5)))
            rs->per = 'd';                      /* "once a night" is once a day */
        else if (cl >= 4 && !strncasecmp(s + c, "week", 4))
            rs->per = 'w';
        else if (cl >= 5 && !strncasecmp(s + c, "month", 5))
            rs->per = 'm';
        else
            continue;
        return 1;
    }
    return 0;
}

static int is_suffer_verb(const char *w, size_t l)
{
    static const char *const v[] = { "had", "has", "have", "having", "got", "get", "gets",
                                     "getting", "suffered", "experienced", "experiences", NULL };
    size_t k;

    for (k = 0; v[k]; k++)
        if (strlen(v[k]) == l && !strncasecmp(w, v[k], l))
            return 1;
    return 0;
}

/* "had attacks three times a week before starting", "got headaches twice
 * a week": how often a symptom came, not how often a treatment was taken.
 * The clause places it before the treatment, or the schedule follows a
 * verb of suffering and a plural that is no regimen's count noun ("had
 * sessions twice a week" and "had physiotherapy twice a week" are
 * schedules). */
int rc_symptom_frequency(const char *t, size_t n, const struct rc_sched *rs)
{
    static const char *const before[] = { "before starting", "before taking", "before treatment",
                                          "before beginning", "before trying", "before using",
                                          "at baseline", NULL };
    size_t k, p = rs->start, w1, p1, w2;

    for (k = 0; before[k]; k++) {
        const char *h = rc_find_ci(t + rs->end, n - rs->end, before[k]);
        if (h && (size_t)(h - (t + rs->end)) < 24)
            return 1;
    }
    while (p > 0 && t[p - 1] == ' ')
        p--;
    for (p1 = p; p1 > 0 && isalpha((unsigned char)t[p1 - 1]); p1--)
        ;
    if (!(w1 = p - p1))
        return 0;
    if (is_suffer_verb(t + p1, w1))
        return 1;
    for (p = p1; p > 0 && t[p - 1] == ' '; p--)
        ;
    for (k = p; k > 0 && isalpha((unsigned char)t[k - 1]); k--)
        ;
    w2 = p - k;
    return w2 && is_suffer_verb(t + k, w2) && w1 > 3 && tolower((unsigned char)t[p1 + w1 - 1]) == 's'
           && !is_count_noun(t + p1, w1);
}

double rc_per_week(const char *s, size_t n)
{
    struct rc_sched rs;

    if (!rc_schedule(s, n, &rs))
        return 0;
    if (rs.per == 'd')
        return (rs.times > 0 ? rs.times : 1) * 7;
    return rs.per == 'w' ? rs.times : rs.times * 7.0 / 30.44;
}

/* Days in a duration as the study model writes it ("24 weeks", "6 months"). */
double rc_duration_days_unit(const char *s, char *unit)
{
    static const struct { const char *w; size_t n; double days; char code; } u[] = {
        { "day", 3, 1, '2' }, { "week", 4, 7, '3' }, { "month", 5, 30.44, '4' },
        { "year", 4, 365.25, '5' },
    };
    double v;
    size_t used, i;
    const char *p;

    if (!s)
        return 0;
    /* the number may come after its unit ("week 68", "by week 120") */
    for (p = s; *p; p++) {
        if (p > s && isalnum((unsigned char)p[-1]))
            continue;
        if (lm_num_any(p, strlen(p), &v, &used)) {
            const char *a = p + used;
            while (*a == ' ' || *a == '-')
                a++;
            for (i = 0; i < sizeof u / sizeof u[0]; i++)
                if (!strncasecmp(a, u[i].w, u[i].n)) {
                    if (unit)
                        unit[0] = u[i].code, unit[1] = '\0';
                    return v * u[i].days;
                }
        }
        for (i = 0; i < sizeof u / sizeof u[0]; i++)
            if (!strncasecmp(p, u[i].w, u[i].n)) {
                const char *a = p + u[i].n;
                if (*a == 's')
                    a++;
                while (*a == ' ')
                    a++;
                if (isdigit((unsigned char)*a) && lm_num_any(a, strlen(a), &v, &used)) {
                    if (unit)
                        unit[0] = u[i].code, unit[1] = '\0';
                    return v * u[i].days;
                }
            }
    }
    return 0;
}

double rc_duration_days(const char *s)
{
    return rc_duration_days_unit(s, NULL);
}
