/* The rule engine (extractors/rules.c): sample sizes, rates, effects and
 * p-values on hand-written sentences (fixture tables), spans, and bad input
 * (empty, huge, binary, absurd numbers) that must never crash or store an
 * absurd value. */
#include <math.h>
#include <litmine/extract.h>
#include "tsv.h"

static lm_extractor *ex;

static void setup(void)
{
    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK, "%s", lm_extractor_errmsg(ex));
}

static void teardown(void)
{
    lm_extractor_close(ex);
}

TestSuite(rules, .init = setup, .fini = teardown);

/* Runs the whole article pipeline on an abstract. */
static void run(const char *abstract, lm_extractions *x)
{
    lm_article a;

    memset(&a, 0, sizeof a);
    a.pmid = 1;
    a.title = "";
    a.abstract = abstract;
    cr_assert_eq(lm_extract_article(ex, &a, x), LM_OK, "%s", lm_extractor_errmsg(ex));
}

/* A PMC body alone (empty abstract) through lm_extract_article. */
static void run_body(const char *body, lm_extractions *x)
{
    lm_article a;

    memset(&a, 0, sizeof a);
    a.abstract = "";
    a.body = body;
    cr_assert_eq(lm_extract_article(ex, &a, x), LM_OK);
}

static size_t count_rates(const lm_extractions *x)
{
    size_t i, n = 0;

    for (i = 0; i < x->len; i++)
        n += x->v[i].kind == LM_KIND_RATE;
    return n;
}

static const lm_extraction *first_of(const lm_extractions *x, lm_kind k, const char *flag)
{
    size_t i;

    for (i = 0; i < x->len; i++)
        if (x->v[i].kind == k && (!flag || strstr(x->v[i].flags, flag)))
            return &x->v[i];
    return NULL;
}

static size_t count_of(const lm_extractions *x, lm_kind k)
{
    size_t i, n = 0;

    for (i = 0; i < x->len; i++)
        n += x->v[i].kind == k;
    return n;
}


/* ---- fixture tables ----------------------------------------------------- */

static int same(double a, const char *want)
{
    if (!strcmp(want, "nan"))
        return isnan(a);
    return fabs(a - atof(want)) < 1e-9;
}

/* sample_size.tsv: text, total (-1: none), metric, rule; the span quotes
 * the original text */
static void check_size(const tsv *t, const lm_extractions *x)
{
    const lm_extraction *e = first_of(x, LM_KIND_SAMPLE_SIZE, "primary");
    double want = atof(t->field[1]);

    if (want < 0) {
        cr_expect_null(e, "%s:%lu: '%s' gave %g (%s)", t->path, t->lineno, t->field[0],
                       e ? e->value : 0, e ? e->rule : "");
        return;
    }
    cr_expect(e && e->value == want && !strcmp(e->metric, t->field[2]) && !strcmp(e->rule, t->field[3]),
              "%s:%lu: '%s' gave %g %s %s, want %g %s %s", t->path, t->lineno, t->field[0],
              e ? e->value : -1, e ? e->metric : "", e ? e->rule : "", want, t->field[2], t->field[3]);
    if (e)
        cr_expect(e->span_end <= strlen(t->field[0])
                  && !strncmp(t->field[0] + e->span_start, e->text, e->span_end - e->span_start),
                  "%s:%lu: span does not match the text", t->path, t->lineno);
}

/* rates.tsv: text, metric, percent, k, n (-1: none), a flag ("-": none);
 * a printed k/n has a Wilson CI around the rate */
static void check_rate(const tsv *t, const lm_extractions *x)
{
    const lm_extraction *e = first_of(x, LM_KIND_RATE, NULL);

    cr_expect(e && !strcmp(e->metric, t->field[1]) && fabs(e->value - atof(t->field[2])) < 0.01
              && e->k == atol(t->field[3]) && e->n == atol(t->field[4])
              && (!strcmp(t->field[5], "-") || strstr(e->flags, t->field[5])),
              "%s:%lu: '%s' gave %s %g k=%lld n=%lld flags=%s", t->path, t->lineno, t->field[0],
              e ? e->metric : "-", e ? e->value : -1, e ? (long long)e->k : -2,
              e ? (long long)e->n : -2, e ? e->flags : "");
    if (e && e->k >= 0 && e->n > 0)
        cr_expect(e->lo < e->value && e->value < e->hi, "%s:%lu: Wilson CI %g-%g around %g",
                  t->path, t->lineno, e->lo, e->hi, e->value);
}

