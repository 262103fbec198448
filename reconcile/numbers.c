/* Numbers of a claim or an abstract, read the same way on both sides.
 * The digits, number words, fractions, percentages, p-values and CIs are
 * parsed only by the extractors' helpers (lm_num_any, lm_frac_parse,
 * lm_pct_parse, lm_p_parse, lm_ci_parse, on lm_text_norm'd text) and the
 * extractor's own rules (lm_extract_text: sample sizes, rates, effects,
 * study counts).  This file adds no number pattern of its own: it only
 * reads the words around a parsed number to tell what the number counts
 * (a dose in mg, a duration, a number of doses, points on a scale, a
 * relative reduction) for the kinds the extractors do not cover.  A
 * record's durations are not read here: they are the extractors'
 * follow-up and regimen rows (rc_numrules_model, rc_doc_analyse); the time
 * phrases below are read in the article's claims only, which the extractors'
 * rows (one longest follow-up, one treatment period per text) do not cover. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <litmine/extract.h>
#include "reconcile/reconcile_int.h"

struct rc_numrules {
    lm_extractor *ex;
    lm_extractions xs;
    lm_normtext nt;
    int jit;            /* rules JIT-compiled (a long page) */
};

lm_err rc_numrules_open(rc_numrules **out, char *msg, size_t cap)
{
    rc_numrules *r = calloc(1, sizeof *r);
    lm_err rc;

    *out = r;
    if (!r)
        return LM_ERR_NOMEM;
    lm_extractions_init(&r->xs);
    /* interpreted: JIT-compiling every extractor rule costs more (about
     * 50 ms) than a whole article and its candidate abstracts take to scan */
    if ((rc = lm_extractor_open(LM_EXTRACT_NO_JIT, &r->ex)) != LM_OK) {
        lm_msg_set(msg, cap, "%s", r->ex ? lm_extractor_errmsg(r->ex) : lm_strerror(rc));
        return rc;
    }
    return LM_OK;
}

lm_err rc_numrules_jit(rc_numrules *r, char *msg, size_t cap)
{
    lm_extractor *ex = NULL;
    lm_err rc;

    if (r->jit)
        return LM_OK;
    if ((rc = lm_extractor_open(0, &ex)) != LM_OK) {
        lm_msg_set(msg, cap, "%s", ex ? lm_extractor_errmsg(ex) : lm_strerror(rc));
        lm_extractor_close(ex);
        return rc;
    }
    lm_extractor_close(r->ex);
    r->ex = ex;
    r->jit = 1;
    return LM_OK;
}

void rc_numrules_close(rc_numrules *r)
{
    if (!r)
        return;
    lm_extractor_close(r->ex);
    lm_extractions_free(&r->xs);
    lm_normtext_free(&r->nt);
    free(r);
}

const char *rc_num_kind_name(enum rc_num_kind k)
{
    switch (k) {
    case RC_N:         return "n";
    case RC_RATE:      return "rate";
    case RC_EFFECT:    return "effect";
    case RC_COUNT:     return "studies";
    case RC_DOSE:      return "dose";
    case RC_DOSES:     return "doses";
    case RC_DURATION:  return "duration_days";
    case RC_CHANGE:    return "change";
    case RC_FOLD:      return "fold";
    case RC_REDUCTION: return "reduction";
    case RC_P:         return "p";
    case RC_NUM_KINDS: break;
    }
    return "?";
}

void rc_nums_free(struct rc_nums *ns)
{
    free(ns->v);
    ns->v = NULL;
    ns->n = ns->cap = 0;
}

static struct rc_num *num_push(struct rc_nums *ns, enum rc_num_kind kind, double v)
{
    struct rc_num *x;

    if (lm_grow(&ns->v, &ns->cap, ns->n, sizeof *ns->v, 16))
        return NULL;
    x = &ns->v[ns->n++];
    memset(x, 0, sizeof *x);
    x->kind = kind;
    x->v = v;
    x->lo = x->hi = NAN;
    x->k = x->n = -1;
    return x;
}

/* ---- looking at the words around a number ------------------------------ */

struct scan {
    const char *s;      /* normalised text */
    size_t n;
};

static size_t skip_ws(const struct scan *sc, size_t i)
{
    while (i < sc->n && (sc->s[i] == ' ' || sc->s[i] == '\t' || sc->s[i] == '\n'
                         || sc->s[i] == '\r'))
        i++;
    return i;
}

/* Whether the word right before i (past any spaces or line breaks: a
 * hard-wrapped line keeps its indent) is "by": "cut deaths by 40%". */
static int after_by(const struct scan *sc, size_t i)
{
    /* "by about 35%", "by up to a third": a rounding word between */
    static const char *const approx[] = { "about", "around", "roughly", "approximately", "nearly",
                                          "almost", "some", "up to", "close to", "more than",
                                          "over", "just under", "just over", "~", NULL };
    size_t k;

    while (i > 0 && (sc->s[i - 1] == ' ' || sc->s[i - 1] == '\t' || sc->s[i - 1] == '\n'
                     || sc->s[i - 1] == '\r'))
        i--;
    for (k = 0; approx[k]; k++) {
        size_t l = strlen(approx[k]);
        if (i >= l + 3 && !strncasecmp(sc->s + i - l, approx[k], l)
            && (approx[k][0] == '~' || !isalnum((unsigned char)sc->s[i - l - 1]))) {
            i -= l;
            while (i > 0 && (sc->s[i - 1] == ' ' || sc->s[i - 1] == '\t' || sc->s[i - 1] == '\n'
                             || sc->s[i - 1] == '\r'))
                i--;
            break;
        }
    }
    return i >= 2 && tolower((unsigned char)sc->s[i - 2]) == 'b' && tolower((unsigned char)sc->s[i - 1]) == 'y'
           && (i == 2 || !isalnum((unsigned char)sc->s[i - 3]));
}

/* Length of the alphabetic word at i ("" -> 0); apostrophes and inner
 * hyphens are part of it. */
static size_t word_at(const struct scan *sc, size_t i)
{
    size_t j = i;

    while (j < sc->n && (isalpha((unsigned char)sc->s[j]) || (unsigned char)sc->s[j] >= 0x80
                         || ((sc->s[j] == '\'' || sc->s[j] == '-') && j > i && j + 1 < sc->n
                             && isalpha((unsigned char)sc->s[j + 1]))))
        j++;
    return j - i;
}