/* rates_none.txt: a text without any outcome rate */
static void check_no_rate(const tsv *t, const lm_extractions *x)
{
    const lm_extraction *e = first_of(x, LM_KIND_RATE, NULL);

    cr_expect_null(e, "%s:%lu: '%s' gave a rate '%s'", t->path, t->lineno, t->field[0],
                   e ? e->text : "");
}

/* effects.tsv: text, metric, value, lo, hi, p ("nan": none), a flag ("-":
 * consistent) */
static void check_effect(const tsv *t, const lm_extractions *x)
{
    const lm_extraction *e = first_of(x, LM_KIND_EFFECT, NULL);

    cr_expect(e && !strcmp(e->metric, t->field[1]) && same(e->value, t->field[2])
              && same(e->lo, t->field[3]) && same(e->hi, t->field[4]) && same(e->p, t->field[5])
              && (!strcmp(t->field[6], "-") ? !strstr(e->flags, "inconsistent") && !strstr(e->flags, "mismatch")
                                           : strstr(e->flags, t->field[6]) != NULL),
              "%s:%lu: '%s' gave %s %g [%g, %g] p %g flags=%s", t->path, t->lineno, t->field[0],
              e ? e->metric : "-", e ? e->value : 0, e ? e->lo : 0, e ? e->hi : 0,
              e ? e->p : 0, e ? e->flags : "");
}

/* Each fixture: every row's text is extracted and checked; at least
 * min_rows rows. */
static const struct {
    const char *fixture;
    void (*check)(const tsv *t, const lm_extractions *x);
    int min_rows;
} tables[] = {
    { "sample_size.tsv", check_size, 15 },
    { "rates.tsv", check_rate, 5 },
    { "rates_none.txt", check_no_rate, 3 },
    { "effects.tsv", check_effect, 8 },
};

Test(rules, fixtures_by_table)
{
    lm_extractions x = { 0 };
    size_t k;

    for (k = 0; k < sizeof tables / sizeof tables[0]; k++) {
        tsv t;
        int rows = 0;

        tsv_open(&t, tables[k].fixture);
        while (tsv_next(&t)) {
            lm_extractions_clear(&x);
            run(t.field[0], &x);
            tables[k].check(&t, &x);
            rows++;
        }
        tsv_close(&t);
        cr_expect_gt(rows, tables[k].min_rows, "%s: %d rows", tables[k].fixture, rows);
    }
    lm_extractions_free(&x);
}

/* ---- single cases ----------------------------------------------------- */

/* Those asked are kept, flagged "pool", and lose to those who took part;
 * a control group is added to the cases only when both are stated in one
 * part of a structured abstract, and its row quotes both. */
Test(rules, pool_and_separate_control_group)
{
    static const char both[] = "METHODS: The study group consisted of 45 patients with eczema. "
                               "The control group was made up of 20 healthy people.";
    static const char apart[] = "METHODS: The control group was made up of 20 healthy people.\n"
                                "RESULTS: Biopsies of 45 patients were read.";
    lm_extractions x = { 0 };
    const lm_extraction *e;

    run("Out of 204 women who were asked to take part, 152 (74.5%) agreed to participate.", &x);
    e = first_of(&x, LM_KIND_SAMPLE_SIZE, "pool");
    cr_assert(e && e->value == 204, "the 204 asked are a pool");
    e = first_of(&x, LM_KIND_SAMPLE_SIZE, "primary");
    cr_assert(e && e->value == 152 && !strcmp(e->rule, "n.agreed"));

    lm_extractions_clear(&x);
    run(both, &x);
    e = first_of(&x, LM_KIND_SAMPLE_SIZE, "primary");
    cr_assert(e && e->value == 65 && !strcmp(e->rule, "n.with_controls"));
    cr_expect_str_eq(e->text, "consisted of 45 patients with eczema. The control group was made up of 20 healthy people");
    cr_expect(!strncmp(both + e->span_start, e->text, e->span_end - e->span_start));
    e = first_of(&x, LM_KIND_ARM_SIZE, NULL);
    cr_expect(e && e->value == 20 && !strcmp(e->rule, "arm.control"));

    lm_extractions_clear(&x);
    run(apart, &x);
    e = first_of(&x, LM_KIND_SAMPLE_SIZE, "primary");
    cr_assert(e && e->value == 45 && strcmp(e->rule, "n.with_controls"), "got %g %s",
              e ? e->value : -1, e ? e->rule : "");
    lm_extractions_free(&x);
}

/* The groups of a listed sum are compared groups: an arm row each. */
Test(rules, listed_groups_are_arms)
{
    lm_extractions x = { 0 };
    size_t i, arms = 0;
    double sum = 0;

    run("We studied 56 schizophrenia outpatients and 16 matched healthy comparison subjects.", &x);
    for (i = 0; i < x.len; i++)
        if (x.v[i].kind == LM_KIND_ARM_SIZE) {
            arms++;
            sum += x.v[i].value;
            cr_expect_str_eq(x.v[i].rule, "arm.group");
        }
    cr_expect_eq(arms, 2);
    cr_expect_eq(sum, 72);
    cr_expect(first_of(&x, LM_KIND_SAMPLE_SIZE, "primary")
              && first_of(&x, LM_KIND_SAMPLE_SIZE, "primary")->value == 72);
    lm_extractions_free(&x);
}

Test(rules, arm_sizes_reported_each)
{
    lm_extractions x = { 0 };

    run("Patients were assigned to a drug group (n = 30) or a placebo group (n = 31).", &x);
    cr_expect_eq(count_of(&x, LM_KIND_ARM_SIZE), 2);
    lm_extractions_free(&x);
}


/* In a list of rates by group, the group of one percent ("of women") is not
 * a baseline trait of the next; a trait before a percent still is. */
Test(rules, rates_listed_by_group)
{
    lm_extractions x = { 0 };
    size_t n;

    run("Goal attainment was reached in 34.1% and 48.8% of men, 35.5% and 62.7% of women, "
        "34.5% and 56.6% of Asians and 22.6% and 38.6% of blacks.", &x);
    n = count_of(&x, LM_KIND_RATE);
    cr_expect_eq(n, 8, "%zu rates", n);
    lm_extractions_clear(&x);
    /* "men " inside "women " of the group before */
    run("Drug was detected in 90% of women with vaginal dosing and only 19% of women with oral dosing.", &x);
    n = count_of(&x, LM_KIND_RATE);
    cr_expect_eq(n, 2, "%zu rates", n);
    lm_extractions_clear(&x);
    run("Of the participants, 60 were women (52%) and their mean age was 44 years.", &x);
    cr_expect_null(first_of(&x, LM_KIND_RATE, NULL));
    lm_extractions_free(&x);
}


Test(rules, no_duplicate_rates_after_multibyte_text)
{
    /* U+2212 and U+00B7 before the percents shift normalised offsets: the
     * overlap check must compare like with like */
    lm_extractions x = { 0 };
    size_t i, rates = 0;

    run("Response (score \xE2\x88\x92 50%, 0\xC2\xB7" "5 SD) occurred in 53.1% vs. 19.3% of patients.", &x);
    for (i = 0; i < x.len; i++)
        rates += x.v[i].kind == LM_KIND_RATE;
    cr_expect_eq(rates, 3, "%zu rates", rates);
    lm_extractions_free(&x);
}

Test(rules, denominator_from_sample_size)
{
    lm_extractions x = { 0 };
    const lm_extraction *e;

    /* a percent alone: k and n are not printed, so they stay empty and the
     * row is flagged; a printed k/n is kept as printed, unflagged */
    run("A total of 40 patients were randomized. Remission was reached by 25% of patients.", &x);
    e = first_of(&x, LM_KIND_RATE, NULL);
    cr_assert_not_null(e);
    cr_expect_eq(e->n, -1);
    cr_expect_eq(e->k, -1);
    cr_expect(isnan(e->lo) && isnan(e->hi), "CI %g-%g from an assumed n", e->lo, e->hi);
    cr_expect_float_eq(e->value, 25.0, 1e-9);
    cr_expect(strstr(e->flags, "n_assumed") != NULL, "flags %s", e->flags);
    lm_extractions_free(&x);
    memset(&x, 0, sizeof x);
    run("A total of 40 patients were randomized. Remission was reached by 10/20 (50%) in the zelorin arm.", &x);
    e = first_of(&x, LM_KIND_RATE, NULL);
    cr_assert_not_null(e);
    cr_expect_eq(e->k, 10);
    cr_expect_eq(e->n, 20);
    cr_expect(strstr(e->flags, "n_assumed") == NULL, "flags %s", e->flags);
    lm_extractions_free(&x);
}