static int word_in(const char *w, size_t n, const char *const *list)
{
    size_t i;

    for (i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !strncasecmp(w, list[i], n))
            return 1;
    return 0;
}

/* Does the text at i start with one of the phrases (case-insensitive,
 * ending at a word boundary)?  Returns its length or 0. */
static size_t phrase_at(const struct scan *sc, size_t i, const char *const *list)
{
    size_t k;

    for (k = 0; list[k]; k++) {
        size_t l = strlen(list[k]);
        if (i + l <= sc->n && !strncasecmp(sc->s + i, list[k], l)
            && (i + l == sc->n || !isalnum((unsigned char)sc->s[i + l])))
            return l;
    }
    return 0;
}

/* Does the text just before @i end with one of the phrases (ignoring
 * spaces, '=', ':', ',' and the words "of", "was", "is", "at")? */
static const char *phrase_before(const struct scan *sc, size_t i, const char *const *list,
                                 int exact_case)
{
    size_t e = i, k;

    for (;;) {
        while (e > 0 && (sc->s[e - 1] == ' ' || sc->s[e - 1] == '=' || sc->s[e - 1] == ':'
                         || sc->s[e - 1] == ',' || sc->s[e - 1] == '('))
            e--;
        if (e >= 3 && !strncasecmp(sc->s + e - 3, " of", 3))
            e -= 2;
        else if (e >= 4 && !strncasecmp(sc->s + e - 4, " was", 4))
            e -= 3;
        else if (e >= 3 && !strncasecmp(sc->s + e - 3, " is", 3))
            e -= 2;
        else if (e >= 4 && !strncasecmp(sc->s + e - 4, " are", 4))
            e -= 3;
        else
            break;
    }
    for (k = 0; list[k]; k++) {
        size_t l = strlen(list[k]);
        if (l <= e && (exact_case ? !strncmp(sc->s + e - l, list[k], l)
                                  : !strncasecmp(sc->s + e - l, list[k], l))
            && (e == l || !isalnum((unsigned char)sc->s[e - l - 1])))
            return list[k];
    }
    return NULL;
}

/* Is one of the words within @back bytes before i? */
static int word_near_before(const struct scan *sc, size_t i, size_t back,
                            const char *const *list)
{
    size_t b = i > back ? i - back : 0, j;

    for (j = b; j < i; j++) {
        size_t l;
        if (j > 0 && isalpha((unsigned char)sc->s[j - 1]))
            continue;
        l = word_at(sc, j);
        if (l && j + l <= i) {
            size_t k;
            for (k = 0; list[k]; k++) {
                size_t ll = strlen(list[k]);
                if (ll <= l && !strncasecmp(sc->s + j, list[k], ll))
                    return 1;          /* prefix: "reduc" covers reduced, reduction */
            }
        }
    }
    return 0;
}

static const char *const approx_words[] = {
    "nearly", "about", "around", "approximately", "roughly", "almost", "some", "over",
    "more than", "up to", "close to", "~", "circa", "just under", "just over", NULL
};

struct unit { const char *text; const char *canon; };

static const struct unit dose_units[] = {
    { "micrograms per kilogram", "ug/kg" }, { "microgram per kilogram", "ug/kg" },
    { "mg per kilogram", "mg/kg" }, { "milligrams per kilogram", "mg/kg" },
    { "mg/kg", "mg/kg" }, { "\xc2\xb5g/kg", "ug/kg" }, { "\xce\xbcg/kg", "ug/kg" },
    { "mcg/kg", "ug/kg" }, { "ug/kg", "ug/kg" },
    { "\xc2\xb5g per kilogram", "ug/kg" }, { "\xce\xbcg per kilogram", "ug/kg" },
    { "milligrams", "mg" }, { "milligram", "mg" }, { "mg", "mg" },
    { "micrograms", "ug" }, { "microgram", "ug" }, { "mcg", "ug" }, { "\xc2\xb5g", "ug" },
    { "\xce\xbcg", "ug" }, { "ug", "ug" },
    { "grams", "g" }, { "gram", "g" }, { "g", "g" },
    { "international units", "iu" }, { "iu", "iu" }, { "units", "iu" },
    { "ml", "ml" },
    /* an energy dose (exercise "dose" by expenditure) */
    { "kcal per kilogram", "kcal/kg" }, { "kcal per kg", "kcal/kg" }, { "kcal/kg", "kcal/kg" },
    { "kilocalories per kilogram", "kcal/kg" }, { NULL, NULL }
};

static const struct unit time_units[] = {
    { "hours", "1" }, { "hour", "1" }, { "hrs", "1" }, { "h", "1" },
    { "days", "2" }, { "day", "2" }, { "weeks", "3" }, { "week", "3" },
    { "months", "4" }, { "month", "4" }, { "years", "5" }, { "year", "5" },
    { NULL, NULL }
};

static double days_of(const char *code)
{
    switch (code[0]) {
    case '1': return 1.0 / 24.0;
    case '2': return 1;
    case '3': return 7;
    case '4': return 30.4;
    default:  return 365.25;
    }
}

static const struct unit *unit_at(const struct scan *sc, size_t i, const struct unit *t,
                                  size_t *len)
{
    size_t k;

    for (k = 0; t[k].text; k++) {
        size_t l = strlen(t[k].text);
        if (i + l <= sc->n && !strncasecmp(sc->s + i, t[k].text, l)
            && (i + l == sc->n || !isalpha((unsigned char)sc->s[i + l]))) {
            *len = l;
            return &t[k];
        }
    }
    return NULL;
}

/* "10 or 20 mg/kg", "10 and 20 mg": the unit of the second number is the
 * first one's too.  The unit after the number that follows, or NULL. */
static const struct unit *chained_unit(const struct scan *sc, size_t at)
{
    static const char *const joins[] = { "or", "and", "to", NULL };
    size_t j = skip_ws(sc, at), l, used, e;
    double v2;

    if (!(l = phrase_at(sc, j, joins)))
        return NULL;
    j = skip_ws(sc, j + l);
    if (j >= sc->n || !isdigit((unsigned char)sc->s[j]) || !lm_num_parse(sc->s + j, sc->n - j, &v2, &used))
        return NULL;
    j = skip_ws(sc, j + used);
    if (j < sc->n && sc->s[j] == '-')
        j++;
    return unit_at(sc, j, dose_units, &e);
}