/* A PMC body's introduction reports others' results: no rate from it; the
 * same sentence in the results section is a rate. */
Test(rules, no_rates_from_the_introduction)
{
    lm_extractions x = { 0 };
    const lm_extraction *e;

    run_body("## Introduction\nEarlier trials of tarnoxil reported remission in 45% of patients.\n"
             "## Results\nRemission was seen in 12/30 (40%) patients.\n", &x);
    e = first_of(&x, LM_KIND_RATE, NULL);
    cr_assert_not_null(e);
    cr_expect_str_eq(e->section, "Results");
    cr_expect_eq(e->k, 12);
    cr_expect_eq(count_rates(&x), 1);
    lm_extractions_free(&x);
}

/* A section title longer than the 32-byte field is cut before the
 * character the limit falls in, never inside it (valid UTF-8). */
Test(rules, multibyte_section_titles_are_cut_whole)
{
    static const char *const titles[] = {
        "## R\xc3\xa9sultats d\xc3\xa9taill\xc3\xa9s de l'\xc3\xa9tude pilote randomis\xc3\xa9" "e\n",
        "## \xe7\xbb\x93\xe6\x9e\x9c\xe4\xb8\x8e\xe8\xae\xa8\xe8\xae\xba\xe7\xbb\x93\xe6\x9e\x9c\xe4\xb8\x8e\xe8\xae\xa8\xe8\xae\xba\xe7\xbb\x93\xe6\x9e\x9c\n",
        "## Ergebnisse\xf0\x9f\x93\x8a\xf0\x9f\x93\x8a\xf0\x9f\x93\x8a\xf0\x9f\x93\x8a\xf0\x9f\x93\x8a\xf0\x9f\x93\x8a\n",
    };
    size_t t;

    for (t = 0; t < sizeof titles / sizeof titles[0]; t++) {
        char body[512];
        lm_extractions x = { 0 };
        const lm_extraction *e;
        const unsigned char *s;
        size_t n, i;

        snprintf(body, sizeof body, "%sOverall, p = 0.04 was seen.\n", titles[t]);
        run_body(body, &x);
        e = first_of(&x, LM_KIND_P_VALUE, NULL);
        cr_assert_not_null(e, "title %zu", t);
        s = (const unsigned char *)e->section;
        n = strlen(e->section);
        cr_expect(n > 20 && n < sizeof e->section, "title %zu cut to %zu bytes", t, n);
        cr_expect(!strncmp(e->section, titles[t] + 3, n), "title %zu: a prefix", t);
        for (i = 0; i < n; ) {   /* whole UTF-8 sequences only */
            size_t len = s[i] < 0x80 ? 1 : (s[i] & 0xE0) == 0xC0 ? 2 : (s[i] & 0xF0) == 0xE0 ? 3
                       : (s[i] & 0xF8) == 0xF0 ? 4 : 0;
            size_t j;
            cr_assert(len && i + len <= n, "title %zu: byte %zu starts no whole character", t, i);
            for (j = 1; j < len; j++)
                cr_assert((s[i + j] & 0xC0) == 0x80, "title %zu: byte %zu", t, i + j);
            i += len;
        }
        lm_extractions_free(&x);
    }
}


Test(rules, medians_and_ci_levels_are_not_effects)
{
    lm_extractions x = { 0 };

    run("Median survival was 10.4 months (95% CI, 7.0 to 15.8). The mean difference (95% CI) "
        "is reported below.", &x);
    cr_expect_null(first_of(&x, LM_KIND_EFFECT, NULL), "got %s",
                   first_of(&x, LM_KIND_EFFECT, NULL) ? first_of(&x, LM_KIND_EFFECT, NULL)->text : "");
    lm_extractions_free(&x);
}