static const char *const people[] = {
    "patients", "patient", "people", "participants", "adults", "subjects", "individuals",
    "volunteers", "veterans", "outpatients", "inpatients", "cases", "clients", "women",
    "men", "children", "users", "customers", "persons", "respondents", "residents",
    "smokers", "students", "mothers", "infants", "workers", "members", NULL
};
/* the singular a count takes as a compound adjective ("a 300-patient
 * trial", "a 40-woman study") */
static const char *const people_one[] = {
    "patient", "person", "participant", "adult", "subject", "woman", "man", "child",
    "volunteer", "individual", "member", NULL
};
static const char *const studies[] = {
    "studies", "trials", "rcts", "rct", "trial", "study", "datasets", NULL
};
static const char *const dose_nouns[] = {
    "doses", "dose", "sessions", "session", "administrations", "infusions",
    "injections", "dosing", "microdoses", "microdose", NULL
};
static const char *const blockers[] = {
    "of", "in", "to", "with", "and", "for", "at", "by", "on", "or", "from", "than", "per",
    "the", "a", "an", "were", "was", "had", "who", "that", "after", "before", "every", NULL
};

/* A noun from @list within @maxw words after i (intermediate words must be
 * plain words, not blockers); returns 1 and the end in *end. */
static int noun_after(const struct scan *sc, size_t i, int maxw, const char *const *list,
                      size_t *end)
{
    int w;

    for (w = 0; w <= maxw; w++) {
        size_t l;
        i = skip_ws(sc, i);
        l = word_at(sc, i);
        if (!l)
            return 0;
        if (word_in(sc->s + i, l, list)) {
            *end = i + l;
            return 1;
        }
        if (word_in(sc->s + i, l, blockers))
            return 0;
        i += l;
    }
    return 0;
}

/* "affects one in seven adults", "12% of people worldwide", "a prevalence
 * of 9%": how common a condition is in a population, a quantity no trial's
 * outcome rate measures (cmp_rate compares it with prevalences only).  The
 * cue sits close: a verb of prevalence just before the rate, a population
 * word just after it, or the word prevalence in the clause. */
static int prevalence_near(const struct scan *sc, size_t start, size_t end)
{
    static const char *const before[] = { "affects", "affect", "affecting", "prevalence of",
                                          "prevalence was", "prevalence is", NULL };
    static const char *const after[] = { "worldwide", "of the population", "of the general population",
                                         "of the world", "of all adults", "of people worldwide",
                                         "of adults worldwide", NULL };
    size_t b = start > 30 ? start - 30 : 0, a, i, k;

    for (k = 0; before[k]; k++) {
        size_t l = strlen(before[k]);
        for (i = b; i + l <= start; i++)
            if (!strncasecmp(sc->s + i, before[k], l) && (i == 0 || !isalpha((unsigned char)sc->s[i - 1]))
                && (i + l == start || !isalpha((unsigned char)sc->s[i + l])))
                return 1;
    }
    /* after the rate and its noun ("one in seven adults worldwide") */
    for (a = end; a < sc->n && a < end + 24; a++)
        for (k = 0; after[k]; k++)
            if ((a == end || sc->s[a - 1] == ' ') && !strncasecmp(sc->s + a, after[k], strlen(after[k])))
                return 1;
    return 0;
}

static const char *what_of(const struct scan *sc, size_t start, size_t end)
{
    static const struct { const char *stem, *what; } whats[] = {
        { "remission", "remission" }, { "remitted", "remission" }, { "free of", "remission" },
        { "respon", "response" }, { "relapse", "relapse" }, { "death", "mortality" },
        { "died", "mortality" }, { "mortality", "mortality" }, { "hospital", "hospitalisation" },
        { "adverse", "adverse_event" }, { "side effect", "adverse_event" },
        { "cured", "cure" }, { NULL, NULL }
    };
    size_t b = start > 60 ? start - 60 : 0, e = end + 60 < sc->n ? end + 60 : sc->n, i, k;

    if (prevalence_near(sc, start, end))
        return "prevalence";
    for (k = 0; whats[k].stem; k++) {
        size_t l = strlen(whats[k].stem);
        for (i = b; i + l <= e; i++)
            if (!strncasecmp(sc->s + i, whats[k].stem, l))
                return whats[k].what;
    }
    return "";
}

static void set_str(char *dst, size_t cap, const char *s)
{
    size_t l = strlen(s);

    if (l >= cap)
        l = cap - 1;
    memcpy(dst, s, l);
    dst[l] = '\0';
}

/* The last number pushed by this scan, if it ended within @gap bytes of i. */
static struct rc_num *last_near(struct rc_nums *out, size_t first, size_t i_orig, size_t gap)
{
    struct rc_num *l;

    if (out->n <= first)
        return NULL;
    l = &out->v[out->n - 1];
    return l->end <= i_orig && i_orig - l->end <= gap ? l : NULL;
}

/* The last effect or change of this scan ending within @gap bytes of i:
 * "d = 2.2 at week 1 and 2.3 at week 5" chains 2.3 to the effect. */
static struct rc_num *last_of(struct rc_nums *out, size_t first, size_t i_orig, size_t gap)
{
    size_t j = out->n;

    while (j > first) {
        struct rc_num *l = &out->v[--j];
        if (l->end > i_orig || i_orig - l->end > gap)
            return NULL;
        if (l->kind == RC_EFFECT || l->kind == RC_CHANGE)
            return l;
    }
    return NULL;
}

static const char *const reduce_verbs[] = {
    "cut", "reduc", "lower", "decreas", "halv", "fewer", "drop", "declin", "prevent",
    "less", "shrank", "fell", "fall", "shorten", NULL
};
static const char *const increase_verbs[] = {
    "improv", "increas", "rais", "boost", "rose", "higher", "enhanc", NULL
};
static const char *const reduce_after[] = {
    "reduction", "lower", "fewer", "less", "decrease", "drop", "decline", "relative reduction",
    "risk reduction", "reduced", NULL
};

/* An arm's size without a noun: "75 in the 10-mg group", "placebo (679)". */
static int arm_context(const struct scan *sc, size_t i, size_t a)
{
    size_t j;

    if (a + 8 <= sc->n && !strncasecmp(sc->s + a, " in the ", 8)) {
        for (j = a + 8; j < sc->n && j < a + 40 && sc->s[j] != ',' && sc->s[j] != ';'; j++)
            if (!strncasecmp(sc->s + j, "group", 5) || !strncasecmp(sc->s + j, "arm", 3))
                return 1;
    }
    if (i >= 3 && sc->s[i - 1] == '(' && a < sc->n && sc->s[a] == ')'
        && isalpha((unsigned char)sc->s[i - 3])) {
        size_t b = i > 300 ? i - 300 : 0;
        for (j = b; j + 6 <= i; j++)
            if (!strncasecmp(sc->s + j, "assign", 6) || !strncasecmp(sc->s + j, "random", 6))
                return 1;
    }
    return 0;
}

/* Fraction words: "half", "a third", "two-thirds", "a quarter". */
static int frac_word(const struct scan *sc, size_t i, double *v, size_t *used)
{
    static const struct { const char *w; double v; } fw[] = {
        { "two-thirds", 2.0 / 3 }, { "two thirds", 2.0 / 3 }, { "three-quarters", 0.75 },
        { "three quarters", 0.75 }, { "one-third", 1.0 / 3 }, { "one third", 1.0 / 3 },
        { "a third", 1.0 / 3 }, { "one-quarter", 0.25 }, { "a quarter", 0.25 },
        { "one quarter", 0.25 }, { "halves", 0.5 }, { "halved", 0.5 }, { "halve", 0.5 },
        { "half", 0.5 }, { NULL, 0 }
    };
    size_t k;

    for (k = 0; fw[k].w; k++) {
        size_t l = strlen(fw[k].w);
        if (i + l <= sc->n && !strncasecmp(sc->s + i, fw[k].w, l)
            && (i + l == sc->n || !isalpha((unsigned char)sc->s[i + l]))) {
            *v = fw[k].v;
            *used = l;
            return 1;
        }
    }
    return 0;
}

/* A fraction word that sizes each person's own change ("46% saw their
 * attacks cut at least in half", "halved or more"): the threshold of a
 * responder definition, not a result of the study, so it is not read as a
 * number.  Only a change form counts ("halved", "in half", "by half"):
 * "more than half of them improved" is a share of people.  A bound ("at
 * least", "more than") before it or after it ("or more") marks one; so does
 * "their" before it once a rate of people has been read in the same text
 * (the share whose change reached that size). */
static int frac_threshold(const struct scan *sc, size_t i, size_t used, int rate_before)
{
    static const char *const bound_before[] = { "by at least", "by more than", "at least",
                                                "more than", NULL };
    static const char *const bound_after[] = { "or more", "or greater", "or better", NULL };
    static const char *const their[] = { "their", NULL };
    size_t e = i;
    int change = !strncasecmp(sc->s + i, "halv", 4) || after_by(sc, i);

    while (e > 0 && sc->s[e - 1] == ' ')
        e--;
    if (e >= 3 && !strncasecmp(sc->s + e - 3, " in", 3))
        e -= 3, change = 1;                       /* "cut at least in half" */
    if (!change) {
        const char *bound = phrase_before(sc, e, bound_before, 0);
        return bound && bound[0] == 'b';          /* "reduced by at least half" */
    }
    if (phrase_before(sc, e, bound_before, 0) || phrase_at(sc, skip_ws(sc, i + used), bound_after))
        return 1;
    return rate_before && word_near_before(sc, i, 40, their);
}

/* Offsets: the scan works on normalised text; spans go back through map. */
static size_t orig(const lm_normtext *nt, size_t base, size_t i)
{
    return base + nt->map[i < nt->len ? i : nt->len];
}