Test(rules, body_sections_are_named_and_spans_count_from_the_body)
{
    lm_extractions x = { 0 };
    const lm_extraction *e;
    const char *body = "## Methods\nWe screened people.\n## Results\nOverall, p = 0.04 was seen.\n";

    run_body(body, &x);
    e = first_of(&x, LM_KIND_P_VALUE, NULL);
    cr_assert_not_null(e);
    cr_expect_str_eq(e->section, "Results");
    cr_expect(!strncmp(body + e->span_start, "p = 0.04", 8), "span %zu", e->span_start);
    lm_extractions_free(&x);
}

Test(rules, p_value_alone)
{
    lm_extractions x = { 0 };
    const lm_extraction *e;

    run("Scores improved more with drug (p = 0.03).", &x);
    e = first_of(&x, LM_KIND_P_VALUE, NULL);
    cr_assert_not_null(e);
    cr_expect(fabs(e->p - 0.03) < 1e-12);
    cr_expect_str_eq(e->p_op, "=");
    cr_expect_str_eq(e->text, "p = 0.03");
    lm_extractions_free(&x);
}

/* "p - value =" and such spaced hyphens: the gate lets them through */
Test(rules, p_value_spaced_hyphen_forms)
{
    static const struct { const char *text; double p; const char *op; } rows[] = {
        { "Pain fell more with zorvane (p - value = 0.03).", 0.03, "=" },
        { "Pain fell more with zorvane (p -value < 0.01).", 0.01, "<" },
        { "Pain fell more with zorvane (p- value = 0.2).", 0.2, "=" },
        { "Pain fell more with zorvane (p-value = 0.04).", 0.04, "=" },
    };
    size_t i;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        lm_extractions x = { 0 };
        const lm_extraction *e;

        run(rows[i].text, &x);
        e = first_of(&x, LM_KIND_P_VALUE, NULL);
        cr_expect_not_null(e, "%s: no p-value", rows[i].text);
        if (e) {
            cr_expect(fabs(e->p - rows[i].p) < 1e-12, "%s: p %g", rows[i].text, e->p);
            cr_expect_str_eq(e->p_op, rows[i].op, "%s", rows[i].text);
        }
        lm_extractions_free(&x);
    }
}

Test(rules, meta_analysis_counts)
{
    lm_extractions x = { 0 };
    size_t i;
    int studies = 0, rcts = 0, i2 = 0;

    run("Twelve studies were included, of which 8 randomized controlled trials were pooled. "
        "Heterogeneity was moderate (I\xC2\xB2 = 45%).", &x);
    for (i = 0; i < x.len; i++) {
        const lm_extraction *e = &x.v[i];
        if (e->kind != LM_KIND_STUDY_COUNT)
            continue;
        studies += !strcmp(e->metric, "studies") && e->value == 12;
        rcts += !strcmp(e->metric, "rcts") && e->value == 8;
        i2 += !strcmp(e->metric, "i2") && e->value == 45;
    }
    cr_expect(studies == 1 && rcts == 1 && i2 == 1, "studies %d rcts %d i2 %d", studies, rcts, i2);
    lm_extractions_free(&x);
}

/* ---- bad input ------------------------------------------------------------ */

Test(rules, empty_text)
{
    lm_extractions x = { 0 };

    cr_expect_eq(lm_extract_text(ex, "", 0, "abstract", &x), LM_OK);
    cr_expect_eq(x.len, 0);
    lm_extractions_free(&x);
}