static lm_err scan_words(rc_numrules *r, size_t base, struct rc_nums *out)
{
    const lm_normtext *nt = &r->nt;
    struct scan sc = { nt->s, nt->len };
    size_t i = 0, first = out->n;

    while (i < sc.n) {
        double v, k2, n2, lo, hi, lvl;
        char op[3];
        size_t used = 0, e;
        struct rc_num *x = NULL;
        const struct unit *u;
        unsigned char prev = i ? (unsigned char)sc.s[i - 1] : ' ';

        if (isalnum(prev) || prev == '.' || prev == '_' || prev >= 0x80) {
            i++;
            continue;
        }
        /* identifiers: "ZV-19", "DQS-SR-12", "D3" */
        if (prev == '-' && i >= 2 && isalpha((unsigned char)sc.s[i - 2])) {
            size_t i0 = i;
            while (i < sc.n && (isalnum((unsigned char)sc.s[i]) || sc.s[i] == '-'))
                i++;
            if (i == i0)
                i++;
            continue;
        }
        if (lm_p_parse(sc.s + i, sc.n - i, &v, op, &used)) {
            if (!(x = num_push(out, RC_P, v)))
                return LM_ERR_NOMEM;
            set_str(x->what, sizeof x->what, op);
        } else if (lm_ci_parse(sc.s + i, sc.n - i, 1, &lo, &hi, &lvl, &used)) {
            struct rc_num *l = last_near(out, first, orig(nt, base, i), 40);
            if (l && !l->has_ci) {
                l->lo = lo;
                l->hi = hi;
                l->has_ci = 1;
            }
            i += used;
            continue;
        } else if (frac_word(&sc, i, &v, &used)) {
            size_t a = skip_ws(&sc, i + used), j;
            int red, rate_before = 0;
            for (j = first; j < out->n; j++)
                rate_before |= out->v[j].kind == RC_RATE;
            if (frac_threshold(&sc, i, used, rate_before)) {
                i += used;
                continue;
            }
            red = !strncasecmp(sc.s + i, "halv", 4)
                      || after_by(&sc, i)
                      || !strncasecmp(sc.s + a, "the ", 4)
                      || word_near_before(&sc, i, 25, reduce_verbs);
            if (!(x = num_push(out, red ? RC_REDUCTION : RC_RATE, v)))
                return LM_ERR_NOMEM;
            set_str(x->what, sizeof x->what, red ? "reduction" : what_of(&sc, i, i + used));
        } else if (lm_frac_parse(sc.s + i, sc.n - i, &k2, &n2, &used) && n2 >= 2) {
            if (!(x = num_push(out, RC_RATE, k2 / n2)))
                return LM_ERR_NOMEM;
            x->k = (int)k2;
            x->n = (int)n2;
            set_str(x->what, sizeof x->what, what_of(&sc, i, i + used));
        } else if (lm_pct_parse(sc.s + i, sc.n - i, &v, &used)) {
            size_t a = skip_ws(&sc, i + used);
            if (phrase_at(&sc, a, (const char *const[]){ "ci", "confidence", "credible",
                                                         "bayesian", "cri", NULL })) {
                i += used;
                continue;
            }
            if (phrase_at(&sc, a, reduce_after)
                || (after_by(&sc, i)
                    && word_near_before(&sc, i, 60, reduce_verbs))) {
                if (!(x = num_push(out, RC_REDUCTION, v / 100)))
                    return LM_ERR_NOMEM;
                set_str(x->what, sizeof x->what, "reduction");
            } else if (after_by(&sc, i)
                       && word_near_before(&sc, i, 60, increase_verbs)) {
                if (!(x = num_push(out, RC_REDUCTION, -v / 100)))
                    return LM_ERR_NOMEM;
                set_str(x->what, sizeof x->what, "increase");
            } else {
                if (!(x = num_push(out, RC_RATE, v / 100)))
                    return LM_ERR_NOMEM;
                set_str(x->what, sizeof x->what, what_of(&sc, i, i + used));
            }
        } else if (lm_num_any(sc.s + i, sc.n - i, &v, &used)) {
            size_t a = i + used, al;
            const char *eff;
            static const char *const eff_markers[] = {
                "cohen's d", "cohen d", "hedges' g", "hedges g", "effect size", "effect sizes",
                "smd", "standardized mean difference", "standardised mean difference",
                "hazard ratio", "relative risk", "risk ratio", "odds ratio", "rate ratio",
                "d", "g", NULL
            };
            static const char *const eff_upper[] = { "HR", "RR", "OR", "IRR", "aOR", "aHR", NULL };
            static const char *const chain[] = { "versus", "vs", "vs.", "and", "or", "to", NULL };
            static const char *const time_before[] = { "week", "day", "month", "year", "hour", NULL };
            static const char *const change_ctx[] = { "differ", "change", "reduc", "decreas",
                                                      "increas", "fell", "fall", "drop", NULL };

            static const char *const labels[] = { "phase", "stage", "type", "grade", "step",
                                                  "level", "class", "wave", "version", "figure",
                                                  "table", "no", "number", "visit", NULL };
            /* "phase 2", "type 2": labels, not quantities; a bare year */
            if (phrase_before(&sc, i, labels, 0)
                || (v >= 1900 && v <= 2100 && v == floor(v) && !memchr(sc.s + i, ',', used)
                    && !noun_after(&sc, a, 0, people, &e))) {
                i += used;
                continue;
            }
            /* "±1.0" after a mean */
            if (a + 1 < sc.n && (unsigned char)sc.s[a] == 0xc2 && (unsigned char)sc.s[a + 1] == 0xb1) {
                double sd;
                size_t su;
                if (lm_num_parse(sc.s + a + 2, sc.n - a - 2, &sd, &su))
                    a += 2 + su;
            }
            al = skip_ws(&sc, a);
            if (al < sc.n && sc.s[al] == '-')
                al++;
            if ((u = unit_at(&sc, al, dose_units, &e))) {
                /* "two 25 mg doses": the count comes first, handled below */
                if (!(x = num_push(out, RC_DOSE, v)))
                    return LM_ERR_NOMEM;
                set_str(x->unit, sizeof x->unit, u->canon);
                used = al + e - i;
            } else if ((u = chained_unit(&sc, al))) {
                if (!(x = num_push(out, RC_DOSE, v)))
                    return LM_ERR_NOMEM;
                set_str(x->unit, sizeof x->unit, u->canon);
            } else if (!strncasecmp(sc.s + al, "fold", 4)) {
                if (!(x = num_push(out, RC_FOLD, v)))
                    return LM_ERR_NOMEM;
                used = al + 4 - i;
            } else if (phrase_at(&sc, al, (const char *const[]){ "points", "point", "pts", NULL })) {
                if (!(x = num_push(out, RC_CHANGE, v)))
                    return LM_ERR_NOMEM;
                set_str(x->unit, sizeof x->unit, "points");
            } else if (phrase_at(&sc, al, (const char *const[]){ "mmhg", "mm hg", NULL })) {
                if (!(x = num_push(out, RC_CHANGE, v)))
                    return LM_ERR_NOMEM;
                set_str(x->unit, sizeof x->unit, "mmhg");
            } else if (phrase_at(&sc, al, (const char *const[]){ "minutes", "minute", "min",
                                                                  "mins", NULL })
                       && !phrase_before(&sc, i, (const char *const[]){ "within", "for", "after",
                                                                       "every", "in", "than",
                                                                       "first", NULL }, 0)) {
                /* "fell asleep 17 minutes faster", "latency of 7.06 minutes":
                 * a difference in time, not a treatment period */
                if (!(x = num_push(out, RC_CHANGE, v)))
                    return LM_ERR_NOMEM;
                set_str(x->unit, sizeof x->unit, "minutes");
            } else if ((u = unit_at(&sc, al, time_units, &e)) && u->canon[0] == '2'
                       && (((after_by(&sc, i) || memchr(sc.s + i, '.', used))
                            && (word_near_before(&sc, i, 60, reduce_verbs)
                                || word_near_before(&sc, i, 60, increase_verbs)))
                           || ((sc.s[i] == '-' || memchr(sc.s + i, '.', used))
                               && word_near_before(&sc, i, 30, (const char *const[]){
                                      "differ", NULL })))) {
                /* "fell by 4.1 days", "a difference of -1.8 days", "... and
                 * 2.3 days on placebo" (days in tenths after a verb of
                 * change): a change in a count of days, not how long
                 * anything lasted */
                if (!(x = num_push(out, RC_CHANGE, v)))
                    return LM_ERR_NOMEM;
                set_str(x->unit, sizeof x->unit, "days");
                used = al + e - i;
            } else if ((u = unit_at(&sc, al, time_units, &e)) && !(e == 1 && v > 72)
                       && phrase_before(&sc, i, (const char *const[]){ "every", "each", NULL },
                                        0)) {
                /* "every 4 weeks": how often a dose is given (the schedule
                 * reads it), not how long anything lasted */
                x = NULL;
                used = al + e - i;
            } else if ((u = unit_at(&sc, al, time_units, &e)) && !(e == 1 && v > 72)) {
                if (!(x = num_push(out, RC_DURATION, v * days_of(u->canon))))
                    return LM_ERR_NOMEM;
                set_str(x->unit, sizeof x->unit, u->canon);
                used = al + e - i;
            } else if (noun_after(&sc, a, 2, people, &e)
                       || (al > a && sc.s[al - 1] == '-' && v == floor(v)
                           && noun_after(&sc, al, 0, people_one, &e))
                       || (v == floor(v)
                           && phrase_at(&sc, al, (const char *const[]){ "of the original",
                                                                         "of the initial", NULL }))) {
                /* "40 people", and the part of a group followed on: "40 of
                 * the original 300" */
                if (!(x = num_push(out, RC_N, v)))
                    return LM_ERR_NOMEM;
            } else if (noun_after(&sc, a, 3, studies, &e)) {
                if (!(x = num_push(out, RC_COUNT, v)))
                    return LM_ERR_NOMEM;
            } else if (noun_after(&sc, a, 2, dose_nouns, &e) && v == floor(v) && v < 100) {
                if (!(x = num_push(out, RC_DOSES, v)))
                    return LM_ERR_NOMEM;
            } else if ((eff = phrase_before(&sc, i, eff_upper, 1))
                       || (eff = phrase_before(&sc, i, eff_markers, 0))) {
                if (!(x = num_push(out, RC_EFFECT, v)))
                    return LM_ERR_NOMEM;
                set_str(x->unit, sizeof x->unit, eff);
            } else if (phrase_before(&sc, i, (const char *const[]){ "n", NULL }, 0)
                       || (v == floor(v) && v >= 10 && arm_context(&sc, i, a))) {
                if (!(x = num_push(out, RC_N, v)))
                    return LM_ERR_NOMEM;
            } else if (phrase_before(&sc, i, time_before, 0)) {
                const char *tb = phrase_before(&sc, i, time_before, 0);
                double f = tb[0] == 'w' ? 7 : tb[0] == 'm' ? 30.4 : tb[0] == 'y' ? 365.25
                           : tb[0] == 'h' ? 1.0 / 24 : 1;
                if (!(x = num_push(out, RC_DURATION, v * f)))
                    return LM_ERR_NOMEM;
                set_str(x->unit, sizeof x->unit, tb[0] == 'w' ? "3" : tb[0] == 'm' ? "4"
                        : tb[0] == 'y' ? "5" : tb[0] == 'h' ? "1" : "2");
            } else if (phrase_before(&sc, i, chain, 0)
                       && (x = last_of(out, first, orig(&r->nt, base, i), 40))) {
                struct rc_num *l = x;
                enum rc_num_kind kk = l->kind;
                char unit[sizeof l->unit];
                memcpy(unit, l->unit, sizeof unit);
                if (!(x = num_push(out, kk, v)))
                    return LM_ERR_NOMEM;
                memcpy(x->unit, unit, sizeof unit);
            } else if ((sc.s[i] == '-' || sc.s[i] == '+' || memchr(sc.s + i, '.', used))
                       && word_near_before(&sc, i, 80, change_ctx)) {
                if (!(x = num_push(out, RC_CHANGE, v)))
                    return LM_ERR_NOMEM;
            } else {
                x = NULL;
            }
            /* a count of doses written before the amount: "two 25 mg doses" */
            if (x && x->kind == RC_DOSE && v == floor(v)) {
                size_t d2 = i;
                (void)d2;
            }
            if (!x) {
                /* "two 25 mg doses", "one 200,000 IU dose": the number before a
                 * dose amount counts doses */
                size_t b = skip_ws(&sc, i + used);
                double v2;
                size_t u2;
                if (v == floor(v) && v >= 1 && v < 20 && lm_num_any(sc.s + b, sc.n - b, &v2, &u2)) {
                    size_t c = skip_ws(&sc, b + u2), ul;
                    if (c < sc.n && sc.s[c] == '-')
                        c++;
                    if (unit_at(&sc, c, dose_units, &ul) && noun_after(&sc, c + ul, 1, dose_nouns, &e)) {
                        if (!(x = num_push(out, RC_DOSES, v)))
                            return LM_ERR_NOMEM;
                    }
                }
            }
        } else if ((sc.s[i] == 'a' || sc.s[i] == 'A') && i + 2 < sc.n && sc.s[i + 1] == ' '
                   && phrase_before(&sc, i, (const char *const[]){ "for", NULL }, 0)
                   && (u = unit_at(&sc, i + 2 + (phrase_at(&sc, i + 2, (const char *const[]){
                                                     "full", "whole", "entire", NULL })
                                                 ? word_at(&sc, i + 2) + 1 : 0),
                                   time_units, &e))
                   && e > 1 && u->canon[0] >= '2') {
            /* "for a full year", "for a month": a course of one unit */
            size_t a = i + 2 + (phrase_at(&sc, i + 2, (const char *const[]){ "full", "whole",
                                                                             "entire", NULL })
                                ? word_at(&sc, i + 2) + 1 : 0);
            if (!(x = num_push(out, RC_DURATION, days_of(u->canon))))
                return LM_ERR_NOMEM;
            set_str(x->unit, sizeof x->unit, u->canon);
            used = a + e - i;
        } else if (phrase_at(&sc, i, (const char *const[]){ "single", "a single", NULL })
                   && noun_after(&sc, i + 6, 3, dose_nouns, &e)) {
            if (!(x = num_push(out, RC_DOSES, 1)))
                return LM_ERR_NOMEM;
            used = 6;
        } else {
            size_t l = word_at(&sc, i);
            i += l ? l : 1;
            continue;
        }
        if (x) {
            x->start = orig(nt, base, i);
            x->end = orig(nt, base, i + used);
            if (phrase_before(&sc, i, approx_words, 0))
                x->approx = 1;
            if (x->kind == RC_N || x->kind == RC_RATE)
                if (!x->what[0])
                    set_str(x->what, sizeof x->what, what_of(&sc, i, i + used));
            /* "12 points more than placebo", "a difference of 6.6" */
            if (x->kind == RC_CHANGE) {
                size_t a2 = skip_ws(&sc, i + used);
                size_t w = word_at(&sc, a2);
                a2 = skip_ws(&sc, a2 + w);
                if (phrase_at(&sc, a2, (const char *const[]){ "more than", "greater than",
                              "better than", "over placebo", "versus placebo", NULL })
                    || word_near_before(&sc, i, 70, (const char *const[]){ "difference", NULL }))
                    set_str(x->what, sizeof x->what, "difference");
            }
        }
        i += used ? used : 1;
    }
    return LM_OK;
}