Test(rules, absurd_numbers_are_rejected)
{
    lm_extractions x = { 0 };
    size_t i;
    const char *txt = "We enrolled 1e400 patients. Adults (n = -3) took part. Remission occurred "
                      "in 150% of patients. The odds ratio was 2.0 (95% CI 3.0 to 1.0). "
                      "P = 1.7 was reported. In 0 patients were randomized.";

    cr_assert_eq(lm_extract_text(ex, txt, strlen(txt), "abstract", &x), LM_OK);
    for (i = 0; i < x.len; i++) {
        const lm_extraction *e = &x.v[i];
        cr_expect(isfinite(e->value), "non-finite value from %s", e->rule);
        cr_expect(!(e->kind == LM_KIND_RATE && e->value > 100), "rate %g from %s", e->value, e->rule);
        cr_expect(!(e->kind == LM_KIND_SAMPLE_SIZE && e->value < 1), "n %g from %s", e->value, e->rule);
        cr_expect(!(e->kind == LM_KIND_EFFECT && e->lo > e->hi), "reversed CI from %s", e->rule);
        cr_expect(!(e->kind == LM_KIND_P_VALUE && e->p > 1), "p %g from %s", e->p, e->rule);
    }
    lm_extractions_free(&x);
}

/* Each bad value of the issue alone: the kind it would have given is not
 * extracted at all (no absurd row, no crash). */
Test(rules, each_absurd_value_alone_gives_no_row)
{
    static const struct { const char *text; lm_kind kind; } cases[] = {
        { "A total of 1e400 patients were randomized.", LM_KIND_SAMPLE_SIZE },
        { "We enrolled 1e400 patients.", LM_KIND_SAMPLE_SIZE },
        { "Adults (n = -3) were enrolled.", LM_KIND_ARM_SIZE },
        { "Adults (n = -3) were enrolled.", LM_KIND_SAMPLE_SIZE },
        { "In all, -3 patients were randomized.", LM_KIND_SAMPLE_SIZE },
        { "Remission occurred in 150% of patients.", LM_KIND_RATE },
        { "Response: 30/20 patients responded.", LM_KIND_RATE },
        { "The odds ratio was 2.0 (95% CI 3.0 to 1.0).", LM_KIND_EFFECT },
        { "The hazard ratio was 0.5 (95% CI 0.9-0.6).", LM_KIND_EFFECT },
        { "P = 1.7 was reported.", LM_KIND_P_VALUE },
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lm_extractions x = { 0 };

        cr_assert_eq(lm_extract_text(ex, cases[i].text, strlen(cases[i].text), "abstract", &x),
                     LM_OK, "%s", cases[i].text);
        cr_expect_null(first_of(&x, cases[i].kind, NULL), "%s gave a %s row", cases[i].text,
                       lm_kind_name(cases[i].kind));
        lm_extractions_free(&x);
    }
}

/* @p n pseudo-random bytes from @p seed (a NUL-free run when @p no_nul). */
static void fill_junk(char *buf, size_t n, unsigned seed, int no_nul)
{
    size_t i;

    for (i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = (char)((seed >> 16) | (no_nul ? 1u : 0u));
    }
}

/* Whole articles with an empty abstract, or binary junk for title and
 * abstract: only the design row (nothing to read), no crash. */
Test(rules, empty_and_junk_articles)
{
    lm_article a;
    lm_extractions x = { 0 };
    char junk[2048];
    size_t i;

    memset(&a, 0, sizeof a);
    a.pmid = 5;
    a.title = "";
    a.abstract = "";
    cr_assert_eq(lm_extract_article(ex, &a, &x), LM_OK);
    cr_expect_eq(x.len, 1);
    cr_expect_eq(x.v[0].kind, LM_KIND_DESIGN);
    cr_expect_str_eq(x.v[0].svalue, "other");
    lm_extractions_clear(&x);
    fill_junk(junk, sizeof junk - 1, 777, 1);
    junk[sizeof junk - 1] = '\0';
    a.title = junk;
    a.abstract = junk + 100;
    cr_assert_eq(lm_extract_article(ex, &a, &x), LM_OK);
    for (i = 0; i < x.len; i++)
        cr_expect(x.v[i].span_end <= strlen(x.v[i].section[0] == 't' ? a.title : a.abstract),
                  "span past the end from %s", x.v[i].rule);
    cr_expect_eq(x.v[x.len - 1].kind == LM_KIND_DESIGN || x.v[x.len - 1].kind == LM_KIND_SAMPLE_SIZE, 1);
    lm_extractions_free(&x);
}

struct logbuf { char text[4096]; size_t len; };

static void capture(lm_log_level lvl, const char *func, const char *msg, void *ud)
{
    struct logbuf *b = ud;
    int n;

    (void)lvl;
    (void)func;
    n = snprintf(b->text + b->len, sizeof b->text - b->len, "%s\n", msg);
    if (n > 0 && (size_t)n < sizeof b->text - b->len)
        b->len += (size_t)n;
}