static int overlaps(const struct rc_nums *ns, size_t upto, size_t s, size_t e,
                    enum rc_num_kind kind, double v)
{
    size_t i;

    for (i = 0; i < upto; i++) {
        const struct rc_num *x = &ns->v[i];
        if (x->start < e && s < x->end && (x->kind == kind || fabs(x->v - v) < 1e-9))
            return 1;
    }
    return 0;
}

/* The extractor's own reading (sample sizes, rates with k/n, effects with
 * their metric and CI, study counts), added where the word scan had nothing
 * at the same place. */
static lm_err add_extractions(rc_numrules *r, const char *text, size_t start, size_t end,
                              struct rc_nums *out)
{
    size_t i, upto = out->n;
    lm_err rc;

    lm_extractions_clear(&r->xs);
    rc = lm_extract_text(r->ex, text + start, end - start, "claim", &r->xs);
    if (rc == LM_ERR_TOO_BIG)
        return LM_OK;
    if (rc != LM_OK)
        return rc;
    for (i = 0; i < r->xs.len; i++) {
        const lm_extraction *e = &r->xs.v[i];
        enum rc_num_kind kind;
        double v = e->value;
        struct rc_num *x;

        switch (e->kind) {
        case LM_KIND_SAMPLE_SIZE: case LM_KIND_ARM_SIZE: kind = RC_N; break;
        case LM_KIND_RATE: kind = RC_RATE; v = e->value / 100; break;
        case LM_KIND_EFFECT: kind = RC_EFFECT; break;
        case LM_KIND_P_VALUE: kind = RC_P; break;
        case LM_KIND_STUDY_COUNT:
            if (!strcmp(e->metric, "participants"))
                kind = RC_N;
            else if (!strcmp(e->metric, "studies") || !strcmp(e->metric, "rcts"))
                kind = RC_COUNT;
            else
                continue;
            break;
        default:
            continue;
        }
        if (isnan(v))
            continue;
        if (overlaps(out, upto, start + e->span_start, start + e->span_end, kind, v))
            continue;
        if (!(x = num_push(out, kind, v)))
            return LM_ERR_NOMEM;
        x->start = start + e->span_start;
        x->end = start + e->span_end;
        if (!isnan(e->lo) && !isnan(e->hi) && kind != RC_RATE) {
            x->lo = e->lo;
            x->hi = e->hi;
            x->has_ci = 1;
        }
        if (e->k >= 0 && e->n > 0) {
            x->k = (int)e->k;
            x->n = (int)e->n;
        }
        if (kind == RC_EFFECT)
            set_str(x->unit, sizeof x->unit, e->metric);
        else if (kind == RC_P)
            set_str(x->what, sizeof x->what, e->p_op);
        else if (kind == RC_RATE)
            set_str(x->what, sizeof x->what, strcmp(e->metric, "other") ? e->metric : "");
        else
            set_str(x->what, sizeof x->what, e->metric);
        if (kind == RC_P && !isnan(e->p))
            x->v = e->p;
    }
    return LM_OK;
}

lm_err rc_numbers(rc_numrules *r, const char *text, size_t start, size_t end,
                  struct rc_nums *out)
{
    lm_err rc;

    if (end <= start)
        return LM_OK;
    if ((rc = lm_text_norm(text + start, end - start, &r->nt)) != LM_OK)
        return rc;
    if ((rc = scan_words(r, start, out)) != LM_OK)
        return rc;
    return add_extractions(r, text, start, end, out);
}

lm_err rc_numrules_design(rc_numrules *r, const char *title, const char *abstract,
                          const char *pub_types, const char *mesh, char level[4],
                          char design[32])
{
    size_t i;
    lm_err rc;

    strcpy(level, "L4");
    strcpy(design, "other");
    lm_extractions_clear(&r->xs);
    if ((rc = lm_extract_design(r->ex, title, abstract, pub_types, mesh, &r->xs)) != LM_OK)
        return rc;
    for (i = 0; i < r->xs.len; i++)
        if (r->xs.v[i].kind == LM_KIND_DESIGN) {
            set_str(level, 4, r->xs.v[i].level[0] ? r->xs.v[i].level : "L4");
            set_str(design, 32, r->xs.v[i].svalue);
        }
    return LM_OK;
}

/* Digit groups in a phrase ("150 mg, 600 mg": 2). */
static int digit_groups(const char *s)
{
    int n = 0;

    for (; s && *s; s++)
        n += isdigit((unsigned char)s[0]) && !isdigit((unsigned char)s[1]) && s[1] != '.';
    return n;
}

/* What a finding compares, from its outcome and arm phrases: doses (a dose
 * word, or amounts on both sides or two in one arm), how often ("frequency"),
 * and whether it speaks of the lower amount ("a lower dose is comparable to
 * placebo" says nothing against more being better). */
static unsigned finding_dims(const lm_extraction *e)
{
    const char *ph[3] = { e->outcome, e->intervention, e->comparator };
    unsigned dims = 0;
    size_t i;

    for (i = 0; i < 3; i++) {
        if (!ph[i])
            continue;
        if (rc_has_stem(ph[i], "dose") || rc_has_stem(ph[i], "dosage"))
            dims |= RC_FD_DOSE;
        if (rc_has_stem(ph[i], "low") || rc_has_stem(ph[i], "small"))
            dims |= RC_FD_LOW;
    }
    /* how often as a factor ("no main effect of exercise frequency"), not a
     * frequency measured as the outcome ("seizure frequency decreased") */
    if (e->text) {
        const char *p = strstr(e->text, "effect of ");
        if (!p)
            p = strstr(e->text, "effects of ");
        if (p && rc_has_stem(p, "frequenc"))
            dims |= RC_FD_FREQ;
    }
    if (digit_groups(e->intervention) >= 2
        || (digit_groups(e->intervention) && digit_groups(e->comparator)))
        dims |= RC_FD_DOSE;
    return dims;
}

/* A follow-up or treatment period of a record, in title\nabstract bytes. */
static void add_dur(struct rc_model *m, double days, const lm_extraction *e, const char *title,
                    const char *written)
{
    struct rc_span_days *d;
    size_t off, i;

    if (m->ndur >= sizeof m->dur / sizeof m->dur[0]
        || (strcmp(e->section, "abstract") && strcmp(e->section, "title")))
        return;
    for (i = 0; i < m->ndur; i++)
        if (fabs(m->dur[i].days - days) < 0.5)
            return;
    off = strcmp(e->section, "abstract") ? 0 : strlen(title) + 1;
    d = &m->dur[m->ndur++];
    d->days = days;
    d->start = e->span_start + off;
    d->end = e->span_end + off;
    strcpy(d->unit, "2");
    rc_duration_days_unit(written, d->unit);
}

/* The duration regimen @e gives is, where it is written in its span, how
 * long the condition had lasted ("cough lasting at least 12 months were
 * randomly assigned ... for 12 weeks"): an inclusion criterion. */