Test(rules, rejections_are_logged_with_rule_and_reason)
{
    struct logbuf b = { "", 0 };
    lm_extractions x = { 0 };
    const char *txt = "The odds ratio was 2.0 (95% CI 3.0 to 1.0). Remission occurred in 150% of patients.";

    lm_log_set_level(LM_LOG_DEBUG);
    lm_log_set_sink(capture, &b);
    cr_assert_eq(lm_extract_text(ex, txt, strlen(txt), "abstract", &x), LM_OK);
    lm_log_set_sink(NULL, NULL);
    lm_log_set_level(LM_LOG_WARN);
    cr_expect(strstr(b.text, "rule effect.or rejected") && strstr(b.text, "CI bounds reversed"), "%s", b.text);
    cr_expect(strstr(b.text, "percent outside 0-100") != NULL, "%s", b.text);
    cr_expect_null(first_of(&x, LM_KIND_EFFECT, NULL));
    cr_expect_null(first_of(&x, LM_KIND_RATE, NULL));
    lm_extractions_free(&x);
}

Test(rules, binary_junk)
{
    char junk[4096];
    lm_extractions x = { 0 };

    fill_junk(junk, sizeof junk, 12345, 0);
    cr_expect_eq(lm_extract_text(ex, junk, sizeof junk, "abstract", &x), LM_OK);
    lm_extractions_free(&x);
}

Test(rules, one_megabyte_abstract)
{
    const char *unit = "A total of 212 participants were randomized; 15/20 (75%) remitted. ";
    size_t n = strlen(unit), reps = (1u << 20) / n, i;
    char *big = malloc(n * reps + 1);
    lm_extractions x = { 0 };

    cr_assert_not_null(big);
    for (i = 0; i < reps; i++)
        memcpy(big + i * n, unit, n);
    big[n * reps] = '\0';
    cr_expect_eq(lm_extract_text(ex, big, n * reps, "abstract", &x), LM_OK);
    cr_expect_gt(x.len, reps);
    lm_extractions_free(&x);
    free(big);
}

Test(rules, too_big_is_an_error_naming_the_section)
{
    lm_extractions x = { 0 };
    char c = 'a';

    /* the length is checked before the text is read */
    cr_expect_eq(lm_extract_text(ex, &c, (size_t)LM_MAX_FIELD + 1, "Results", &x), LM_ERR_TOO_BIG);
    cr_expect(strstr(lm_extractor_errmsg(ex), "Results") != NULL, "%s", lm_extractor_errmsg(ex));
    lm_extractions_free(&x);
}

Test(rules, bad_arguments)
{
    lm_extractions x = { 0 };

    cr_expect_eq(lm_extract_text(NULL, "a", 1, "abstract", &x), LM_ERR_USAGE);
    cr_expect_eq(lm_extract_text(ex, NULL, 1, "abstract", &x), LM_ERR_USAGE);
    cr_expect_eq(lm_extractor_open(0, NULL), LM_ERR_USAGE);
    lm_extractor_close(NULL);
}

Test(rules, no_jit_gives_the_same_results)
{
    lm_extractor *nj = NULL;
    lm_extractions a = { 0 }, b = { 0 };
    const char *txt = "A total of 212 participants were randomized. OR 2.1 (95% CI 1.2-3.4), "
                      "p = 0.01. Remission: 15/20 (75%).";
    size_t i;

    cr_assert_eq(lm_extractor_open(LM_EXTRACT_NO_JIT, &nj), LM_OK);
    cr_assert_eq(lm_extract_text(ex, txt, strlen(txt), "abstract", &a), LM_OK);
    cr_assert_eq(lm_extract_text(nj, txt, strlen(txt), "abstract", &b), LM_OK);
    cr_assert_eq(a.len, b.len);
    for (i = 0; i < a.len; i++)
        cr_expect(!strcmp(a.v[i].rule, b.v[i].rule) && a.v[i].span_start == b.v[i].span_start);
    lm_extractions_free(&a);
    lm_extractions_free(&b);
    lm_extractor_close(nj);
}