static int condition_lasted(const lm_extraction *e, const char *title, const char *abstract,
                            char *course, size_t cap)
{
    static const char *const cues[] = { "lasting", "history of", "diagnosed", "duration of",
                                        "symptoms for", "persisting", NULL };
    const char *sec = strcmp(e->section, "abstract") ? title : abstract;
    size_t n = strlen(sec), a = e->span_start < n ? e->span_start : n,
           b = e->span_end < n ? e->span_end : n, i;
    const char *p;
    char before[32];
    size_t s;

    /* (the span may begin inside the phrase: look a little before it) */
    a = a > 28 ? a - 28 : 0;
    if (!(p = rc_find_ci(sec + a, b - a, e->duration)))
        return 0;
    s = (size_t)(p - sec);
    snprintf(before, sizeof before, "%.*s", (int)(s > 28 ? 28 : s), sec + (s > 28 ? s - 28 : 0));
    for (i = 0; cues[i] && !rc_find_ci(before, strlen(before), cues[i]); i++)
        ;
    if (!cues[i])
        return 0;
    /* the course its sentence gives after it ("... or placebo for 12
     * weeks"), inside the span or past its end */
    course[0] = '\0';
    while (b < n && b < e->span_end + 200 && !(sec[b] == '.' && (b + 1 == n || sec[b + 1] == ' ')))
        b++;
    for (p += strlen(e->duration); p + 5 < sec + b; p++)
        if (!strncasecmp(p, "for ", 4) && isdigit((unsigned char)p[4])) {
            size_t l = 4;
            while (p + l < sec + b && (isalnum((unsigned char)p[l]) || p[l] == ' ' || p[l] == '.')
                   && l < 24 && !(p[l] == ' ' && l > 4 && isalpha((unsigned char)p[l - 1])))
                l++;
            snprintf(course, cap, "%.*s", (int)(l - 4), p + 4);
            if (rc_duration_days(course) <= 0)
                course[0] = '\0';
            break;
        }
    return 1;
}

lm_err rc_numrules_model(rc_numrules *r, int64_t pmid, const char *title, const char *abstract,
                         const char *pub_types, const char *mesh, char level[4],
                         char design[32], struct rc_model *m)
{
    lm_article a;
    size_t i;
    lm_err rc;
    char course[32];

    memset(m, 0, sizeof *m);
    memset(&a, 0, sizeof a);
    a.pmid = pmid;
    a.title = title;
    a.abstract = abstract;
    a.pub_types = pub_types;
    a.mesh = mesh;
    strcpy(level, "L4");
    strcpy(design, "other");
    lm_extractions_clear(&r->xs);
    if ((rc = lm_extract_article(r->ex, &a, &r->xs)) != LM_OK)
        return rc;
    for (i = 0; i < r->xs.len; i++) {
        const lm_extraction *e = &r->xs.v[i];
        switch (e->kind) {
        case LM_KIND_DESIGN:
            set_str(level, 4, e->level[0] ? e->level : "L4");
            set_str(design, 32, e->svalue);
            m->placebo = strstr(e->flags, "placebo_controlled") || strstr(e->flags, "double_blind");
            break;
        case LM_KIND_FINDING:
            if (m->nfind < RC_MAX_FINDINGS
                && (!strcmp(e->section, "abstract") || !strcmp(e->section, "title"))) {
                struct rc_finding *f = &m->find[m->nfind++];
                size_t off = strcmp(e->section, "abstract") ? 0 : strlen(title) + 1;
                f->start = e->span_start + off;
                f->end = e->span_end + off;
                f->dir = !strcmp(e->metric, "increased") ? 1 : !strcmp(e->metric, "decreased") ? -1 : 0;
                f->sig = strstr(e->flags, "significant=true") ? 1
                         : strstr(e->flags, "significant=false") ? 0 : -1;
                f->primary = strstr(e->flags, "primary") != NULL;
                f->dims = finding_dims(e);
                f->versus[0] = '\0';
                f->outcome[0] = '\0';
                if (e->outcome) {
                    size_t l;
                    for (l = 0; e->outcome[l] && l < sizeof f->outcome - 1; l++)
                        f->outcome[l] = (char)tolower((unsigned char)e->outcome[l]);
                    f->outcome[l] = '\0';
                }
                if (e->comparator && strcmp(e->comparator, "baseline")) {
                    size_t l = 0;
                    const char *c = e->comparator;
                    while (*c && !isalpha((unsigned char)*c))
                        c++;
                    if (!strncasecmp(c, "the ", 4))
                        c += 4;
                    while (isalpha((unsigned char)c[l]) && l < sizeof f->versus - 1)
                        l++;
                    memcpy(f->versus, c, l);
                    f->versus[l] = '\0';
                }
            }
            if (!strstr(e->flags, "primary"))
                break;
            if (!strcmp(e->metric, "no_difference") && strstr(e->flags, "significant=false"))
                m->null_primary = 1;
            if (strstr(e->flags, "significant=true")) {
                m->sig_primary = 1;
                if (!m->primary_dir)
                    m->primary_dir = !strcmp(e->metric, "increased") ? 1
                                     : !strcmp(e->metric, "decreased") ? -1 : 0;
            }
            break;
        case LM_KIND_FOLLOW_UP:
            if (e->value == e->value && e->value > m->follow_days)
                m->follow_days = e->value;
            if (e->value == e->value && e->value > 0)
                add_dur(m, e->value, e, title, e->text);
            break;
        case LM_KIND_REGIMEN:
            if (!m->admins && e->n > 0)
                m->admins = (double)e->n;
            if (!m->frequency[0] && e->frequency)
                set_str(m->frequency, sizeof m->frequency, e->frequency);
            if (e->duration && condition_lasted(e, title, abstract, course, sizeof course)) {
                /* how long the condition had lasted, not the course */
                if (course[0] && !m->duration[0])
                    set_str(m->duration, sizeof m->duration, course);
                if (course[0])
                    add_dur(m, rc_duration_days(course), e, title, course);
            } else {
                if (!m->duration[0] && e->duration)
                    set_str(m->duration, sizeof m->duration, e->duration);
                if (e->duration && rc_duration_days(e->duration) > 0)
                    add_dur(m, rc_duration_days(e->duration), e, title, e->duration);
            }
            if (!m->dose[0] && e->dose)
                set_str(m->dose, sizeof m->dose, e->dose);
            break;
        default:
            break;
        }
    }
    return LM_OK;
}
